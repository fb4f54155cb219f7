import { normaliseWords } from './words.ts';

/**
 * Services that are not tied to a place in Essex: national ones (a helpline for all of England) and
 * ones with no place to go (by phone or online only). The app shows them as such, never as "in no
 * district".
 */

// A service area naming the country: "National", "England", "UK-wide", "United Kingdom".
const NATIONAL_AREAS = [
  'national',
  'nationwide',
  'nationally',
  'uk',
  'uk wide',
  'united kingdom',
  'great britain',
  'england',
  'england and wales',
  'countrywide',
  'all of england',
  'all of the uk',
];

// In a description, only phrases that leave no doubt.
const NATIONAL_PHRASES = [
  'nationwide',
  'national helpline',
  'anywhere in the uk',
  'anywhere in england',
  'across the uk',
  'across england',
  'throughout the uk',
  'uk wide',
];

/** True when a service area names the whole country, on its own: "National", "UK", "England". */
export function areaIsNational(area: string): boolean {
  const words = normaliseWords(area).trim();
  return NATIONAL_AREAS.includes(words);
}

/** True when a description says, beyond doubt, that the service is for people anywhere in the country. */
export function saysNational(text: string): boolean {
  const words = normaliseWords(text);
  return NATIONAL_PHRASES.some((phrase) => words.includes(` ${phrase} `));
}

const REMOTE_WORDS = [
  'online',
  'telephone',
  'phone',
  'virtual',
  'remote',
  'video',
  'web',
  'website',
  'email',
];
const IN_PERSON_WORDS = ['in person', 'face to face', 'venue', 'drop in', 'home visit', 'outreach', 'centre'];

/** True when ORUK 1's `deliverable_type` / `attending_type` say phone or online, and nothing in person. */
export function statedRemoteOnly(statements: readonly (string | undefined)[]): boolean {
  const words = normaliseWords(statements.filter(Boolean).join(' | '));
  if (words.trim() === '') return false;
  const remote = REMOTE_WORDS.some((word) => words.includes(` ${word} `));
  const inPerson = IN_PERSON_WORDS.some((phrase) => words.includes(` ${phrase} `));
  return remote && !inPerson;
}
