import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/domain/service.ts';
import { describeSchedule, describeScheduleInEnglish } from '../../src/domain/schedule/index.ts';

describe('schedules in English', () => {
  const cases: Array<[string, Schedule, string]> = [
    [
      'one day a week',
      { freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '14:00' },
      'Every Tuesday, 10am to 2pm',
    ],
    [
      'weekdays',
      { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' },
      'Monday to Friday, 9am to 5pm',
    ],
    [
      'days out of order in the feed',
      { freq: 'WEEKLY', byday: 'FR,MO,WE', opensAt: '09:30', closesAt: '16:30' },
      'Monday, Wednesday and Friday, 9:30am to 4:30pm',
    ],
    [
      'a run and a lone day',
      { freq: 'WEEKLY', byday: 'MO,TU,WE,FR', opensAt: '09:00', closesAt: '12:00' },
      'Monday to Wednesday and Friday, 9am to 12pm',
    ],
    [
      'the weekend',
      { freq: 'WEEKLY', byday: 'SA,SU', opensAt: '10:00', closesAt: '16:00' },
      'Saturday and Sunday, 10am to 4pm',
    ],
    [
      'second Tuesday',
      { freq: 'MONTHLY', byday: '2TU', opensAt: '10:00', closesAt: '12:00' },
      'Second Tuesday of the month, 10am to 12pm',
    ],
    ['last Friday, no times', { freq: 'MONTHLY', byday: '-1FR' }, 'Last Friday of the month'],
    [
      'first and third Monday',
      { freq: 'MONTHLY', byday: '1MO,3MO', opensAt: '13:00', closesAt: '15:00' },
      'First and third Monday of the month, 1pm to 3pm',
    ],
    [
      'days of the month',
      { freq: 'MONTHLY', bymonthday: '15,1', opensAt: '10:00', closesAt: '11:00' },
      '1st and 15th of the month, 10am to 11am',
    ],
    ['last day of the month', { freq: 'MONTHLY', bymonthday: '-1' }, 'Last day of the month'],
    ['every day', { freq: 'DAILY', opensAt: '08:00', closesAt: '20:00' }, 'Every day, 8am to 8pm'],
    ['round the clock', { freq: 'DAILY', opensAt: '00:00', closesAt: '23:59' }, 'Every day, 24 hours'],
    [
      'overnight',
      { freq: 'WEEKLY', byday: 'FR', opensAt: '20:00', closesAt: '02:00' },
      'Every Friday, 8pm to 2am',
    ],
    [
      'until midnight',
      { freq: 'WEEKLY', byday: 'SA', opensAt: '18:00', closesAt: '00:00' },
      'Every Saturday, 6pm to midnight',
    ],
    [
      'every other week',
      {
        freq: 'WEEKLY',
        interval: 2,
        dtstart: '2026-01-05',
        byday: 'MO',
        opensAt: '10:00',
        closesAt: '12:00',
      },
      'Every other Monday, 10am to 12pm',
    ],
    ['by appointment', { byAppointment: true }, 'By appointment'],
    [
      'not on bank holidays, for a season',
      {
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opensAt: '09:00',
        closesAt: '17:00',
        openOnBankHolidays: false,
        validFrom: '2026-04-01',
        validTo: '2026-09-30',
      },
      'Monday to Friday, 9am to 5pm, except bank holidays (from 1 April 2026 to 30 September 2026)',
    ],
    [
      'a one-off date',
      { validFrom: '2026-09-12', validTo: '2026-09-12', opensAt: '10:00', closesAt: '15:00' },
      'Saturday 12 September 2026, 10am to 3pm',
    ],
    ['only words', { description: 'Term time only, ring for times' }, 'Term time only, ring for times'],
    ['nothing', {}, 'Times not given'],
  ];

  it.each(cases)('%s', (_name, schedule, english) => {
    expect(describeScheduleInEnglish(schedule)).toBe(english);
  });
});

describe('schedules as parts for any language', () => {
  it('a weekly day with times', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '14:00' })).toEqual({
      kind: 'weekly',
      days: ['TU'],
      runs: [{ from: 'TU', to: 'TU' }],
      range: false,
      opens: '10:00',
      closes: '14:00',
    });
  });

  it('groups Monday to Friday into a range', () => {
    expect(
      describeSchedule({
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opensAt: '09:00:00',
        closesAt: '17:00:00',
      }),
    ).toMatchObject({
      kind: 'weekly',
      days: ['MO', 'TU', 'WE', 'TH', 'FR'],
      runs: [{ from: 'MO', to: 'FR' }],
      range: true,
      opens: '09:00',
      closes: '17:00',
    });
  });

  it('a monthly ordinal weekday', () => {
    expect(describeSchedule({ freq: 'MONTHLY', byday: '2TU', opensAt: '10:00', closesAt: '12:00' })).toEqual({
      kind: 'monthly-ordinal',
      ordinal: 2,
      day: 'TU',
      entries: [{ ordinal: 2, day: 'TU' }],
      opens: '10:00',
      closes: '12:00',
    });
  });

  it('days of the month, the last day after the rest', () => {
    expect(describeSchedule({ freq: 'MONTHLY', bymonthday: '-1,15,1' })).toEqual({
      kind: 'monthly-day',
      days: [1, 15, -1],
    });
  });

  it('daily, appointment, overnight and all-day flags', () => {
    expect(describeSchedule({ freq: 'DAILY' })).toEqual({ kind: 'daily' });
    expect(describeSchedule({ byAppointment: true, description: 'Ask your GP' })).toEqual({
      kind: 'appointment',
      description: 'Ask your GP',
    });
    expect(
      describeSchedule({ freq: 'WEEKLY', byday: 'FR', opensAt: '20:00', closesAt: '02:00' }),
    ).toMatchObject({
      overnight: true,
    });
    expect(describeSchedule({ freq: 'DAILY', opensAt: '00:00', closesAt: '00:00' })).toMatchObject({
      allDay: true,
      opens: '00:00',
      closes: '00:00',
    });
  });

  it('passes through the validity dates, description and bank holiday closing', () => {
    expect(
      describeSchedule({
        freq: 'WEEKLY',
        byday: 'WE',
        validFrom: '2026-04-01',
        validTo: '2026-09-30',
        description: 'Summer sessions',
        openOnBankHolidays: false,
        interval: 2,
        dtstart: '2026-04-01',
      }),
    ).toMatchObject({
      kind: 'weekly',
      validFrom: '2026-04-01',
      validTo: '2026-09-30',
      description: 'Summer sessions',
      closedOnBankHolidays: true,
      interval: 2,
    });
  });
});
