import { DELIVERY, THEMES, WHO_FOR, type Delivery, type Theme, type WhoFor } from '../service-terms.ts';
import type { OrukAttribute } from './schema.ts';
import { stableUuid } from './stable-id.ts';

/**
 * What Signpost knows and ORUK has no field for (themes, who-for, delivery, sample, summaries) travels as
 * attributes in a `signpost` vocabulary, so it survives a trip out and back. Text goes in HSDS's `value`.
 */

export const SIGNPOST_TAXONOMY = 'signpost';

export type SignpostCode =
  `theme:${Theme}` | `who-for:${WhoFor}` | `delivery:${Delivery}` | 'sample' | 'summary' | 'easy-read';

interface TermText {
  name: string;
  description: string;
  /** What the term describes, as ORUK's attribute `link_type`. */
  linkType: string;
}

const THEME_TERMS: Record<Theme, string> = {
  'staying-well': 'Staying well',
  carers: 'Support for carers',
  housing: 'Housing',
  'work-and-activities': 'Work, learning and things to do',
};

const WHO_FOR_TERMS: Record<WhoFor, string> = {
  'carer-self': 'For carers themselves',
  'cared-for': 'For the person being cared for',
  'older-people': 'Older people',
  'learning-disability': 'People with a learning disability',
  autism: 'Autistic people',
  'mental-health': 'People with mental ill health',
  'physical-sensory': 'People with a physical or sensory impairment',
};

const DELIVERY_TERMS: Record<Delivery, string> = {
  'in-person': 'In person',
  phone: 'By phone',
  online: 'Online',
};

export const SIGNPOST_TERMS: Readonly<Record<SignpostCode, TermText>> = {
  ...Object.fromEntries(
    THEMES.map((theme) => [
      `theme:${theme}`,
      {
        name: THEME_TERMS[theme],
        description: `Signpost theme: ${THEME_TERMS[theme]}`,
        linkType: 'category',
      },
    ]),
  ),
  ...Object.fromEntries(
    WHO_FOR.map((group) => [
      `who-for:${group}`,
      {
        name: WHO_FOR_TERMS[group],
        description: `Who it is for: ${WHO_FOR_TERMS[group]}`,
        linkType: 'audience',
      },
    ]),
  ),
  ...Object.fromEntries(
    DELIVERY.map((way) => [
      `delivery:${way}`,
      {
        name: DELIVERY_TERMS[way],
        description: `How it is delivered: ${DELIVERY_TERMS[way]}`,
        linkType: 'delivery',
      },
    ]),
  ),
  sample: {
    name: 'Sample data',
    description: 'A fictional listing shipped with Signpost as sample data: not a real service',
    linkType: 'status',
  },
  summary: { name: 'Summary', description: 'A one-line summary in plain English', linkType: 'summary' },
  'easy-read': {
    name: 'Easy Read',
    description: 'An Easy Read summary: short sentences, one idea a line',
    linkType: 'summary',
  },
} as Record<SignpostCode, TermText>;

const TERM_IDS = new Map(
  (Object.keys(SIGNPOST_TERMS) as SignpostCode[]).map((code) => [
    code,
    stableUuid(`${SIGNPOST_TAXONOMY}:${code}`),
  ]),
);
const CODE_BY_ID = new Map([...TERM_IDS].map(([code, id]) => [id, code]));

export function signpostTermId(code: SignpostCode): string {
  return TERM_IDS.get(code) ?? stableUuid(`${SIGNPOST_TAXONOMY}:${code}`);
}

export interface SignpostFacts {
  /** True when the record carries any `signpost` term: then its themes and groups are taken as stated. */
  present: boolean;
  themes: Theme[];
  whoFor: WhoFor[];
  delivery: Delivery[];
  sample: boolean;
  summary?: string;
  easyRead?: string;
}

function isSignpostCode(code: string): code is SignpostCode {
  return Object.hasOwn(SIGNPOST_TERMS, code);
}

function codeOf(attribute: OrukAttribute): SignpostCode | undefined {
  const term = attribute.taxonomy_term;
  const byId = CODE_BY_ID.get(term?.id ?? attribute.taxonomy_term_id ?? '');
  if (byId) return byId;
  if (term?.taxonomy?.trim().toLowerCase() !== SIGNPOST_TAXONOMY) return undefined;
  const code = (term.code ?? term.term ?? '').trim().toLowerCase();
  return isSignpostCode(code) ? code : undefined;
}

export function isSignpostAttribute(attribute: OrukAttribute): boolean {
  return codeOf(attribute) !== undefined;
}

export function readSignpostFacts(attributes: readonly OrukAttribute[]): SignpostFacts {
  const codes = new Set<SignpostCode>();
  const facts: SignpostFacts = { present: false, themes: [], whoFor: [], delivery: [], sample: false };
  for (const attribute of attributes) {
    const code = codeOf(attribute);
    if (code === undefined) continue;
    codes.add(code);
    if (code === 'summary' && attribute.value) facts.summary = attribute.value;
    if (code === 'easy-read' && attribute.value) facts.easyRead = attribute.value;
  }
  facts.present = codes.size > 0;
  facts.themes = THEMES.filter((theme) => codes.has(`theme:${theme}`));
  facts.whoFor = WHO_FOR.filter((group) => codes.has(`who-for:${group}`));
  facts.delivery = DELIVERY.filter((way) => codes.has(`delivery:${way}`));
  facts.sample = codes.has('sample');
  return facts;
}
