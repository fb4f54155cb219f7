/**
 * A service's email address and phone number, checked as what they are, and the `mailto:` and `tel:`
 * links built from them by encoding. The importer and every page that links to a service use these,
 * so a feed cannot turn "email us" into a mail with someone else in copy or a body written for it.
 */

/**
 * The part before the @: RFC 5322's dot-atom without the characters a `mailto:` link (RFC 6068) reads as
 * structure (`?`, `&`, `#`, `%`, `/`, `=`) or that are never seen in a council's contact addresses.
 * Letters may be from any script (RFC 6531).
 */
const LOCAL_PART = /^[\p{L}\p{N}!$'*+^_`{|}~-]+(?:\.[\p{L}\p{N}!$'*+^_`{|}~-]+)*$/u;
/** Host names of letters, digits and hyphens (IDNs in their xn-- form), ending in a top-level domain of letters. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** RFC 5321 §4.5.3.1: 64 characters before the @, 254 in all. */
const MAX_LOCAL_LENGTH = 64;
const MAX_EMAIL_LENGTH = 254;

/** One email address, exactly as given, or undefined when it is not one (spaces, `?`, `&`, two @s, …). */
export function readEmailAddress(value: string): string | undefined {
  if (value.length > MAX_EMAIL_LENGTH) return undefined;
  const at = value.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) return undefined;
  return value;
}

/** A `mailto:` link to one address and nothing else, or undefined when the address is not one. */
export function mailtoHref(email: string): string | undefined {
  const address = readEmailAddress(email);
  if (address === undefined) return undefined;
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`;
}

/** Digits with the usual separators, and a + for the country code ("+44", "(+44)"). */
const NUMBER = /^\(?\+?[\d\s().-]+$/;
/** An extension after the number: "ext. 12", "extension 12", "x12". */
const EXTENSION = /\s*(?:ext\.?|extension|x)\s*(\d{1,6})$/i;
/** The shortest numbers Signpost lists are the six-digit helplines such as 116 123. */
const MIN_DIGITS = 6;
/** ITU-T E.164: at most 15 digits. */
const MAX_DIGITS = 15;

function numberAndExtension(value: string): { number: string; extension?: string } {
  const match = EXTENSION.exec(value);
  return match ? { number: value.slice(0, match.index), extension: match[1] } : { number: value };
}

/** A phone number as a person would read and dial it, tidied of stray quotes and runs of spaces. */
export function readPhoneNumber(value: string): string | undefined {
  const cleaned = value.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  const { number } = numberAndExtension(cleaned);
  const digits = number.replace(/\D/g, '').length;
  return NUMBER.test(number) && digits >= MIN_DIGITS && digits <= MAX_DIGITS ? cleaned : undefined;
}

/** A `tel:` link (RFC 3966) to the number and its extension, or undefined when it is not a number. */
export function telHref(phone: string): string | undefined {
  const readable = readPhoneNumber(phone);
  if (readable === undefined) return undefined;
  const { number, extension } = numberAndExtension(readable);
  const dial = `${number.includes('+') ? '+' : ''}${number.replace(/\D/g, '')}`;
  return extension === undefined ? `tel:${dial}` : `tel:${dial};ext=${extension}`;
}

/** A website to link to: http or https only, so a feed cannot plant a `javascript:` or `data:` link. */
export function websiteHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
