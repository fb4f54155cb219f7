import { normaliseWords, containsKeyword } from './oruk/words.ts';
import { THEMES, WHO_FOR, type Theme, type WhoFor } from './service-terms.ts';

/**
 * How Signpost files a service from the council's Open Referral feed under its four themes and its
 * "who is it for" groups.
 *
 * What is read, in order:
 * 1. The service's terms: taxonomy terms (HSDS attributes, ORUK 1 `service_taxonomys`), free-text
 *    categories, and who-it-is-for tags (eligibility records, `pc_targetAudience`). A term belongs to a
 *    theme or group when its name or code contains one of the `keywords` or `termWords`, or its id is
 *    in `termIds`. The lists hold the names used by the LGA's service types and needs lists
 *    (esdServiceTypes, esdNeeds), the Open Referral examples, and the words councils' own category
 *    lists use ("Health & Wellbeing", "Money advice", "Leisure").
 * 2. When no term gives a theme, the service's own name and description, by a careful rule: a theme is
 *    taken when one of its keywords is in the name, or two different ones are in the description.
 *    `termWords` are never read in free text: "money" or "work" in a sentence says little.
 * Groups are taken from terms, name and description together: their keywords are specific.
 *
 * Services that carry Signpost's own `signpost` vocabulary (Signpost's own export does) keep the themes
 * and groups it states and are not classified again.
 *
 * How a council changes it:
 * - Keywords are plain words or phrases, matched case-insensitively as whole words: "day centre"
 *   matches "Day Centre" but not "Day Centres"; write "day centre*" to match any ending. Keep them
 *   specific: "work" would also match "we work with carers", so the list says "into work".
 * - To file a term from a taxonomy the council uses exactly, add its id to `termIds` for the theme or
 *   group: an LGA term as its CURIE ("esdServiceType:298"; the importer reads id.esd.org.uk addresses
 *   as CURIEs too) or a local category id.
 * - Edit `THEMES_MAPPING` below, or pass another `ThemesMapping` to `classify`, then re-import the feed.
 *   Nothing else needs to change.
 */

export interface KeywordRule {
  /** Words and phrases read in terms and in the service's own name and description. */
  keywords: readonly string[];
  /** Short category words read in terms only: "Money", "Work", "Food". */
  termWords?: readonly string[];
  /** Term ids filed here whatever their name says. */
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
        'talking therap*',
        'anxiety',
        'depression',
        'emotional support',
        'befriend*',
        'lonel*',
        'isolation',
        'dementia',
        'memory',
        'falls',
        'exercise',
        'stroke',
        'sight',
        'sight loss',
        'hearing',
        'hearing aid*',
        'sensory loss',
        'bereave*',
        'end of life',
        'palliative',
        'advocacy',
        'benefits',
        'welfare rights',
        'debt',
        'money advice',
        'money',
        'financial advice',
        'information and advice',
        'advice and information',
        'early help',
        'prevention',
        'daily living',
        'equipment',
        'telecare',
        'assistive technology',
        'reablement',
        'care at home',
        'home care',
        'homecare',
        'domiciliary care',
        'meals on wheels',
        'community meals',
        'hot meals',
        'meals at home',
        'meal delivery',
        'hospital discharge',
        'leaving hospital',
        'home from hospital',
        'occupational therap*',
        'physiotherap*',
        'social prescrib*',
        'peer support',
        'peer group*',
        'autism support',
        'listening',
        'helpline',
        'stop smoking',
        'smoking cessation',
        'weight management',
        'healthy eating',
        'food bank*',
        'substance misuse',
        'drug and alcohol',
        'alcohol',
        'domestic abuse',
        'domestic violence',
        'safeguarding',
        'long term condition*',
        'diabetes',
        'arthritis',
        'cancer',
        'continence',
        'foot care',
        'podiatry',
        'blue badge*',
        'community transport',
        'dial a ride',
      ],
      termWords: ['health', 'care', 'food', 'legal', 'emergency', 'transport'],
      termIds: ['esdServiceType:242', 'esdServiceType:833'],
    },
    carers: {
      keywords: [
        'carer',
        'carers',
        'unpaid carer*',
        'young carer*',
        'parent carer*',
        'carers assessment*',
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
      termIds: ['esdServiceType:298', 'esdServiceType:1755'],
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
        'aids and adaptations',
        'disabled facilities grant*',
        'home improvement*',
        'handyperson',
        'repairs',
        'warm home*',
        'energy',
        'fuel poverty',
        'insulation',
        'floating support',
        'refuge*',
        'hoarding',
        'move home',
        'moving home',
        'settle home',
      ],
      termWords: ['shelter'],
    },
    'work-and-activities': {
      keywords: [
        'employment',
        'job*',
        'into work',
        'back to work',
        'paid work',
        'work experience',
        'work placement*',
        'supported employment',
        'apprentice*',
        'career*',
        'volunteer*',
        'adult learning',
        'adult education',
        'lifelong learning',
        'training',
        'course*',
        'skills',
        'digital skills',
        'computer*',
        'tablet*',
        'smartphone*',
        'laptop*',
        'get online',
        'esol',
        'college',
        'education',
        'library',
        'libraries',
        'leisure',
        'activity',
        'activities',
        'things to do',
        'social inclusion',
        'community facilities',
        'community centre*',
        'club',
        'clubs',
        'lunch club*',
        'coffee morning*',
        'cafe',
        'sport*',
        'fitness',
        'dance',
        'dancing',
        'yoga',
        'tai chi',
        'bowls',
        'arts',
        'craft*',
        'knit*',
        'book club*',
        'reading group*',
        'music',
        'choir',
        'singing',
        'theatre',
        'heritage',
        'museum*',
        'garden*',
        'allotment*',
        'social group*',
        'social club*',
        'social evening*',
        'socialising',
        'friendship group*',
        'day opportunities',
        'day service*',
        'swim*',
        'cinema',
        'disco',
        'mens shed*',
        'woodwork*',
        'workshop*',
        'meet up*',
        'meetup*',
        'walking',
      ],
      termWords: ['work', 'learning', 'hobbies', 'community', 'recreation'],
      termIds: ['esdNeed:69', 'esdNeed:71'],
    },
  },
  whoFor: {
    'carer-self': {
      keywords: [
        'carer',
        'carers',
        'unpaid carer*',
        'young carer*',
        'parent carer*',
        'caring role',
        'looking after someone',
      ],
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
        'frail',
        'retired',
        'pensioner*',
        'dementia',
        'over 50*',
        'over 55*',
        'over 60*',
        'over 65*',
      ],
      termWords: ['older', 'seniors', '65', '65 plus'],
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
        'physically impaired',
        'sensory',
        'sight loss',
        'sight impair*',
        'visual impair*',
        'visually impaired',
        'blind',
        'deaf*',
        'hearing loss',
        'hearing impair*',
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

/** The service's own words, read when its terms say nothing. */
export interface ServiceWords {
  name?: string;
  description?: string;
}

// The LGA's terms arrive as addresses or as CURIEs: "http://id.esd.org.uk/service/298" = "esdServiceType:298".
const ESD_LISTS: Record<string, string> = {
  service: 'esdservicetype',
  need: 'esdneed',
  circumstance: 'esdcircumstance',
};

/** A term id in the form `termIds` uses, lower case: LGA addresses become CURIEs. */
export function canonicalTermId(id: string): string {
  const lower = id.trim().toLowerCase();
  const esd = /^https?:\/\/(?:beta\.)?id\.esd\.org\.uk\/([a-z]+)\/([^/?#]+)\/?$/.exec(lower);
  const list = esd?.[1] === undefined ? undefined : ESD_LISTS[esd[1]];
  if (list !== undefined && esd?.[2] !== undefined) return `${list}:${esd[2]}`;
  // Publishers write the CURIE singular or plural: "esdServiceTypes:298".
  return lower.replace(/^(esdservicetype|esdneed|esdcircumstance)s:/, '$1:');
}

function count(keywords: readonly string[], words: string): number {
  return keywords.filter((keyword) => containsKeyword(words, keyword)).length;
}

function fromTerms(rule: KeywordRule, words: string, ids: ReadonlySet<string>): boolean {
  if (rule.termIds?.some((termId) => ids.has(canonicalTermId(termId)))) return true;
  return count(rule.keywords, words) > 0 || count(rule.termWords ?? [], words) > 0;
}

/** The themes and groups a service belongs to, from its terms and (failing those) its own words. */
export function classify(
  terms: readonly ClassifiableTerm[],
  text: ServiceWords = {},
  mapping: ThemesMapping = THEMES_MAPPING,
): Classification {
  const termWords = terms.map((term) => normaliseWords(`${term.name} | ${term.id}`)).join('|');
  const ids = new Set(terms.map((term) => canonicalTermId(term.id)));
  const nameWords = normaliseWords(text.name ?? '');
  const descriptionWords = normaliseWords(text.description ?? '');

  const themesFromTerms = THEMES.filter((theme) => fromTerms(mapping.themes[theme], termWords, ids));
  const themes =
    themesFromTerms.length > 0
      ? themesFromTerms
      : THEMES.filter((theme) => {
          const { keywords } = mapping.themes[theme];
          return count(keywords, nameWords) > 0 || count(keywords, descriptionWords) >= 2;
        });
  const whoFor = WHO_FOR.filter((group) => {
    const rule = mapping.whoFor[group];
    return (
      fromTerms(rule, termWords, ids) ||
      count(rule.keywords, nameWords) > 0 ||
      count(rule.keywords, descriptionWords) > 0
    );
  });
  return { themes, whoFor };
}
