/**
 * Every other language's search words (`locales/<language>/search.json`), checked and built into one
 * lexicon. Easy Read is English, so it searches with the English table itself.
 */
import ar from '../../../locales/ar/search.json' with { type: 'json' };
import bn from '../../../locales/bn/search.json' with { type: 'json' };
import lt from '../../../locales/lt/search.json' with { type: 'json' };
import pl from '../../../locales/pl/search.json' with { type: 'json' };
import pt from '../../../locales/pt/search.json' with { type: 'json' };
import ro from '../../../locales/ro/search.json' with { type: 'json' };
import tr from '../../../locales/tr/search.json' with { type: 'json' };
import ur from '../../../locales/ur/search.json' with { type: 'json' };
import { buildLexicon, SearchTermsFile, type Lexicon } from './lexicon.ts';

export const SEARCH_TERM_FILES: Readonly<Record<string, SearchTermsFile>> = Object.fromEntries(
  Object.entries({ ar, bn, lt, pl, pt, ro, tr, ur }).map(([language, file]) => [
    language,
    SearchTermsFile.parse(file),
  ]),
);

export const LEXICON: Lexicon = buildLexicon(SEARCH_TERM_FILES);
