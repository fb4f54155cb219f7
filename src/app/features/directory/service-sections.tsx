/**
 * A service's page: what it offers, who it is for, how you get it and what it costs. Where the feed
 * leaves something out, the page says so and what to do, rather than guessing.
 */
import { mailtoHref, telHref, websiteHref } from '../../../domain/contact.ts';
import { costState } from '../../../domain/cost.ts';
import type { Service } from '../../../domain/service.ts';
import { Icon } from '../../components/icons.tsx';
import { FeedText } from './feed-text.tsx';
import { listWords, type Words } from './opening-words.ts';
import { formatNumber } from './use-words.ts';

/** Words the directory gives in place of a field the feed left empty. */
function NotGiven(props: { text: string }) {
  return <p class="meta">{props.text}</p>;
}

export function DescriptionSection(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t } = words;
  return (
    <section aria-labelledby="service-offers">
      <h2 id="service-offers">{t('service.offers')}</h2>
      {service.description.trim() === '' ? (
        <NotGiven text={t('service.descriptionNotGiven')} />
      ) : (
        <div lang="en-GB" dir="auto" class="service-detail__description">
          <FeedText text={service.description} blocks={service.descriptionBlocks} />
        </div>
      )}
    </section>
  );
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

/**
 * Who it is for: the groups Signpost reads from the feed, in the page's language, with the ages; then
 * the groups and eligibility in the service's own words, marked as English.
 */
export function WhoForSection(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t } = words;
  const age = ages(service, words);
  const audience = service.audience ?? [];
  const known = service.whoFor.length > 0 || age !== undefined;
  return (
    <section aria-labelledby="service-who">
      <h2 id="service-who">{t('service.whoFor')}</h2>
      {known ? (
        <ul class="bullets">
          {service.whoFor.map((who) => (
            <li key={who}>{t(`whoFor.${who}`)}</li>
          ))}
          {age ? <li>{age}</li> : null}
        </ul>
      ) : null}
      {audience.length > 0 ? (
        <p>
          {t('service.audienceSaid')}{' '}
          <span lang="en-GB" dir="auto">
            {listWords(audience, 'en-GB')}
          </span>
        </p>
      ) : null}
      {service.eligibility ? (
        <>
          <p>{t('service.eligibilitySaid')}</p>
          <div lang="en-GB" dir="auto" class="service-detail__eligibility">
            <FeedText text={service.eligibility} />
          </div>
        </>
      ) : null}
      {!known && audience.length === 0 && !service.eligibility ? (
        <NotGiven text={t('service.whoNotGiven')} />
      ) : null}
    </section>
  );
}

export function DeliverySection(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t } = words;
  return (
    <section aria-labelledby="service-delivery">
      <h2 id="service-delivery">{t('service.delivery')}</h2>
      {service.delivery.length === 0 ? (
        <NotGiven text={t('service.deliveryNotGiven')} />
      ) : (
        <ul class="service-ways">
          {service.delivery.map((way) => (
            <li key={way}>
              <Icon name={way} />
              <span>{t(`delivery.${way}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CostSection(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t } = words;
  const state = costState(service);
  return (
    <section aria-labelledby="service-cost">
      <h2 id="service-cost">{t('service.cost')}</h2>
      {state === 'free' ? <p>{t('service.free')}</p> : null}
      {state === 'charge' ? <p>{t('results.charge')}</p> : null}
      {state === 'ask' ? <p>{t('service.costSaid')}</p> : null}
      {state === 'not-given' ? (
        <NotGiven text={t('service.costNotGiven')} />
      ) : service.cost && !/^\s*free\.?\s*$/i.test(service.cost) ? (
        <p lang="en-GB" dir="auto">
          {service.cost}
        </p>
      ) : null}
    </section>
  );
}

export function LanguagesSection(props: { languages: string[]; words: Words }) {
  const { languages, words } = props;
  const { t, locale } = words;
  return (
    <section aria-labelledby="service-languages">
      <h2 id="service-languages">{t('service.languages')}</h2>
      {languages.length > 0 ? (
        <p>{listWords(languages, locale)}</p>
      ) : (
        <NotGiven text={t('service.languagesNotGiven')} />
      )}
    </section>
  );
}

/** Said where the ways to get in touch would be, when the feed gives none. */
export function NoContact(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const phone = service.phone === undefined ? undefined : telHref(service.phone);
  const email = service.email === undefined ? undefined : mailtoHref(service.email);
  if (phone || email || websiteHref(service.url)) return null;
  return <NotGiven text={words.t('service.contactNotGiven')} />;
}
