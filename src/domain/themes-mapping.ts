import { normaliseWords, containsKeyword } from './oruk/words.ts';
import { THEMES, WHO_FOR, type Theme, type WhoFor } from './service.ts';

/**
 * How Signpost files a service from the council's Open Referral feed under its four themes and its
 * "who is it for" groups.
 *
 * A service's taxonomy terms (attributes) are read first: a term belongs to a theme or group when its
 * name or code contains one of the keywords below, or when its id or code is listed in `termIds`. When no
 * term gives a theme, the service's name and description are searched for the same keywords. Groups are
 * taken from terms and text together. Services that carry Signpost's own `signpost` vocabulary (Signpost's
 * own export does) keep the themes and groups it states and are not classified again.
 *
 * How a council changes it:
 * - Keywords are plain words or phrases, matched case-insensitively as whole words: "day centre"
 *   matches "Day Centre" but not "Day Centres"; write "day centre*" to match any ending. Keep them
 *   specific: "work" would also match "we work with carers", so the list says "into work".
 * - To file a term from a taxonomy the council uses (an LGA service list code, a local category id)
 *   exactly, add its id or code to `termIds` for the theme or group.
 * - Edit `THEMES_MAPPING` below, or pass another `ThemesMapping` to `classify`, then re-import the feed.
 *   Nothing else needs to change.
 */

export interface KeywordRule {
  keywords: readonly string[];
  termIds?: readonly string[];
}

export interface ThemesMapping {
  themes: Readonly<Record<Theme, KeywordRule>>;
  whoFor: Readonly<Record<WhoFor, KeywordRule>>;
}

export const THEMES_MAPPING: ThemesMapping = {
  themes: {
    'staying-well': {
      keywords: [
        'staying well',
        'wellbeing',
        'well being',
        'health*',
        'mental health',
        'counselling',
        'befriend*',
        'lonel*',
        'isolation',
        'dementia',
        'memory',
        'falls',
        'exercise',
        'stroke',
        'sight',
        'hearing',
        'bereave*',
        'advocacy',
        'benefits',
        'debt',
        'money',
        'early help',
        'prevention',
        'daily living',
        'equipment',
        'telecare',
        'reablement',
        'social prescrib*',
        'peer support',
        'listening',
        'helpline',
      ],
    },
    carers: {
      keywords: [
        'carer',
        'carers',
        'caring role',
        'caring for',
        'cared for',
        'respite',
        'short break*',
        'replacement care',
        'sitting service',
        'day centre*',
        'day care',
        'day club*',
      ],
    },
    housing: {
      keywords: [
        'housing',
        'homeless*',
        'tenancy',
        'tenant*',
        'accommodation',
        'supported living',
        'sheltered',
        'extra care',
        'rough sleep*',
        'landlord*',
        'rent',
        'home adaptation*',
        'adaptations',
        'handyperson',
        'repairs',
        'warm home*',
        'energy',
        'hoarding',
        'move home',
        'moving home',
        'settle home',
      ],
    },
    'work-and-activities': {
      keywords: [
        'employment',
        'job*',
        'into work',
        'back to work',
        'paid work',
        'work experience',
        'volunteer*',
        'adult learning',
        'lifelong learning',
        'training',
        'course*',
        'skills',
        'college',
        'education',
        'leisure',
        'activity',
        'activities',
        'things to do',
        'club',
        'clubs',
        'sport*',
        'arts',
        'craft*',
        'music',
        'choir',
        'singing',
        'garden*',
        'allotment*',
        'social group*',
        'social club*',
        'social evening*',
        'socialising',
        'day opportunities',
        'swim*',
        'cinema',
        'disco',
        'mens shed*',
        'walking',
      ],
    },
  },
  whoFor: {
    'carer-self': {
      keywords: ['carer', 'carers', 'unpaid carer*', 'young carer*', 'caring role', 'looking after someone'],
    },
    'cared-for': {
      keywords: [
        'cared for',
        'person you care for',
        'respite',
        'short break*',
        'replacement care',
        'sitting service',
        'day centre*',
        'day care',
        'day club*',
      ],
    },
    'older-people': {
      keywords: [
        'older people',
        'older person',
        'older adults',
        'later life',
        'elderly',
        'retired',
        'pensioner*',
        'dementia',
        'over 50*',
        'over 55*',
        'over 60*',
        'over 65*',
      ],
    },
    'learning-disability': {
      keywords: ['learning disabilit*', 'learning difficult*', 'downs syndrome', 'down syndrome'],
    },
    autism: { keywords: ['autis*', 'asperger*', 'asd'] },
    'mental-health': {
      keywords: [
        'mental health',
        'mental ill*',
        'anxiety',
        'depression',
        'counselling',
        'talking therap*',
        'bipolar',
        'schizophren*',
        'psychosis',
        'eating disorder*',
        'suicid*',
        'emotional support',
        'crisis line',
        'crisis support',
      ],
    },
    'physical-sensory': {
      keywords: [
        'physical disabilit*',
        'physical impairment*',
        'physically disabled',
        'sensory',
        'sight loss',
        'visual impair*',
        'visually impaired',
        'blind',
        'deaf*',
        'hearing loss',
        'hard of hearing',
        'wheelchair*',
        'mobility',
        'stroke',
        'multiple sclerosis',
        'parkinson*',
        'sign language',
        'bsl',
      ],
    },
  },
};

export interface Classification {
  themes: Theme[];
  whoFor: WhoFor[];
}

export interface ClassifiableTerm {
  id: string;
  name: string;
}

function matches(rule: KeywordRule, words: string, ids: readonly string[]): boolean {
  if (rule.termIds?.some((termId) => ids.includes(termId.toLowerCase()))) return true;
  return rule.keywords.some((keyword) => containsKeyword(words, keyword));
}

function pick<K extends string>(
  order: readonly K[],
  rules: Readonly<Record<K, KeywordRule>>,
  words: string,
  ids: readonly string[],
): K[] {
  return order.filter((key) => matches(rules[key], words, ids));
}

/** The themes and groups a service belongs to, from its taxonomy terms and (failing those) its text. */
export function classify(
  terms: readonly ClassifiableTerm[],
  text = '',
  mapping: ThemesMapping = THEMES_MAPPING,
): Classification {
  const termWords = terms.map((term) => normaliseWords(`${term.name} | ${term.id}`)).join('|');
  const ids = terms.map((term) => term.id.toLowerCase());
  const textWords = normaliseWords(text);
  const themesFromTerms = pick(THEMES, mapping.themes, termWords, ids);
  const themes = themesFromTerms.length > 0 ? themesFromTerms : pick(THEMES, mapping.themes, textWords, []);
  const whoFor = new Set([
    ...pick(WHO_FOR, mapping.whoFor, termWords, ids),
    ...pick(WHO_FOR, mapping.whoFor, textWords, []),
  ]);
  return { themes, whoFor: WHO_FOR.filter((group) => whoFor.has(group)) };
}
