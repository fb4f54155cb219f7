import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorSummary, type ErrorItem } from '../../src/app/components/error-summary.tsx';

const TITLE = 'There is a problem';
const POSTCODE: ErrorItem = { field: 'postcode', message: 'Enter a postcode in Essex' };
const WHO: ErrorItem = { field: 'who', message: 'Select who the support is for' };

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A form like the filters: a text box with its own label among other places, and radios under a question. */
function Form(props: { errors: ErrorItem[]; attempt?: number }) {
  return (
    <main>
      <ErrorSummary title={TITLE} errors={props.errors} attempt={props.attempt} />
      <fieldset>
        <legend>Where</legend>
        <label for="district">District</label>
        <select id="district" />
        <label for="postcode">Postcode</label>
        <input id="postcode" type="text" />
      </fieldset>
      <fieldset>
        <legend>Who is the support for?</legend>
        <input id="who" type="radio" name="who" value="me" />
        <label for="who">Me</label>
        <input id="who-2" type="radio" name="who" value="someone" />
        <label for="who-2">Someone I care for</label>
      </fieldset>
      <button type="submit">Continue</button>
    </main>
  );
}

function summary(): HTMLElement {
  return screen.getByRole('heading', { name: TITLE }).closest<HTMLElement>('.error-summary')!;
}

function focusContinue(): void {
  screen.getByRole('button', { name: 'Continue' }).focus();
}

describe('the error summary', () => {
  it('shows nothing while there are no errors, and takes no focus', () => {
    render(<Form errors={[]} attempt={1} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
    expect(document.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });

  it('says "There is a problem" in an alert, named by its heading, and axe finds nothing wrong', async () => {
    const { container } = render(<Form errors={[POSTCODE, WHO]} attempt={1} />);
    expect(screen.getByRole('alert').textContent).toContain(TITLE);
    const name = document.getElementById(summary().getAttribute('aria-labelledby')!);
    expect(name?.tagName).toBe('H2');
    expect(name?.textContent).toBe(TITLE);
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Enter a postcode in Essex',
      'Select who the support is for',
    ]);
    const results = await axe.run(container);
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('gives each summary on a page a heading id of its own', () => {
    render(
      <main>
        <ErrorSummary title="First problem" errors={[POSTCODE]} />
        <ErrorSummary title="Second problem" errors={[WHO]} />
      </main>,
    );
    const names = [...document.querySelectorAll('.error-summary')].map((box) =>
      box.getAttribute('aria-labelledby'),
    );
    expect(new Set(names).size).toBe(2);
    expect(document.getElementById(names[1]!)?.textContent).toBe('Second problem');
  });

  it('takes focus when errors appear, and again on each failed submit that counts an attempt', () => {
    const { rerender } = render(<Form errors={[]} attempt={0} />);
    expect(document.activeElement).toBe(document.body);

    rerender(<Form errors={[POSTCODE]} attempt={1} />);
    expect(document.activeElement).toBe(summary());

    // The same attempt drawn again (typing elsewhere re-renders the page) must not pull focus back.
    focusContinue();
    rerender(<Form errors={[POSTCODE]} attempt={1} />);
    expect(document.activeElement?.textContent).toBe('Continue');

    rerender(<Form errors={[POSTCODE]} attempt={2} />);
    expect(document.activeElement).toBe(summary());
  });

  it('without an attempt count, takes focus again for each new list of errors', () => {
    const errors = [POSTCODE];
    const { rerender } = render(<Form errors={errors} />);
    expect(document.activeElement).toBe(summary());

    focusContinue();
    rerender(<Form errors={errors} />);
    expect(document.activeElement?.textContent).toBe('Continue');

    rerender(<Form errors={[{ ...POSTCODE }]} />);
    expect(document.activeElement).toBe(summary());
  });

  it('moves focus to a text box from its link, bringing its own label into view', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    render(<Form errors={[POSTCODE]} attempt={1} />);
    const link = screen.getByRole('link', { name: 'Enter a postcode in Essex' });
    expect(link.getAttribute('href')).toBe('#postcode');

    const followed = fireEvent.click(link);
    expect(followed).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Postcode' }));
    expect(scrolled.mock.contexts).toEqual([screen.getByText('Postcode')]);
  });

  it('moves focus to the first radio from its link, bringing the question in the legend into view', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    render(<Form errors={[WHO]} attempt={1} />);

    fireEvent.click(screen.getByRole('link', { name: 'Select who the support is for' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Me' }));
    expect(scrolled.mock.contexts).toEqual([screen.getByText('Who is the support for?')]);
  });

  it('leaves a link to a page elsewhere as a plain link', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    const elsewhere: ErrorItem = { field: 'who', message: 'Answer who it is for', href: '/feedback/who' };
    render(<Form errors={[elsewhere]} attempt={1} />);
    const link = screen.getByRole('link', { name: 'Answer who it is for' });
    expect(link.getAttribute('href')).toBe('/feedback/who');

    const followed = fireEvent.click(link);
    expect(followed).toBe(true);
    expect(document.activeElement).toBe(summary());
    expect(scrolled).not.toHaveBeenCalled();
  });
});
