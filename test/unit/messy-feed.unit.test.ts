import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSY_SEED, MESSY_SIZE, messyFeed } from '../../scripts/lib/messy-feed.ts';

const FILE = new URL('../fixtures/messy/messy-feed.json', import.meta.url);
const text = readFileSync(FILE, 'utf8');

describe('the messy feed fixture', () => {
  it('is what the generator makes, so it is never out of date', () => {
    expect(JSON.parse(text)).toEqual(messyFeed(MESSY_SIZE, MESSY_SEED));
  });

  it('has at least 200 services', () => {
    expect((JSON.parse(text) as { contents: unknown[] }).contents.length).toBeGreaterThanOrEqual(200);
  });

  it('uses only example domains for web and email addresses', () => {
    const hosts = [
      ...[...text.matchAll(/https?:\/+([^/"\s\\]+)/g)].map((match) => match[1] ?? ''),
      ...[...text.matchAll(/[\w.+-]+ ?@ ?([\w.-]+)/g)].map((match) => match[1] ?? ''),
    ].map((host) => host.replace(/\.$/, ''));
    expect(hosts.length).toBeGreaterThan(200);
    for (const host of hosts) expect(host).toMatch(/(?:^|\.)(?:example\.(?:org|com)|example|esd\.org\.uk)$/);
  });

  it("uses only Ofcom's drama numbers", () => {
    // Not inside an id: ids are hex with hyphens.
    const numbers = [...text.matchAll(/(?<![\w-])0\d{3,4} ?\d{3} ?\d{3,4}(?![\w-])/g)].map((match) =>
      match[0].replace(/\s/g, ''),
    );
    expect(numbers.length).toBeGreaterThan(150);
    for (const number of numbers) expect(number).toMatch(/^(?:01632960\d{3}|07700900\d{3}|08081570\d{3})$/);
  });
});
