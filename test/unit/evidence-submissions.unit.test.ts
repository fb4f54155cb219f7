import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { followUpSubmission, serviceDistrict } from '../../src/domain/evidence/follow-up.ts';
import { FOUND_NEEDS, foundSubmission } from '../../src/domain/evidence/found.ts';
import { parseFeedbackBatch } from '../../src/domain/feedback/submission.ts';
import { parseRules, questionsWithRole } from '../../src/domain/guided/rules.ts';

const rules = parseRules(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../data/guided-help.json', import.meta.url)), 'utf8')),
);
const ID = '0d4f7c1e-2b3a-4c5d-8e9f-a0b1c2d3e4f5';
const AT = '2026-03-02T10:15:00.000Z';

function found(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'found', id: ID, createdAt: AT, source: 'search', answer: 'no', ...overrides };
}

function followUp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'follow-up',
    id: ID,
    createdAt: AT,
    serviceId: 'chelmsford-carers-cafe',
    theme: 'carers',
    district: 'chelmsford',
    answer: 'yes',
    ...overrides,
  };
}

const errorsOf = (body: unknown) => {
  const parsed = parseFeedbackBatch(body);
  return parsed.ok ? [] : parsed.errors;
};

describe('"Did you find what you needed?"', () => {
  it('asks about exactly the needs guided help offers, in the same order', () => {
    const need = questionsWithRole(rules, 'need');
    expect(need).toHaveLength(1);
    expect(FOUND_NEEDS).toEqual(need[0]!.answers.map((answer) => answer.id));
  });

  it('sends a Yes as the answer alone, whatever details were offered', () => {
    const submission = foundSubmission({
      id: ID,
      createdAt: AT,
      source: 'guided',
      answer: 'yes',
      details: { needs: ['money'], district: 'basildon', forWhom: 'me' },
    });
    expect(submission).toEqual({ kind: 'found', id: ID, createdAt: AT, source: 'guided', answer: 'yes' });
    expect(parseFeedbackBatch(submission)).toEqual({ ok: true, submissions: [submission] });
  });

  it('sends Partly or No with the needs in the journey’s order, once each, and the place and person', () => {
    const submission = foundSubmission({
      id: ID,
      createdAt: AT,
      source: 'search',
      answer: 'partly',
      details: { needs: ['money', 'hospital', 'money'], district: 'tendring', forWhom: 'someone-i-care-for' },
    });
    expect(submission).toEqual({
      kind: 'found',
      id: ID,
      createdAt: AT,
      source: 'search',
      answer: 'partly',
      needs: ['hospital', 'money'],
      district: 'tendring',
      forWhom: 'someone-i-care-for',
    });
    expect(parseFeedbackBatch(submission).ok).toBe(true);
    expect(
      foundSubmission({ id: ID, createdAt: AT, source: 'search', answer: 'no', details: { needs: [] } }),
    ).toEqual(found());
  });

  it('refuses anything that is not one of its codes: search words, free text, an identifier', () => {
    expect(errorsOf(found({ q: 'carers cafe chelmsford' }))).toEqual([{ path: 'q', code: 'unknown-field' }]);
    expect(errorsOf(found({ words: 'I could not find a lunch club' }))).toEqual([
      { path: 'words', code: 'unknown-field' },
    ]);
    expect(errorsOf(found({ deviceId: 'a1b2' }))).toEqual([{ path: 'deviceId', code: 'unknown-field' }]);
    expect(errorsOf(found({ needs: ['lunch club'] }))).toEqual([{ path: 'needs.0', code: 'invalid-choice' }]);
    expect(errorsOf(found({ district: 'southend-on-sea' }))).toEqual([
      { path: 'district', code: 'invalid-choice' },
    ]);
    expect(errorsOf(found({ forWhom: 'my neighbour' }))).toEqual([
      { path: 'forWhom', code: 'invalid-choice' },
    ]);
  });

  it('keeps details for the answers that say something was missing', () => {
    expect(errorsOf(found({ answer: 'yes', needs: ['money'], district: 'harlow' }))).toEqual([
      { path: 'needs', code: 'not-for-this-answer' },
      { path: 'district', code: 'not-for-this-answer' },
    ]);
    expect(errorsOf(found({ needs: ['money', 'money'] }))).toEqual([{ path: 'needs', code: 'invalid' }]);
    expect(errorsOf(found({ source: 'elsewhere' }))).toEqual([{ path: 'source', code: 'invalid-choice' }]);
    expect(errorsOf(found({ answer: undefined }))).toEqual([{ path: 'answer', code: 'required' }]);
  });

  it('follows the same rules as feedback for its id, its time and the robots’ field', () => {
    expect(errorsOf(found({ id: 'not-a-uuid' }))).toEqual([{ path: 'id', code: 'invalid-uuid' }]);
    expect(errorsOf(found({ createdAt: 'yesterday' }))).toEqual([
      { path: 'createdAt', code: 'invalid-date' },
    ]);
    expect(errorsOf(found({ website: 'http://spam.example' }))).toEqual([
      { path: 'website', code: 'must-be-empty' },
    ]);
    const upper = parseFeedbackBatch(found({ id: ID.toUpperCase() }));
    expect(upper.ok && upper.submissions[0]!.id).toBe(ID);
  });
});

describe('"Did it help?"', () => {
  const service = {
    id: 'harlow-lunch-club',
    themes: ['work-and-activities', 'staying-well'] as const,
    countyWide: false,
    districts: ['harlow', 'epping-forest'] as const,
    locations: [
      { id: 'a', accessibility: [], schedules: [] },
      { id: 'b', district: 'epping-forest' as const, accessibility: [], schedules: [] },
    ],
  };

  it('sends the answer with the service, its first theme and where it is, and nothing else', () => {
    const submission = followUpSubmission({
      id: ID,
      createdAt: AT,
      service: { ...service, themes: [...service.themes], districts: [...service.districts] },
      answer: 'could-not-reach',
    });
    expect(submission).toEqual({
      kind: 'follow-up',
      id: ID,
      createdAt: AT,
      serviceId: 'harlow-lunch-club',
      theme: 'work-and-activities',
      district: 'epping-forest',
      answer: 'could-not-reach',
    });
    expect(parseFeedbackBatch(submission)).toEqual({ ok: true, submissions: [submission] });
  });

  it('names no district for a service for all of Essex, and the listed one for a service with no place', () => {
    expect(serviceDistrict({ countyWide: true, districts: ['harlow'], locations: [] })).toBeUndefined();
    expect(serviceDistrict({ countyWide: false, districts: ['maldon'], locations: [] })).toBe('maldon');
    expect(serviceDistrict({ countyWide: false, districts: [], locations: [] })).toBeUndefined();
  });

  it('refuses other answers and anything but its codes', () => {
    expect(errorsOf(followUp({ answer: 'sort of' }))).toEqual([{ path: 'answer', code: 'invalid-choice' }]);
    expect(errorsOf(followUp({ savedAt: AT }))).toEqual([{ path: 'savedAt', code: 'unknown-field' }]);
    expect(errorsOf(followUp({ words: 'They were lovely' }))).toEqual([
      { path: 'words', code: 'unknown-field' },
    ]);
    expect(errorsOf(followUp({ serviceId: '' }))).toEqual([{ path: 'serviceId', code: 'required' }]);
    expect(errorsOf(followUp({ theme: 'gardening' }))).toEqual([{ path: 'theme', code: 'invalid-choice' }]);
  });

  it('is validated item by item in a batch with feedback', () => {
    const parsed = parseFeedbackBatch([found(), followUp({ id: '9b2e4f7a-1c3d-4e5f-8a9b-0c1d2e3f4a5b' })]);
    expect(parsed.ok && parsed.submissions.map((s) => s.kind)).toEqual(['found', 'follow-up']);
  });
});
