import { z } from 'zod/mini';
import { AgeRange } from '../search/filters.ts';
import { Delivery, District, Theme, WhoFor } from '../service-terms.ts';

/**
 * Guided help as data. A journey file (`data/guided-help.json`) holds steps; each step asks one or more
 * questions; each answer says, in directory terms, what choosing it means. The engine
 * (`shortlist.ts`) reads the answers by each question's `role`:
 *
 * - `who`: who the help is for. An answer with `carerGroup` splits off services for the carer.
 * - `where`: an answer with `input` asks for a district or a postcode; one without means anywhere.
 * - `need`: what is hard. Each chosen need becomes a group of results, matched by its `match`.
 * - `kind`: what kind of help. Raises services that match; never removes any.
 * - `filter`: age band, cost, delivery. Removes services that do not fit its `filter`.
 *
 * Text is never in this file: every question and answer has an i18n key (`guided.hard.hospital`) that
 * the locale files translate, and an icon name the UI draws.
 */

const Slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));
const I18nKey = z.string().check(z.regex(/^guided(\.[a-z0-9][a-z0-9-]*)+$/));
const IconName = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

/**
 * A keyword is matched, as whole words, against a service's taxonomy term names and ids, its name,
 * summary and description. Case, accents, apostrophes and plurals do not matter; a phrase must appear
 * as written within one clause ("help around the home"). A final `*` matches any word starting so:
 * `befriend*` matches "befriending".
 */
const Keyword = z.string().check(z.minLength(2), z.maxLength(60), z.regex(/^[^*]+\*?$/));

export const AnswerMatch = z.object({
  /** A service matching any keyword is a candidate. */
  keywords: z.optional(z.array(Keyword)),
  /** A service in any of these themes is a candidate. */
  themes: z.optional(z.array(Theme)),
  /** A service for any of these groups is a candidate. */
  whoFor: z.optional(z.array(WhoFor)),
  /** Ranks services in these themes higher, without making them candidates. */
  boostThemes: z.optional(z.array(Theme)),
});
export type AnswerMatch = z.infer<typeof AnswerMatch>;

export const AnswerFilter = z.object({
  free: z.optional(z.literal(true)),
  delivery: z.optional(z.array(Delivery)),
  age: z.optional(AgeRange),
});
export type AnswerFilter = z.infer<typeof AnswerFilter>;

export const Answer = z.object({
  id: Slug,
  key: I18nKey,
  icon: IconName,
  match: z.optional(AnswerMatch),
  filter: z.optional(AnswerFilter),
  /** For `where`: the answer asks for a district or a postcode. */
  input: z.optional(z.enum(['district', 'postcode'])),
  /** Choosing it means the person may need help now: the UI shows urgent contacts first. */
  helpNow: z.optional(z.boolean()),
  /** For `who`: the person looks after someone, so services for them as a carer are shown apart. */
  carerGroup: z.optional(z.boolean()),
});
export type Answer = z.infer<typeof Answer>;

export const QUESTION_ROLES = ['who', 'where', 'need', 'kind', 'filter'] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

export const Question = z.object({
  id: Slug,
  key: I18nKey,
  role: z.enum(QUESTION_ROLES),
  select: z.enum(['one', 'any']),
  answers: z.array(Answer).check(z.minLength(1)),
});
export type Question = z.infer<typeof Question>;

export const Step = z.object({
  id: Slug,
  key: I18nKey,
  questions: z.array(Question).check(z.minLength(1)),
});
export type Step = z.infer<typeof Step>;

/** Problems a schema cannot see: duplicate ids, answers missing what their role needs. */
export function rulesProblems(rules: { steps: readonly Step[] }): string[] {
  const problems: string[] = [];
  const questionIds = new Set<string>();
  for (const step of rules.steps) {
    for (const question of step.questions) {
      if (questionIds.has(question.id)) problems.push(`question ${question.id} appears twice`);
      questionIds.add(question.id);
      const answerIds = new Set<string>();
      for (const answer of question.answers) {
        const where = `${question.id}.${answer.id}`;
        if (answerIds.has(answer.id)) problems.push(`${where} appears twice`);
        answerIds.add(answer.id);
        if ((question.role === 'need' || question.role === 'kind') && !answer.match) {
          problems.push(`${where} needs a match`);
        }
        if (question.role === 'filter' && !answer.filter) problems.push(`${where} needs a filter`);
        if (answer.input && question.role !== 'where') problems.push(`${where}: input only belongs in where`);
      }
    }
  }
  for (const role of ['who', 'where', 'need'] as const) {
    const count = rules.steps.flatMap((step) => step.questions).filter((q) => q.role === role).length;
    if (count !== 1) problems.push(`there must be exactly one ${role} question, not ${count}`);
  }
  return problems;
}

export const GuidedRules = z
  .object({
    version: z.literal(1),
    steps: z.array(Step).check(z.minLength(1)),
  })
  .check(
    z.refine((rules) => rulesProblems(rules).length === 0, {
      message: 'guided help rules are inconsistent (see rulesProblems)',
    }),
  );
export type GuidedRules = z.infer<typeof GuidedRules>;

/** Reads a journey file, throwing with every problem listed when it is not valid. */
export function parseRules(json: unknown): GuidedRules {
  const parsed = GuidedRules.safeParse(json);
  if (parsed.success) return parsed.data;
  const steps = (json as { steps?: Step[] } | null)?.steps;
  const extra = Array.isArray(steps) ? rulesProblems({ steps }) : [];
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid guided help rules: ${[...issues, ...extra].join('; ')}`);
}

/**
 * What a person chose: for each question id, the answer ids picked (one for a `one` question), and the
 * district or postcode typed for `where`.
 */
export const GuidedAnswers = z.object({
  choices: z.record(z.string(), z.array(z.string())),
  district: z.optional(District),
  postcode: z.optional(z.string()),
});
export type GuidedAnswers = z.infer<typeof GuidedAnswers>;

/** Every question, in journey order. */
export function questionsOf(rules: GuidedRules): Question[] {
  return rules.steps.flatMap((step) => step.questions);
}

/** The one question with a role (who, where, need), or every question with it (kind, filter). */
export function questionsWithRole(rules: GuidedRules, role: QuestionRole): Question[] {
  return questionsOf(rules).filter((question) => question.role === role);
}

/** The answers chosen for a question (the first valid one for a `one` question); unknown ids are ignored. */
export function chosenAnswers(question: Question, answers: GuidedAnswers): Answer[] {
  const picked = answers.choices[question.id] ?? [];
  if (question.select === 'one') {
    const first = picked.map((id) => question.answers.find((answer) => answer.id === id)).find(Boolean);
    return first ? [first] : [];
  }
  return question.answers.filter((answer) => picked.includes(answer.id));
}
