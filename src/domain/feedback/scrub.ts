/**
 * Takes the personal details out of a person's words before an analyst considers quoting them. It is a
 * first pass, not a guarantee: an analyst still reads and approves every quote (docs/measures.md, "Words and quotes").
 */

export const PLACEHOLDERS = {
  email: '[email]',
  phone: '[phone]',
  nhsNumber: '[nhs-number]',
  date: '[date]',
  postcode: '[postcode]',
  address: '[address]',
  name: '[name]',
} as const;

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+\\d{4})';

/** A capitalised name and, if one follows, a capitalised surname: "Tom", "Sarah O'Neill". */
const NAME = "\\p{Lu}[\\p{L}'’-]*\\p{L}(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*\\p{L})?";

const STREET_TYPES =
  'Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Court|Crescent|Place|Gardens|Grove|Terrace|' +
  'Hill|Park|Green|Row|Walk|Mews|Square|Rise|View|Parade|Chase|Mead|Meadows|Hall';

const RELATIVES =
  'son|daughter|wife|husband|partner|mum|mom|mother|dad|father|brother|sister|grandson|granddaughter|' +
  'grandmother|grandfather|nan|gran|grandad|grandma|grandpa|aunt|uncle|nephew|niece|child|friend|' +
  'neighbour|carer|boyfriend|girlfriend|social worker|support worker';

/** In order: the email before anything could take its parts, dates before the addresses they resemble. */
const RULES: readonly (readonly [RegExp, string | ((...groups: string[]) => string)])[] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, PLACEHOLDERS.email],
  // UK numbers: 0 or +44 (optionally "(0)"), then 9 or 10 more digits with spaces, dashes or brackets.
  [/(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s-]?\)?\s?\d){8,9}(?!\d)/g, PLACEHOLDERS.phone],
  // NHS numbers are written 3-3-4.
  [/\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g, PLACEHOLDERS.nhsNumber],
  [/\b\d{4}-\d{2}-\d{2}\b/g, PLACEHOLDERS.date],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g, PLACEHOLDERS.date],
  [new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH}\\b\\.?${YEAR}?`, 'gi'), PLACEHOLDERS.date],
  // Month first only when capitalised: "you may 10 times" is not a date.
  [new RegExp(`\\b${MONTH}\\.?\\s+${DAY}\\b${YEAR}?`, 'g'), PLACEHOLDERS.date],
  [new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'g'), PLACEHOLDERS.date],
  [/\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b/gi, PLACEHOLDERS.postcode],
  [
    new RegExp(
      '(?:\\b(?:Flat|Apartment|Unit)\\s+\\d+[A-Za-z]?,?\\s+(?:\\d{1,4}[A-Za-z]?,?\\s+)?|\\b\\d{1,4}[A-Za-z]?,?\\s+)' +
        `(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}(?:${STREET_TYPES})\\b\\.?`,
      'gu',
    ),
    PLACEHOLDERS.address,
  ],
  // Names only after a cue, and only capitalised: the cue stays so the sentence still reads.
  [
    new RegExp(`\\b([Mm]y\\s+name\\s+is|[Mm]y\\s+name's|I'm\\s+called|I\\s+am\\s+called)(\\s+)${NAME}`, 'gu'),
    (_m, cue, space) => `${cue}${space}${PLACEHOLDERS.name}`,
  ],
  [
    new RegExp(`\\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)(\\.?\\s+)${NAME}`, 'gu'),
    (_m, title, space) => `${title}${space}${PLACEHOLDERS.name}`,
  ],
  [
    new RegExp(`\\b([Mm]y\\s+(?:${RELATIVES}))(,?\\s+)${NAME}`, 'gu'),
    (_m, cue, space) => `${cue}${space}${PLACEHOLDERS.name}`,
  ],
];

/**
 * Replaces emails, UK phone and NHS numbers, dates, UK postcodes, street addresses and names that
 * follow a cue ("my name is", "Mrs", "my son") with placeholders such as `[email]` and `[name]`.
 */
export function scrubPersonalDetails(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of RULES) {
    scrubbed =
      typeof replacement === 'string'
        ? scrubbed.replace(pattern, replacement)
        : scrubbed.replace(pattern, replacement as (...groups: string[]) => string);
  }
  return scrubbed;
}
