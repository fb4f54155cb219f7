import { describe, expect, it } from 'vitest';
import { foundSubmission, FoundSubmission } from '../../src/domain/evidence/found.ts';
import type { Coverage } from '../../src/domain/evidence/gaps.ts';
import {
  evidenceScorecardRows,
  publicHelpfulness,
  publicUnmetNeed,
  unmetNeedCsv,
  type KeyedHelped,
  type KeyedUnmet,
} from '../../src/domain/evidence/published.ts';
import { toScorecardCsv } from '../../src/domain/measures/scorecard.ts';

const coverage: Coverage = new Map([
  [
    'money',
    new Map([
      ['tendring', 0],
      ['chelmsford', 1],
    ]),
  ],
  ['caring', new Map([['tendring', 2]])],
]);

const cell = (need: KeyedUnmet['need'], district: KeyedUnmet['district'], unmet: number, keySum = 7) => ({
  need,
  district,
  unmet,
  keySum,
});

const keyed = (key: string | null, n: number, positive: number, nKey = 11, positiveKey = 5): KeyedHelped => ({
  key,
  name: null,
  n,
  positive,
  nKey,
  positiveKey,
});

describe('the unmet-need table as published', () => {
  it('withholds 1 to 4 as "withheld", perturbs the rest by at most 2, and leaves out "something else"', () => {
    const rows = publicUnmetNeed(
      [
        cell('money', 'tendring', 3),
        cell('caring', 'tendring', 12),
        cell('money', 'chelmsford', 5),
        cell('something-else', 'tendring', 40),
        cell('hospital', 'harlow', 0),
      ],
      coverage,
    );
    expect(rows.map((r) => `${r.need}/${r.district}`)).toEqual([
      'caring/tendring',
      'money/chelmsford',
      'money/tendring',
    ]);
    expect(rows[2]).toEqual({
      need: 'money',
      district: 'tendring',
      unmet: null,
      suppressed: 'withheld',
      coverage: 0,
    });
    expect(Math.abs((rows[0]?.unmet as number) - 12)).toBeLessThanOrEqual(2);
    expect(rows[1]?.unmet).toBeGreaterThanOrEqual(5);
    expect(rows[0]?.coverage).toBe(2);
  });

  it('gives the same cell the same value every time, and a different key can give another', () => {
    const once = publicUnmetNeed([cell('caring', 'tendring', 12, 40)], coverage);
    expect(publicUnmetNeed([cell('caring', 'tendring', 12, 40)], coverage)).toEqual(once);
    const values = new Set(
      Array.from(
        { length: 256 },
        (_, key) => publicUnmetNeed([cell('caring', 'tendring', 12, key)], coverage)[0]?.unmet,
      ),
    );
    expect([...values].sort()).toEqual([10, 11, 12, 13, 14]);
  });

  it('writes CSV with the revision on every row and a formula-like note made plain', () => {
    const rows = publicUnmetNeed([cell('money', 'tendring', 3)], coverage);
    expect(unmetNeedCsv('2025-03', rows, { revision: 2, note: '=SUM(A1)' })).toBe(
      'period,need,district,unmet,suppressed,coverage,revision,revision_note\r\n' +
        "2025-03,money,tendring,,withheld,0,2,'=SUM(A1)\r\n",
    );
  });
});

describe('whether themes and services helped, as published', () => {
  const services = [
    { ...keyed('carers', 30, 20), serviceId: 'big', name: 'Big' },
    { ...keyed('carers', 12, 6), serviceId: 'middle', name: 'Middle' },
    { ...keyed('carers', 3, 2), serviceId: 'small', name: 'Small' },
  ];

  it('never leaves one small service alone to be found by subtracting the others from its theme', () => {
    const { helpedByTheme, helpedByService } = publicHelpfulness({
      helped: keyed(null, 45, 28),
      themes: [keyed('carers', 45, 28)],
      services,
    });
    expect(helpedByTheme).toHaveLength(1);
    expect(helpedByTheme[0]?.suppressed).toBeNull();
    // "Small" is under 10; "Middle", the next smallest, is withheld beside it.
    expect(helpedByService.map((r) => r.key)).toEqual(['big']);
    const big = helpedByService[0];
    expect(big?.share).toBe((big?.positive as number) / (big?.n as number));
  });

  it('shows no service of a withheld theme, and no theme with no answers', () => {
    const { helpedByTheme, helpedByService } = publicHelpfulness({
      helped: keyed(null, 51, 30),
      themes: [keyed('carers', 6, 4), keyed('housing', 45, 26), keyed('work-and-activities', 0, 0)],
      services: [{ ...keyed('carers', 6, 4), serviceId: 'lone', name: 'Lone' }],
    });
    expect(helpedByTheme.map((r) => [r.key, r.suppressed])).toEqual([
      ['carers', 'withheld'],
      ['housing', 'withheld'],
    ]);
    expect(helpedByService).toEqual([]);
  });
});

describe('the scorecard rows of unmet need and helpfulness', () => {
  const counts = {
    // 40 answers, Yes, Partly or No, from search and guided help alike; 14 Partly or No.
    found: { n: 40, positive: 14, nKey: 200, positiveKey: 30 },
    helped: { n: 8, positive: 5, nKey: 3, positiveKey: 1 },
  };

  it('gives analysts the true bases and counts, with what the public version withholds', () => {
    const [unmet, helped] = evidenceScorecardRows('2025-03', counts, 'analyst');
    expect(unmet).toMatchObject({
      measureId: 'unmet-need',
      breakdown: 'all',
      n: 40,
      positive: 14,
      share: 0.35,
    });
    expect(unmet?.suppressed).toBeNull();
    expect(helped).toMatchObject({ measureId: 'helped', n: 8, positive: 5, suppressed: 'fewer-than-10' });
  });

  it('gives the public protected figures, with "withheld" as the only reason', () => {
    const [unmet, helped] = evidenceScorecardRows('2025-03', counts, 'public');
    expect(Math.abs((unmet?.positive as number) - 14)).toBeLessThanOrEqual(2);
    expect(unmet?.share).toBe((unmet?.positive as number) / (unmet?.n as number));
    expect(helped).toMatchObject({ n: null, positive: null, share: null, suppressed: 'withheld' });
    const csv = toScorecardCsv([unmet!, helped!]);
    expect(csv).toContain('\r\nhelped,positive-experience,2025-03,all,all,,,,,,withheld,,false,,\r\n');
  });
});

describe("guided help's closing question", () => {
  it('is "Did you find what you needed?" itself, so its answers join the same measure as search\'s', () => {
    const asked = (source: 'search' | 'guided') =>
      foundSubmission({
        id: '5f0c1b7e-2a55-4c1e-9a53-0d1f4f1f1a10',
        createdAt: '2025-03-15T12:00:00.000Z',
        source,
        answer: 'no',
        details: { needs: ['caring'], district: 'tendring' },
      });
    const guided = FoundSubmission.parse(asked('guided'));
    const { source: _search, ...search } = FoundSubmission.parse(asked('search'));
    const { source, ...rest } = guided;
    // The same kind, answers, needs and district: only where it was asked differs, and no count reads that.
    expect(source).toBe('guided');
    expect(rest).toEqual(search);
  });
});
