import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DistrictSelect } from '../../src/app/components/district-select.tsx';
import { DISTRICTS } from '../../src/domain/service-terms.ts';

afterEach(cleanup);

/** The select under a label, as each page that asks for a district has it. */
function renderSelect(props: Partial<Parameters<typeof DistrictSelect>[0]> = {}) {
  const onChange = vi.fn();
  render(
    <>
      <label for="where">Which district?</label>
      <DistrictSelect
        id="where"
        value=""
        none="Not sure"
        nameOf={(district) => `District ${district}`}
        onChange={onChange}
        {...props}
      />
    </>,
  );
  return { select: screen.getByRole<HTMLSelectElement>('combobox', { name: 'Which district?' }), onChange };
}

describe('DistrictSelect', () => {
  it('offers the caller’s empty choice first, then every district in its caller’s words', () => {
    const { select } = renderSelect();
    const options = [...select.options].map((option) => [option.value, option.textContent]);
    expect(options).toEqual([
      ['', 'Not sure'],
      ...DISTRICTS.map((district) => [district, `District ${district}`]),
    ]);
    expect(select.value).toBe('');
  });

  it('shows the district it is given and says which district was chosen, or none', () => {
    const { select, onChange } = renderSelect({ value: 'maldon' });
    expect(select.value).toBe('maldon');
    fireEvent.change(select, { target: { value: 'tendring' } });
    expect(onChange).toHaveBeenLastCalledWith('tendring');
    fireEvent.change(select, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('carries the name and the error it is described by only when given them', () => {
    const { select } = renderSelect({ name: 'district', describedBy: 'where-error' });
    expect(select.getAttribute('name')).toBe('district');
    expect(select.getAttribute('aria-describedby')).toBe('where-error');
    cleanup();
    const { select: plain } = renderSelect();
    expect(plain.hasAttribute('name')).toBe(false);
    expect(plain.hasAttribute('aria-describedby')).toBe(false);
  });
});
