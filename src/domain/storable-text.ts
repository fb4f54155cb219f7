import { z } from 'zod/mini';

/**
 * Text the database can keep. PostgreSQL stores no NUL character (U+0000), and JSON with a lone UTF-16
 * surrogate is not valid Unicode, so either in a field would fail deep in an insert, after the good
 * items of a batch were stored. Refusing them at the boundary makes them a 400 for that field instead.
 */
export function isStorableText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** The field error a form shows for text it cannot keep. */
export const INVALID_TEXT = 'invalid-text';

/** A string check for every free-text field at a boundary. */
export const storableText = () => z.refine<string>(isStorableText, { error: INVALID_TEXT });
