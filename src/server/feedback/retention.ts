import { normaliseReference } from '../../domain/feedback/reference.ts';
import type { Database } from '../db/database.ts';

/**
 * Erasure on request: everything stored under a reference (answers, words, contact details or a
 * listing problem) is deleted. Returns how many submissions went; 0 when the reference matched none.
 */
export async function deleteFeedbackByReference(db: Database, reference: string): Promise<number> {
  const normalised = normaliseReference(reference);
  if (!normalised) return 0;
  return db.transaction(async (tx) => {
    const responses = await tx.query('delete from feedback_responses where reference = $1 returning id', [
      normalised,
    ]);
    const problems = await tx.query('delete from listing_problems where reference = $1 returning id', [
      normalised,
    ]);
    return responses.length + problems.length;
  });
}

/**
 * The retention rule: people's words and contact details received before `before` are deleted; their
 * answers stay, so the measures do not change.
 */
export async function forgetPersonalDetailsReceivedBefore(
  db: Database,
  before: Date,
): Promise<{ stories: number; contacts: number }> {
  return db.transaction(async (tx) => {
    const stories = await tx.query('delete from feedback_stories where received_at < $1 returning 1', [
      before,
    ]);
    const contacts = await tx.query('delete from feedback_contacts where received_at < $1 returning 1', [
      before,
    ]);
    const problems = await tx.query(
      `update listing_problems set contact_method = null, contact_value = null
       where received_at < $1 and contact_value is not null returning 1`,
      [before],
    );
    return { stories: stories.length, contacts: contacts.length + problems.length };
  });
}
