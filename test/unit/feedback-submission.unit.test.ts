import { describe, expect, it } from 'vitest';
import {
  ExperienceSubmission,
  FeedbackBatch,
  canonicalSubmission,
  isSafetyConcern,
  issuesToFieldErrors,
  parseFeedbackBatch,
  type FeedbackSubmission,
} from '../../src/domain/feedback/submission.ts';

const ID = '3f1c2a6e-8b4d-4c2a-9e1f-5a6b7c8d9e0f';
const OTHER_ID = '9b2e4f7a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

function experience(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'experience',
    id: ID,
    createdAt: '2025-03-14T10:30:00.000Z',
    formVersion: 1,
    answers: { control: 'enough', safe: 'as-safe-as-i-want', info: 'prefer-not-to-say' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
    ...overrides,
  };
}

function listingProblem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'listing-problem',
    id: OTHER_ID,
    createdAt: '2025-03-14T11:00:00+01:00',
    serviceId: 'essex-carers-network',
    problem: 'wrong-phone',
    ...overrides,
  };
}

function errorsOf(body: unknown) {
  const result = parseFeedbackBatch(body);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.errors;
}

describe('an experience submission', () => {
  it('is accepted with answers skipped, given, or declined', () => {
    const result = parseFeedbackBatch(experience());
    expect(result).toEqual({ ok: true, submissions: [experience()] });
  });

  it('is accepted with words, consent to keep and quote them, and a way to be contacted', () => {
    const body = experience({
      words: 'The carers’ café saved my sanity.',
      consent: {
        storeWords: true,
        quote: true,
        contact: true,
        contactBy: { method: 'email', value: 'sam@example.org' },
      },
      district: 'tendring',
      ageBand: '65-74',
      equality: { sex: 'female', ethnicGroup: 'white', disability: 'prefer-not-to-say' },
    });
    expect(parseFeedbackBatch(body).ok).toBe(true);
  });

  it('keeps one spelling of its id, however the device wrote it', () => {
    const result = parseFeedbackBatch(experience({ id: ID.toUpperCase() }));
    expect(result.ok && result.submissions[0]?.id).toBe(ID);
  });

  it('refuses an id the device did not make as a UUID', () => {
    expect(errorsOf(experience({ id: 'submission-1' }))).toEqual([{ path: 'id', code: 'invalid-uuid' }]);
  });

  it('refuses a time without a date, or without its offset from UTC', () => {
    expect(errorsOf(experience({ createdAt: '2025-03-14' }))).toEqual([
      { path: 'createdAt', code: 'invalid-date' },
    ]);
    expect(errorsOf(experience({ createdAt: '2025-03-14T10:30:00' }))).toEqual([
      { path: 'createdAt', code: 'invalid-date' },
    ]);
  });

  it('refuses an answer that is not on that question’s scale', () => {
    // "always" belongs to "did you have a say", not to "how much control".
    expect(errorsOf(experience({ answers: { control: 'always' } }))).toEqual([
      { path: 'answers.control', code: 'invalid-choice' },
    ]);
  });

  it('refuses an answer to a question the form does not ask', () => {
    expect(errorsOf(experience({ answers: { happiness: 'very' } }))).toEqual([
      { path: 'answers.happiness', code: 'unknown-field' },
    ]);
  });

  it('refuses a form version this server does not know', () => {
    expect(errorsOf(experience({ formVersion: 2 }))).toEqual([
      { path: 'formVersion', code: 'unknown-form-version' },
    ]);
  });

  it('says which fields are missing', () => {
    const body = experience();
    delete body.respondent;
    delete body.consent;
    expect(errorsOf(body)).toEqual([
      { path: 'consent', code: 'required' },
      { path: 'respondent', code: 'required' },
    ]);
  });

  it('refuses words the person did not agree to let us keep', () => {
    expect(errorsOf(experience({ words: 'My son Tom waited six weeks.' }))).toEqual([
      { path: 'words', code: 'words-without-consent' },
    ]);
  });

  it('refuses words longer than 5000 characters', () => {
    const consent = { storeWords: true, quote: false, contact: false };
    expect(parseFeedbackBatch(experience({ words: 'a'.repeat(5000), consent })).ok).toBe(true);
    expect(errorsOf(experience({ words: 'a'.repeat(5001), consent }))).toEqual([
      { path: 'words', code: 'too-long' },
    ]);
  });

  it('refuses consent to quote words that may not be kept', () => {
    const consent = { storeWords: false, quote: true, contact: false };
    expect(errorsOf(experience({ consent }))).toEqual([
      { path: 'consent.quote', code: 'quote-without-consent' },
    ]);
  });

  it('needs a way to contact the person exactly when they asked to be contacted', () => {
    expect(errorsOf(experience({ consent: { storeWords: false, quote: false, contact: true } }))).toEqual([
      { path: 'consent.contactBy', code: 'required' },
    ]);
    const unasked = {
      storeWords: false,
      quote: false,
      contact: false,
      contactBy: { method: 'phone', value: '01245 123456' },
    };
    expect(errorsOf(experience({ consent: unasked }))).toEqual([
      { path: 'consent.contactBy', code: 'contact-without-consent' },
    ]);
  });

  it('checks an email address or phone number given for contact', () => {
    const consent = (contactBy: unknown) => ({ storeWords: false, quote: false, contact: true, contactBy });
    expect(errorsOf(experience({ consent: consent({ method: 'email', value: 'sam at home' }) }))).toEqual([
      { path: 'consent.contactBy.value', code: 'invalid-email' },
    ]);
    expect(errorsOf(experience({ consent: consent({ method: 'phone', value: 'ring me' }) }))).toEqual([
      { path: 'consent.contactBy.value', code: 'invalid-phone' },
    ]);
    expect(errorsOf(experience({ consent: consent({ method: 'email', value: '' }) }))).toEqual([
      { path: 'consent.contactBy.value', code: 'required' },
    ]);
    expect(
      parseFeedbackBatch(experience({ consent: consent({ method: 'phone', value: '+44 7700 900123' }) })).ok,
    ).toBe(true);
  });

  it('asks the carers’ question only of carers', () => {
    const answers = { 'carer-support': 'some' };
    expect(parseFeedbackBatch(experience({ respondent: 'carer', answers })).ok).toBe(true);
    expect(errorsOf(experience({ respondent: 'resident', answers }))).toEqual([
      { path: 'answers.carer-support', code: 'not-for-this-respondent' },
    ]);
  });

  it('refuses what a robot typed into the hidden website field', () => {
    expect(parseFeedbackBatch(experience({ website: '' })).ok).toBe(true);
    expect(errorsOf(experience({ website: 'https://spam.example' }))).toEqual([
      { path: 'website', code: 'must-be-empty' },
    ]);
  });
});

describe('feedback captured by staff on a person’s behalf', () => {
  const assisted = (overrides: Record<string, unknown> = {}) => ({
    gatheredBy: 'phone',
    consentStatementRead: true,
    areasOfFocus: ['carers', 'practice'],
    ...overrides,
  });

  it('is accepted when the consent statement was read', () => {
    expect(parseFeedbackBatch(experience({ channel: 'staff-phone', assisted: assisted() })).ok).toBe(true);
  });

  it('cannot be sent until the consent statement has been read', () => {
    const body = experience({ channel: 'staff-phone', assisted: assisted({ consentStatementRead: false }) });
    expect(errorsOf(body)).toEqual([
      { path: 'assisted.consentStatementRead', code: 'consent-statement-not-read' },
    ]);
  });

  it('needs the staff details on a staff channel, and refuses them elsewhere', () => {
    expect(errorsOf(experience({ channel: 'staff-in-person' }))).toEqual([
      { path: 'assisted', code: 'required' },
    ]);
    expect(errorsOf(experience({ channel: 'self-online', assisted: assisted() }))).toEqual([
      { path: 'assisted', code: 'not-for-this-channel' },
    ]);
    expect(errorsOf(experience({ channel: 'staff-group', assisted: assisted() }))).toEqual([
      { path: 'assisted.gatheredBy', code: 'does-not-match-channel' },
    ]);
  });

  it('refuses an area of focus the council does not have', () => {
    const body = experience({ channel: 'staff-phone', assisted: assisted({ areasOfFocus: ['parking'] }) });
    expect(errorsOf(body)).toEqual([{ path: 'assisted.areasOfFocus.0', code: 'invalid-choice' }]);
  });

  it('makes staff say whether a safeguarding concern needs raising when the person does not feel safe', () => {
    const unsafe = { safe: 'not-safe' };
    expect(errorsOf(experience({ channel: 'staff-phone', answers: unsafe, assisted: assisted() }))).toEqual([
      { path: 'assisted.safeguardingConcern', code: 'required' },
    ]);
    const answered = assisted({ safeguardingConcern: true });
    expect(
      parseFeedbackBatch(experience({ channel: 'staff-phone', answers: unsafe, assisted: answered })).ok,
    ).toBe(true);
  });
});

describe('a listing problem', () => {
  it('is accepted with the service and what is wrong', () => {
    expect(parseFeedbackBatch(listingProblem()).ok).toBe(true);
  });

  it('refuses a problem it does not know, and a missing service', () => {
    expect(errorsOf(listingProblem({ problem: 'rude-staff', serviceId: '' }))).toEqual([
      { path: 'serviceId', code: 'required' },
      { path: 'problem', code: 'invalid-choice' },
    ]);
  });

  it('needs details when the problem is "something else"', () => {
    expect(errorsOf(listingProblem({ problem: 'other' }))).toEqual([{ path: 'details', code: 'required' }]);
    expect(parseFeedbackBatch(listingProblem({ problem: 'other', details: 'Moved to the library' })).ok).toBe(
      true,
    );
  });

  it('refuses details over 2000 characters', () => {
    expect(errorsOf(listingProblem({ details: 'x'.repeat(2001) }))).toEqual([
      { path: 'details', code: 'too-long' },
    ]);
  });
});

describe('a batch from the outbox', () => {
  it('carries one submission or up to a hundred', () => {
    expect(parseFeedbackBatch([experience(), listingProblem()])).toMatchObject({ ok: true });
    const hundred = Array.from({ length: 100 }, () => listingProblem());
    expect(FeedbackBatch.safeParse(hundred).success).toBe(true);
    expect(errorsOf([...hundred, listingProblem()])).toEqual([{ path: '', code: 'too-many' }]);
    expect(errorsOf([])).toEqual([{ path: '', code: 'too-few' }]);
  });

  it('names the item at fault by its place in the batch', () => {
    expect(errorsOf([experience(), listingProblem({ kind: 'complaint' })])).toEqual([
      { path: '1.kind', code: 'invalid-choice' },
    ]);
  });

  it('gives the same field errors from the union schema itself', () => {
    const result = FeedbackBatch.safeParse(experience({ id: 'nope' }));
    expect(result.success).toBe(false);
    expect(issuesToFieldErrors(result.error?.issues ?? [])).toEqual([{ path: 'id', code: 'invalid-uuid' }]);
  });
});

describe('a resent submission', () => {
  const parse = (body: unknown): FeedbackSubmission => ExperienceSubmission.parse(body);

  it('reads the same whatever order its fields came in', () => {
    const a = parse(experience());
    const b = parse({
      channel: 'self-online',
      howAnswered: 'own',
      respondent: 'resident',
      consent: { contact: false, quote: false, storeWords: false },
      answers: { info: 'prefer-not-to-say', safe: 'as-safe-as-i-want', control: 'enough' },
      formVersion: 1,
      createdAt: '2025-03-14T10:30:00.000Z',
      id: ID,
      kind: 'experience',
      website: '',
    });
    expect(canonicalSubmission(b)).toBe(canonicalSubmission(a));
  });

  it('reads differently when any answer changed, so the server can refuse it', () => {
    const a = parse(experience());
    const b = parse(experience({ answers: { control: 'none', safe: 'as-safe-as-i-want' } }));
    expect(canonicalSubmission(b)).not.toBe(canonicalSubmission(a));
  });
});

describe('a safety concern', () => {
  it('is raised by feeling less safe than one should, or not safe at all', () => {
    expect(isSafetyConcern({ safe: 'less-safe' })).toBe(true);
    expect(isSafetyConcern({ safe: 'not-safe', control: 'enough' })).toBe(true);
  });

  it('is not raised by feeling safe, by declining to say, or by skipping the question', () => {
    expect(isSafetyConcern({ safe: 'safe-enough' })).toBe(false);
    expect(isSafetyConcern({ safe: 'prefer-not-to-say' })).toBe(false);
    expect(isSafetyConcern({ safer: 'no', control: 'none' })).toBe(false);
  });
});
