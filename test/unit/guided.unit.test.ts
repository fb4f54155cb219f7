import { existsSync, readFileSync } from 'node:fs';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRules, questionsOf, type GuidedAnswers } from '../../src/domain/guided/rules.ts';
import {
  everyAnswerMatchesSomething,
  needMatcher,
  shortlist,
  toFilters,
  type ShortlistGroup,
} from '../../src/domain/guided/shortlist.ts';
import { keywordScore, keywordScores } from '../../src/domain/guided/match.ts';
import { extractServices } from '../../src/domain/oruk/feed.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';
import { filtersFromSearchParams, filtersToSearchParams } from '../../src/domain/search/filters.ts';
import { findServices } from '../../src/domain/search/find.ts';
import { neighboursOf } from '../../src/domain/place/neighbouring-districts.ts';
import type { Service } from '../../src/domain/service.ts';
import { DISTRICTS } from '../../src/domain/service-terms.ts';
import { makeDirectory, makeService } from '../support/make-services.ts';

const rulesPath = fileURLToPath(new URL('../../data/guided-help.json', import.meta.url));
const samplePath = fileURLToPath(new URL('../../data/sample-directory.json', import.meta.url));
const rawRules: unknown = JSON.parse(readFileSync(rulesPath, 'utf8'));
const rules = parseRules(rawRules);
const directory = makeDirectory();

const ids = (group: ShortlistGroup | undefined): string[] =>
  group?.items.map((item) => item.service.id) ?? [];
const answers = (
  choices: Record<string, string[]>,
  place: Omit<GuidedAnswers, 'choices'> = {},
): GuidedAnswers => ({ choices, ...place });
const groupOf = (groups: ShortlistGroup[], id: string): ShortlistGroup | undefined =>
  groups.find((group) => group.id === id);

describe('the journey file', () => {
  it('has the five steps, in order, with the choices people are offered', () => {
    expect(rules.steps.map((step) => step.id)).toEqual(['who', 'where', 'hard', 'kind', 'anything-else']);
    const answerIds = (questionId: string): string[] =>
      questionsOf(rules)
        .find((question) => question.id === questionId)!
        .answers.map((answer) => answer.id);
    expect(answerIds('who')).toEqual(['me', 'someone-i-look-after', 'professional']);
    expect(answerIds('where')).toEqual(['district', 'postcode', 'anywhere']);
    expect(answerIds('hard')).toEqual([
      'everyday-tasks',
      'looking-after-myself',
      'staying-safe',
      'hospital',
      'out-and-about',
      'lonely-or-low',
      'money',
      'somewhere-to-live',
      'work-learning-volunteering',
      'caring',
      'something-else',
    ]);
    expect(answerIds('kind')).toEqual([
      'information',
      'equipment',
      'someone-to-talk-to',
      'groups-and-activities',
      'practical-help',
    ]);
    expect(answerIds('age')).toEqual(['under-18', '18-to-64', '65-and-over']);
    expect(answerIds('cost')).toEqual(['free-only']);
    expect(answerIds('via')).toEqual(['in-person', 'phone', 'online']);
  });

  it('holds no words for people to read: every answer has a translation key guided.<question>.<answer> and an icon', () => {
    const keys = new Set<string>();
    for (const question of questionsOf(rules)) {
      for (const answer of question.answers) {
        expect(answer.key).toBe(`guided.${question.id}.${answer.id}`);
        expect(answer.icon).toMatch(/^[a-z0-9-]+$/);
        keys.add(answer.key);
      }
    }
    expect(keys.size).toBe(questionsOf(rules).flatMap((question) => question.answers).length);
    const text = JSON.stringify(rawRules);
    for (const field of ['"label"', '"text"', '"title"', '"description"']) expect(text).not.toContain(field);
  });

  it('marks staying safe at home, and only that, as a sign someone may need help now', () => {
    const urgent = questionsOf(rules)
      .flatMap((question) => question.answers)
      .filter((answer) => answer.helpNow);
    expect(urgent.map((answer) => answer.id)).toEqual(['staying-safe']);
  });

  it('refuses a broken journey file and says what is wrong', () => {
    const broken = structuredClone(rawRules) as {
      steps: { questions: { answers: Record<string, unknown>[] }[] }[];
    };
    const hard = broken.steps[2]!.questions[0]!;
    delete hard.answers[0]!.match;
    hard.answers[1]!.id = hard.answers[2]!.id;
    expect(() => parseRules(broken)).toThrow(
      /hard\.everyday-tasks needs a match.*hard\.staying-safe appears twice/,
    );
    const english = structuredClone(rawRules) as typeof broken;
    english.steps[0]!.questions[0]!.answers[0]!.key = 'Me';
    expect(() => parseRules(english)).toThrow(/Invalid guided help rules/);
  });
});

describe('the shortlist', () => {
  it('puts local services first, then county-wide ones, and flags a need that may be urgent', () => {
    const result = shortlist(
      directory,
      answers({ who: ['me'], where: ['district'], hard: ['staying-safe'] }, { district: 'castle-point' }),
      { rules },
    );
    expect(result.helpNow).toBe(true);
    const [safe] = result.groups;
    expect(safe).toMatchObject({
      id: 'staying-safe',
      type: 'need',
      key: 'guided.hard.staying-safe',
      helpNow: true,
    });
    expect(safe?.widened).toBe(false);
    expect(ids(safe)).toEqual(['castle-point-scams-awareness', 'careline-personal-alarms']);
    expect(safe?.items[0]?.reasons).toEqual([
      { code: 'district', district: 'castle-point' },
      { code: 'free' },
    ]);
    // A county-wide phone line says how it serves the person: "by phone anywhere in Essex".
    expect(safe?.items[1]).toMatchObject({ countyWide: true });
    expect(safe?.items[1]?.reasons).toEqual([{ code: 'county-wide', via: 'phone' }]);
  });

  it('ranks the services that meet a need best at the top', () => {
    const result = shortlist(directory, answers({ where: ['anywhere'], hard: ['everyday-tasks'] }), {
      rules,
    });
    const found = ids(result.groups[0]);
    expect(found.slice(0, 2)).toEqual(['essex-equipment-and-daily-living-aids', 'rochford-home-help']);
    expect(found).toContain('maldon-volunteer-centre');
    expect(found).not.toContain('tendring-housing-options');
  });

  it('lifts services of the kind of help asked for, and open ones, and says why', () => {
    const chat = makeService({
      name: 'Phone Friends',
      description: 'Lonely? A weekly phone call and a chat.',
    });
    const club = makeService({ name: 'Friday Club', description: 'Lonely? A weekly group with tea.' });
    const talk = answers({ hard: ['lonely-or-low'], kind: ['groups-and-activities'] });
    expect(ids(shortlist([chat, club], talk, { rules }).groups[0])).toEqual(['friday-club', 'phone-friends']);
    const [first] = shortlist([chat, club], talk, { rules }).groups[0]!.items;
    expect(first?.reasons).toContainEqual({ code: 'kind', kind: 'groups-and-activities' });
    const open = shortlist([chat, club], answers({ hard: ['lonely-or-low'] }), {
      rules,
      isOpen: (service) => service.id === 'phone-friends',
    });
    expect(ids(open.groups[0])).toEqual(['phone-friends', 'friday-club']);
    expect(open.groups[0]?.items[0]?.reasons).toContainEqual({ code: 'open-now' });
  });

  it('gives the reasons a carer reads as "for carers · Chelmsford · free · open now"', () => {
    const result = shortlist(
      directory,
      answers(
        { who: ['someone-i-look-after'], where: ['district'], hard: ['caring'] },
        { district: 'chelmsford' },
      ),
      { rules, isOpen: () => true },
    );
    const cafe = groupOf(result.groups, 'carer')?.items.find(
      (item) => item.service.id === 'chelmsford-carers-cafe',
    );
    expect(cafe?.reasons).toEqual([
      { code: 'for-carers' },
      { code: 'district', district: 'chelmsford' },
      { code: 'free' },
      { code: 'open-now' },
    ]);
  });

  it('keeps services for a carer apart from services for the person they look after', () => {
    const result = shortlist(
      directory,
      answers(
        { who: ['someone-i-look-after'], where: ['district'], hard: ['lonely-or-low', 'caring'] },
        { district: 'colchester' },
      ),
      { rules },
    );
    expect(result.groups.map((group) => group.id)).toEqual(['lonely-or-low', 'carer']);
    const person = groupOf(result.groups, 'lonely-or-low')!;
    const carer = groupOf(result.groups, 'carer')!;
    expect(carer).toMatchObject({ type: 'carer', key: 'guided.group.carer' });
    expect(ids(person)).toEqual(['colchester-befriending-scheme']);
    expect(ids(person)).not.toContain('essex-carers-support-line');
    expect(ids(carer)[0]).toBe('memory-lane-dementia-cafe');
    expect(ids(carer)).toContain('essex-carers-support-line');
    expect(ids(carer)).not.toContain('chelmsford-carers-cafe');
    for (const item of carer.items) {
      expect(item.service.whoFor).toContain('carer-self');
      expect(item.reasons[0]).toEqual({ code: 'for-carers' });
    }
  });

  it('shows carers’ services under "caring for someone" when the carer asks for themselves', () => {
    const result = shortlist(directory, answers({ who: ['me'], hard: ['caring'] }), { rules });
    expect(result.groups.map((group) => group.id)).toEqual(['caring']);
    expect(ids(result.groups[0])).toContain('essex-carers-support-line');
  });

  it('widens a need with nothing local to services anyone in Essex can use, and says so', () => {
    const result = shortlist(
      directory,
      answers({ where: ['district'], hard: ['money'] }, { district: 'tendring' }),
      { rules },
    );
    expect(result.groups[0]).toMatchObject({ id: 'money', widened: true, widenedTo: 'reach' });
    expect(ids(result.groups[0])).toEqual(['welfare-rights-and-benefits-advice']);
    expect(result.groups[0]?.items[0]?.reasons[0]).toEqual({ code: 'county-wide', via: 'phone-online' });
  });

  it('widens to the district next door, saying where and how far, and never further', () => {
    const result = shortlist(
      directory,
      answers({ where: ['postcode'], hard: ['lonely-or-low'] }, { postcode: 'cm11qh' }),
      { rules },
    );
    const [lonely] = result.groups;
    expect(lonely).toMatchObject({ widened: true, widenedTo: 'nearby' });
    // Basildon is next to Chelmsford; Colchester's befriending scheme is for Colchester, two districts away.
    expect(ids(lonely)).toEqual(['basildon-wellbeing-hub']);
    expect(lonely?.items[0]?.reasons[0]).toEqual({ code: 'neighbouring', district: 'basildon', miles: 12 });
  });

  it('never offers a service only for a district further away, wherever the person lives', () => {
    const needs = questionsOf(rules).find((question) => question.role === 'need')!.answers;
    for (const need of needs) {
      const anywhere = shortlist(directory, answers({ who: ['me'], hard: [need.id] }), { rules });
      expect(anywhere.groups.length, need.id).toBe(1);
      for (const district of DISTRICTS) {
        const result = shortlist(
          directory,
          answers({ who: ['me'], where: ['district'], hard: [need.id] }, { district }),
          { rules },
        );
        const where = `${need.id} in ${district}`;
        for (const { service, reasons } of result.groups[0]?.items ?? []) {
          const served =
            service.countyWide ||
            service.districts.includes(district) ||
            reasons.some((reason) => reason.code === 'remote') ||
            reasons.some(
              (reason) => reason.code === 'neighbouring' && neighboursOf(district).includes(reason.district),
            );
          expect(served, `${service.id} for ${where}`).toBe(true);
        }
        // A need with nothing that can serve the person is named, never left silently empty.
        if (result.groups.length === 0)
          expect([...result.unmatched, ...result.outOfReach], where).toEqual([need.id]);
      }
    }
  });

  it('respects age, cost and delivery, and says which needs nothing meets', () => {
    const olderCarer = shortlist(
      directory,
      answers({
        who: ['someone-i-look-after'],
        age: ['65-and-over'],
        cost: ['free-only'],
        hard: ['staying-safe'],
      }),
      { rules },
    );
    expect(ids(groupOf(olderCarer.groups, 'carer'))).not.toContain('young-carers-groups');
    expect(ids(groupOf(olderCarer.groups, 'staying-safe'))).toEqual(['castle-point-scams-awareness']);
    const online = shortlist(directory, answers({ hard: ['somewhere-to-live', 'money'], via: ['online'] }), {
      rules,
    });
    expect(online.unmatched).toEqual(['somewhere-to-live']);
    expect(online.groups.map((group) => group.id)).toEqual(['money']);
    // "By phone or online anywhere in Essex" already says online: it is not said twice.
    expect(online.groups[0]?.items[0]?.reasons).toContainEqual({ code: 'county-wide', via: 'phone-online' });
    expect(online.groups[0]?.items[0]?.reasons).not.toContainEqual({ code: 'delivery', delivery: 'online' });
  });

  it('offers a general list when no need is chosen, narrowed to the kinds of help asked for', () => {
    const everything = shortlist(directory, answers({}), { rules, limit: 50 });
    expect(everything.groups).toHaveLength(1);
    expect(everything.groups[0]).toMatchObject({ id: 'all', type: 'all', key: 'guided.group.all' });
    expect(ids(everything.groups[0])).not.toContain('essex-carers-support-line');
    const groups = shortlist(directory, answers({ kind: ['groups-and-activities'] }), { rules, limit: 50 });
    expect(ids(groups.groups[0])).toContain('brentwood-health-walks');
    expect(ids(groups.groups[0])).not.toContain('welfare-rights-and-benefits-advice');
  });

  it('is pure: the same answers give the same shortlist, and the directory is left alone', () => {
    const before = JSON.stringify(directory);
    const chosen = answers(
      { who: ['someone-i-look-after'], hard: ['hospital', 'money'] },
      { postcode: 'CM7 1TY' },
    );
    expect(shortlist(directory, chosen, { rules })).toEqual(shortlist(directory, chosen, { rules }));
    expect(JSON.stringify(directory)).toBe(before);
  });
});

describe('seeing everything that matches', () => {
  const chosen = answers(
    {
      who: ['someone-i-look-after'],
      where: ['district'],
      hard: ['everyday-tasks', 'staying-safe'],
      via: ['phone'],
    },
    { district: 'rochford' },
  );

  it('turns the answers into find-support filters that survive a link', () => {
    const filters = toFilters(chosen, rules);
    expect(filters).toEqual({
      district: 'rochford',
      delivery: ['phone'],
      needs: ['everyday-tasks', 'staying-safe'],
    });
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
    expect(toFilters(chosen, rules, 'carer')).toEqual({
      district: 'rochford',
      delivery: ['phone'],
      whoFor: ['carer-self'],
    });
    expect(toFilters(chosen, rules, 'staying-safe').needs).toEqual(['staying-safe']);
    expect(toFilters(answers({ age: ['65-and-over'], cost: ['free-only'] }), rules)).toEqual({
      age: { from: 65, to: 120 },
      free: true,
    });
  });

  it('opens results that include everything on the shortlist', () => {
    const result = shortlist(directory, chosen, { rules, limit: 50 });
    expect(result.groups.length).toBeGreaterThan(0);
    for (const group of result.groups) {
      const found = findServices(directory, toFilters(chosen, rules, group.id), {
        matchesNeeds: needMatcher(rules),
      });
      const foundIds = found.map((item) => item.service.id);
      expect(foundIds, group.id).toEqual(expect.arrayContaining(ids(group)));
    }
  });
});

function loadSampleDirectory(path: string): Service[] {
  const extract = extractServices(JSON.parse(readFileSync(path, 'utf8')));
  if (!extract.ok) throw new Error(`sample directory: ${extract.error}`);
  return extract.records.flatMap((raw) => {
    const mapped = toService(raw, { importedAt: '2025-01-06T09:00:00Z', text: feedTextReader });
    return mapped.ok ? [mapped.service] : [];
  });
}

describe('the journey against a directory', () => {
  it('finds at least one service for every answer in the sample directory (or the test directory until it exists)', () => {
    const services = existsSync(samplePath) ? loadSampleDirectory(samplePath) : directory;
    expect(services.length).toBeGreaterThan(0);
    expect(everyAnswerMatchesSomething(rules, services)).toEqual({ ok: true, unmatched: [] });
  });

  it('scores every listing the same whether scored alone or with the whole directory at once', () => {
    const services = existsSync(samplePath) ? loadSampleDirectory(samplePath) : directory;
    for (const question of questionsOf(rules)) {
      for (const answer of question.answers) {
        if (!answer.match) continue;
        const together = keywordScores(services, answer.match);
        const alone = services
          .map((service) => [service.id, keywordScore(service, answer.match!)] as const)
          .filter(([, score]) => score > 0);
        expect(new Map([...together].map(([service, score]) => [service.id, score]))).toEqual(new Map(alone));
      }
    }
  });

  it('names the answers a directory has nothing for', () => {
    const noHousing = directory.filter((service) => !service.themes.includes('housing'));
    const noCarers = directory.filter((service) => !service.whoFor.includes('carer-self'));
    expect(everyAnswerMatchesSomething(rules, noHousing).unmatched).toEqual(['hard.somewhere-to-live']);
    expect(everyAnswerMatchesSomething(rules, noCarers).unmatched).toContain('who.someone-i-look-after');
    expect(everyAnswerMatchesSomething(rules, [makeService({ name: 'Quiet', towns: ['harlow'] })]).ok).toBe(
      false,
    );
  });
});
