/**
 * When the device asks "Did it help?" about a service, as plain rules over what it remembers, with the
 * time passed in so the rules can be tested at any moment. The device remembers a service when the
 * person saves it to My list or calls it from Signpost; it asks once, on a visit at least 14 days later;
 * then it forgets the service, whatever the answer, and keeps only that it asked, so it never asks again.
 */

const DAY_MS = 24 * 60 * 60_000;

/** Long enough to have been in touch and to know whether it helped. */
export const FOLLOW_UP_AFTER_DAYS = 14;
/** A question never answered is dropped this long after the save or call: by then it is too late to ask. */
export const FORGET_AFTER_DAYS = 120;

export type ContactVia = 'saved' | 'called';

export interface Reminder {
  serviceId: string;
  /** When the person first saved or called it (ms since the epoch). */
  since: number;
  via: ContactVia;
}

/** All the device keeps: what to ask about later, what it has asked about, and whether to ask at all. */
export interface FollowUpMemory {
  reminders: readonly Reminder[];
  /** Services asked about (answered or declined): never remembered or asked about again. */
  asked: readonly string[];
  /** The person's choice in Display settings; on unless they turned it off. */
  on: boolean;
}

export const EMPTY_MEMORY: FollowUpMemory = { reminders: [], asked: [], on: true };

export function isDue(reminder: Reminder, now: number): boolean {
  return now - reminder.since >= FOLLOW_UP_AFTER_DAYS * DAY_MS;
}

export function isStale(reminder: Reminder, now: number): boolean {
  return now - reminder.since >= FORGET_AFTER_DAYS * DAY_MS;
}

/**
 * After a save or a call: each service not remembered yet, and never asked about, is remembered from now.
 * One already remembered keeps its first time, so saving it again or calling it later does not put the
 * question off. With the questions turned off nothing is remembered.
 */
export function remember(
  memory: FollowUpMemory,
  serviceIds: readonly string[],
  via: ContactVia,
  now: number,
): FollowUpMemory {
  if (!memory.on) return memory;
  const known = new Set([...memory.reminders.map((r) => r.serviceId), ...memory.asked]);
  const added: Reminder[] = [];
  for (const serviceId of serviceIds) {
    if (known.has(serviceId)) continue;
    known.add(serviceId);
    added.push({ serviceId, since: now, via });
  }
  return added.length === 0 ? memory : { ...memory, reminders: [...memory.reminders, ...added] };
}

/** What to ask about now, the longest-waiting first: due, not too old, never asked, questions on. */
export function dueNow(memory: FollowUpMemory, now: number): Reminder[] {
  if (!memory.on) return [];
  const asked = new Set(memory.asked);
  return memory.reminders
    .filter((r) => isDue(r, now) && !isStale(r, now) && !asked.has(r.serviceId))
    .sort((a, b) => a.since - b.since || (a.serviceId < b.serviceId ? -1 : 1));
}

/** After the person answered, or said not to ask: the reminder goes, and only the fact of asking stays. */
export function forget(memory: FollowUpMemory, serviceId: string): FollowUpMemory {
  return {
    ...memory,
    reminders: memory.reminders.filter((r) => r.serviceId !== serviceId),
    asked: memory.asked.includes(serviceId) ? memory.asked : [...memory.asked, serviceId],
  };
}

/** Reminders too old to ask about, dropped without asking. */
export function withoutStale(memory: FollowUpMemory, now: number): FollowUpMemory {
  const kept = memory.reminders.filter((r) => !isStale(r, now));
  return kept.length === memory.reminders.length ? memory : { ...memory, reminders: kept };
}

/** Turning the questions off forgets every reminder at once; turning them on starts afresh. */
export function switchQuestions(memory: FollowUpMemory, on: boolean): FollowUpMemory {
  return on ? { ...memory, on } : { ...memory, on, reminders: [] };
}
