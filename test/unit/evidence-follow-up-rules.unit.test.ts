import { describe, expect, it } from 'vitest';
import {
  EMPTY_MEMORY,
  FOLLOW_UP_AFTER_DAYS,
  FORGET_AFTER_DAYS,
  dueNow,
  forget,
  remember,
  switchQuestions,
  withoutStale,
  type FollowUpMemory,
} from '../../src/domain/evidence/follow-up-rules.ts';

const DAY = 24 * 60 * 60_000;
/** The clock is passed in: 10am on 2 March 2026. */
const SAVED = Date.UTC(2026, 2, 2, 10);
const ids = (memory: FollowUpMemory, now: number) => dueNow(memory, now).map((r) => r.serviceId);

describe('when "Did it help?" is asked', () => {
  it('waits 14 full days from the save or the call', () => {
    const memory = remember(EMPTY_MEMORY, ['carers-cafe'], 'saved', SAVED);
    expect(FOLLOW_UP_AFTER_DAYS).toBe(14);
    expect(ids(memory, SAVED)).toEqual([]);
    expect(ids(memory, SAVED + 14 * DAY - 60_000)).toEqual([]);
    expect(ids(memory, SAVED + 14 * DAY)).toEqual(['carers-cafe']);
    expect(ids(memory, SAVED + 40 * DAY)).toEqual(['carers-cafe']);
  });

  it('counts from the first save or call: doing either again does not put the question off', () => {
    let memory = remember(EMPTY_MEMORY, ['carers-cafe'], 'saved', SAVED);
    memory = remember(memory, ['carers-cafe'], 'called', SAVED + 10 * DAY);
    memory = remember(memory, ['carers-cafe'], 'saved', SAVED + 13 * DAY);
    expect(memory.reminders).toEqual([{ serviceId: 'carers-cafe', since: SAVED, via: 'saved' }]);
    expect(ids(memory, SAVED + 14 * DAY)).toEqual(['carers-cafe']);
  });

  it('asks about the longest-waiting first', () => {
    let memory = remember(EMPTY_MEMORY, ['lunch-club'], 'called', SAVED + DAY);
    memory = remember(memory, ['carers-cafe', 'men-in-sheds'], 'saved', SAVED);
    expect(ids(memory, SAVED + 15 * DAY)).toEqual(['carers-cafe', 'men-in-sheds', 'lunch-club']);
    expect(ids(memory, SAVED + 14 * DAY)).toEqual(['carers-cafe', 'men-in-sheds']);
  });
});

describe('once per service', () => {
  it('forgets the service once asked, whatever the answer, and never asks about it again', () => {
    let memory = remember(EMPTY_MEMORY, ['carers-cafe', 'lunch-club'], 'saved', SAVED);
    memory = forget(memory, 'carers-cafe');
    expect(memory.reminders.map((r) => r.serviceId)).toEqual(['lunch-club']);
    expect(memory.asked).toEqual(['carers-cafe']);
    // Saved again, or called, months later: still never asked again.
    memory = remember(memory, ['carers-cafe'], 'called', SAVED + 60 * DAY);
    expect(memory.reminders.map((r) => r.serviceId)).toEqual(['lunch-club']);
    expect(ids(memory, SAVED + 90 * DAY)).toEqual(['lunch-club']);
    expect(forget(memory, 'carers-cafe').asked).toEqual(['carers-cafe']);
  });

  it('drops a question never answered once it is too late to ask, without asking it', () => {
    const memory = remember(EMPTY_MEMORY, ['carers-cafe'], 'saved', SAVED);
    const late = SAVED + FORGET_AFTER_DAYS * DAY;
    expect(ids(memory, late - 1)).toEqual(['carers-cafe']);
    expect(ids(memory, late)).toEqual([]);
    expect(withoutStale(memory, late).reminders).toEqual([]);
    expect(withoutStale(memory, late - 1)).toBe(memory);
  });
});

describe('the off switch in Display settings', () => {
  it('remembers nothing and asks nothing while off, and forgets what it remembered when turned off', () => {
    const before = remember(EMPTY_MEMORY, ['carers-cafe'], 'saved', SAVED);
    const off = switchQuestions(before, false);
    expect(off).toEqual({ reminders: [], asked: [], on: false });
    expect(remember(off, ['lunch-club'], 'called', SAVED)).toBe(off);
    expect(ids({ ...before, on: false }, SAVED + 20 * DAY)).toEqual([]);
    // Turned on again, it starts afresh: the forgotten service is not asked about.
    const on = switchQuestions(off, true);
    expect(ids(on, SAVED + 20 * DAY)).toEqual([]);
    expect(ids(remember(on, ['lunch-club'], 'called', SAVED + DAY), SAVED + 15 * DAY)).toEqual([
      'lunch-club',
    ]);
  });
});
