import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enInclusion from '../../locales/en/inclusion.json';
import easyCommon from '../../locales/en-easy/common.json';
import easyInclusion from '../../locales/en-easy/inclusion.json';
import plInclusion from '../../locales/pl/inclusion.json';
import { useTranslation } from '../../src/app/i18n/use-translation.ts';
import {
  readDisplaySettings,
  saveDisplaySettings,
  STANDARD_DISPLAY,
} from '../../src/app/inclusion/display.ts';
import { EasyText } from '../../src/app/inclusion/easy-text.tsx';
import { EnglishOnlyNote } from '../../src/app/inclusion/english-only-note.tsx';
import { ServiceKeyFacts } from '../../src/app/inclusion/service-key-facts.tsx';
import { makeLocation, makeService } from '../support/make-services.ts';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    lowerCaseLng: true,
    supportedLngs: ['en', 'en-easy', 'pl'],
    resources: {
      en: { common: enCommon, inclusion: enInclusion },
      'en-easy': { common: easyCommon, inclusion: easyInclusion },
      pl: { inclusion: plInclusion },
    },
    ns: ['common', 'inclusion'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const carersCafe = makeService({
  name: "Chelmsford Carers' Café",
  summary: 'A friendly monthly café where unpaid carers meet others who understand.',
  description: 'Tea, cake and peer support for carers.',
  whoFor: ['carer-self', 'older-people'],
  minAge: 18,
  phone: '01632 960 001',
  email: 'cafe@example.org',
  url: 'https://cafe.example.org',
  locations: [makeLocation('chelmsford'), makeLocation('braintree'), makeLocation('colchester')],
  schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opensAt: '09:30', closesAt: '16:00' }],
});

describe('ServiceKeyFacts', () => {
  it('gives what, who, cost, when, where and how to get in touch, each beside a picture', async () => {
    const { container } = render(<ServiceKeyFacts service={carersCafe} />);
    const facts = [...container.querySelectorAll('.key-facts__fact')];
    expect(facts.map((fact) => fact.querySelector('dt')?.textContent)).toEqual([
      'What it is',
      'Who it is for',
      'Cost',
      'When',
      'Where',
      'How to get in touch',
    ]);
    expect(facts.every((fact) => fact.querySelector('svg[aria-hidden="true"]'))).toBe(true);
    const text = container.textContent ?? '';
    expect(text).toContain('A friendly monthly café');
    expect(text).toContain('Carers and Older people');
    expect(text).toContain('Age 18 and over');
    expect(text).toContain('Free');
    expect(text).toContain('Monday to Friday, 9:30 to 16:00');
    expect(text).toContain('3 places in Essex');
    expect(screen.getByRole('link', { name: 'Call 01632 960 001' }).getAttribute('href')).toBe(
      'tel:01632960001',
    );
    await waitFor(() => expect(container.querySelector('.key-facts svg path')).not.toBeNull());
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('speaks Polish around the English from the feed, and marks that English as English', async () => {
    await i18next.changeLanguage('pl');
    const { container } = render(
      <ServiceKeyFacts service={{ ...carersCafe, locations: [makeLocation('harlow')] }} />,
    );
    expect(container.querySelector('h2')?.textContent).toBe('Najważniejsze informacje');
    expect(container.querySelector('[lang="en"]')?.textContent).toContain('A friendly monthly café');
    expect(container.textContent).toContain('poniedziałek–piątek');
    expect(container.textContent).toContain('1 High Street, Harlow');
  });

  it('gives who it is for in the service’s own words when it names no group Signpost knows', async () => {
    await i18next.changeLanguage('pl');
    const { container } = render(
      <ServiceKeyFacts
        service={{
          ...carersCafe,
          whoFor: [],
          minAge: undefined,
          eligibility: 'Adults with sight loss living in Essex. Referral not needed.',
        }}
      />,
    );
    const who = container.querySelectorAll('.key-facts__fact')[1]!;
    expect(who.querySelector('[lang="en"]')?.textContent).toBe('Adults with sight loss living in Essex.');
    expect(who.textContent).not.toContain(plInclusion.keyFacts.whoNotGiven);
    cleanup();
    render(<ServiceKeyFacts service={{ ...carersCafe, whoFor: [], minAge: undefined, audience: [] }} />);
    expect(screen.getByText(plInclusion.keyFacts.whoNotGiven)).toBeTruthy();
  });

  it('uses the plural form each language needs', async () => {
    await i18next.changeLanguage('pl');
    const places = (n: number) =>
      makeService({
        name: 'Walks',
        towns: [],
        locations: Array.from({ length: n }, () => makeLocation('maldon')),
      });
    const counts = [2, 5, 22].map((n) => {
      const { container } = render(<ServiceKeyFacts service={places(n)} />);
      const where = [...container.querySelectorAll('dd')][4]?.textContent;
      cleanup();
      return where;
    });
    expect(counts).toEqual(['2 miejsca w Essex', '5 miejsc w Essex', '22 miejsca w Essex']);
  });
});

describe('EnglishOnlyNote', () => {
  it('says nothing in English, and says the words are English in Polish', async () => {
    const { container } = render(<EnglishOnlyNote />);
    expect(container.textContent).toBe('');
    cleanup();
    await i18next.changeLanguage('pl');
    render(<EnglishOnlyNote />);
    expect(screen.getByText(/Są dostępne tylko po angielsku/)).toBeTruthy();
  });

  it('in Easy Read, says it in short pictured lines', async () => {
    await i18next.changeLanguage('en-easy');
    const { container } = render(<EnglishOnlyNote />);
    expect([...container.querySelectorAll('.easy-line')].map((line) => line.textContent)).toEqual([
      'The service wrote these words.',
      'They are not in Easy Read.',
    ]);
  });
});

describe('EasyText', () => {
  it('is a plain paragraph in English, and pictured lines in Easy Read', async () => {
    const { container } = render(<EasyText i18nKey="home.intro" class="lead" />);
    expect(container.innerHTML).toBe(`<p class="lead">${enCommon.home.intro}</p>`);
    cleanup();
    await i18next.changeLanguage('en-easy');
    const easy = render(<EasyText i18nKey="home.intro" class="lead" />);
    expect(easy.container.querySelectorAll('p.easy-line')).toHaveLength(4);
    expect(easy.container.textContent).not.toContain('[');
  });
});

describe('fallbackLang', () => {
  function Probe() {
    const { fallbackLang } = useTranslation('inclusion', 'common');
    return <p data-lang={fallbackLang ?? 'none'}>probe</p>;
  }

  it('marks words shown in English because a part is not yet translated', async () => {
    await i18next.changeLanguage('pl');
    const { container } = render(<Probe />);
    expect(container.querySelector('p')?.dataset.lang).toBe('en-GB');
    cleanup();
    await i18next.changeLanguage('en-easy');
    expect(render(<Probe />).container.querySelector('p')?.dataset.lang).toBe('none');
  });
});

describe('the remembered display settings', () => {
  const stored = (value: string) => localStorage.setItem('signpost.display', value);
  afterEach(() => localStorage.clear());

  it('reads back what was chosen', () => {
    saveDisplaySettings({ textSize: 'larger', colours: 'contrast' });
    expect(readDisplaySettings()).toEqual({ textSize: 'larger', colours: 'contrast' });
  });

  it('keeps each good choice and puts the standard one in place of anything it does not know', () => {
    stored(JSON.stringify({ textSize: 'huge', colours: 'dark', extra: 1 }));
    expect(readDisplaySettings()).toEqual({ textSize: 'standard', colours: 'dark' });
    stored(JSON.stringify({ textSize: 'large' }));
    expect(readDisplaySettings()).toEqual({ textSize: 'large', colours: 'device' });
  });

  it('shows the standard display when what is stored cannot be read', () => {
    for (const value of ['not json', 'null', '"large"', '[1]']) {
      stored(value);
      expect(readDisplaySettings(), value).toEqual(STANDARD_DISPLAY);
    }
  });
});
