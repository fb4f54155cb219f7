import type { Service } from '../service.ts';
import { phraseOf, phraseText } from '../search/text.ts';
import type { AnswerMatch } from './rules.ts';

/** How much a keyword found in each part of a listing counts. */
export const KEYWORD_WEIGHT = { taxonomy: 3, name: 3, summary: 2, description: 1 } as const;
type TextField = keyof typeof KEYWORD_WEIGHT;
const FIELDS = Object.keys(KEYWORD_WEIGHT) as TextField[];

type ServiceText = Record<TextField, string>;
interface CompiledKeyword {
  phrase: string;
  prefix: boolean;
}

const textCache = new WeakMap<Service, ServiceText>();
function textOf(service: Service): ServiceText {
  let text = textCache.get(service);
  if (!text) {
    text = {
      taxonomy: phraseText(
        service.taxonomy.map((term) => `${term.name}; ${term.id.replace(/[-_:]+/g, ' ')}`).join('; '),
      ),
      name: phraseText(service.name),
      summary: phraseText(service.summary ?? ''),
      description: phraseText(service.description),
    };
    textCache.set(service, text);
  }
  return text;
}

const keywordCache = new WeakMap<AnswerMatch, CompiledKeyword[]>();
function keywordsOf(match: AnswerMatch): CompiledKeyword[] {
  let compiled = keywordCache.get(match);
  if (!compiled) {
    compiled = [];
    for (const keyword of match.keywords ?? []) {
      const prefix = keyword.endsWith('*');
      const phrase = phraseOf(prefix ? keyword.slice(0, -1) : keyword);
      if (phrase) compiled.push({ phrase, prefix });
    }
    keywordCache.set(match, compiled);
  }
  return compiled;
}

/** The keyword part of a match: each keyword found counts once, at the weight of the best field it is in. */
export function keywordScore(service: Service, match: AnswerMatch): number {
  const text = textOf(service);
  let score = 0;
  for (const { phrase, prefix } of keywordsOf(match)) {
    const needle = prefix ? ` ${phrase}` : ` ${phrase} `;
    let best = 0;
    for (const field of FIELDS) {
      if (KEYWORD_WEIGHT[field] > best && text[field].includes(needle)) best = KEYWORD_WEIGHT[field];
    }
    score += best;
  }
  return score;
}

export interface AnswerScore {
  /** Higher is more relevant. */
  score: number;
  /** True when the service meets the answer: a keyword, theme or who-for group matched. */
  candidate: boolean;
}

/** How well a service meets one answer's `match`. */
export function scoreMatch(service: Service, match: AnswerMatch): AnswerScore {
  let score = keywordScore(service, match);
  let candidate = score > 0;
  if (match.themes?.some((theme) => service.themes.includes(theme))) {
    score += 2;
    candidate = true;
  }
  if (match.whoFor?.some((group) => service.whoFor.includes(group))) {
    score += 2;
    candidate = true;
  }
  if (match.boostThemes?.some((theme) => service.themes.includes(theme))) score += 1;
  return { score, candidate };
}

/** A match aimed at carers themselves (the 'caring for someone' need). */
export function targetsCarers(match: AnswerMatch | undefined): boolean {
  return Boolean(match?.whoFor?.includes('carer-self') || match?.themes?.includes('carers'));
}

/** A service for carers themselves and not for the person they look after. */
export function isCarerOnly(service: Service): boolean {
  return service.whoFor.includes('carer-self') && !service.whoFor.includes('cared-for');
}
