import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  GAP_NEEDS,
  gapRowsFor,
  gapsCsv,
  needCoverage,
  needMatchesOf,
  type UnmetCount,
} from '../../src/domain/evidence/gaps.ts';
import { helpfulness } from '../../src/domain/evidence/helpfulness.ts';
import { needMatcher } from '../../src/domain/guided/shortlist.ts';
import { parseRules } from '../../src/domain/guided/rules.ts';
import { makeService } from '../support/make-services.ts';

const rulesFile: unknown = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../data/guided-help.json', import.meta.url)), 'utf8'),
);
const rules = needMatchesOf(rulesFile);

const carersCafe = makeService({ name: 'Clacton Carers Cafe', towns: ['clacton'], themes: ['carers'] });
const carersLine = makeService({
  name: 'Essex Carers Line',
  themes: ['carers'],
  countyWide: true,
  delivery: ['phone'],
});
const benefits = makeService({
  name: 'Chelmsford Benefits Advice',
  towns: ['chelmsford'],
  description: 'Benefits advice and help with debt.',
});

function count(overrides: Partial<UnmetCount>): UnmetCount {
  return { period: '2026-03', need: 'caring', district: 'tendring', no: 0, partly: 0, ...overrides };
}

describe('coverage: the services that meet a need in a district', () => {
  it('counts a service where it is or says it serves, and one for all of Essex everywhere', () => {
    const coverage = needCoverage([carersCafe, carersLine, benefits], rules);
    expect(coverage.get('caring')?.get('tendring')).toBe(2);
    expect(coverage.get('caring')?.get('uttlesford')).toBe(1);
    expect(coverage.get('money')?.get('chelmsford')).toBe(1);
    expect(coverage.get('money')?.get('tendring')).toBe(0);
  });

  it('meets a need exactly where guided help would offer the service for it', () => {
    const meets = needMatcher(parseRules(rulesFile));
    const services = [carersCafe, carersLine, benefits];
    const coverage = needCoverage(services, rules);
    for (const need of GAP_NEEDS) {
      const expected = services.filter(
        (s) => meets(s, [need]) && (s.countyWide || s.districts.includes('chelmsford')),
      );
      expect(coverage.get(need)?.get('chelmsford'), need).toBe(expected.length);
    }
  });

  it('leaves out "something else", which names no need a service could meet', () => {
    const coverage = needCoverage([carersCafe], rules);
    expect(coverage.has('something-else')).toBe(false);
    expect([...coverage.keys()]).toEqual(GAP_NEEDS);
  });
});

describe('the unmet-need table', () => {
  const coverage = needCoverage([carersCafe, carersLine, benefits], rules);

  it('counts No and Partly as unmet, beside coverage, and ranks most unmet per service first', () => {
    // The worked example in docs/measures.md.
    const rows = gapRowsFor(
      [
        count({ need: 'caring', district: 'tendring', no: 6, partly: 3 }),
        count({ need: 'money', district: 'tendring', no: 4, partly: 0 }),
        count({ need: 'money', district: 'chelmsford', no: 5, partly: 1 }),
      ],
      coverage,
    );
    expect(rows.map((r) => [r.need, r.district, r.unmet, r.coverage, r.score])).toEqual([
      ['money', 'tendring', 4, 0, 4],
      ['caring', 'tendring', 9, 2, 3],
      ['money', 'chelmsford', 6, 1, 3],
    ]);
  });

  it('breaks ties by the most unmet, then the fewest services, then month, need and district', () => {
    const rows = gapRowsFor(
      [
        count({ period: '2026-04', need: 'money', district: 'basildon', no: 2 }),
        count({ period: '2026-03', need: 'money', district: 'basildon', no: 2 }),
        count({ period: '2026-03', need: 'money', district: 'chelmsford', no: 4 }),
      ],
      coverage,
    );
    expect(rows.map((r) => `${r.period} ${r.district} ${r.score}`)).toEqual([
      '2026-03 chelmsford 2',
      '2026-03 basildon 2',
      '2026-04 basildon 2',
    ]);
  });

  it('excludes "something else" and cells with nothing unmet', () => {
    const rows = gapRowsFor(
      [count({ need: 'something-else', no: 8 }), count({ need: 'caring', no: 0, partly: 0 })],
      coverage,
    );
    expect(rows).toEqual([]);
  });

  it('exports codes as CSV, ranked, the score to two places', () => {
    const rows = gapRowsFor([count({ need: 'caring', no: 1, partly: 0 })], coverage);
    expect(gapsCsv(rows)).toBe(
      'rank,period,need,district,unmet,no,partly,coverage,score\r\n1,2026-03,caring,tendring,1,1,0,2,0.33\r\n',
    );
  });
});

describe('whether services helped', () => {
  it('has those who got in touch as its base, and only Yes as positive', () => {
    const measure = helpfulness({ yes: 6, partly: 3, no: 1, 'could-not-reach': 4, 'not-contacted': 7 });
    expect(measure).toMatchObject({ base: 10, helped: 6, share: 0.6, couldNotReach: 4, notContacted: 7 });
    // The 95% Wilson interval for 6 of 10, as in the worked example.
    expect(measure.interval?.low).toBeCloseTo(0.3127, 4);
    expect(measure.interval?.high).toBeCloseTo(0.8318, 4);
  });

  it('has no share and no interval when no one got in touch, however many answered', () => {
    expect(helpfulness({ 'could-not-reach': 2, 'not-contacted': 5 })).toEqual({
      base: 0,
      helped: 0,
      share: null,
      interval: null,
      couldNotReach: 2,
      notContacted: 5,
    });
  });
});
