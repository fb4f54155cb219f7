/** Lower case, accents and apostrophes dropped, other punctuation to spaces, padded: " carers cafe ". */
export function normaliseWords(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${words} `;
}

/**
 * True when normalised `words` contain `keyword` as whole words, case-insensitively. A keyword ending in
 * `*` matches the start of a word: "autis*" matches "autism" and "autistic".
 */
export function containsKeyword(words: string, keyword: string): boolean {
  const prefix = keyword.endsWith('*');
  const phrase = normaliseWords(prefix ? keyword.slice(0, -1) : keyword);
  if (phrase.trim() === '') return false;
  return words.includes(prefix ? phrase.trimEnd() : phrase);
}
