import type { TFunction } from 'i18next';
import { DAYS, describeSchedule, serviceSchedules, type Day } from '../../domain/schedule/index.ts';
import type { Service } from '../../domain/service.ts';
import { dateTimeFormat, listFormat } from '../i18n/intl.ts';

const A_MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

function dayName(day: Day, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    A_MONDAY + DAYS.indexOf(day) * DAY_MS,
  );
}

function timeOfDay(hhmm: string, locale: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    A_MONDAY + (hours * 60 + minutes) * 60_000,
  );
}

/** "Monday to Friday, 09:00 to 17:00" in the page's language; at most two schedules, the rest by asking. */
export function whenWords(service: Service, t: TFunction, locale: string): string[] {
  const lines: string[] = [];
  for (const schedule of serviceSchedules(service)) {
    const described = describeSchedule(schedule);
    if (described.kind === 'appointment') lines.push(t('keyFacts.appointment'));
    if (described.kind !== 'weekly') continue;
    const days = listFormat(locale, { type: 'conjunction' }).format(
      described.runs.map((run) =>
        run.from === run.to
          ? dayName(run.from, locale)
          : t('keyFacts.dayRange', { from: dayName(run.from, locale), to: dayName(run.to, locale) }),
      ),
    );
    if (described.allDay) lines.push(t('keyFacts.daysAllDay', { days }));
    else if (described.opens && described.closes) {
      const opens = timeOfDay(described.opens, locale);
      const closes = timeOfDay(described.closes, locale);
      lines.push(t('keyFacts.daysAndTimes', { days, opens, closes }));
    } else lines.push(days);
  }
  const distinct = [...new Set(lines)];
  return distinct.length === 0 ? [t('keyFacts.askWhen')] : distinct.slice(0, 2);
}

export function whoWords(service: Service, t: TFunction, locale: string): string[] {
  const groups = service.whoFor.map((who) => t(`keyFacts.whoFor.${who}`));
  const lines = groups.length > 0 ? [listFormat(locale).format(groups)] : [];
  const { minAge: min, maxAge: max } = service;
  if (min !== undefined && max !== undefined) lines.push(t('keyFacts.ageRange', { min, max }));
  else if (min !== undefined) lines.push(t('keyFacts.ageFrom', { min }));
  else if (max !== undefined) lines.push(t('keyFacts.ageTo', { max }));
  // Not "anyone": a feed that says nothing has not said the service is for everyone.
  return lines.length > 0 || ownWhoWords(service) ? lines : [t('keyFacts.whoNotGiven')];
}

/**
 * Who it is for in the service's own words, when the feed gives them: the first sentence of its
 * eligibility, or else the audience it names. Shown as the feed wrote them, not translated.
 */
export function ownWhoWords(service: Pick<Service, 'eligibility' | 'audience'>): string | undefined {
  const eligibility = service.eligibility?.trim();
  if (eligibility) return firstSentence(eligibility);
  const audience = (service.audience ?? []).map((group) => group.trim()).filter(Boolean);
  return audience.length > 0 ? audience.join(', ') : undefined;
}

export function whereWords(service: Service, t: TFunction): string {
  if (service.national) return t('keyFacts.national');
  if (service.onlineOnly && service.locations.length === 0) return t('keyFacts.noPlace');
  if (service.countyWide) return t('keyFacts.countyWide');
  const [only, ...others] = service.locations;
  if (only && others.length === 0 && only.address) {
    return [only.name, only.address, only.postcode].filter(Boolean).join(', ');
  }
  if (service.locations.length > 0) return t('keyFacts.places', { count: service.locations.length });
  return t('keyFacts.whereNotGiven');
}

/** The first sentence of a long description's first paragraph, when the feed has no summary. */
export function firstSentence(text: string): string {
  const first = text.split('\n')[0]?.trim() ?? text;
  const match = /^(.{20,}?[.!?])\s/.exec(first);
  return match?.[1] ?? first;
}
