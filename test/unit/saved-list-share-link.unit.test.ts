import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QR_OPTIONS, qrDrawing } from '../../src/app/features/my-list/qr-path.ts';
import {
  MAX_SHARED_SERVICES,
  readSharedIds,
  sharedListLink,
} from '../../src/app/features/my-list/share-link.ts';

const A = '63927ffb-43c6-4ecb-af69-293cf52c81c7';
const B = '0173e947-425e-4fad-b94f-8fba5f5c9c7b';

/** Reads a drawn QR path back into rows of dark (true) and light modules. */
function modulesFromPath(size: number, path: string): boolean[][] {
  const rows = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(width); i++) (rows[Number(y)] as boolean[])[Number(x) + i] = true;
  }
  return rows;
}

describe('the link that shares a list', () => {
  it('carries the ids in order, with plain commas, and reads back to the same list', () => {
    const link = sharedListLink('https://signpost.example', [A, B]);
    expect(link).toBe(`https://signpost.example/my-list/shared?ids=${A},${B}`);
    expect(readSharedIds(new URL(link).searchParams.get('ids') ?? undefined)).toEqual([A, B]);
  });

  it('drops anything that is not a service id, and repeats', () => {
    expect(readSharedIds(` ${A} ,,<script>,${A},../etc,${B}, `)).toEqual([A, B]);
    expect(readSharedIds('javascript:alert(1)')).toEqual([]);
    expect(readSharedIds(undefined)).toEqual([]);
    expect(readSharedIds('x'.repeat(65))).toEqual([]);
  });

  it(`keeps at most ${MAX_SHARED_SERVICES} services, on both sides`, () => {
    const many = Array.from({ length: MAX_SHARED_SERVICES + 5 }, (_, i) => `service-${i}`);
    expect(readSharedIds(many.join(','))).toEqual(many.slice(0, MAX_SHARED_SERVICES));
    const link = sharedListLink('https://signpost.example', many);
    expect(new URL(link).searchParams.get('ids')?.split(',')).toEqual(many.slice(0, MAX_SHARED_SERVICES));
  });
});

describe('the QR code of the link', () => {
  it('draws exactly the modules of the QR code for the link', () => {
    const link = sharedListLink('https://signpost.example', [A, B]);
    const { size, path } = qrDrawing(link);
    expect(modulesFromPath(size, path)).toEqual(encode(link, QR_OPTIONS).data);
  });

  it('stays small enough for a phone camera with a full list of UUIDs', () => {
    const ids = Array.from({ length: 8 }, (_, i) => A.replace(/^.{2}/, String(10 + i)));
    const link = sharedListLink('https://signpost.essex.gov.uk', ids);
    // Version 15 is 77 modules a side: still read easily from a screen or a printed page.
    expect(encode(link, QR_OPTIONS).version).toBeLessThanOrEqual(15);
  });
});
