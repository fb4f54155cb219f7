import { readEmailAddress, readPhoneNumber } from '../contact.ts';

// Each check returns the value in Signpost's form, or undefined so that the caller can name the bad field.

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** "9:30", "09:30:00" or "09:30:00Z" → "09:30". "24:00" reads as midnight, "00:00". */
export function readTime(value: string): string | undefined {
  const match = TIME.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? '0');
  if (hours === 24 && minutes === 0 && seconds === 0) return '00:00';
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const DAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

/** An RFC 5545 BYDAY list ("mo, tu", "2TU", "-1FR") tidied to "MO,TU", or the first token that is not a day. */
export function readByday(value: string): { ok: true; byday: string } | { ok: false; bad: string } {
  const tokens = value
    .split(',')
    .map((token) => token.trim().toUpperCase())
    .filter((token) => token !== '');
  for (const token of tokens) if (!DAY.test(token)) return { ok: false, bad: token };
  return tokens.length === 0 ? { ok: false, bad: value } : { ok: true, byday: tokens.join(',') };
}

/** A BYMONTHDAY list ("1, 15", "-1") tidied to "1,15", or the first token that is not a day of the month. */
export function readBymonthday(value: string): { ok: true; bymonthday: string } | { ok: false; bad: string } {
  const tokens = value
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  for (const token of tokens) {
    const day = Number(token);
    if (!/^[+-]?\d{1,2}$/.test(token) || day === 0 || Math.abs(day) > 31) return { ok: false, bad: token };
  }
  return tokens.length === 0
    ? { ok: false, bad: value }
    : { ok: true, bymonthday: tokens.map((token) => String(Number(token))).join(',') };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** "2025-03-01" or a timestamp on that day → "2025-03-01"; impossible dates such as 2025-02-30 are refused. */
export function readDate(value: string): string | undefined {
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return match[0].slice(0, 10);
}

/** A date and time (or a date alone) → ISO 8601 in UTC, e.g. "2025-03-01T10:30:00.000Z". */
export function readTimestamp(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || readDate(trimmed) === undefined) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An email address, also when written as a `mailto:` link; checked by the one rule every page links with. */
export function readEmail(value: string): string | undefined {
  return readEmailAddress(value.trim().replace(/^mailto:/i, ''));
}

const WEB_ADDRESS =
  /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** A web address; one written without its scheme ("www.example.org/help") gets https:// in front. */
export function readUrl(value: string): string | undefined {
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return WEB_ADDRESS.test(withScheme) ? withScheme : undefined;
}

/** A phone number as a person would dial it; stray quotes from spreadsheet exports are removed. */
export function readPhone(value: string): string | undefined {
  return readPhoneNumber(value);
}

/** How a value looked, for a message: `"XY"`, `123.4`, `a list`. */
export function shown(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}
