import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import ar from '../../locales/ar/directory.json';
import en from '../../locales/en/directory.json';
import {
  openingWords,
  scheduleWords,
  timeWords,
  whenWords,
  type Words,
} from '../../src/app/features/directory/opening-words.ts';
import { describeScheduleInEnglish, fromLondonWallClock } from '../../src/domain/schedule/index.ts';
import type { Schedule } from '../../src/domain/service.ts';

let english: Words;
let arabic: Words;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { directory: en }, ar: { directory: ar } },
    defaultNS: 'directory',
    interpolation: { escapeValue: false },
  });
  english = { t: instance.getFixedT('en', 'directory') as TFunction, locale: 'en-GB' };
  arabic = { t: instance.getFixedT('ar', 'directory') as TFunction, locale: 'ar' };
});

const london = (date: string, time: string) => fromLondonWallClock(date, time);

describe('opening times in English read as the council writes them', () => {
  const schedules: Schedule[] = [
    { freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '14:00' },
    { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' },
    { freq: 'WEEKLY', byday: 'FR,MO,WE', opensAt: '09:30', closesAt: '16:30' },
    { freq: 'WEEKLY', byday: 'MO,TU,WE,FR', opensAt: '09:00', closesAt: '12:00' },
    { freq: 'WEEKLY', byday: 'SA,SU', opensAt: '10:00', closesAt: '16:00' },
    { freq: 'MONTHLY', byday: '2TU', opensAt: '10:00', closesAt: '12:00' },
    { freq: 'MONTHLY', byday: '-1FR' },
    { freq: 'MONTHLY', byday: '1MO,3MO', opensAt: '13:00', closesAt: '15:00' },
    { freq: 'MONTHLY', bymonthday: '15,1', opensAt: '10:00', closesAt: '11:00' },
    { freq: 'MONTHLY', bymonthday: '2,3,22', opensAt: '10:00', closesAt: '11:00' },
    { freq: 'MONTHLY', bymonthday: '-1' },
    { freq: 'DAILY', opensAt: '08:00', closesAt: '20:00' },
    { freq: 'DAILY', opensAt: '00:00', closesAt: '23:59' },
    { freq: 'DAILY', interval: 3, opensAt: '08:00', closesAt: '20:00' },
    { freq: 'WEEKLY', byday: 'FR', opensAt: '20:00', closesAt: '02:00' },
    { freq: 'WEEKLY', byday: 'SA', opensAt: '18:00', closesAt: '00:00' },
    { freq: 'WEEKLY', byday: 'TH', interval: 2, opensAt: '10:00', closesAt: '12:00' },
    { freq: 'WEEKLY', byday: 'TH', interval: 3, opensAt: '10:00', closesAt: '12:00' },
    { freq: 'WEEKLY', byday: 'MO,FR', interval: 2, opensAt: '10:00', closesAt: '12:00' },
    { freq: 'MONTHLY', byday: '1MO', interval: 3, opensAt: '10:00', closesAt: '12:00' },
    {
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opensAt: '09:00',
      closesAt: '17:00',
      openOnBankHolidays: false,
    },
    {
      freq: 'WEEKLY',
      byday: 'WE',
      opensAt: '10:00',
      closesAt: '12:00',
      validFrom: '2026-04-01',
      validTo: '2026-09-30',
    },
    { byAppointment: true },
    { freq: 'WEEKLY', byday: 'MO' },
    { opensAt: '09:00' },
    {},
  ];

  it.each(schedules.map((s) => [describeScheduleInEnglish(s), s]))('"%s"', (sentence, schedule) => {
    expect(scheduleWords(schedule as Schedule, english).text).toBe(sentence);
  });

  it('keeps the directory’s own words as a note when the times alone cannot say it', () => {
    const line = scheduleWords({ description: 'Ring to book a time' }, english);
    expect(line).toEqual({ text: 'See the note from the service', note: 'Ring to book a time' });
  });
});

describe('opening times in Arabic', () => {
  it('names the days and times in Arabic, with no English left in', () => {
    const line = scheduleWords({ freq: 'WEEKLY', byday: 'TU', opensAt: '10:00', closesAt: '14:00' }, arabic);
    expect(line.text).toContain('الثلاثاء');
    expect(line.text).not.toMatch(/[A-Za-z]/);
  });

  it('says "second Tuesday of the month" in Arabic word order', () => {
    const line = scheduleWords({ freq: 'MONTHLY', byday: '2TU' }, arabic);
    expect(line.text).toBe('الثلاثاء الثاني من كل شهر');
  });

  it('uses the Arabic plural for "every 3 weeks"', () => {
    const line = scheduleWords({ freq: 'WEEKLY', byday: 'MO,TH', interval: 3 }, arabic);
    expect(line.text).toContain('أسابيع');
  });
});

describe('times', () => {
  it('writes English times as GOV.UK does, and midnight as a word', () => {
    expect(timeWords('09:30', english)).toBe('9:30am');
    expect(timeWords('12:00', english)).toBe('12pm');
    expect(timeWords('00:00', english)).toBe('midnight');
    expect(timeWords('00:00', arabic)).toBe('منتصف الليل');
  });
});

describe('open now and opens next', () => {
  it('says until when it is open', () => {
    const now = london('2026-06-02', '11:00');
    expect(openingWords({ kind: 'open', closesAt: london('2026-06-02', '17:00') }, now, english)).toBe(
      'Open now, until 5pm',
    );
    expect(openingWords({ kind: 'open', closesAt: london('2026-06-03', '00:00') }, now, english)).toBe(
      'Open now, until midnight',
    );
  });

  it('says when it opens next: later today, tomorrow, on a weekday, or on a date', () => {
    const tuesdayMorning = london('2026-06-02', '07:00');
    const opens = (date: string, time: string) =>
      openingWords({ kind: 'closed', opensAt: london(date, time) }, tuesdayMorning, english);
    expect(opens('2026-06-02', '09:00')).toBe('Closed. Opens today at 9am');
    expect(opens('2026-06-03', '09:00')).toBe('Closed. Opens tomorrow at 9am');
    expect(opens('2026-06-05', '10:30')).toBe('Closed. Opens Friday at 10:30am');
    expect(opens('2026-06-16', '10:00')).toBe('Closed. Opens Tuesday 16 June at 10am');
  });

  it('works in London time across the clocks going forward', () => {
    // 29 March 2026: British Summer Time starts at 1am.
    const saturdayNight = london('2026-03-28', '23:30');
    expect(whenWords(london('2026-03-29', '10:00'), saturdayNight, english)).toBe('tomorrow at 10am');
  });

  it('says nothing when the times are unknown, and "by appointment" when they are', () => {
    const now = new Date();
    expect(openingWords({ kind: 'unknown' }, now, english)).toBeUndefined();
    expect(openingWords({ kind: 'appointment' }, now, english)).toBe('By appointment');
    expect(openingWords({ kind: 'appointment' }, now, arabic)).toBe('بموعد مسبق');
  });
});
