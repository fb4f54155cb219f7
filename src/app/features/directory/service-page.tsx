import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { Icon } from '../../components/icons.tsx';
import { Page } from '../../components/page.tsx';
import { SaveButton } from '../my-list/save-button.tsx';
import { DirectoryNotice, SampleNotice } from './directory-notice.tsx';
import { needsChecking } from './freshness.ts';
import { dateWords, listWords, type Words } from './opening-words.ts';
import { servicePath } from './result-card.tsx';
import { ContactActions, OpeningTimes, WhereSection } from './service-details.tsx';
import { useDirectoryInfo } from './use-directory.ts';
import { formatNumber, useDirectoryWords } from './use-words.ts';
import './directory.css';
import { displayNames } from '../../i18n/intl.ts';

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function ages(service: Service, words: Words): string | undefined {
  const { t, locale } = words;
  const { minAge, maxAge } = service;
  const n = (age: number) => formatNumber(age, locale);
  if (minAge !== undefined && maxAge !== undefined)
    return t('service.ages', { from: n(minAge), to: n(maxAge) });
  if (minAge !== undefined) return t('service.agesFrom', { from: n(minAge) });
  if (maxAge !== undefined) return t('service.agesTo', { to: n(maxAge) });
  return undefined;
}

function languageNames(codes: readonly string[], locale: string): string[] {
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

/** Everything about one service, from the directory on this device. */
function ServiceDetail(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t, locale } = words;
  const now = new Date();
  const age = ages(service, words);
  const languages = languageNames(service.languages, locale);
  return (
    <Page title={service.name}>
      <p class="lead service-detail__org">
        {t('results.runBy')} <bdi lang="en-GB">{service.organization}</bdi>
      </p>
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
      <SaveButton service={service} />

      <section aria-labelledby="service-offers">
        <h2 id="service-offers">{t('service.offers')}</h2>
        <div lang="en-GB" dir="auto">
          {paragraphs(service.description).map((text, index) => (
            <p key={index}>{text}</p>
          ))}
        </div>
      </section>

      <section aria-labelledby="service-who">
        <h2 id="service-who">{t('service.whoFor')}</h2>
        <ul class="bullets">
          {service.whoFor.length === 0 ? <li>{t('service.anyone')}</li> : null}
          {service.whoFor.map((who) => (
            <li key={who}>{t(`whoFor.${who}`)}</li>
          ))}
          {age ? <li>{age}</li> : null}
        </ul>
      </section>

      {service.delivery.length > 0 ? (
        <section aria-labelledby="service-delivery">
          <h2 id="service-delivery">{t('service.delivery')}</h2>
          <ul class="service-ways">
            {service.delivery.map((way) => (
              <li key={way}>
                <Icon name={way} />
                <span>{t(`delivery.${way}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {service.applicationProcess ? (
        <section aria-labelledby="service-start">
          <h2 id="service-start">{t('service.howToStart')}</h2>
          <div lang="en-GB" dir="auto">
            {paragraphs(service.applicationProcess).map((text, index) => (
              <p key={index}>{text}</p>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="service-cost">
        <h2 id="service-cost">{t('service.cost')}</h2>
        <p>{t(service.free ? 'service.free' : service.cost ? 'results.charge' : 'service.charge')}</p>
        {service.cost ? (
          <p lang="en-GB" dir="auto">
            {service.cost}
          </p>
        ) : null}
      </section>

      <OpeningTimes service={service} words={words} now={now} />
      <WhereSection service={service} words={words} />

      {languages.length > 0 ? (
        <section aria-labelledby="service-languages">
          <h2 id="service-languages">{t('service.languages')}</h2>
          <p>{listWords(languages, locale)}</p>
        </section>
      ) : null}

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
    </Page>
  );
}

type Lookup = { id: string; revision?: string; service?: Service } | undefined;

/** `/services/:id`: a service's page, offline from the directory on this device. */
export function ServicePage(props: { id?: string; params?: { id?: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const words = useDirectoryWords();
  const { t, ready } = words;
  const info = useDirectoryInfo();
  const [lookup, setLookup] = useState<Lookup>(undefined);

  useEffect(() => {
    if (info.status !== 'ready') return;
    let live = true;
    void getServicesByIds([id]).then(([service]) => {
      if (live) setLookup({ id, revision: info.revision, ...(service ? { service } : {}) });
    });
    return () => {
      live = false;
    };
  }, [id, info.status, info.revision]);

  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  const current = lookup?.id === id ? lookup : undefined;
  if (current?.service) return <ServiceDetail service={current.service} words={words} />;
  if (info.status === 'error') {
    return (
      <Page title={t('service.unavailableTitle')}>
        <DirectoryNotice info={info} words={words} />
      </Page>
    );
  }
  if (info.status !== 'empty' && !current) return <p class="loading">{t('directory.loading')}</p>;
  return (
    <Page title={t('service.notFoundTitle')}>
      <p>{t('service.notFoundBody')}</p>
      <p>
        <a class="action-link tap-target" href="/search">
          {t('service.searchLink')}
        </a>
      </p>
    </Page>
  );
}
