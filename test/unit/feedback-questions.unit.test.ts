import { describe, expect, it } from 'vitest';
import { ABOUT_YOU_OPTIONS, AGE_BANDS, ETHNIC_GROUPS } from '../../src/domain/feedback/about.ts';
import {
  AREAS_OF_FOCUS,
  OUTCOMES,
  QUESTION_IDS,
  QUESTION_LIST,
  QUESTIONS,
  allowedAnswers,
  answerLabelKey,
  isAskedOf,
  isInBase,
  isPositive,
} from '../../src/domain/feedback/questions.ts';

describe('the questionnaire', () => {
  it('asks the eleven questions of docs/measures.md in order', () => {
    expect(QUESTION_LIST.map((q) => q.id)).toEqual([
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
    ]);
  });

  it('measures each of the seven outcomes, and files the carers’ question under carers', () => {
    const measured = new Set(QUESTION_LIST.map((q) => q.outcome));
    expect([...OUTCOMES].filter((o) => !measured.has(o))).toEqual([]);
    expect(OUTCOMES).toHaveLength(7);
    expect(QUESTIONS['carer-support'].outcome).toBe('carers');
    expect(QUESTIONS.belong.outcome).toBe('reduced-inequalities');
    expect(QUESTIONS.safe.outcome).toBe('kept-safe');
  });

  it('counts the positive answers the table names', () => {
    const positives = Object.fromEntries(QUESTION_IDS.map((id) => [id, QUESTIONS[id].positive]));
    expect(positives).toEqual({
      control: ['as-much-as-i-want', 'enough'],
      say: ['always', 'usually'],
      home: ['very-well', 'most-needs'],
      social: ['as-much-as-i-want'],
      time: ['things-i-value', 'enough-of-them'],
      info: ['very-easy', 'fairly-easy'],
      experience: ['very-good', 'good'],
      safe: ['as-safe-as-i-want'],
      safer: ['yes'],
      belong: ['strongly-agree', 'agree'],
      'carer-support': ['all-i-need'],
    });
  });

  it('keeps the best answer first and every positive answer ahead of every other', () => {
    for (const q of QUESTION_LIST) {
      expect(q.answers.slice(0, q.positive.length)).toEqual(q.positive);
    }
  });

  it('leaves "not looked", "does not apply", "not sure" and belong’s "don’t know" out of the base', () => {
    expect(isInBase('info', 'not-looked')).toBe(false);
    expect(isInBase('say', 'does-not-apply')).toBe(false);
    expect(isInBase('safer', 'not-sure')).toBe(false);
    expect(isInBase('belong', 'dont-know')).toBe(false);
    expect(isInBase('safer', 'no')).toBe(true);
    expect(isInBase('info', 'very-difficult')).toBe(true);
  });

  it('keeps "don’t know" in the base of the overall experience, as the Friends and Family Test does', () => {
    expect(isInBase('experience', 'dont-know')).toBe(true);
    expect(isPositive('experience', 'dont-know')).toBe(false);
  });

  it('never counts "prefer not to say", which every question offers', () => {
    for (const q of QUESTION_LIST) {
      expect(allowedAnswers(q.id)).toContain('prefer-not-to-say');
      expect(isInBase(q.id, 'prefer-not-to-say')).toBe(false);
      expect(isPositive(q.id, 'prefer-not-to-say')).toBe(false);
    }
  });

  it('shows help now after feeling less safe or not safe, and after no other answer', () => {
    const triggers = QUESTION_LIST.flatMap((q) => q.safetyTriggers.map((a) => `${q.id}:${a}`));
    expect(triggers).toEqual(['safe:less-safe', 'safe:not-safe']);
  });

  it('asks carers about their caring role, and no one else', () => {
    expect(isAskedOf('carer-support', 'carer')).toBe(true);
    expect(isAskedOf('carer-support', 'both')).toBe(true);
    expect(isAskedOf('carer-support', 'resident')).toBe(false);
    expect(isAskedOf('carer-support', 'draws-on-care')).toBe(false);
    expect(isAskedOf('control', 'resident')).toBe(true);
  });

  it('names its words only by i18n key, with a carers’ wording for "did you have a say"', () => {
    expect(QUESTIONS.control.titleKey).toBe('questions.control.title');
    expect(QUESTIONS.say.carerTitleKey).toBe('questions.say.title-carer');
    expect(QUESTIONS.control.carerTitleKey).toBeUndefined();
    expect(answerLabelKey('control', 'as-much-as-i-want')).toBe(
      'questions.control.answers.as-much-as-i-want',
    );
    expect(answerLabelKey('safe', 'prefer-not-to-say')).toBe('questions.prefer-not-to-say');
  });

  it('uses short codes that are safe as i18n keys and in URLs', () => {
    const codes = [
      ...QUESTION_LIST.flatMap((q) => [q.id, ...q.answers]),
      ...AREAS_OF_FOCUS,
      ...Object.values(ABOUT_YOU_OPTIONS).flat(),
    ];
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('about you', () => {
  it('offers the age bands from 18 to 85 and over, and prefer not to say', () => {
    expect(AGE_BANDS[0]).toBe('18-24');
    expect(AGE_BANDS.at(-2)).toBe('85-plus');
    expect(AGE_BANDS.at(-1)).toBe('prefer-not-to-say');
  });

  it('asks ethnicity by the five ONS high-level groups', () => {
    expect(ETHNIC_GROUPS.filter((g) => g !== 'prefer-not-to-say')).toHaveLength(5);
  });

  it('covers all twelve Essex districts', () => {
    expect(ABOUT_YOU_OPTIONS.district).toHaveLength(12);
  });

  it('lists the council’s seven areas of focus', () => {
    expect(AREAS_OF_FOCUS).toHaveLength(7);
    expect(AREAS_OF_FOCUS).toContain('carers');
    expect(AREAS_OF_FOCUS).toContain('digital-and-technology');
  });
});
