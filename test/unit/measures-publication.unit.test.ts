import { describe, expect, it } from 'vitest';
import {
  isPeriod,
  monthEnd,
  monthsBetween,
  nextMonth,
  previousMonth,
  ukMidnight,
  ukMonth,
} from '../../src/domain/measures/periods.ts';
import {
  answerTime,
  monthState,
  publishableFrom,
  publishRefusal,
  type Provenance,
} from '../../src/domain/measures/publication.ts';

describe('reporting months', () => {
  it('are YYYY-MM in the years 2000 to 2099 only: no year 0, no year 1, no 9999', () => {
    for (const ok of ['2000-01', '2025-03', '2099-12']) expect(isPeriod(ok)).toBe(true);
    for (const bad of [
      '0000-01',
      '0001-01',
      '1999-12',
      '2100-01',
      '9999-12',
      '2025-00',
      '2025-13',
      '2025-3',
      '',
    ])
      expect(isPeriod(bad), bad).toBe(false);
  });

  it('step back and forward across a year', () => {
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(() => previousMonth('2025-13')).toThrow(RangeError);
  });

  it('are counted in UK time: 11.30pm UTC on 31 March is already April in Essex (BST)', () => {
    expect(ukMonth(new Date('2025-03-31T23:30:00Z'))).toBe('2025-04');
    expect(ukMonth(new Date('2025-01-31T23:30:00Z'))).toBe('2025-01');
  });

  it('end at UK midnight, whether the clocks are on GMT or BST', () => {
    expect(monthEnd('2025-03').toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(monthEnd('2025-10').toISOString()).toBe('2025-11-01T00:00:00.000Z');
    // The day the clocks go forward starts at midnight GMT.
    expect(ukMidnight('2025-03-30').toISOString()).toBe('2025-03-30T00:00:00.000Z');
  });
});

describe('publication', () => {
  const period = '2025-03';
  const at = (iso: string) => new Date(iso);

  it('opens once the month is over and its grace period (7 days by default) has passed', () => {
    expect(publishableFrom(period).toISOString()).toBe('2025-04-07T23:00:00.000Z');
    expect(publishableFrom(period, 0).toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(publishableFrom(period, 14).toISOString()).toBe('2025-04-14T23:00:00.000Z');
  });

  it('says where a month stands: open, closing in its grace period, ready, or published', () => {
    const state = (iso: string, published = false) => monthState({ period, now: at(iso), published });
    expect(state('2025-03-31T22:59:59Z')).toBe('open');
    expect(state('2025-03-31T23:00:00Z')).toBe('closing');
    expect(state('2025-04-07T22:59:59Z')).toBe('closing');
    expect(state('2025-04-07T23:00:00Z')).toBe('ready');
    expect(state('2025-04-07T23:00:00Z', true)).toBe('published');
  });

  it('is refused before the month and its grace period are over', () => {
    expect(publishRefusal({ period, now: at('2025-03-20T12:00:00Z'), revisions: 0 })).toBe('month-not-over');
    expect(publishRefusal({ period, now: at('2025-04-03T12:00:00Z'), revisions: 0 })).toBe('in-grace');
    expect(
      publishRefusal({ period, now: at('2025-04-03T12:00:00Z'), graceDays: 2, revisions: 0 }),
    ).toBeNull();
    expect(publishRefusal({ period, now: at('2025-04-09T12:00:00Z'), revisions: 0 })).toBeNull();
  });

  it('may be done again only with a note saying why, which the log and the public page keep', () => {
    const now = at('2025-05-01T12:00:00Z');
    expect(publishRefusal({ period, now, revisions: 1 })).toBe('note-required');
    expect(publishRefusal({ period, now, revisions: 1, note: '   ' })).toBe('note-required');
    expect(
      publishRefusal({ period, now, revisions: 2, note: 'A burst from one address left out.' }),
    ).toBeNull();
  });
});

describe('the month an answer counts in', () => {
  const received = new Date('2025-04-03T10:00:00Z');
  const time = (
    provenance: Provenance,
    createdAt: string,
    extra: { givenOn?: string; published?: string[] } = {},
  ) =>
    answerTime({
      provenance,
      createdAt: new Date(createdAt),
      ...(extra.givenOn ? { givenOn: extra.givenOn } : {}),
      receivedAt: received,
      isPublished: (p) => (extra.published ?? []).includes(p),
    });

  it('is the month received for a person’s own answers, whatever their device says', () => {
    for (const claimed of ['1999-06-01T00:00:00Z', '2030-01-01T00:00:00Z', '2025-02-10T00:00:00Z']) {
      expect(time('self-completed', claimed)).toMatchObject({ period: '2025-04' });
    }
  });

  it('notes an offline phone’s answers given last month as arrived late, but only a believable time', () => {
    expect(time('self-completed', '2025-03-30T18:00:00Z')).toEqual({
      period: '2025-04',
      givenAt: new Date('2025-03-30T18:00:00Z'),
      late: true,
    });
    expect(time('self-completed', '2030-01-01T00:00:00Z')).toEqual({
      period: '2025-04',
      givenAt: null,
      late: false,
    });
    expect(time('self-completed', '2024-12-01T00:00:00Z')).toMatchObject({ givenAt: null, late: false });
  });

  it('is the month given for staff, within 31 days, while that month is unpublished', () => {
    expect(time('staff-assisted', '2025-03-28T14:00:00Z')).toEqual({
      period: '2025-03',
      givenAt: new Date('2025-03-28T14:00:00Z'),
      late: false,
    });
    expect(time('staff-assisted', '2025-03-04T10:00:00Z')).toMatchObject({ period: '2025-03' });
  });

  it('refuses a staff time in the future or older than 31 days', () => {
    expect(time('staff-assisted', '2025-04-03T10:10:00Z')).toEqual({ refused: 'in-the-future' });
    // A device a minute or two ahead of the server is not in the future.
    expect(time('staff-assisted', '2025-04-03T10:02:00Z')).toMatchObject({ period: '2025-04' });
    expect(time('staff-assisted', '2025-03-03T09:59:00Z')).toEqual({ refused: 'too-old' });
  });

  it('never puts a staff answer into a published month: it counts now, as arrived late', () => {
    expect(time('staff-assisted', '2025-03-28T14:00:00Z', { published: ['2025-03'] })).toEqual({
      period: '2025-04',
      givenAt: new Date('2025-03-28T14:00:00Z'),
      late: true,
    });
  });

  it('takes the day written on a paper form, by UK days', () => {
    expect(time('paper', '2025-04-03T10:00:00Z', { givenOn: '2025-03-15' })).toEqual({
      period: '2025-03',
      givenAt: new Date('2025-03-15T00:00:00Z'),
      late: false,
    });
    expect(time('paper', '2025-04-03T10:00:00Z', { givenOn: '2025-04-03' })).toMatchObject({
      period: '2025-04',
    });
    expect(time('paper', '2025-04-03T10:00:00Z', { givenOn: '2025-04-04' })).toEqual({
      refused: 'in-the-future',
    });
    expect(time('paper', '2025-04-03T10:00:00Z', { givenOn: '2025-03-03' })).toMatchObject({
      period: '2025-03',
    });
    expect(time('paper', '2025-04-03T10:00:00Z', { givenOn: '2025-03-02' })).toEqual({ refused: 'too-old' });
  });
});
