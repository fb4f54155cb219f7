/**
 * What the device remembers to ask "Did it help?" about, in its own IndexedDB database and nowhere
 * else: the services a person saved or called and when, the services already asked about, and whether
 * they want to be asked at all. Nothing here is ever sent; only an answer is, through the outbox. The
 * rules (when to ask, once per service) are `domain/evidence/follow-up-rules.ts`.
 */
import type { DBSchema, IDBPTransaction } from 'idb';
import {
  dueNow,
  forget,
  remember,
  switchQuestions,
  withoutStale,
  type ContactVia,
  type FollowUpMemory,
  type Reminder,
} from '../domain/evidence/follow-up-rules.ts';
import { changeChannel } from './change-channel.ts';
import { FOLLOW_UPS_CHANNEL, FOLLOW_UPS_DATABASE } from './database-names.ts';
import { databaseOpener } from './open-database.ts';

interface FollowUpsSchema extends DBSchema {
  reminders: { key: string; value: Reminder };
  asked: { key: string; value: { serviceId: string } };
  settings: { key: string; value: boolean };
}

const STORES = ['reminders', 'asked', 'settings'] as const;

const open = databaseOpener<FollowUpsSchema>(FOLLOW_UPS_DATABASE, 1, (db) => {
  db.createObjectStore('reminders', { keyPath: 'serviceId' });
  db.createObjectStore('asked', { keyPath: 'serviceId' });
  db.createObjectStore('settings');
});

const changes = changeChannel(FOLLOW_UPS_CHANNEL);

/** Calls `listener` whenever what the device remembers changes, here or in another tab. */
export const onFollowUpsChange = changes.listen;

type Tx = IDBPTransaction<FollowUpsSchema, Array<(typeof STORES)[number]>, 'readwrite'>;

async function read(tx: Tx): Promise<FollowUpMemory> {
  const [reminders, asked, on] = await Promise.all([
    tx.objectStore('reminders').getAll(),
    tx.objectStore('asked').getAllKeys(),
    tx.objectStore('settings').get('ask'),
  ]);
  return { reminders, asked, on: on !== false };
}

/** Writes only what changed between two memories. */
async function write(tx: Tx, before: FollowUpMemory, after: FollowUpMemory): Promise<boolean> {
  if (before === after) return false;
  const kept = new Set(after.reminders.map((r) => r.serviceId));
  const had = new Set(before.reminders.map((r) => r.serviceId));
  const askedBefore = new Set(before.asked);
  const writes: Promise<unknown>[] = [];
  for (const r of before.reminders)
    if (!kept.has(r.serviceId)) writes.push(tx.objectStore('reminders').delete(r.serviceId));
  for (const r of after.reminders) if (!had.has(r.serviceId)) writes.push(tx.objectStore('reminders').put(r));
  for (const id of after.asked)
    if (!askedBefore.has(id)) writes.push(tx.objectStore('asked').put({ serviceId: id }));
  if (after.on !== before.on) writes.push(tx.objectStore('settings').put(after.on, 'ask'));
  await Promise.all(writes);
  return true;
}

/** Reads the memory, changes it by the rules, and writes back what changed, in one transaction. */
async function change(rule: (memory: FollowUpMemory) => FollowUpMemory): Promise<FollowUpMemory> {
  const db = await open();
  const tx: Tx = db.transaction([...STORES], 'readwrite');
  const before = await read(tx);
  const after = rule(before);
  const changed = await write(tx, before, after);
  await tx.done;
  if (changed) changes.announce();
  return after;
}

/** After a save to My list or a call: remember to ask later, unless asked already or turned off. */
export async function rememberContact(
  serviceIds: readonly string[],
  via: ContactVia,
  now = Date.now(),
): Promise<void> {
  if (serviceIds.length === 0) return;
  await change((memory) => remember(memory, serviceIds, via, now));
}

/** The services to ask about on this visit, longest-waiting first; reminders too old are dropped. */
export async function dueFollowUps(now = Date.now()): Promise<Reminder[]> {
  return dueNow(await change((memory) => withoutStale(memory, now)), now);
}

/** After an answer, or "don't ask about this": the reminder goes for good. */
export async function forgetFollowUp(serviceId: string): Promise<void> {
  await change((memory) => forget(memory, serviceId));
}

/** Whether the person wants to be asked (Display settings). */
export async function followUpsOn(): Promise<boolean> {
  const on = await (await open()).get('settings', 'ask');
  return on !== false;
}

/** Turning the questions off forgets every reminder kept so far. */
export async function setFollowUpsOn(on: boolean): Promise<void> {
  await change((memory) => switchQuestions(memory, on));
}
