import { readEmail, readPhone, readUrl } from './checks.ts';

/**
 * Contact details as council staff really type them, repaired only where what they meant is certain.
 * Each answer says what was done, so the import can record it as a warning; anything uncertain is left
 * out rather than guessed.
 */
export interface Repaired<T> {
  value?: T;
  /** Set when the value was changed or left out: what was wrong and what was done, for the warning. */
  note?: string;
}

const TRAILING_PUNCTUATION = /[.,;:)\]]+$/;
const SEPARATORS = /\s*(?:[,;/|]|\s+or\s+|\s+and\s+|\s)\s*/i;

function unwrap(value: string): string {
  let text = value.trim();
  // "Name <name@example.org>" and quoted values, as copied from an email program or a spreadsheet.
  const angled = /<([^<>]+)>\s*$/.exec(text);
  if (angled?.[1]) text = angled[1].trim();
  return text.replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
}

/** An email address; a full stop at the end, spaces around the @ or a second address are repaired. */
export function repairEmail(raw: string): Repaired<string> {
  const text = unwrap(raw).replace(/^mailto:/i, '');
  const exact = readEmail(text);
  if (exact !== undefined) return { value: exact };

  const trimmed = readEmail(text.replace(TRAILING_PUNCTUATION, ''));
  if (trimmed !== undefined) return { value: trimmed, note: `ended in punctuation; read as ${trimmed}` };

  const joined = readEmail(text.replace(/\s*@\s*/, '@'));
  if (joined !== undefined) return { value: joined, note: `had spaces around the @; read as ${joined}` };

  const first = text
    .split(SEPARATORS)
    .map((part) => readEmail(part.replace(/^mailto:/i, '').replace(TRAILING_PUNCTUATION, '')))
    .find((address) => address !== undefined);
  if (first !== undefined)
    return { value: first, note: `holds more than one address; the first, ${first}, is used` };

  return { note: 'is not an email address like name@example.org; left out' };
}

// "http:www.example.co.uk", "https:/example.org", "http//example.org", "https:\\example.org".
const BROKEN_SCHEME = /^(https?)(?::\/?\\*|:\\+|\/\/|:?\/{3,})(?=[a-z0-9])/i;

export interface RepairedUrl extends Repaired<string> {
  /** Set when the field held an email address instead: the caller may use it as the email. */
  email?: string;
}

/**
 * A web address. One written without its scheme gets https://; a broken scheme (`http:www.x`,
 * `https:/x`) is mended to https://; punctuation after it is removed. An email address in the field is
 * handed back as such; anything else, such as a venue's name, is left out.
 */
export function repairUrl(raw: string): RepairedUrl {
  const text = unwrap(raw);
  if (!/\s/.test(text)) {
    const exact = readUrl(text);
    if (exact !== undefined) return { value: exact };
  }

  const broken = BROKEN_SCHEME.exec(text);
  if (broken) {
    const mended = readUrl(`https://${text.slice(broken[0].length).replace(TRAILING_PUNCTUATION, '')}`);
    if (mended !== undefined)
      return { value: mended, note: `was missing part of its "//"; read as ${mended}` };
  }

  const trimmed = text.replace(TRAILING_PUNCTUATION, '');
  const unpunctuated = /\s/.test(trimmed) ? undefined : readUrl(trimmed);
  if (unpunctuated !== undefined)
    return { value: unpunctuated, note: `ended in punctuation; read as ${unpunctuated}` };

  const email = readEmail(text.replace(/^mailto:/i, ''));
  if (email !== undefined) return { email, note: 'is an email address, not a web address' };

  return { note: 'is not a web address like https://www.example.org; left out' };
}

// A run of digits, spaces, dots, dashes and brackets long enough to be a phone number.
const PHONE_LIKE = /\+?\(?\d[\d\s().-]{4,}\d/g;

/**
 * A phone number. One written among other words ("Tel: 01632 960000 (Mon to Fri)") or with a second
 * number is read as the first number; anything else is left out.
 */
export function repairPhone(raw: string): Repaired<string> {
  const exact = readPhone(raw);
  if (exact !== undefined) return { value: exact };
  const candidates = raw.match(PHONE_LIKE) ?? [];
  const first = candidates.map((part) => readPhone(part)).find((number) => number !== undefined);
  if (first !== undefined) return { value: first, note: `holds more than a phone number; read as ${first}` };
  return { note: 'is not a phone number; left out' };
}
