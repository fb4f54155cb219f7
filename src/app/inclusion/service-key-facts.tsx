import type { ComponentChildren } from 'preact';
import { mailtoHref, telHref, websiteHref } from '../../domain/contact.ts';
import { languageOrSource } from '../../domain/languages.ts';
import type { Service } from '../../domain/service.ts';
import { rememberCall } from '../features/evidence/remember-call.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { firstSentence, ownWhoWords, whenWords, whereWords, whoWords } from './key-facts-words.ts';
import { Pictogram } from './pictogram.tsx';
import './key-facts.css';

function Fact(props: { picture: string; label: string; children: ComponentChildren }) {
  return (
    <div class="key-facts__fact">
      <dt class="key-facts__label">
        <Pictogram name={props.picture} class="key-facts__picture" />
        <span>{props.label}</span>
      </dt>
      <dd class="key-facts__value">{props.children}</dd>
    </div>
  );
}

/**
 * A service at a glance, a picture beside each fact: what it is, who it is for, cost, when, where and
 * how to get in touch. For a service with no Easy Read summary of its own, and useful to everyone.
 */
export function ServiceKeyFacts(props: { service: Service; headingLevel?: 2 | 3 }) {
  const { t, ready, language } = useTranslation('inclusion');
  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  const { service } = props;
  const current = languageOrSource(language);
  const locale = current.htmlLang;
  // The feed's own words are English: marked so, for screen readers and for the English font.
  const feedLang = current.htmlLang.startsWith('en') ? undefined : 'en';
  const what =
    (current.easyRead ? service.easyRead : undefined) ??
    service.summary ??
    firstSentence(service.description);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const phone = service.phone === undefined ? undefined : telHref(service.phone);
  const email = service.email === undefined ? undefined : mailtoHref(service.email);
  const website = websiteHref(service.url);
  const hasContact = Boolean(phone ?? email ?? website);
  const own = ownWhoWords(service);
  return (
    <section class="key-facts" aria-labelledby={`key-facts-${service.id}`}>
      <Heading id={`key-facts-${service.id}`}>{t('keyFacts.title')}</Heading>
      <dl class="key-facts__list">
        <Fact picture="info" label={t('keyFacts.what')}>
          <span lang={feedLang}>{what}</span>
        </Fact>
        <Fact picture="people" label={t('keyFacts.who')}>
          {whoWords(service, t, locale).map((line) => (
            <span class="key-facts__line" key={line}>
              {line}
            </span>
          ))}
          {own ? (
            <span class="key-facts__line" lang={feedLang}>
              {own}
            </span>
          ) : null}
        </Fact>
        <Fact picture="money" label={t('keyFacts.cost')}>
          {service.free ? (
            t('keyFacts.free')
          ) : service.cost ? (
            <span lang={feedLang}>{service.cost}</span>
          ) : (
            t('keyFacts.costNotGiven')
          )}
        </Fact>
        <Fact picture="clock" label={t('keyFacts.when')}>
          {whenWords(service, t, locale).map((line) => (
            <span class="key-facts__line" key={line}>
              {line}
            </span>
          ))}
        </Fact>
        <Fact picture="place" label={t('keyFacts.where')}>
          {whereWords(service, t)}
        </Fact>
        <Fact picture="phone" label={t('keyFacts.contact')}>
          {phone ? (
            <a class="key-facts__action tap-target" href={phone} onClick={() => rememberCall(service.id)}>
              {t('keyFacts.call', { number: service.phone })}
            </a>
          ) : null}
          {email ? (
            <a class="key-facts__action tap-target" href={email}>
              {t('keyFacts.email', { address: service.email })}
            </a>
          ) : null}
          {website ? (
            <a class="key-facts__action tap-target" href={website} rel="noopener">
              {t('keyFacts.website')}
            </a>
          ) : null}
          {hasContact ? null : t('keyFacts.noContact')}
        </Fact>
      </dl>
    </section>
  );
}
