import type { Theme, WhoFor } from '../service-terms.ts';

/** Who a service is for, in the words people search with, so "older people" or "disabled" find them. */
const WHO_FOR_WORDS: Readonly<Record<WhoFor, string>> = {
  'carer-self': 'carers',
  'cared-for': 'the person cared for',
  'older-people': 'older people',
  'learning-disability': 'learning disability',
  autism: 'autism. autistic',
  'mental-health': 'mental health',
  'physical-sensory': 'physical or sensory impairment. disabled',
};

const THEME_WORDS: Readonly<Record<Theme, string>> = {
  'staying-well': 'staying well',
  carers: 'support for carers',
  housing: 'housing',
  'work-and-activities': 'work. learning. things to do',
};

export function audienceWords(group: WhoFor): string {
  return WHO_FOR_WORDS[group];
}

export function themeWords(theme: Theme): string {
  return THEME_WORDS[theme];
}
