import { FORM_VERSION, allowedAnswers } from '../../src/domain/feedback/questions.ts';
import { parseFeedbackBatch, type ExperienceSubmission } from '../../src/domain/feedback/submission.ts';
import { DISTRICTS } from '../../src/domain/service-terms.ts';

const WORDS = [
  'The carers café is the only time in the week I get to talk to someone who understands.',
  'I waited a long time for the assessment and nobody told me what was happening.',
  'The befriending volunteer rings every Tuesday and I look forward to it.',
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** A realistic experience submission from a carer online, varied by `n`, with a fresh client UUID. */
export function experienceSubmission(id: string, n: number): ExperienceSubmission {
  return {
    kind: 'experience',
    id,
    createdAt: new Date().toISOString(),
    formVersion: FORM_VERSION,
    answers: {
      control: pick(allowedAnswers('control'), n),
      say: pick(allowedAnswers('say'), n + 1),
      home: pick(allowedAnswers('home'), n + 2),
      social: pick(allowedAnswers('social'), n + 3),
      info: pick(allowedAnswers('info'), n),
      'carer-support': pick(allowedAnswers('carer-support'), n),
    },
    words: pick(WORDS, n),
    consent: { storeWords: true, quote: false, contact: false },
    respondent: 'carer',
    howAnswered: 'own',
    channel: 'self-online',
    district: pick(DISTRICTS, n),
  };
}

/** The same, captured by a field worker on the person's behalf, as a practitioner's outbox holds it. */
export function staffSubmission(id: string, n: number): ExperienceSubmission {
  return {
    ...experienceSubmission(id, n),
    respondent: 'both',
    howAnswered: 'with-help',
    channel: 'staff-in-person',
    assisted: { gatheredBy: 'in-person', consentStatementRead: true, areasOfFocus: [] },
  };
}

/** A made-up address in a private range, so each submission counts as another phone's. */
export function someonesAddress(): string {
  const part = () => Math.floor(Math.random() * 254) + 1;
  return `10.${part()}.${part()}.${part()}`;
}

/** One body for `POST /api/v1/feedback`: a single submission, or a batch as the outbox sends. */
export function feedbackBody(batchSize: number, n: number): { ids: string[]; body: string } {
  const submissions = Array.from({ length: batchSize }, (_, i) =>
    experienceSubmission(crypto.randomUUID(), n + i),
  );
  const payload = batchSize === 1 ? submissions[0] : submissions;
  return { ids: submissions.map((s) => s.id), body: JSON.stringify(payload) };
}

/** A benchmark of payloads the server refuses would measure the wrong thing: check one before a run. */
export function assertValidFeedbackBody(batchSize: number): void {
  for (const body of [JSON.parse(feedbackBody(batchSize, 0).body), staffSubmission(crypto.randomUUID(), 0)]) {
    const parsed = parseFeedbackBatch(body);
    if (!parsed.ok) {
      throw new Error(`The benchmark built an invalid feedback submission: ${JSON.stringify(parsed.errors)}`);
    }
  }
}
