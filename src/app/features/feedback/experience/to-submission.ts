import { STAFF_CHANNEL_GATHERED_BY, type Channel } from '../../../../domain/feedback/about.ts';
import {
  FORM_VERSION,
  isAskedOf,
  QUESTION_IDS,
  type Answers,
} from '../../../../domain/feedback/questions.ts';
import {
  ExperienceSubmission,
  isSafetyConcern,
  issuesToFieldErrors,
  type FieldError,
} from '../../../../domain/feedback/submission.ts';
import { hasWords, type ExperienceDraft } from './draft.ts';
import type { StepId } from './flow.ts';

function channelFor(draft: ExperienceDraft): Channel {
  if (draft.mode === 'self') return 'self-online';
  const entry = Object.entries(STAFF_CHANNEL_GATHERED_BY).find(([, by]) => by === draft.gatheredBy);
  return (entry?.[0] as Channel | undefined) ?? 'staff-in-person';
}

/**
 * The submission a draft becomes. Words go only with consent to keep them; a quote only with words;
 * answers only to questions this person was asked (a carer who changed their mind loses the carers’
 * question). The shape is checked by the same schema the server uses.
 */
export function toSubmission(draft: ExperienceDraft, now: Date = new Date()): unknown {
  const answers: Answers = {};
  for (const id of QUESTION_IDS) {
    const given = draft.answers[id];
    if (given !== undefined && draft.respondent && isAskedOf(id, draft.respondent)) {
      (answers as Record<string, string>)[id] = given;
    }
  }
  const storeWords = hasWords(draft) && draft.storeWords === true;
  const contactBy =
    draft.contact && draft.contactMethod === 'email'
      ? { method: 'email', value: (draft.email ?? '').trim() }
      : draft.contact && draft.contactMethod === 'phone'
        ? { method: 'phone', value: (draft.phone ?? '').trim() }
        : undefined;
  const equality = {
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.ethnicGroup ? { ethnicGroup: draft.ethnicGroup } : {}),
    ...(draft.disability ? { disability: draft.disability } : {}),
  };
  const assisted =
    draft.mode === 'assisted'
      ? {
          gatheredBy: draft.gatheredBy,
          consentStatementRead: draft.consentStatementRead === true ? true : undefined,
          areasOfFocus: draft.areasOfFocus ?? [],
          ...(isSafetyConcern(answers) && draft.safeguardingConcern !== undefined
            ? { safeguardingConcern: draft.safeguardingConcern }
            : {}),
        }
      : undefined;
  return {
    kind: 'experience',
    id: draft.id,
    createdAt: now.toISOString(),
    formVersion: FORM_VERSION,
    answers,
    ...(storeWords ? { words: (draft.words ?? '').trim() } : {}),
    consent: {
      storeWords,
      quote: storeWords && draft.quote === true,
      contact: draft.contact === true,
      ...(contactBy ? { contactBy } : {}),
    },
    respondent: draft.respondent,
    howAnswered: draft.howAnswered,
    channel: channelFor(draft),
    ...(draft.district ? { district: draft.district } : {}),
    ...(draft.ageBand ? { ageBand: draft.ageBand } : {}),
    ...(Object.keys(equality).length > 0 ? { equality } : {}),
    ...(assisted ? { assisted } : {}),
  };
}

/** The step where a person can put right each problem the schema finds. */
export function stepForError(error: FieldError): StepId {
  const [head, next] = error.path.split('.');
  if (head === 'answers' && next) return next as StepId;
  if (head === 'respondent') return 'who';
  if (head === 'howAnswered') return 'how-answered';
  if (head === 'words') return 'words';
  if (head === 'district' || head === 'ageBand') return 'about-you';
  if (head === 'equality') return 'equality';
  if (head === 'consent') return next === 'contactBy' ? 'contact' : 'consent';
  if (head === 'assisted') {
    return next === 'safeguardingConcern' ? 'help-now' : next === 'areasOfFocus' ? 'focus' : 'gathering';
  }
  return 'check';
}

export type Checked =
  | { ok: true; submission: ExperienceSubmission }
  | { ok: false; errors: { step: StepId; error: FieldError }[] };

/** Builds and checks the submission; on failure, each problem with the step that fixes it. */
export function checkDraft(draft: ExperienceDraft, now: Date = new Date()): Checked {
  const input = toSubmission(draft, now);
  const result = ExperienceSubmission.safeParse(input);
  if (result.success) return { ok: true, submission: result.data };
  return {
    ok: false,
    errors: issuesToFieldErrors(result.error.issues, input).map((error) => ({
      step: stepForError(error),
      error,
    })),
  };
}
