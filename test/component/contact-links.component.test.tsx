import { cleanup, render } from '@testing-library/preact';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enDirectory from '../../locales/en/directory.json';
import enInclusion from '../../locales/en/inclusion.json';
import enMyList from '../../locales/en/my-list.json';
import { ContactActions } from '../../src/app/features/directory/service-details.tsx';
import { ServiceSummary } from '../../src/app/features/my-list/service-summary.tsx';
import { ServiceKeyFacts } from '../../src/app/inclusion/service-key-facts.tsx';
import { makeService } from '../support/make-services.ts';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: {
      en: { common: enCommon, directory: enDirectory, inclusion: enInclusion, 'my-list': enMyList },
    },
    ns: ['common', 'directory', 'inclusion', 'my-list'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});
afterEach(() => cleanup());

const words = (ns: string) => ({ t: i18next.getFixedT('en', ns), locale: 'en-GB' });

/** Every way a service's contact details appear: its page, its Easy Read key facts, and the saved list. */
function renderEverywhere(service: ReturnType<typeof makeService>): HTMLAnchorElement[] {
  const views = [
    render(<ContactActions service={service} words={words('directory')} />),
    render(<ServiceKeyFacts service={service} />),
    render(
      <ServiceSummary
        service={{ ...service, phone: undefined }}
        words={words('my-list')}
        directoryWords={words('directory')}
        now={new Date('2025-03-03T10:00:00Z')}
      />,
    ),
  ];
  return views.flatMap((view) => [...view.container.querySelectorAll('a')]);
}

describe('contact links from the directory', () => {
  it('never turn a feed email into a mail with a copy, a subject or a body', () => {
    const hostile = 'help?body=Send%20us%20your%20bank%20details&cc=someone@else.example';
    const links = renderEverywhere(makeService({ name: 'Hostile', email: hostile, phone: '01632 960 001' }));
    const mail = links.filter((a) => a.getAttribute('href')?.startsWith('mailto:'));
    expect(mail).toEqual([]);
    for (const link of links) expect(link.getAttribute('href')).not.toContain('cc=');
  });

  it('link a real address by encoding it, so its + and accents reach the right inbox', () => {
    const links = renderEverywhere(makeService({ name: 'Carers', email: 'carers+help@example.org' }));
    const mail = links.map((a) => a.getAttribute('href')).filter((href) => href?.startsWith('mailto:'));
    expect(mail.length).toBe(3);
    expect(new Set(mail)).toEqual(new Set(['mailto:carers%2Bhelp@example.org']));
  });

  it('dial digits only, and offer no call link for something that is not a number', () => {
    const good = renderEverywhere(makeService({ name: 'Line', phone: '(+44) 1632 960 001 ext. 12' }));
    const dialled = good.map((a) => a.getAttribute('href')).filter((href) => href?.startsWith('tel:'));
    expect(new Set(dialled)).toEqual(new Set(['tel:+441632960001;ext=12']));
    const bad = renderEverywhere(makeService({ name: 'Odd', phone: '01632 960001;phone-context=x' }));
    expect(bad.filter((a) => a.getAttribute('href')?.startsWith('tel:'))).toEqual([]);
  });

  it('link only web addresses, never a script', () => {
    const links = renderEverywhere(makeService({ name: 'Script', url: 'javascript:alert(1)' }));
    expect(links.filter((a) => a.getAttribute('href')?.startsWith('javascript:'))).toEqual([]);
  });
});
