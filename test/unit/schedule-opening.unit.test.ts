import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/domain/service.ts';
import { openingState, serviceOpeningState, type OpeningState } from '../../src/domain/schedule/index.ts';

/** Instants are written with their London offset (+01:00 in summer, Z in winter) so they read as a clock. */
const at = (iso: string): Date => new Date(iso);

const open = (closesAt: string): OpeningState => ({ kind: 'open', closesAt: at(closesAt) });
const closed = (opensAt?: string): OpeningState =>
  opensAt === undefined ? { kind: 'closed' } : { kind: 'closed', opensAt: at(opensAt) };

const weekdays9to5: Schedule = {
  freq: 'WEEKLY',
  byday: 'MO,TU,WE,TH,FR',
  opensAt: '09:00',
  closesAt: '17:00',
};
const saturdayMorning: Schedule = { freq: 'WEEKLY', byday: 'SA', opensAt: '10:00', closesAt: '13:00' };

describe('weekly opening times', () => {
  const officeAndSaturday = [weekdays9to5, saturdayMorning];

  it('is open on a weekday morning and says it closes at 5pm', () => {
    // Wednesday 1 July 2026
    expect(openingState(officeAndSaturday, at('2026-07-01T10:00:00+01:00'))).toEqual(
      open('2026-07-01T17:00:00+01:00'),
    );
  });

  it('is closed in the evening and opens at 9am the next day', () => {
    expect(openingState(officeAndSaturday, at('2026-07-01T18:00:00+01:00'))).toEqual(
      closed('2026-07-02T09:00:00+01:00'),
    );
  });

  it('uses the Saturday hours on Saturday, with their own times', () => {
    // Friday evening → Saturday 10am; Saturday noon → open until 1pm; Saturday afternoon → Monday 9am
    expect(openingState(officeAndSaturday, at('2026-07-03T17:30:00+01:00'))).toEqual(
      closed('2026-07-04T10:00:00+01:00'),
    );
    expect(openingState(officeAndSaturday, at('2026-07-04T12:00:00+01:00'))).toEqual(
      open('2026-07-04T13:00:00+01:00'),
    );
    expect(openingState(officeAndSaturday, at('2026-07-04T14:00:00+01:00'))).toEqual(
      closed('2026-07-06T09:00:00+01:00'),
    );
  });

  it('is open from the opening minute and closed from the closing minute', () => {
    expect(openingState([weekdays9to5], at('2026-07-01T09:00:00+01:00')).kind).toBe('open');
    expect(openingState([weekdays9to5], at('2026-07-01T08:59:00+01:00')).kind).toBe('closed');
    expect(openingState([weekdays9to5], at('2026-07-01T17:00:00+01:00')).kind).toBe('closed');
  });

  it('finds the next Tuesday for a one-day-a-week drop-in', () => {
    const tuesdays: Schedule = { freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '14:00' };
    // Wednesday 1 July → Tuesday 7 July
    expect(openingState([tuesdays], at('2026-07-01T11:00:00+01:00'))).toEqual(
      closed('2026-07-07T10:00:00+01:00'),
    );
  });

  it('reads byday without a freq as weekly', () => {
    expect(
      openingState([{ byday: 'WE', opensAt: '10:00', closesAt: '11:00' }], at('2026-07-01T10:30:00+01:00')),
    ).toEqual(open('2026-07-01T11:00:00+01:00'));
  });

  it('joins back-to-back sessions, so it says when it really closes', () => {
    const evening: Schedule = {
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opensAt: '17:00',
      closesAt: '20:00',
    };
    expect(openingState([weekdays9to5, evening], at('2026-07-01T16:00:00+01:00'))).toEqual(
      open('2026-07-01T20:00:00+01:00'),
    );
  });

  it('opens next across a month boundary', () => {
    const mondays: Schedule = { freq: 'WEEKLY', byday: 'MO', opensAt: '09:00', closesAt: '17:00' };
    // Friday 30 January 2026 → Monday 2 February
    expect(openingState([mondays], at('2026-01-30T12:00:00Z'))).toEqual(closed('2026-02-02T09:00:00Z'));
  });

  it('runs every other week from dtstart', () => {
    const fortnightly: Schedule = {
      freq: 'WEEKLY',
      interval: 2,
      dtstart: '2026-01-05',
      byday: 'MO',
      opensAt: '10:00',
      closesAt: '12:00',
    };
    expect(openingState([fortnightly], at('2026-01-05T11:00:00Z')).kind).toBe('open');
    // Monday 12 January is the week off: next is Monday 19 January
    expect(openingState([fortnightly], at('2026-01-12T11:00:00Z'))).toEqual(closed('2026-01-19T10:00:00Z'));
    expect(openingState([fortnightly], at('2026-01-19T11:00:00Z'))).toEqual(open('2026-01-19T12:00:00Z'));
  });

  it('does not guess which weeks an every-other-week schedule means when it has no start', () => {
    const fortnightly: Schedule = {
      freq: 'WEEKLY',
      interval: 2,
      byday: 'MO',
      opensAt: '10:00',
      closesAt: '12:00',
    };
    expect(openingState([fortnightly], at('2026-01-05T11:00:00Z'))).toEqual({ kind: 'unknown' });
  });
});

describe('daily opening times', () => {
  it('is open every day', () => {
    const daily: Schedule = { freq: 'DAILY', opensAt: '08:00', closesAt: '20:00' };
    // Sunday 1 February 2026
    expect(openingState([daily], at('2026-02-01T19:00:00Z'))).toEqual(open('2026-02-01T20:00:00Z'));
    expect(openingState([daily], at('2026-02-01T21:00:00Z'))).toEqual(closed('2026-02-02T08:00:00Z'));
  });

  it('treats 00:00 to 23:59 every day as always open', () => {
    const state = openingState(
      [{ freq: 'DAILY', opensAt: '00:00', closesAt: '23:59' }],
      at('2026-07-01T03:00:00+01:00'),
    );
    expect(state).toMatchObject({ kind: 'open', alwaysOpen: true });
  });

  it('treats 00:00 to 00:00 as the whole day', () => {
    const mondays: Schedule = { freq: 'WEEKLY', byday: 'MO', opensAt: '00:00', closesAt: '00:00' };
    expect(openingState([mondays], at('2026-07-06T23:30:00+01:00'))).toEqual(
      open('2026-07-07T00:00:00+01:00'),
    );
    expect(openingState([mondays], at('2026-07-06T00:00:00+01:00'))).toEqual(
      open('2026-07-07T00:00:00+01:00'),
    );
  });

  it('a 24-hour line that shuts on bank holidays closes when the bank holiday begins', () => {
    const helpline: Schedule = {
      freq: 'DAILY',
      opensAt: '00:00',
      closesAt: '00:00',
      openOnBankHolidays: false,
    };
    // The summer bank holiday is Monday 31 August 2026
    expect(openingState([helpline], at('2026-08-20T12:00:00+01:00'))).toEqual(
      open('2026-08-31T00:00:00+01:00'),
    );
  });
});

describe('monthly opening times', () => {
  const secondTuesday: Schedule = { freq: 'MONTHLY', byday: '2TU', opensAt: '10:00', closesAt: '12:00' };

  it('is open on the second Tuesday of the month', () => {
    // Tuesday 10 March 2026 is the second Tuesday
    expect(openingState([secondTuesday], at('2026-03-10T11:00:00Z'))).toEqual(open('2026-03-10T12:00:00Z'));
  });

  it('is closed on the first Tuesday and opens on the second', () => {
    expect(openingState([secondTuesday], at('2026-03-03T11:00:00Z'))).toEqual(closed('2026-03-10T10:00:00Z'));
  });

  it('after the session, opens on the second Tuesday of next month (in summer time)', () => {
    // April 2026 starts on a Wednesday: its Tuesdays are 7 and 14 April
    expect(openingState([secondTuesday], at('2026-03-10T13:00:00Z'))).toEqual(
      closed('2026-04-14T10:00:00+01:00'),
    );
  });

  it('finds the last Friday of the month', () => {
    const lastFriday: Schedule = { freq: 'MONTHLY', byday: '-1FR', opensAt: '14:00', closesAt: '16:00' };
    expect(openingState([lastFriday], at('2026-03-20T12:00:00Z'))).toEqual(closed('2026-03-27T14:00:00Z'));
    expect(openingState([lastFriday], at('2026-03-27T15:00:00Z'))).toEqual(open('2026-03-27T16:00:00Z'));
    expect(openingState([lastFriday], at('2026-03-27T17:00:00Z'))).toEqual(
      closed('2026-04-24T14:00:00+01:00'),
    );
  });

  it('finds the first and third Monday', () => {
    const firstAndThird: Schedule = {
      freq: 'MONTHLY',
      byday: '1MO,3MO',
      opensAt: '09:30',
      closesAt: '11:30',
    };
    // February 2026: Mondays 2, 9, 16, 23
    expect(openingState([firstAndThird], at('2026-02-01T12:00:00Z'))).toEqual(closed('2026-02-02T09:30:00Z'));
    expect(openingState([firstAndThird], at('2026-02-03T12:00:00Z'))).toEqual(closed('2026-02-16T09:30:00Z'));
    expect(openingState([firstAndThird], at('2026-02-16T12:00:00Z'))).toEqual(closed('2026-03-02T09:30:00Z'));
  });

  it('finds the last day of the month, whatever its length', () => {
    const lastDay: Schedule = { freq: 'MONTHLY', bymonthday: '-1', opensAt: '10:00', closesAt: '12:00' };
    expect(openingState([lastDay], at('2026-02-10T12:00:00Z'))).toEqual(closed('2026-02-28T10:00:00Z'));
    expect(openingState([lastDay], at('2026-02-28T13:00:00Z'))).toEqual(closed('2026-03-31T10:00:00+01:00'));
    // 2028 is a leap year
    expect(openingState([lastDay], at('2028-02-28T13:00:00Z'))).toEqual(closed('2028-02-29T10:00:00Z'));
  });

  it('finds the 1st and 15th across a month boundary', () => {
    const twiceMonthly: Schedule = {
      freq: 'MONTHLY',
      bymonthday: '1,15',
      opensAt: '13:00',
      closesAt: '15:00',
    };
    expect(openingState([twiceMonthly], at('2026-01-16T12:00:00Z'))).toEqual(closed('2026-02-01T13:00:00Z'));
    expect(openingState([twiceMonthly], at('2026-02-01T14:00:00Z'))).toEqual(open('2026-02-01T15:00:00Z'));
  });
});

describe('overnight opening', () => {
  const fridayNight: Schedule = { freq: 'WEEKLY', byday: 'FR', opensAt: '20:00', closesAt: '02:00' };

  it('is open on Friday evening until 2am', () => {
    expect(openingState([fridayNight], at('2026-07-03T21:00:00+01:00'))).toEqual(
      open('2026-07-04T02:00:00+01:00'),
    );
  });

  it('is still open at 1am on Saturday', () => {
    expect(openingState([fridayNight], at('2026-07-04T01:00:00+01:00'))).toEqual(
      open('2026-07-04T02:00:00+01:00'),
    );
  });

  it('is closed at 3am on Saturday and opens again next Friday', () => {
    expect(openingState([fridayNight], at('2026-07-04T03:00:00+01:00'))).toEqual(
      closed('2026-07-10T20:00:00+01:00'),
    );
  });
});

describe('validity ranges', () => {
  const april: Schedule = { ...weekdays9to5, validFrom: '2026-04-01', validTo: '2026-04-30' };

  it('before the range, opens on its first day', () => {
    expect(openingState([april], at('2026-03-20T10:00:00Z'))).toEqual(closed('2026-04-01T09:00:00+01:00'));
  });

  it('within the range, is open', () => {
    expect(openingState([april], at('2026-04-15T10:00:00+01:00'))).toEqual(open('2026-04-15T17:00:00+01:00'));
  });

  it('includes the last day', () => {
    expect(openingState([april], at('2026-04-30T10:00:00+01:00')).kind).toBe('open');
  });

  it('after the range, is closed with no next opening', () => {
    expect(openingState([april], at('2026-05-01T10:00:00+01:00'))).toEqual(closed());
  });

  it('a one-off session on a single date', () => {
    const fair: Schedule = {
      validFrom: '2026-09-12',
      validTo: '2026-09-12',
      opensAt: '10:00',
      closesAt: '15:00',
    };
    expect(openingState([fair], at('2026-09-01T12:00:00+01:00'))).toEqual(
      closed('2026-09-12T10:00:00+01:00'),
    );
    expect(openingState([fair], at('2026-09-12T12:00:00+01:00'))).toEqual(open('2026-09-12T15:00:00+01:00'));
    expect(openingState([fair], at('2026-09-13T12:00:00+01:00'))).toEqual(closed());
  });
});

describe('the clocks going forward (Sunday 29 March 2026)', () => {
  const daily9to5: Schedule = { freq: 'DAILY', opensAt: '09:00', closesAt: '17:00' };

  it('opens at 09:00 GMT before the change and 09:00 BST (08:00 UTC) after it', () => {
    expect(openingState([daily9to5], at('2026-03-27T08:30:00Z'))).toEqual(closed('2026-03-27T09:00:00Z'));
    expect(openingState([daily9to5], at('2026-03-28T18:00:00Z'))).toEqual(closed('2026-03-29T08:00:00Z'));
  });

  it('is open at 08:30 UTC on the Monday after, which is 09:30 in London', () => {
    expect(openingState([daily9to5], at('2026-03-30T08:30:00Z'))).toEqual(open('2026-03-30T16:00:00Z'));
  });

  it('a night line loses an hour: Saturday 22:00 GMT to Sunday 03:00 BST', () => {
    const saturdayNight: Schedule = { freq: 'WEEKLY', byday: 'SA', opensAt: '22:00', closesAt: '03:00' };
    expect(openingState([saturdayNight], at('2026-03-28T21:59:00Z'))).toEqual(closed('2026-03-28T22:00:00Z'));
    // 01:30 UTC is 02:30 BST
    expect(openingState([saturdayNight], at('2026-03-29T01:30:00Z'))).toEqual(open('2026-03-29T02:00:00Z'));
    expect(openingState([saturdayNight], at('2026-03-29T02:00:00Z'))).toEqual(closed('2026-04-04T21:00:00Z'));
  });
});

describe('the clocks going back (Sunday 25 October 2026)', () => {
  const daily9to5: Schedule = { freq: 'DAILY', opensAt: '09:00', closesAt: '17:00' };
  const saturdayNight: Schedule = { freq: 'WEEKLY', byday: 'SA', opensAt: '22:00', closesAt: '03:00' };

  it('opens at 08:00 UTC before the change and 09:00 UTC after it', () => {
    expect(openingState([daily9to5], at('2026-10-24T07:30:00Z'))).toEqual(closed('2026-10-24T08:00:00Z'));
    expect(openingState([daily9to5], at('2026-10-26T08:30:00Z'))).toEqual(closed('2026-10-26T09:00:00Z'));
    expect(openingState([daily9to5], at('2026-10-26T16:30:00Z'))).toEqual(open('2026-10-26T17:00:00Z'));
  });

  it('a night line gains an hour: Saturday 22:00 BST to Sunday 03:00 GMT', () => {
    expect(openingState([saturdayNight], at('2026-10-24T21:00:00Z'))).toEqual(open('2026-10-25T03:00:00Z'));
  });

  it('is open through both 1:30ams', () => {
    // 00:30 UTC is the first 01:30 (BST); 01:30 UTC is the second (GMT)
    expect(openingState([saturdayNight], at('2026-10-25T00:30:00Z'))).toEqual(open('2026-10-25T03:00:00Z'));
    expect(openingState([saturdayNight], at('2026-10-25T01:30:00Z'))).toEqual(open('2026-10-25T03:00:00Z'));
    expect(openingState([saturdayNight], at('2026-10-25T02:59:00Z')).kind).toBe('open');
  });

  it('closes at 03:00 GMT and opens next Saturday at 22:00 GMT', () => {
    expect(openingState([saturdayNight], at('2026-10-25T03:00:00Z'))).toEqual(closed('2026-10-31T22:00:00Z'));
  });
});

describe('bank holidays', () => {
  const notOnBankHolidays: Schedule = { ...weekdays9to5, openOnBankHolidays: false };

  it('is closed on Good Friday and Easter Monday and opens on the Tuesday', () => {
    // Good Friday is 3 April 2026, Easter Monday 6 April
    expect(openingState([notOnBankHolidays], at('2026-04-03T10:00:00+01:00'))).toEqual(
      closed('2026-04-07T09:00:00+01:00'),
    );
  });

  it('stays open on bank holidays unless the schedule says otherwise', () => {
    expect(openingState([weekdays9to5], at('2026-04-03T10:00:00+01:00')).kind).toBe('open');
  });

  it('uses a bank holiday list when one is given', () => {
    const opts = { bankHolidays: ['2026-07-01'] };
    expect(openingState([notOnBankHolidays], at('2026-07-01T10:00:00+01:00'), opts)).toEqual(
      closed('2026-07-02T09:00:00+01:00'),
    );
    // The list replaces the computed one: Good Friday is not in it
    expect(openingState([notOnBankHolidays], at('2026-04-03T10:00:00+01:00'), opts).kind).toBe('open');
  });

  it('only closes the schedules that say so', () => {
    const mondayLunchClub: Schedule = { freq: 'WEEKLY', byday: 'MO', opensAt: '12:00', closesAt: '14:00' };
    // Easter Monday 6 April: the office is shut but the Monday lunch club runs
    expect(openingState([notOnBankHolidays, mondayLunchClub], at('2026-04-06T09:30:00+01:00'))).toEqual(
      closed('2026-04-06T12:00:00+01:00'),
    );
  });
});

describe('appointment and unknown', () => {
  it('by appointment when the only schedule says so', () => {
    expect(openingState([{ byAppointment: true }], at('2026-07-01T10:00:00+01:00'))).toEqual({
      kind: 'appointment',
    });
  });

  it('ignores times on a by-appointment schedule', () => {
    const appointment: Schedule = { byAppointment: true, freq: 'DAILY', opensAt: '09:00', closesAt: '17:00' };
    expect(openingState([appointment], at('2026-07-01T10:00:00+01:00'))).toEqual({ kind: 'appointment' });
  });

  it('gives real times ahead of "by appointment" when a service has both', () => {
    expect(openingState([{ byAppointment: true }, weekdays9to5], at('2026-07-01T10:00:00+01:00')).kind).toBe(
      'open',
    );
  });

  it('unknown with no schedules, or none with times and days', () => {
    const now = at('2026-07-01T10:00:00+01:00');
    expect(openingState([], now)).toEqual({ kind: 'unknown' });
    expect(openingState([{ description: 'Ring for times' }], now)).toEqual({ kind: 'unknown' });
    expect(openingState([{ opensAt: '09:00', closesAt: '17:00' }], now)).toEqual({ kind: 'unknown' });
    expect(openingState([{ freq: 'WEEKLY', byday: 'MO' }], now)).toEqual({ kind: 'unknown' });
  });
});

describe('a whole service', () => {
  it('is open when any of its places or lines is open', () => {
    const service = {
      schedules: [{ freq: 'WEEKLY', byday: 'SA', opensAt: '10:00', closesAt: '12:00' } satisfies Schedule],
      locations: [
        {
          id: 'hub',
          accessibility: [],
          schedules: [weekdays9to5],
        },
      ],
    };
    expect(serviceOpeningState(service, at('2026-07-01T10:00:00+01:00'))).toEqual(
      open('2026-07-01T17:00:00+01:00'),
    );
    expect(serviceOpeningState(service, at('2026-07-03T18:00:00+01:00'))).toEqual(
      closed('2026-07-04T10:00:00+01:00'),
    );
  });
});
