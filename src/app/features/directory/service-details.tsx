/** The parts of a service's page: how to get in touch, opening times, and where it is. */
import { mailtoHref, telHref, websiteHref } from '../../../domain/contact.ts';
import { serviceOpeningState } from '../../../domain/schedule/index.ts';
import type { Schedule, Service, ServiceLocation } from '../../../domain/service.ts';
import { Icon } from '../../components/icons.tsx';
import { rememberCall } from '../evidence/remember-call.ts';
import { listWords, openingWords, scheduleWords, type Words } from './opening-words.ts';

/** OpenStreetMap directions to a place, by its position or else by its address. */
export function directionsHref(location: ServiceLocation): string | undefined {
  if (location.lat !== undefined && location.lng !== undefined) {
    return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${location.lat},${location.lng}`)}`;
  }
  const address = [location.address, location.postcode].filter(Boolean).join(', ');
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : undefined;
}

export function ContactActions(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t } = words;
  const phone = service.phone === undefined ? undefined : telHref(service.phone);
  const email = service.email === undefined ? undefined : mailtoHref(service.email);
  const website = websiteHref(service.url);
  if (!phone && !email && !website) return null;
  return (
    <ul class="service-actions">
      {phone ? (
        <li>
          <a class="service-action tap-target" href={phone} onClick={() => rememberCall(service.id)}>
            <Icon name="phone" />
            <span>
              {t('service.call')} <bdi dir="ltr">{service.phone}</bdi>
            </span>
          </a>
        </li>
      ) : null}
      {email ? (
        <li>
          <a class="service-action tap-target" href={email}>
            <Icon name="email" />
            <span>
              {t('service.email')} <bdi dir="ltr">{service.email}</bdi>
            </span>
          </a>
        </li>
      ) : null}
      {website ? (
        <li>
          <a class="service-action tap-target" href={website} rel="noopener">
            <Icon name="online" />
            <span>
              {t('service.website')} <bdi dir="ltr">({new URL(website).hostname})</bdi>
            </span>
          </a>
        </li>
      ) : null}
    </ul>
  );
}

function ScheduleList(props: { schedules: Schedule[]; words: Words }) {
  return (
    <ul class="bullets service-schedules">
      {props.schedules.map((schedule, index) => {
        const line = scheduleWords(schedule, props.words);
        return (
          <li key={index}>
            {line.text}
            {line.note ? (
              <>
                {' '}
                <span class="meta" lang="en-GB" dir="auto">
                  ({line.note})
                </span>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Open now or when it opens next, worked out on this device, then every schedule in words. */
export function OpeningTimes(props: { service: Service; words: Words; now: Date }) {
  const { service, words, now } = props;
  const { t } = words;
  const state = serviceOpeningState(service, now);
  // "By appointment" is among the times below already; saying it twice adds nothing.
  const opening = state.kind === 'appointment' ? undefined : openingWords(state, now, words);
  const places = service.locations.filter((location) => location.schedules.length > 0);
  const hasTimes = service.schedules.length > 0 || places.length > 0;
  return (
    <section aria-labelledby="service-opening">
      <h2 id="service-opening">{t('service.opening')}</h2>
      {opening ? (
        <p class={state.kind === 'open' ? 'opening-state opening-state--open' : 'opening-state'}>
          <Icon name="clock" />
          <strong>{opening}</strong>
        </p>
      ) : null}
      {!hasTimes ? <p>{t('service.noTimes')}</p> : null}
      {service.schedules.length > 0 ? (
        <>
          {places.length > 0 ? <h3>{t('service.serviceTimes')}</h3> : null}
          <ScheduleList schedules={service.schedules} words={words} />
        </>
      ) : null}
      {places.map((place) => (
        <div key={place.id}>
          {places.length > 1 || service.schedules.length > 0 ? (
            <h3 lang="en-GB" dir="auto">
              {place.name ?? place.address ?? place.postcode}
            </h3>
          ) : null}
          <ScheduleList schedules={place.schedules} words={words} />
        </div>
      ))}
    </section>
  );
}

function LocationCard(props: { location: ServiceLocation; words: Words }) {
  const { location, words } = props;
  const { t } = words;
  const directions = directionsHref(location);
  const title = location.name ?? location.address ?? location.postcode ?? '';
  return (
    <li class="service-location">
      <p class="service-location__address">
        {location.name ? (
          <>
            <strong lang="en-GB" dir="auto">
              {location.name}
            </strong>
            <br />
          </>
        ) : null}
        {location.address ? (
          <>
            <span lang="en-GB" dir="auto">
              {location.address}
            </span>
            <br />
          </>
        ) : null}
        {location.postcode ? <bdi dir="ltr">{location.postcode}</bdi> : null}
      </p>
      {directions ? (
        <p>
          <a class="service-action tap-target" href={directions} rel="noopener">
            <Icon name="directions" />
            <span>
              {t('service.directions')}
              <span class="visually-hidden"> ({t('service.directionsTo', { place: title })})</span>
            </span>
          </a>
        </p>
      ) : null}
      {location.accessibility.length > 0 ? (
        <>
          <h3 class="service-location__access">{t('service.access')}</h3>
          <ul class="bullets" lang="en-GB" dir="auto">
            {location.accessibility.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/** Where the service is: the county, the districts it serves, and each place with directions and access. */
export function WhereSection(props: { service: Service; words: Words }) {
  const { service, words } = props;
  const { t, locale } = words;
  const districts = service.districts.map((district) => t(`districts.${district}`));
  return (
    <section aria-labelledby="service-where">
      <h2 id="service-where">{t('service.where')}</h2>
      {service.national ? <p>{t('service.national')}</p> : null}
      {service.onlineOnly ? <p>{t('service.onlineOnly')}</p> : null}
      {service.national || (service.onlineOnly && districts.length === 0) ? null : service.countyWide ? (
        <p>{t('service.coversAllEssex')}</p>
      ) : districts.length > 0 ? (
        <p>{t('service.serves', { districts: listWords(districts, locale) })}</p>
      ) : service.locations.length === 0 && !service.onlineOnly ? (
        <p class="meta">{t('service.whereNotGiven')}</p>
      ) : null}
      {service.locations.length > 0 ? (
        <ul class="service-locations">
          {service.locations.map((location) => (
            <LocationCard key={location.id} location={location} words={words} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
