import { describe, expect, it } from 'vitest';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import { extractServices, type FeedExtract } from '../../src/domain/oruk/feed.ts';
import { orukPage } from '../../src/domain/oruk/page.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';

const service = (id: string) => ({ id, name: `Service ${id}`, status: 'active' });

function records(extract: FeedExtract): unknown[] {
  if (!extract.ok) throw new Error(extract.error);
  return extract.records;
}

describe('extractServices', () => {
  it('finds services in a single object, a list and a paged envelope', () => {
    expect(records(extractServices(service('a')))).toEqual([service('a')]);
    expect(records(extractServices([service('a'), service('b')]))).toHaveLength(2);
    const page = extractServices({
      total_items: 30,
      total_pages: 3,
      page_number: 2,
      contents: [service('c')],
    });
    expect(page).toMatchObject({
      ok: true,
      records: [service('c')],
      paging: { totalItems: 30, totalPages: 3, pageNumber: 2 },
    });
  });

  it('gives each service of an organization that organization', () => {
    const found = records(
      extractServices({ id: 'org', name: 'Riverside Carers', services: [service('a'), service('b')] }),
    );
    expect(found).toHaveLength(2);
    for (const record of found) {
      const result = toService(record, { importedAt: '2026-01-01T00:00:00.000Z', text: feedTextReader });
      expect(result.ok && result.service.organization).toBe('Riverside Carers');
    }
  });

  it('reads a service_at_location as its service at that place', () => {
    const found = records(
      extractServices({
        id: 'sal',
        location: { id: 'loc', name: 'Quillfeather Hall' },
        service: service('a'),
      }),
    );
    const result = toService(found[0], { importedAt: '2026-01-01T00:00:00.000Z', text: feedTextReader });
    expect(result.ok && result.service.locations.map((location) => location.name)).toEqual([
      'Quillfeather Hall',
    ]);
  });

  it('links an HSDS data package of flat lists into nested services', () => {
    const found = records(
      extractServices({
        services: [{ id: 's1', name: 'Lunch Club', organization_id: 'o1' }],
        organizations: [{ id: 'o1', name: 'Riverside Neighbours' }],
        service_at_locations: [{ id: 'sal1', service_id: 's1', location_id: 'l1' }],
        locations: [{ id: 'l1', name: 'Marlpit Hall' }],
        addresses: [
          {
            id: 'a1',
            location_id: 'l1',
            address_1: '3 Marlpit Walk',
            city: 'Maldon',
            postal_code: 'CM9 4AB',
          },
        ],
        phones: [{ id: 'p1', service_id: 's1', number: '01632 960001' }],
        schedules: [{ id: 'sc1', service_id: 's1', byday: 'TU', opens_at: '12:00', closes_at: '14:00' }],
        attributes: [{ id: 'at1', link_id: 's1', taxonomy_term_id: 't1' }],
        taxonomy_terms: [{ id: 't1', name: 'Lunch clubs', description: 'x' }],
      }),
    );
    const result = toService(found[0], { importedAt: '2026-01-01T00:00:00.000Z', text: feedTextReader });
    if (!result.ok) throw new Error(result.reasons.join('; '));
    expect(result.service).toMatchObject({
      organization: 'Riverside Neighbours',
      phone: '01632 960001',
      districts: ['maldon'],
      taxonomy: [{ id: 't1', name: 'Lunch clubs' }],
      schedules: [{ byday: 'TU', opensAt: '12:00', closesAt: '14:00' }],
    });
    expect(result.service.locations[0]).toMatchObject({
      name: 'Marlpit Hall',
      address: '3 Marlpit Walk, Maldon',
    });
  });

  it('returns the terms of a taxonomy term list, and no services', () => {
    const extract = extractServices({
      total_items: 1,
      contents: [{ id: 't1', name: 'Carers', description: 'x', taxonomy: 'local', parent_id: null }],
    });
    expect(extract).toMatchObject({ ok: true, records: [], terms: [{ id: 't1', name: 'Carers' }] });
  });

  it('hands on junk inside a list, so that it is reported rather than lost', () => {
    const found = records(extractServices([service('a'), 42, null]));
    expect(found).toHaveLength(3);
    const rejected = found.map((record) =>
      toService(record, { importedAt: '2026-01-01T00:00:00.000Z', text: feedTextReader }),
    );
    expect(rejected.map((result) => result.ok)).toEqual([true, false, false]);
  });

  it('returns an error, without throwing, for JSON that is not an object or a list', () => {
    for (const junk of [null, 42, 'services', true]) {
      const extract = extractServices(junk);
      expect(extract.ok).toBe(false);
      expect(!extract.ok && extract.error).toMatch(/^expected a JSON object or list of services, got /);
    }
  });

  it('ignores paging fields that are not whole numbers', () => {
    const extract = extractServices({ total_pages: 'lots', page_number: '2', contents: [] });
    expect(extract).toMatchObject({
      ok: true,
      records: [],
      paging: { totalPages: undefined, pageNumber: 2 },
    });
  });
});

describe('orukPage', () => {
  it('builds the envelope the ORUK validator checks', () => {
    expect(orukPage(['a', 'b'], { page: 1, perPage: 2, total: 5 })).toEqual({
      total_items: 5,
      total_pages: 3,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
      contents: ['a', 'b'],
    });
  });

  it('marks the last page, and a page past the end as empty', () => {
    expect(orukPage(['e'], { page: 3, perPage: 2, total: 5 })).toMatchObject({
      first_page: false,
      last_page: true,
      size: 1,
    });
    expect(orukPage([], { page: 4, perPage: 2, total: 5 })).toMatchObject({
      empty: true,
      last_page: true,
      size: 0,
    });
  });

  it('describes an empty directory as one empty first and last page', () => {
    expect(orukPage([], { page: 1, perPage: 50, total: 0 })).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });
});
