import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { Icon } from '../../components/icons.tsx';
import { Page } from '../../components/page.tsx';
import { displayNames } from '../../i18n/intl.ts';
import { SaveButton } from '../my-list/save-button.tsx';
import { SampleNotice } from './directory-notice.tsx';
import { FeedText } from './feed-text.tsx';
import { needsChecking } from './freshness.ts';
import { dateWords, type Words } from './opening-words.ts';
import { servicePath } from './result-card.tsx';
import { ContactActions, OpeningTimes, WhereSection } from './service-details.tsx';
import {
  CostSection,
  DeliverySection,
  DescriptionSection,
  LanguagesSection,
  NoContact,
  WhoForSection,
} from './service-sections.tsx';

function languageNames(codes: readonly string[], locale: string): string[] {
  // Making the first Intl.DisplayNames reads its data, tens of milliseconds on a phone: only when needed.
  if (codes.length === 0) return [];
  let names: Intl.DisplayNames | undefined;
  try {
    names = displayNames(locale, { type: 'language' });
  } catch {
    names = undefined;
  }
  return codes.map((code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  });
}

/**
 * How much of a service's page may be drawn: 0, its first part; then one more part in each task after
 * the last has painted, up to `parts`. Drawn in one go, the whole page (opening times, places, languages,
 * dates in the page's language) held a mid-range phone's main thread for well over a frame before
 * anything of the service showed, and the rest in one task still did after it.
 */
function usePartsDrawn(id: string, parts: number): number {
  const [drawn, setDrawn] = useState<{ id: string; parts: number }>();
  const count = drawn?.id === id ? drawn.parts : 0;
  useEffect(() => {
    if (count >= parts) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn({ id, parts: count + 1 }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [id, count, parts]);
  return count;
}

/** Everything about one service, from the directory on this device: what it is and how to reach it first. */
export function ServiceDetail(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t, locale } = words;
  const drawn = usePartsDrawn(service.id, 2);
  return (
    <Page title={service.name}>
      {service.organization ? (
        <p class="lead service-detail__org">
          {t('results.runBy')} <bdi lang="en-GB">{service.organization}</bdi>
        </p>
      ) : (
        <p class="meta service-detail__org">{t('service.organizationNotGiven')}</p>
      )}
      {service.sample ? <SampleNotice text={t('service.sampleNote')} /> : null}
      {!locale.toLowerCase().startsWith('en') ? (
        <p class="inset inset--info">{t('service.englishNote')}</p>
      ) : null}

      {service.alert ? (
        <p class="inset inset--error inset--with-icon service-detail__warning">
          <Icon name="warning" />
          <span>
            <strong>{t('service.alert')}</strong>{' '}
            <span lang="en-GB" dir="auto">
              {service.alert}
            </span>
          </span>
        </p>
      ) : null}

      <ContactActions service={service} words={words} />
      <NoContact service={service} words={words} />
      <SaveButton service={service} />

      <DescriptionSection service={service} words={words} />
      {drawn >= 1 ? <ServiceRest service={service} words={words} /> : null}
      {drawn >= 2 ? <ServiceWhenWhere service={service} words={words} /> : null}
    </Page>
  );
}

/** Who it is for, how it is given, how to start and what it costs. */
function ServiceRest(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t } = words;
  return (
    <>
      <WhoForSection service={service} words={words} />
      <DeliverySection service={service} words={words} />

      {service.applicationProcess ? (
        <section aria-labelledby="service-start">
          <h2 id="service-start">{t('service.howToStart')}</h2>
          <div lang="en-GB" dir="auto">
            <FeedText text={service.applicationProcess} />
          </div>
        </section>
      ) : null}

      <CostSection service={service} words={words} />
    </>
  );
}

/** Opening times, where, languages and how fresh the details are: the parts worked out with Intl. */
function ServiceWhenWhere(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t, locale } = words;
  const now = new Date();
  const languages = languageNames(service.languages, locale);
  return (
    <>
      <OpeningTimes service={service} words={words} now={now} />
      <WhereSection service={service} words={words} />

      <LanguagesSection languages={languages} words={words} />

      <div class="service-detail__checked">
        {service.lastChecked ? (
          <p class="meta">{t('service.lastChecked', { date: dateWords(service.lastChecked, locale) })}</p>
        ) : (
          <p class="meta">{t('service.neverChecked')}</p>
        )}
        {!service.lastChecked || needsChecking(service.lastChecked, now) ? (
          <p class="inset inset--error inset--with-icon service-detail__warning">
            <Icon name="warning" />
            <strong>{t('service.checkWarning')}</strong>
          </p>
        ) : null}
      </div>
      <p>
        <a class="action-link tap-target" href={`${servicePath(service.id)}/report`}>
          {t('service.report')}
        </a>
      </p>
    </>
  );
}
