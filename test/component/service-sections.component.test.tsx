import { cleanup, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import arCommon from '../../locales/ar/common.json';
import arDirectory from '../../locales/ar/directory.json';
import enCommon from '../../locales/en/common.json';
import enDirectory from '../../locales/en/directory.json';
import { FeedText } from '../../src/app/features/directory/feed-text.tsx';
import type { Words } from '../../src/app/features/directory/opening-words.ts';
import { formatNumber } from '../../src/app/features/directory/use-words.ts';
import { ResultCard } from '../../src/app/features/directory/result-card.tsx';
import { WhereSection } from '../../src/app/features/directory/service-details.tsx';
import {
  CostSection,
  DeliverySection,
  DescriptionSection,
  LanguagesSection,
  NoContact,
  WhoForSection,
} from '../../src/app/features/directory/service-sections.tsx';
import type { RichText } from '../../src/domain/rich-text.ts';
import type { Service } from '../../src/domain/service.ts';
import { makeService } from '../support/make-services.ts';

let en: Words;
let ar: Words;

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: {
      en: { common: enCommon, directory: enDirectory },
      ar: { common: arCommon, directory: arDirectory },
    },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  en = { t: i18next.getFixedT('en', ['directory', 'common']) as TFunction, locale: 'en-GB' };
  ar = { t: i18next.getFixedT('ar', ['directory', 'common']) as TFunction, locale: 'ar' };
});

afterEach(cleanup);

const BLOCKS: RichText = [
  { p: [{ strong: 'What we offer' }] },
  { p: ['Tea & a chat.\nEvery Monday.'] },
  { ul: [['Advice'], ['Peer support']] },
  { ol: [['Ring us'], ['Come along']] },
  {
    p: [
      'See ',
      { href: 'https://carers.example.org/', text: 'our website' },
      ', ',
      { href: 'mailto:hello@carers.example.org', text: 'email us' },
      ' or ',
      { href: 'javascript:alert(1)', text: 'click here' },
      '.',
    ],
  },
];

/** A service the feed said almost nothing about. */
const silent: Service = makeService({
  name: 'Tuesday Drop-in',
  description: '',
  free: false,
  delivery: [],
  languages: [],
  locations: [],
  districts: [],
  organization: '',
});

const rules = { 'color-contrast': { enabled: false } };

describe('a feed description on the page', () => {
  it('draws paragraphs, line breaks, lists and bold lead-ins as elements, and links only safe addresses', () => {
    const { container } = render(<FeedText text="ignored when there is structure" blocks={BLOCKS} />);
    expect(container.querySelector('strong')?.textContent).toBe('What we offer');
    expect(container.querySelectorAll('br')).toHaveLength(1);
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual([
      'Advice',
      'Peer support',
    ]);
    expect([...container.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual([
      'Ring us',
      'Come along',
    ]);
    const links = screen.getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['our website', 'https://carers.example.org/'],
      ['email us', 'mailto:hello@carers.example.org'],
    ]);
    expect(container.textContent).toContain('or click here.');
    expect(container.innerHTML).not.toContain('javascript');
  });

  it('keeps the line breaks and paragraphs of plain text', () => {
    const { container } = render(<FeedText text={'Open to all.\nBring a friend.\n\nFree parking.'} />);
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.querySelectorAll('br')).toHaveLength(1);
    expect(paragraphs[0]?.textContent).toBe('Open to all.Bring a friend.');
  });

  it('shows tags a feed wrote as words, never as markup', () => {
    const { container } = render(<FeedText text={'<img src=x onerror=alert(1)> & <b>bold</b>'} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> & <b>bold</b>');
  });
});

describe('what the page says when the feed says nothing', () => {
  it('says "not given" and what to do, for every empty field', () => {
    render(
      <main>
        <DescriptionSection service={silent} words={en} />
        <WhoForSection service={silent} words={en} />
        <DeliverySection service={silent} words={en} />
        <CostSection service={silent} words={en} />
        <WhereSection service={silent} words={en} />
        <LanguagesSection languages={[]} words={en} />
        <NoContact service={silent} words={en} />
      </main>,
    );
    for (const text of [
      'The directory does not say what this service offers. Contact the service to ask.',
      'The directory does not say who can use this service. Contact the service to ask.',
      'The directory does not say how you get this service. Contact the service to ask.',
      'The directory does not say what this service costs. Contact the service to ask about cost.',
      'The directory does not say where this service runs. Contact the service to ask.',
      'The directory does not say which languages are spoken. Ask the service if you need help in your language.',
      'The directory gives no phone number, email or website for this service. If you know them, report a problem with this listing.',
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.queryByText(/There is a charge/)).toBeNull();
  });

  it('says it in Arabic too, and axe finds nothing in either language', async () => {
    for (const words of [en, ar]) {
      const { container } = render(
        <main>
          <CostSection service={silent} words={words} />
          <WhoForSection service={silent} words={words} />
        </main>,
      );
      expect(container.textContent).toContain(words.t('service.costNotGiven'));
      expect((await axe.run(container, { rules })).violations.map((v) => v.id)).toEqual([]);
      cleanup();
    }
    expect(ar.t('service.costNotGiven')).not.toBe(en.t('service.costNotGiven'));
  });

  it('calls an amount a charge, and other words about cost only what they say', () => {
    render(<CostSection service={{ ...silent, cost: '£3 per session' }} words={en} />);
    expect(screen.getByText('There is a charge')).toBeTruthy();
    expect(screen.getByText('£3 per session')).toBeTruthy();
    cleanup();
    render(<CostSection service={{ ...silent, cost: 'Donations welcome' }} words={en} />);
    expect(screen.queryByText('There is a charge')).toBeNull();
    expect(screen.getByText('What the service says about cost:')).toBeTruthy();
  });
});

describe('who it is for', () => {
  it('shows the groups in the page language, then the feed’s own words marked as English', async () => {
    const service = makeService({
      name: 'Friday Friends',
      whoFor: ['learning-disability'],
      minAge: 18,
      audience: ['Learning Disabilities', 'Adults 18+'],
      eligibility: 'Adults aged 18 and over with a learning disability.\nCarers get in free.',
    });
    const { container } = render(
      <main>
        <WhoForSection service={service} words={ar} />
      </main>,
    );
    const section = within(container.querySelector('section')!);
    expect(section.getByText(ar.t('whoFor.learning-disability'))).toBeTruthy();
    expect(section.getByText(ar.t('service.agesFrom', { from: formatNumber(18, 'ar') }))).toBeTruthy();
    const english = container.querySelectorAll('[lang="en-GB"]');
    expect([...english].map((node) => node.textContent)).toEqual([
      'Learning Disabilities and Adults 18+',
      'Adults aged 18 and over with a learning disability.Carers get in free.',
    ]);
    expect((await axe.run(container, { rules })).violations.map((v) => v.id)).toEqual([]);
  });
});

describe('where, on the page and on a result card', () => {
  it('says a national service and a phone-or-online one are such, not "in no district"', () => {
    const national = makeService({
      name: 'Carers Advice Line',
      national: true,
      countyWide: true,
      locations: [],
    });
    const online = makeService({
      name: 'Online Carers Forum',
      onlineOnly: true,
      countyWide: true,
      locations: [],
    });
    render(<WhereSection service={national} words={en} />);
    expect(screen.getByText('For people anywhere in the country, including Essex.')).toBeTruthy();
    cleanup();
    render(<WhereSection service={online} words={en} />);
    expect(screen.getByText('By phone or online only: there is no place to visit.')).toBeTruthy();
    expect(screen.queryByText('Covers all of Essex')).toBeNull();
    cleanup();
    const now = new Date('2026-12-01T10:00:00Z');
    render(
      <ul>
        <ResultCard item={{ service: national, countyWide: true }} words={en} now={now} />
        <ResultCard item={{ service: { ...online, free: false }, countyWide: true }} words={en} now={now} />
      </ul>,
    );
    expect(screen.getByText('Anywhere in the country')).toBeTruthy();
    expect(screen.getByText('By phone or online')).toBeTruthy();
    expect(screen.getByText('Cost not given')).toBeTruthy();
  });
});
