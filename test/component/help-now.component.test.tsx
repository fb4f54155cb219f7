import { cleanup, render, within } from '@testing-library/preact';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enFeedback from '../../locales/en/feedback.json';
import { HelpNow } from '../../src/app/components/help-now.tsx';
import { HelpNow as QuestionnaireHelpNow } from '../../src/app/features/feedback/help-now.tsx';
import { COUNCIL_CONTACTS, NATIONAL_HELPLINES } from '../../src/domain/council-contacts.ts';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { common: enCommon, feedback: enFeedback } },
    defaultNS: 'common',
  });
});

afterEach(cleanup);

const dialled = (container: Element) =>
  [...container.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));

describe('"Need help now?"', () => {
  it('lists every national line first, then the council, in the panel guided help and search share', () => {
    const { container } = render(<HelpNow />);
    expect(dialled(container)).toEqual([
      'tel:999',
      'tel:111',
      'tel:116123',
      'tel:+448082000247',
      `tel:${COUNCIL_CONTACTS.adultSocialCare.dial}`,
      `tel:${COUNCIL_CONTACTS.safeguarding.dial}`,
      `tel:${COUNCIL_CONTACTS.outOfHours.dial}`,
    ]);
    const panel = within(container as HTMLElement);
    expect(panel.getByText(/call 111 and choose option 2/)).toBeTruthy();
    expect(panel.getByRole('link', { name: 'Call 116 123' })).toBeTruthy();
    expect(panel.getByRole('link', { name: 'Call 0808 2000 247' })).toBeTruthy();
  });

  it('shows the same national lines on the questionnaire safety step, from the same list', () => {
    const { container } = render(<QuestionnaireHelpNow t={i18next.t} mode="self" />);
    const national = NATIONAL_HELPLINES.map((line) => `tel:${line.dial}`);
    expect(dialled(container).slice(0, national.length)).toEqual(national);
    const panel = within(container as HTMLElement);
    expect(panel.getByRole('heading', { name: 'Someone to talk to, day or night' })).toBeTruthy();
    expect(panel.getByRole('heading', { name: 'Domestic abuse' })).toBeTruthy();
    expect(panel.getByText(/choose option 2/)).toBeTruthy();
  });
});
