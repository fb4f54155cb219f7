/**
 * CSV for analysts' exports (RFC 4180, CRLF line ends). A field that a spreadsheet would run as a
 * formula is prefixed with an apostrophe, since people's words go in these files
 * (OWASP, "CSV Injection").
 */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A timestamp from either database driver as ISO 8601 UTC. */
export function toIsoTime(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
