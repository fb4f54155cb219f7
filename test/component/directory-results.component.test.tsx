import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enDirectory from '../../locales/en/directory.json';
import { activeFilters } from '../../src/app/features/directory/filter-state.ts';
import type { Words } from '../../src/app/features/directory/opening-words.ts';
import { ResultList } from '../../src/app/features/directory/result-list.tsx';
import type { SearchState } from '../../src/app/features/directory/search-client.ts';
import type { Filters } from '../../src/domain/search/filters.ts';
import { makeDirectory, serviceById } from '../support/make-services.ts';

let words: Words;
const directory = makeDirectory();

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { common: enCommon, directory: enDirectory } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  words = { t: i18next.getFixedT('en', ['directory', 'common']) as TFunction, locale: 'en-GB' };
});

afterEach(cleanup);

function renderResults(search: SearchState, filters: Filters = {}) {
  const onRemove = vi.fn();
  render(
    <ResultList
      search={search}
      filters={filters}
      active={activeFilters(filters, 10)}
      words={words}
      ready
      waiting={false}
      sample={false}
      wordsKey="en true"
      pageSize={20}
      onShowMore={() => {}}
      onRemove={onRemove}
      onClear={() => {}}
      headingRef={() => {}}
    />,
  );
  return { onRemove };
}

describe('search results', () => {
  it('links each service to its page and says where it is', () => {
    renderResults({
      phase: 'done',
      total: 2,
      items: [
        { service: serviceById(directory, 'chelmsford-carers-cafe'), countyWide: false, distanceMiles: 0.4 },
        { service: serviceById(directory, 'essex-carers-support-line'), countyWide: true },
      ],
    });
    expect(screen.getByRole('status').textContent).toBe('2 services found');
    const link = screen.getByRole('link', { name: "Chelmsford Carers' Café" });
    expect(link.getAttribute('href')).toBe('/services/chelmsford-carers-cafe');
    expect(screen.getByText('Chelmsford · 0.4 miles away')).toBeTruthy();
    expect(screen.getByText('Covers all of Essex')).toBeTruthy();
    expect(screen.getAllByText('Free')).toHaveLength(2);
  });

  it('offers more when there are more than fit, rather than rendering them all', () => {
    const items = directory.slice(0, 20).map((service) => ({ service, countyWide: service.countyWide }));
    renderResults({ phase: 'done', total: 50_000, items });
    expect(screen.getAllByRole('listitem').length).toBeLessThan(100);
    expect(screen.getByText('Showing 20 of 50,000')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show 20 more' })).toBeTruthy();
  });

  it('suggests taking a filter off when nothing matches', () => {
    const { onRemove } = renderResults({ phase: 'done', total: 0, items: [] }, { q: 'lunch', free: true });
    expect(screen.getByRole('status').textContent).toBe('No services found');
    expect(screen.getByText('check the spelling, or use fewer or different words')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter: Free only' }));
    expect(onRemove).toHaveBeenCalledWith({ kind: 'free' });
  });
});
