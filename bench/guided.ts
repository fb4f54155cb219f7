import { readFileSync } from 'node:fs';
import { parseRules, type GuidedAnswers } from '../src/domain/guided/rules.ts';
import { wordIndexOf } from '../src/domain/guided/match.ts';
import { prepareShortlist, shortlist } from '../src/domain/guided/shortlist.ts';
import { generateServices } from './directories.ts';
import type { Section } from './report.ts';

const rules = parseRules(
  JSON.parse(readFileSync(new URL('../data/guided-help.json', import.meta.url), 'utf8')),
);

/** Journeys people take: a carer after a hospital stay, someone lonely anywhere, a worried relative by postcode. */
const JOURNEYS: GuidedAnswers[] = [
  {
    choices: {
      who: ['someone-i-look-after'],
      where: ['district'],
      hard: ['hospital', 'staying-safe'],
      kind: ['equipment'],
    },
    district: 'chelmsford',
  },
  { choices: { who: ['me'], where: ['anywhere'], hard: ['lonely-or-low'], kind: ['groups-and-activities'] } },
  {
    choices: {
      who: ['someone-i-look-after'],
      where: ['postcode'],
      hard: ['everyday-tasks', 'money', 'caring'],
    },
    postcode: 'CO15 1AB',
  },
  {
    choices: { who: ['me'], where: ['district'], hard: ['work-learning-volunteering'], cost: ['free-only'] },
    district: 'harlow',
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The shortlist's time at 10,000 services, in Node: the guided-help budget is 50 ms. */
export async function measureGuided(): Promise<Section> {
  const services = generateServices(10_000);
  const isOpen = () => false;
  // Built once per directory on the device, as the search index is; timed on its own.
  const indexStarted = performance.now();
  wordIndexOf(services);
  const indexMs = performance.now() - indexStarted;
  // The first shortlist of a journey nobody prepared: each answer's keyword scores computed there and then.
  const first: number[] = [];
  for (const answers of JOURNEYS) {
    const started = performance.now();
    shortlist(services, answers, { rules, isOpen });
    first.push(performance.now() - started);
  }
  // What a person meets: the question pages prepared the answers while they were being given.
  const fresh = generateServices(10_000);
  wordIndexOf(fresh);
  const prepare: number[] = [];
  const prepared: number[] = [];
  for (const answers of JOURNEYS) {
    let started = performance.now();
    prepareShortlist(fresh, answers, rules);
    prepare.push(performance.now() - started);
    started = performance.now();
    shortlist(fresh, answers, { rules, isOpen });
    prepared.push(performance.now() - started);
  }
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const answers of JOURNEYS) {
      const started = performance.now();
      shortlist(services, answers, { rules, isOpen });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  return {
    name: 'guided help',
    figures: {
      services: services.length,
      wordIndexMs: indexMs,
      journeys: JOURNEYS.length,
      runs: times.length,
      medianMs: median,
      p95Ms: p95,
      unpreparedFirstMaxMs: Math.max(...first),
      prepareMaxMs: Math.max(...prepare),
    },
    budgets: [
      { name: 'Guided shortlist at 10,000 services, p95 (Node)', value: p95, limit: 50, unit: 'ms' },
      {
        name: 'Guided shortlist at 10,000 services, first of a journey (Node)',
        value: Math.max(...prepared),
        limit: 50,
        unit: 'ms',
      },
    ],
    notes: [
      'Four typical journeys, ten runs each after a first run. "First of a journey" is the shortlist after the question pages prepared its answers while they were given (prepareMaxMs, done when the device is idle); unpreparedFirstMaxMs is the first shortlist with nothing prepared.',
      "The directory's word index is built once when the directory loads (wordIndexMs), then reused.",
    ],
  };
}
