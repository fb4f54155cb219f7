import { describe, expect, it } from 'vitest';
import { createServiceIndex, searchServices } from '../../src/domain/search/index.ts';
import { orderByScore } from '../../src/domain/search/rank-order.ts';
import { makeService } from '../support/make-services.ts';

/** Deterministic numbers in [0, 1), so a failure can be repeated. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The order a stable comparison sort gives: more ideas matched, then higher score, then as reached. */
function reference(docs: number[], score: Float64Array, groups: Uint16Array): number[] {
  return [...docs].sort((a, b) => groups[b]! - groups[a]! || score[b]! - score[a]!);
}

describe('ordering matched services', () => {
  it.each([
    ['a few, one idea', 20, 1],
    ['thousands, one idea', 5_000, 1],
    ['thousands, with one to three ideas matched', 5_000, 3],
  ])('orders %s exactly as a stable sort on ideas and score would', (_, count, ideas) => {
    const random = numbers(count * 7 + ideas);
    const size = count * 2;
    const score = new Float64Array(size);
    const groups = new Uint16Array(size);
    // Every other document, in a shuffled reach order; scores from a few values, so many tie, and some
    // apart only in their last bits.
    const docs = Array.from({ length: count }, (_, i) => i * 2).sort(() => random() - 0.5);
    for (const doc of docs) {
      const kind = random();
      if (kind < 0.3) score[doc] = 1.5;
      else if (kind < 0.6) score[doc] = 2 + Math.floor(random() * 8) * 2 ** -48;
      else score[doc] = Math.round(random() * 40) / 7 + 0.001;
      groups[doc] = 1 + Math.floor(random() * ideas);
    }
    const expected = reference(docs, score, groups);
    expect(orderByScore([...docs], score, groups)).toEqual(expected);
  });

  it('keeps tied services in directory order when thousands match a word equally', () => {
    const services = Array.from({ length: 1_500 }, (_, i) =>
      makeService({
        name: `Lunch club ${String(i).padStart(4, '0')}`,
        description: 'A weekly lunch for carers.',
      }),
    );
    // Two services say it in their name, which counts for more than a description.
    services[700] = makeService({ name: 'Carers lunch club', description: 'A weekly lunch for carers.' });
    services[1_200] = makeService({
      name: 'Carers lunch club, north',
      description: 'A weekly lunch for carers.',
    });
    const found = searchServices(createServiceIndex(services), 'carers') ?? [];
    expect(found).toHaveLength(1_500);
    expect(found.slice(0, 2).sort()).toEqual([services[700]!.id, services[1_200]!.id].sort());
    const rest = services.filter((_, i) => i !== 700 && i !== 1_200).map((service) => service.id);
    expect(found.slice(2)).toEqual(rest);
  });
});
