import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { localeBackend } from '../../src/app/i18n/locale-backend.ts';
import { parseEasyLines, plainEasyText } from '../../src/app/inclusion/easy-read.ts';
import { chooseVoice } from '../../src/app/inclusion/voice.ts';

describe('Easy Read lines', () => {
  it('reads one idea a line, each with the picture named at its start', () => {
    expect(parseEasyLines('[phone] You can call us.\n[email] Or send an email.')).toEqual([
      { pictogram: 'phone', text: 'You can call us.' },
      { pictogram: 'email', text: 'Or send an email.' },
    ]);
  });

  it('leaves text in other languages as it is, brackets and all', () => {
    expect(parseEasyLines('Call us [free] on 0800.')).toEqual([{ text: 'Call us [free] on 0800.' }]);
    expect(plainEasyText('[home] Go home.\n[tick] Done.')).toBe('Go home. Done.');
  });
});

const voice = (lang: string, localService: boolean, isDefault = false) => ({
  lang,
  localService,
  default: isDefault,
  name: `${lang}${localService ? ' local' : ' network'}`,
});

describe('choosing a voice to read aloud', () => {
  const voices = [
    voice('en-US', true, true),
    voice('en-GB', false),
    voice('en-GB', true),
    voice('pl-PL', false),
    voice('ar_SA', true),
  ];

  it('prefers a voice on the device, in the same region', () => {
    expect(chooseVoice(voices, 'en-GB', true)?.name).toBe('en-GB local');
  });

  it('matches the language when the region differs or is missing', () => {
    expect(chooseVoice(voices, 'ar', true)?.name).toBe('ar_SA local');
  });

  it('uses a voice that needs the network only while online', () => {
    expect(chooseVoice(voices, 'pl', true)?.name).toBe('pl-PL network');
    expect(chooseVoice(voices, 'pl', false)).toBeUndefined();
  });

  it('finds nothing for a language the device cannot speak, so the button stays hidden', () => {
    expect(chooseVoice(voices, 'ur', true)).toBeUndefined();
  });
});

describe('loading the words of a language', () => {
  const files: Record<string, Record<string, unknown>> = {
    'en/common': { hello: 'Hello' },
    'en/parts': { title: 'My list' },
    'lt/common': {
      _meta: { status: 'awaiting native-speaker review', translatedFrom: 'en', date: '2026-11-24' },
      hello: 'Labas',
    },
  };
  const loaders = Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path, () => Promise.resolve({ default: text })]),
  );

  it('shows English, quietly, for a part not yet translated, and never the translators’ notes', async () => {
    const i18n = i18next.createInstance();
    const failures: string[] = [];
    i18n.on('failedLoading', (lng, ns) => failures.push(`${lng}/${ns}`));
    await i18n.use(localeBackend(loaders, (lng, ns) => `${lng}/${ns}`)).init({
      lng: 'lt',
      fallbackLng: 'en',
      ns: ['common', 'parts'],
      defaultNS: 'common',
    });
    expect(i18n.t('hello')).toBe('Labas');
    expect(i18n.t('parts:title')).toBe('My list');
    expect(i18n.getResourceBundle('lt', 'common')).toEqual({ hello: 'Labas' });
    expect(failures).toEqual([]);
  });
});
