import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseReference, referenceFor } from '../../src/domain/feedback/reference.ts';

const ID = '3f1c2a6e-8b4d-4c2a-9e1f-5a6b7c8d9e0f';

describe('the reference a person is shown after sending feedback', () => {
  it('is short and readable: SP, then two groups of five', () => {
    expect(referenceFor(ID)).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('is worked out from the id alone, so the device shows the same one the council stores', () => {
    // The last 13 hex digits f5a6b7c8d9e0f, less their top 2 bits, are 0x35a6b7c8d9e0f = 943,842,627,788,303;
    // in base 32 that is 26 26 13 13 30 8 27 7 16 15, written in Crockford's alphabet.
    expect(referenceFor(ID)).toBe('SP-TTDDY-8V7GF');
    expect(referenceFor(ID.toUpperCase())).toBe(referenceFor(ID));
  });

  it('never uses I, L, O or U, which are read as other characters', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(referenceFor(id).slice(3)).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it('differs between submissions made in the same millisecond (version 7 ids)', () => {
    const a = '01960f2b-6c3a-7d21-8a4f-3b2c1d0e9f8a';
    const b = '01960f2b-6c3a-7d21-9c5e-7f6a5b4c3d2e';
    expect(referenceFor(a)).not.toBe(referenceFor(b));
  });

  it('is rarely shared: ten thousand random ids give ten thousand references', () => {
    const references = new Set(Array.from({ length: 10_000 }, () => referenceFor(crypto.randomUUID())));
    expect(references.size).toBe(10_000);
  });

  it('is only made from a UUID', () => {
    expect(() => referenceFor('submission-1')).toThrow();
  });
});

describe('a reference as a person types or reads it out', () => {
  it('is understood in lower case, with spaces, without dashes, or without its SP', () => {
    const reference = referenceFor(ID);
    expect(normaliseReference('sp ttddy 8v7gf')).toBe(reference);
    expect(normaliseReference('SPTTDDY8V7GF')).toBe(reference);
    expect(normaliseReference('ttddy-8v7gf')).toBe(reference);
  });

  it('reads O as zero and I or L as one, as Crockford base32 does', () => {
    expect(normaliseReference('SP-O1234-IL567')).toBe('SP-01234-11567');
  });

  it('is refused when it cannot be a reference', () => {
    expect(normaliseReference('SP-1234')).toBeUndefined();
    expect(normaliseReference('SP-TTDDY-8V7GU')).toBeUndefined();
    expect(normaliseReference('')).toBeUndefined();
  });

  it('reads back every reference exactly', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(normaliseReference(referenceFor(id))).toBe(referenceFor(id));
      }),
    );
  });
});
