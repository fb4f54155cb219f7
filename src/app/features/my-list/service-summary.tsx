import type { ComponentChildren } from 'preact';
import { mailtoHref, telHref } from '../../../domain/contact.ts';
import { serviceOpeningState } from '../../../domain/schedule/index.ts';
import type { Schedule, Service } from '../../../domain/service.ts';
import { openingWords, scheduleWords } from '../directory/opening-words.ts';
import { rememberCall } from '../evidence/remember-call.ts';
import type { Words } from './use-words.ts';

function addressOf(location: Service['locations'][number]): string | undefined {
  const parts = [location.name, location.address, location.postcode].filter((part): part is string =>
    Boolean(part?.trim()),
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}

interface TimesLine {
  text: string;
  /** The service's own words, in the directory's language, when the structured times cannot say it all. */
  note?: string;
}

/** Every schedule, each with the place it belongs to when the service runs in more than one. */
function openingTimes(service: Service, words: Words, directoryWords: Words): TimesLine[] {
  const places = service.locations.filter((location) => location.schedules.length > 0);
  const say = (schedule: Schedule) => scheduleWords(schedule, directoryWords);
  const own = service.schedules.map(say);
  if (places.length <= 1) return [...own, ...places.flatMap((place) => place.schedules.map(say))];
  return [
    ...own,
    ...places.flatMap((place) =>
      place.schedules.map((schedule) => {
        const line = say(schedule);
        return {
          ...line,
          text: words.t('card.atPlace', { place: place.name ?? place.address ?? '', times: line.text }),
        };
      }),
    ),
  ];
}

/** What a person needs to get in touch or turn up, on screen and on paper. */
export function ServiceSummary(props: {
  service: Service;
  words: Words;
  /** The directory's words, for opening times. */
  directoryWords: Words;
  now: Date;
  children?: ComponentChildren;
}) {
  const { service, words, directoryWords, now } = props;
  const { t } = words;
  const headingId = `saved-service-${service.id}`;
  const state = serviceOpeningState(service, now);
  // "By appointment" is among the opening times already; saying it twice adds nothing.
  const opening = state.kind === 'appointment' ? undefined : openingWords(state, now, directoryWords);
  const addresses = service.locations.map(addressOf).filter((a): a is string => a !== undefined);
  const times = openingTimes(service, words, directoryWords);
  const phone = service.phone === undefined ? undefined : telHref(service.phone);
  const email = service.email === undefined ? undefined : mailtoHref(service.email);
  return (
    <article class="saved-service" aria-labelledby={headingId}>
      <h2 class="saved-service__name" id={headingId}>
        <a class="tap-target" href={`/services/${encodeURIComponent(service.id)}`}>
          <bdi lang="en-GB">{service.name}</bdi>
        </a>
      </h2>
      <p class="saved-service__by">
        {t('card.runBy')} <bdi lang="en-GB">{service.organization}</bdi>
      </p>
      {opening && <p class="saved-service__now">{opening}</p>}
      <dl class="saved-service__details">
        {phone && service.phone && (
          <div>
            <dt>{t('card.phone')}</dt>
            <dd>
              <a class="tap-target" href={phone} dir="ltr" onClick={() => rememberCall(service.id)}>
                {service.phone}
              </a>
            </dd>
          </div>
        )}
        {addresses.length > 0 && (
          <div>
            <dt>{t(addresses.length > 1 ? 'card.addresses' : 'card.address')}</dt>
            {addresses.map((address) => (
              <dd key={address} lang="en-GB">
                <bdi>{address}</bdi>
              </dd>
            ))}
          </div>
        )}
        {times.length > 0 && (
          <div>
            <dt>{t('card.openingTimes')}</dt>
            <dd>
              <ul class="saved-service__times">
                {times.map((line, i) => (
                  <li key={i}>
                    {line.text}
                    {line.note && (
                      <>
                        {' '}
                        <bdi class="saved-service__note" lang="en-GB">
                          ({line.note})
                        </bdi>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {!phone && email && (
          <div>
            <dt>{t('card.email')}</dt>
            <dd>
              <a class="tap-target" href={email} dir="ltr">
                {service.email}
              </a>
            </dd>
          </div>
        )}
      </dl>
      {props.children}
    </article>
  );
}
