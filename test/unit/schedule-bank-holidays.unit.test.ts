import { describe, expect, it } from 'vitest';
import { easterSunday, englandBankHolidays } from '../../src/domain/schedule/index.ts';
import { isoDate } from '../../src/domain/schedule/calendar.ts';

describe('England and Wales bank holidays', () => {
  it('2025', () => {
    expect(englandBankHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('2026, with Boxing Day on a Saturday moved to Monday 28th', () => {
    expect(englandBankHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('2027, with Christmas on a Saturday: Monday 27th and Tuesday 28th', () => {
    expect(englandBankHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('2024', () => {
    expect(englandBankHolidays(2024)).toEqual([
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ]);
  });

  it('moves New Year to Monday when it falls at the weekend', () => {
    expect(englandBankHolidays(2022)[0]).toBe('2022-01-03'); // Saturday 1 January
    expect(englandBankHolidays(2023)[0]).toBe('2023-01-02'); // Sunday 1 January
  });

  it('with Christmas on a Sunday, Boxing Day is Monday 26th and Christmas moves to Tuesday 27th', () => {
    expect(englandBankHolidays(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27']);
    expect(englandBankHolidays(2033).slice(-2)).toEqual(['2033-12-26', '2033-12-27']);
  });

  it('includes the days moved or added by proclamation', () => {
    expect(englandBankHolidays(2020)).toContain('2020-05-08');
    expect(englandBankHolidays(2020)).not.toContain('2020-05-04');
    expect(englandBankHolidays(2022)).toEqual(
      expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']),
    );
    expect(englandBankHolidays(2022)).not.toContain('2022-05-30');
    expect(englandBankHolidays(2023)).toContain('2023-05-08');
  });

  it('always has eight usual bank holidays, all on weekdays', () => {
    for (let year = 2024; year <= 2060; year++) {
      const days = englandBankHolidays(year);
      expect(days).toHaveLength(8);
      for (const day of days) {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        expect(weekday, `${day}`).not.toBe(0);
        expect(weekday, `${day}`).not.toBe(6);
      }
    }
  });
});

describe('Easter', () => {
  it('falls on the known dates', () => {
    const known: Record<number, string> = {
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) expect(isoDate(easterSunday(Number(year)))).toBe(date);
  });
});
