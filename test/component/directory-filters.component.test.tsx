import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enDirectory from '../../locales/en/directory.json';
import { FilterPanel } from '../../src/app/features/directory/filter-panel.tsx';
import type { Words } from '../../src/app/features/directory/opening-words.ts';
import type { Filters } from '../../src/domain/search/filters.ts';

let words: Words;

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

function renderPanel(filters: Filters = {}) {
  const onChange = vi.fn<(next: Filters) => void>();
  const onApplied = vi.fn();
  render(
    <main>
      <FilterPanel
        id="filters"
        filters={filters}
        words={words}
        onChange={onChange}
        onApplied={onApplied}
        activeCount={0}
        onClear={() => {}}
      />
    </main>,
  );
  return { onChange, onApplied };
}

describe('the find-support filters', () => {
  it('applies a ticked box at once', () => {
    const { onChange } = renderPanel({ q: 'lunch' });
    fireEvent.click(screen.getByLabelText('Free only'));
    expect(onChange).toHaveBeenCalledWith({ q: 'lunch', free: true });
    fireEvent.click(screen.getByLabelText('For me as a carer'));
    expect(onChange).toHaveBeenLastCalledWith({ q: 'lunch', whoFor: ['carer-self'] });
  });

  it('uses a typed postcode on "Apply filters", tidied, with the distance chosen', () => {
    const { onChange, onApplied } = renderPanel({ district: 'maldon' });
    fireEvent.change(screen.getByLabelText('Distance'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText('Or near a postcode'), { target: { value: 'cm1 1qh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(onChange).toHaveBeenLastCalledWith({ postcode: 'CM1 1QH', radius: 5 });
    expect(onApplied).toHaveBeenCalled();
  });

  it('explains what is wrong instead of applying, and moves focus to the summary', async () => {
    const { onChange, onApplied } = renderPanel();
    fireEvent.input(screen.getByLabelText('Or near a postcode'), { target: { value: 'SW1A 1AA' } });
    fireEvent.input(screen.getByLabelText('Age'), { target: { value: 'old' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(onApplied).not.toHaveBeenCalled();
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    expect(screen.getByRole('link', { name: /Enter a postcode in Essex/ }).getAttribute('href')).toBe(
      '#filter-postcode',
    );
    expect(screen.getByRole('link', { name: /Enter the age as a whole number/ })).toBeTruthy();
    expect(document.activeElement?.classList.contains('error-summary')).toBe(true);
    expect(screen.getByLabelText('Or near a postcode').getAttribute('aria-describedby')).toContain(
      'filter-postcode-error',
    );
  });

  it('has no accessibility problems that axe can find, with or without errors', async () => {
    const { container } = render(
      <main>
        <FilterPanel
          id="filters"
          filters={{ free: true }}
          words={words}
          onChange={() => {}}
          onApplied={() => {}}
          activeCount={1}
          onClear={() => {}}
        />
      </main>,
    );
    const rules = { 'color-contrast': { enabled: false } };
    expect((await axe.run(container, { rules })).violations.map((v) => v.id)).toEqual([]);
    fireEvent.input(screen.getByLabelText('Age'), { target: { value: '300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('alert');
    expect((await axe.run(container, { rules })).violations.map((v) => v.id)).toEqual([]);
  });
});
