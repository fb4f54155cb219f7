import { act, cleanup, render, screen } from '@testing-library/preact';
import i18next, { type BackendModule } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTranslation } from '../../src/app/i18n/use-translation.ts';

/**
 * A page loading one namespace's words redraws only the components that show that namespace: the
 * results page's header, footer and notices were drawn again each time another part's words came in.
 */

const WORDS: Record<string, Record<string, string>> = {
  common: { hello: 'Hello' },
  directory: { title: 'Find support' },
  guided: { title: 'Get help choosing' },
};

/** Words served on request, as the app's lazy backend serves its locale files. */
const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(_language, namespace, callback) {
    setTimeout(() => callback(null, WORDS[namespace] ?? {}), 0);
  },
};

const drawn = { directory: 0, plain: 0 };

function DirectoryWords() {
  const { t, ready } = useTranslation('directory');
  drawn.directory += 1;
  return <p>{ready ? t('title') : 'Loading'}</p>;
}

function CommonWords() {
  const { t } = useTranslation();
  drawn.plain += 1;
  return <p>{t('hello')}</p>;
}

beforeAll(async () => {
  await i18next.use(backend).init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: ['en'],
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

afterAll(() => cleanup());

describe('useTranslation', () => {
  it('draws a component again when its own words load, and not when another namespace loads', async () => {
    render(
      <>
        <CommonWords />
        <DirectoryWords />
      </>,
    );
    expect(await screen.findByText('Find support')).toBeTruthy();
    expect(screen.getByText('Hello')).toBeTruthy();

    drawn.directory = 0;
    drawn.plain = 0;
    // `act` flushes whatever redraws the load set off before the counts are read.
    await act(() => i18next.loadNamespaces('guided'));
    expect(i18next.hasLoadedNamespace('guided')).toBe(true);
    expect(drawn).toEqual({ directory: 0, plain: 0 });
  });
});
