import { z } from 'zod/mini';
import type { RespondentGroup } from './about.ts';

/**
 * The experience questionnaire as data (docs/measures.md). No words a person reads live here: only stable
 * codes and the i18n keys under which `locales/<lng>/feedback.json` holds the words, so Easy Read and
 * translations keep the same questions and the same answer scale.
 */

/** Bumped whenever a question, an answer code or the positive set changes meaning. */
export const FORM_VERSION = 1;

/** Not counted anywhere, offered on every question. A skipped question is simply absent. */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** The seven outcomes of the council's adult social care plan, in the plan's order. */
export const OUTCOMES = [
  'independence-and-wellbeing',
  'choice-and-control',
  'place-to-call-home',
  'social-and-employment',
  'positive-experience',
  'reduced-inequalities',
  'kept-safe',
] as const;
export const OutcomeId = z.enum(OUTCOMES);
export type OutcomeId = z.infer<typeof OutcomeId>;

/** `carer-support` sits outside the seven outcomes; the scorecard files it under `carers`. */
export const CARERS_MEASURE_GROUP = 'carers';
export type MeasureOutcome = OutcomeId | typeof CARERS_MEASURE_GROUP;

/** The council's seven mission-critical areas of focus, which staff tag assisted feedback with. */
export const AREAS_OF_FOCUS = [
  'prevention-and-early-intervention',
  'carers',
  'housing-employment-and-opportunities',
  'place-based-working-and-integration',
  'care-market',
  'practice',
  'digital-and-technology',
] as const;
export const AreaOfFocus = z.enum(AREAS_OF_FOCUS);
export type AreaOfFocus = z.infer<typeof AreaOfFocus>;

interface QuestionSpec {
  readonly outcome: MeasureOutcome;
  /** Best first. */
  readonly answers: readonly [string, ...string[]];
  readonly positive: readonly string[];
  /** Answers left out of the base as well as "prefer not to say". */
  readonly outOfBase: readonly string[];
  /** Answers that show "get help now" on the next screen and flag the response. */
  readonly safetyTriggers: readonly string[];
  readonly carersOnly: boolean;
  /** The question has its own wording when a carer answers it. */
  readonly carerWording: boolean;
  /** The national question it is modelled on, so figures can be read beside the national ones. */
  readonly anchor: string;
}

const SPECS = {
  control: {
    outcome: 'independence-and-wellbeing',
    answers: ['as-much-as-i-want', 'enough', 'some-not-enough', 'none'],
    positive: ['as-much-as-i-want', 'enough'],
    outOfBase: [],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCOF 1B',
  },
  say: {
    outcome: 'choice-and-control',
    answers: ['always', 'usually', 'sometimes', 'never', 'does-not-apply'],
    positive: ['always', 'usually'],
    outOfBase: ['does-not-apply'],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: true,
    anchor: 'ASCOF 3C',
  },
  home: {
    outcome: 'place-to-call-home',
    answers: ['very-well', 'most-needs', 'some-needs', 'not-at-all'],
    positive: ['very-well', 'most-needs'],
    outOfBase: [],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCS home design',
  },
  social: {
    outcome: 'social-and-employment',
    answers: ['as-much-as-i-want', 'enough', 'some-not-enough', 'isolated'],
    positive: ['as-much-as-i-want'],
    outOfBase: [],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCOF 1I',
  },
  time: {
    outcome: 'social-and-employment',
    answers: ['things-i-value', 'enough-of-them', 'some-not-enough', 'nothing-i-value'],
    positive: ['things-i-value', 'enough-of-them'],
    outOfBase: [],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCS occupation',
  },
  info: {
    outcome: 'positive-experience',
    answers: ['very-easy', 'fairly-easy', 'fairly-difficult', 'very-difficult', 'not-looked'],
    positive: ['very-easy', 'fairly-easy'],
    outOfBase: ['not-looked'],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCOF 3D',
  },
  experience: {
    outcome: 'positive-experience',
    // "Don't know" stays in the base, as in the Friends and Family Test.
    answers: ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'],
    positive: ['very-good', 'good'],
    outOfBase: [],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'NHS Friends and Family Test',
  },
  safe: {
    outcome: 'kept-safe',
    answers: ['as-safe-as-i-want', 'safe-enough', 'less-safe', 'not-safe'],
    positive: ['as-safe-as-i-want'],
    outOfBase: [],
    safetyTriggers: ['less-safe', 'not-safe'],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCOF 4A',
  },
  safer: {
    outcome: 'kept-safe',
    answers: ['yes', 'no', 'not-sure'],
    positive: ['yes'],
    outOfBase: ['not-sure'],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'ASCOF 4B',
  },
  belong: {
    outcome: 'reduced-inequalities',
    answers: ['strongly-agree', 'agree', 'neither', 'disagree', 'strongly-disagree', 'dont-know'],
    positive: ['strongly-agree', 'agree'],
    outOfBase: ['dont-know'],
    safetyTriggers: [],
    carersOnly: false,
    carerWording: false,
    anchor: 'TLAP Making it Real',
  },
  'carer-support': {
    outcome: CARERS_MEASURE_GROUP,
    answers: ['all-i-need', 'some', 'none'],
    positive: ['all-i-need'],
    outOfBase: [],
    safetyTriggers: [],
    carersOnly: true,
    carerWording: false,
    anchor: 'SACE carer support',
  },
} as const satisfies Record<string, QuestionSpec>;

type Specs = typeof SPECS;

/** The questions in the order they are asked. */
export const QUESTION_IDS = [
  'control',
  'say',
  'home',
  'social',
  'time',
  'info',
  'experience',
  'safe',
  'safer',
  'belong',
  'carer-support',
] as const satisfies readonly (keyof Specs)[];
export const QuestionId = z.enum(QUESTION_IDS);
export type QuestionId = z.infer<typeof QuestionId>;

/** An answer on the question's own scale (not "prefer not to say"). */
export type ScaleAnswer<Q extends QuestionId = QuestionId> = Specs[Q]['answers'][number];
/** Anything a person may give to question Q. */
export type AnswerCode<Q extends QuestionId = QuestionId> = ScaleAnswer<Q> | typeof PREFER_NOT_TO_SAY;
/** A response's answers; a skipped question is absent. */
export type Answers = { [Q in QuestionId]?: AnswerCode<Q> };

export interface Question<Q extends QuestionId = QuestionId> {
  readonly id: Q;
  readonly outcome: MeasureOutcome;
  readonly answers: readonly ScaleAnswer<Q>[];
  readonly positive: readonly ScaleAnswer<Q>[];
  readonly outOfBase: readonly ScaleAnswer<Q>[];
  readonly safetyTriggers: readonly ScaleAnswer<Q>[];
  readonly carersOnly: boolean;
  readonly anchor: string;
  /** i18n key of the question as most people see it. */
  readonly titleKey: string;
  /** i18n key of the carers' wording, where it differs. */
  readonly carerTitleKey?: string;
}

function toQuestion<Q extends QuestionId>(id: Q): Question<Q> {
  const spec: QuestionSpec = SPECS[id];
  return {
    id,
    outcome: spec.outcome,
    answers: spec.answers as readonly ScaleAnswer<Q>[],
    positive: spec.positive as readonly ScaleAnswer<Q>[],
    outOfBase: spec.outOfBase as readonly ScaleAnswer<Q>[],
    safetyTriggers: spec.safetyTriggers as readonly ScaleAnswer<Q>[],
    carersOnly: spec.carersOnly,
    anchor: spec.anchor,
    titleKey: `questions.${id}.title`,
    ...(spec.carerWording ? { carerTitleKey: `questions.${id}.title-carer` } : {}),
  };
}

export const QUESTIONS: { readonly [Q in QuestionId]: Question<Q> } = {
  control: toQuestion('control'),
  say: toQuestion('say'),
  home: toQuestion('home'),
  social: toQuestion('social'),
  time: toQuestion('time'),
  info: toQuestion('info'),
  experience: toQuestion('experience'),
  safe: toQuestion('safe'),
  safer: toQuestion('safer'),
  belong: toQuestion('belong'),
  'carer-support': toQuestion('carer-support'),
};

/** The questions in the order they are asked. */
export const QUESTION_LIST: readonly Question[] = QUESTION_IDS.map((id) => QUESTIONS[id]);

/** Every code a person may give to a question: its scale, then "prefer not to say". */
export function allowedAnswers<Q extends QuestionId>(id: Q): readonly AnswerCode<Q>[] {
  return [...QUESTIONS[id].answers, PREFER_NOT_TO_SAY];
}

/** i18n key of one answer's words. "Prefer not to say" has one key shared by every question. */
export function answerLabelKey(id: QuestionId, code: string): string {
  return code === PREFER_NOT_TO_SAY ? 'questions.prefer-not-to-say' : `questions.${id}.answers.${code}`;
}

/** Whether the question is asked of this respondent: the carers' question only of carers. */
export function isAskedOf(id: QuestionId, respondent: RespondentGroup): boolean {
  return !QUESTIONS[id].carersOnly || respondent === 'carer' || respondent === 'both';
}

/** The answer counts in the measure's base `n`: on the scale and not left out by the table. */
export function isInBase(id: QuestionId, code: string): boolean {
  const q: Question = QUESTIONS[id];
  return (
    (q.answers as readonly string[]).includes(code) && !(q.outOfBase as readonly string[]).includes(code)
  );
}

/** The answer counts towards the positive share `k`. */
export function isPositive(id: QuestionId, code: string): boolean {
  return (QUESTIONS[id].positive as readonly string[]).includes(code);
}
