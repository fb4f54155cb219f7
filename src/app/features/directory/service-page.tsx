import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { Icon } from '../../components/icons.tsx';
import { Page } from '../../components/page.tsx';
import { SaveButton } from '../my-list/save-button.tsx';
import { DirectoryNotice, SampleNotice } from './directory-notice.tsx';
import { needsChecking } from './freshness.ts';
import { dateWords, type Words } from './opening-words.ts';
import { servicePath } from './result-card.tsx';
import { ContactActions, OpeningTimes, WhereSection } from './service-details.tsx';
import { FeedText } from './feed-text.tsx';
import {
  CostSection,
  DeliverySection,
  DescriptionSection,
  LanguagesSection,
  NoContact,
  WhoForSection,
} from './service-sections.tsx';
import { useDirectoryInfo } from './use-directory.ts';
import { useDirectoryWords } from './use-words.ts';
import './directory.css';
import { displayNames } from '../../i18n/intl.ts';

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

/** Everything about one service, from the directory on this device. */
function ServiceDetail(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t, locale } = words;
  const now = new Date();
  const languages = languageNames(service.languages, locale);
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
