import type { OrukAttribute, OrukAudience, OrukEligibility, OrukService } from './schema.ts';
import { oneLine, type FeedTextReader } from './feed-text.ts';
import { isSignpostAttribute } from './signpost-vocabulary.ts';

/**
 * Who a service is for, as the feed says it: ORUK's `eligibility_description`, ORUK 1's eligibility
 * records, HSDS attributes of an eligibility taxonomy, and audience extensions such as Placecube's
 * `pc_targetAudience` ("Carers ", "Sensory Impaired>Visually Impaired").
 */

function audienceText(item: OrukAudience): string | undefined {
  if (typeof item === 'string') return item;
  return item.audienceType ?? item.name ?? item.label ?? item.value;
}

/** A hierarchical tag's own name: "Sensory Impaired>Visually Impaired" → "Visually Impaired". */
function leaf(label: string): string {
  return (
    label
      .split(/\s*[>/|]\s*/)
      .at(-1)
      ?.trim() ?? label.trim()
  );
}

/** An attribute that says who a service is for (an eligibility or audience taxonomy), not what it is. */
export function isAudienceAttribute(attribute: OrukAttribute): boolean {
  const words = [attribute.link_type, attribute.taxonomy_term?.taxonomy, attribute.taxonomy_term?.vocabulary]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.includes('eligib') || words.includes('audience') || words.includes('circumstance');
}

export function eligibilityRecords(record: OrukService): OrukEligibility[] {
  return [...(record.eligibilitys ?? []), ...(record.eligibilities ?? [])];
}

export interface Audience {
  /** Each tag as the feed names it, tidied: for the page, in the feed's words. */
  labels: string[];
  /** Each tag in full ("Sensory Impaired>Visually Impaired"), for the themes and groups mapping. */
  terms: string[];
}

export function audienceOf(record: OrukService, reader: FeedTextReader): Audience {
  const tags = record.pc_targetAudience;
  const raw = [
    ...(typeof tags === 'string' ? [tags] : (tags ?? []).map(audienceText)),
    ...eligibilityRecords(record).map((entry) => entry.eligibility),
    ...(record.attributes ?? [])
      .filter((attribute) => isAudienceAttribute(attribute) && !isSignpostAttribute(attribute))
      .map((attribute) => attribute.taxonomy_term?.name ?? attribute.label ?? attribute.value),
  ];
  const terms: string[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const value of raw) {
    if (value === undefined) continue;
    const term = oneLine(reader.read(value).text);
    const label = leaf(term);
    if (label === '' || seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    terms.push(term);
    labels.push(label);
  }
  return { labels, terms };
}
