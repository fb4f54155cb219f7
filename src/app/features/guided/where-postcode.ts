import { lookupPostcode, normalisePostcode } from '../../../domain/place/postcodes.ts';

export type PostcodeProblem = 'enterPostcode' | 'invalidPostcode' | 'notEssex' | 'unknownPostcode';

/** What is wrong with a typed postcode, or its canonical form. Southend and Thurrock are in Essex too. */
export function checkPostcode(text: string): { postcode: string } | { problem: PostcodeProblem } {
  if (!text.trim()) return { problem: 'enterPostcode' };
  const found = lookupPostcode(text);
  if ('error' in found) {
    const problems = {
      invalid: 'invalidPostcode',
      'not-essex': 'notEssex',
      unknown: 'unknownPostcode',
    } as const;
    return { problem: problems[found.error] };
  }
  return { postcode: normalisePostcode(text) ?? text };
}
