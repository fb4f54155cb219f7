import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichInline, RichText } from '../../src/domain/rich-text.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory, type ImportSummary } from '../../src/server/directory/import.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

// A fictional council feed written the way real ones are (scripts/lib/messy-feed.ts).
const MESSY_FEED = new URL('../fixtures/messy/messy-feed.json', import.meta.url).pathname;
const feed = JSON.parse(readFileSync(MESSY_FEED, 'utf8')) as { contents: unknown[] };
const records = feed.contents.filter(
  (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
);
const byId = new Map(records.filter((r) => typeof r.id === 'string').map((r) => [r.id as string, r]));

let db: Database;
let drop: () => Promise<void>;
let summary: ImportSummary;
let services: Service[];

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  summary = await importDirectory(db, MESSY_FEED);
  services = (
    await db.query<{ record: Service }>('select record from services where active order by id')
  ).map((row) => row.record);
});
afterAll(async () => {
  await drop();
});

// Markup or an entity shown as words: "<p>", "</li>", "&amp;", "&#39;", "&nbsp;".
const TAG_OR_ENTITY = /<\/?[a-z][a-z0-9]*[\s>/]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

function inlines(blocks: RichText): RichInline[] {
  return blocks.flatMap((block) => ('p' in block ? block.p : ('ul' in block ? block.ul : block.ol).flat()));
}

describe(`a messy council feed on ${databaseKind}`, () => {
  it('lists every service it can show and quarantines only the records that cannot be shown, each with a reason', () => {
    expect(summary.read).toBe(feed.contents.length);
    expect(summary.read).toBeGreaterThanOrEqual(200);
    expect(summary.error).toBeUndefined();
    expect(summary.quarantined).toBe(6);
    expect(summary.imported).toBe(summary.read - 6);
    expect(services).toHaveLength(summary.imported);
    const reasons = summary.quarantine.map((q) => q.reasons.join('; '));
    expect(reasons).toEqual(
      expect.arrayContaining([
        'id: missing',
        'name: missing',
        'name: expected text, got an object',
        'record: expected an object, got "Service record could not be exported"',
        expect.stringMatching(/appears more than once in this feed/),
      ]),
    );
    expect(reasons.filter((reason) => reason === 'name: missing')).toHaveLength(2);
  });

  it('records each field it set aside or repaired as a warning, with the field, the value and why', async () => {
    expect(summary.warned).toBeGreaterThan(50);
    const rows = await db.query<{ record_id: string; field: string; value: string; reason: string }>(
      "select record_id, field, value, reason from import_quarantine where kind = 'warning' and run_id = $1",
      [summary.runId],
    );
    expect(new Set(rows.map((row) => row.record_id)).size).toBe(summary.warned);
    for (const row of rows) {
      expect(row.field).not.toBe('');
      expect(row.value).not.toBe('');
      expect(row.reason).not.toBe('');
    }
    const repaired = rows.find((row) => row.field === 'url' && row.value.startsWith('"http:www.'));
    expect(repaired?.reason).toMatch(/^was missing part of its "\/\/"; read as https:\/\/www\./);
    const service = services.find((s) => s.id === repaired?.record_id);
    expect(service?.url).toMatch(/^https:\/\/www\./);
    expect(rows.some((row) => row.field === 'email' && /ended in punctuation/.test(row.reason))).toBe(true);
    expect(rows.some((row) => row.field === 'url' && /left out$/.test(row.reason))).toBe(true);
  });

  it('shows no markup or entity as words, in any field a person reads', () => {
    for (const service of services) {
      const shown = [
        service.name,
        service.organization,
        service.description,
        service.eligibility,
        service.cost,
        ...(service.audience ?? []),
        ...service.locations.flatMap((location) => [location.name, location.address]),
        ...inlines(service.descriptionBlocks ?? []).map((piece) =>
          typeof piece === 'string' ? piece : 'strong' in piece ? piece.strong : piece.text,
        ),
      ];
      for (const text of shown) if (text !== undefined) expect(text).not.toMatch(TAG_OR_ENTITY);
      expect(service.description).not.toMatch(/[ \t]{2,}|\n{3,}|^\s|\s$/);
    }
  });

  it('keeps lists, bold lead-ins and links, and links only to web, email and phone addresses', () => {
    const structured = services.filter((service) => service.descriptionBlocks !== undefined);
    expect(structured.length).toBeGreaterThan(50);
    expect(structured.some((s) => s.descriptionBlocks?.some((block) => 'ul' in block))).toBe(true);
    expect(structured.some((s) => s.descriptionBlocks?.some((block) => 'ol' in block))).toBe(true);
    const links = structured
      .flatMap((s) => inlines(s.descriptionBlocks ?? []))
      .filter((piece) => typeof piece === 'object' && 'href' in piece);
    expect(links.length).toBeGreaterThan(50);
    for (const link of links)
      expect((link as { href: string }).href).toMatch(/^(?:https?:\/\/[^/\s]+\.[a-z]+|mailto:|tel:)/);
    expect(summary.warnings.some((w) => w.warnings.some((x) => x.value === '"javascript:void(0)"'))).toBe(
      true,
    );
  });

  it('keeps the line breaks of a plain-text description', () => {
    const plain = services.find((s) => s.description.includes('\n• '));
    expect(plain?.description).toMatch(/^[^\n]+\n\n• [^\n]+\n• /);
  });

  it('says nothing about cost when the feed says nothing, and never calls an empty fee a charge', () => {
    const silent = services.filter((s) => {
      const raw = byId.get(s.id);
      return raw && (raw.fees === '' || raw.fees === null || raw.fees === undefined);
    });
    expect(silent.length).toBeGreaterThan(20);
    for (const service of silent) {
      expect(service.free).toBe(false);
      expect(service.cost).toBeUndefined();
    }
    expect(services.find((s) => byId.get(s.id)?.fees === 'No charge')?.free).toBe(true);
  });

  it('reaches a theme for at least nine services in ten, and counts the rest', () => {
    const themeless = services.filter((s) => s.themes.length === 0);
    expect(themeless.length / services.length).toBeLessThanOrEqual(0.1);
    expect(summary.noTheme).toBe(themeless.length);
  });

  it('reads who a service is for from audience tags and eligibility records, and keeps their words', () => {
    const tagged = services.filter((s) => {
      const tags = byId.get(s.id)?.pc_targetAudience as { audienceType: string }[] | undefined;
      return tags?.some((tag) => tag.audienceType === 'Carers ');
    });
    expect(tagged.length).toBeGreaterThan(5);
    for (const service of tagged) {
      expect(service.whoFor).toContain('carer-self');
      expect(service.audience).toContain('Carers');
    }
    const sight = services.find((s) => s.audience?.includes('Visually Impaired'));
    expect(sight?.whoFor).toContain('physical-sensory');
    const eligible = services.find((s) => s.eligibility?.startsWith('Adults aged 18 and over'));
    expect(eligible?.whoFor).toContain('learning-disability');
  });

  it('shows national and phone-or-online services as such, not as in no district', () => {
    const national = services.filter((s) => s.national);
    expect(national.length).toBeGreaterThan(3);
    for (const service of national) expect(service.countyWide).toBe(true);
    const remote = services.filter((s) => s.onlineOnly);
    expect(remote.length).toBeGreaterThan(10);
    for (const service of remote) {
      expect(service.locations).toEqual([]);
      expect(service.delivery).not.toContain('in-person');
      expect(service.countyWide || service.districts.length > 0).toBe(true);
    }
  });

  it('serves each description back in the ORUK API exactly as the feed sent it', async () => {
    const app = createApp({ db, version: 'test' });
    const htmlRecord = records.find(
      (r) => typeof r.description === 'string' && r.description.includes('<ul>'),
    );
    const response = await app.request(`/api/oruk/services/${String(htmlRecord?.id)}`);
    const served = (await response.json()) as { description: string };
    expect(served.description).toBe(htmlRecord?.description);
  });
});
