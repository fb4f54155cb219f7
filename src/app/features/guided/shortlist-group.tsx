import type { TFunction } from 'i18next';
import type { GuidedAnswers } from '../../../domain/guided/rules.ts';
import { toFilters, type ShortlistGroup } from '../../../domain/guided/shortlist.ts';
import { filtersToSearchParams } from '../../../domain/search/filters.ts';
import { SaveButton } from '../my-list/save-button.tsx';
import { GuidedIcon } from './guided-icons.tsx';
import { GUIDED_RULES } from './journey.ts';
import { reasonLine } from './reason-words.ts';

export function searchLink(answers: GuidedAnswers, group?: string): string {
  const params = filtersToSearchParams(toFilters(answers, GUIDED_RULES, group)).toString();
  return params ? `/search?${params}` : '/search';
}

const ORGANIZATION_MARK = '\u{E000}';

/**
 * "Run by {{organization}}" in the page's language, with the directory's English name marked as English
 * (WCAG 3.1.2) wherever the sentence puts it, so a screen reader speaks it with an English voice.
 */
function RunBy(props: { t: TFunction; organization: string }) {
  const [before = '', after = ''] = props
    .t('shortlist.runBy', { organization: ORGANIZATION_MARK })
    .split(ORGANIZATION_MARK);
  return (
    <>
      {before}
      <bdi lang="en-GB">{props.organization}</bdi>
      {after}
    </>
  );
}

/**
 * One group of the shortlist: its heading, a note when it had to reach further than the place asked
 * for, the services with why each is here, and a way to see every match.
 */
export function ShortlistGroupView(props: {
  group: ShortlistGroup;
  answers: GuidedAnswers;
  /** The district or postcode asked for, in words, for the note on a widened group. */
  placeWords?: string;
  level: 2 | 3;
  t: TFunction;
  locale: string;
}) {
  const { group, t, locale } = props;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const ItemHeading = props.level === 2 ? 'h3' : 'h4';
  const headingId = `guided-group-${group.id}`;
  const title = t(group.key);
  return (
    <section class="guided-group" aria-labelledby={headingId}>
      <Heading class="guided-group__title" id={headingId}>
        {group.icon && <GuidedIcon name={group.icon} size={28} />}
        <span>{title}</span>
      </Heading>
      {group.widened && props.placeWords && (
        <p class="inset guided-inset">
          {t(group.widenedTo === 'nearby' ? 'shortlist.widenedNearby' : 'shortlist.widenedReach', {
            place: props.placeWords,
          })}
        </p>
      )}
      <ol class="guided-services">
        {group.items.map(({ service, reasons }) => (
          <li class="guided-service" key={service.id}>
            {/* The directory's own words keep their own direction, so English reads right on an Arabic page. */}
            <ItemHeading class="guided-service__name">
              <a
                class="tap-target"
                href={`/services/${encodeURIComponent(service.id)}`}
                lang="en-GB"
                dir="auto"
              >
                {service.name}
              </a>
            </ItemHeading>
            <p class="guided-service__by">
              <RunBy t={t} organization={service.organization} />
            </p>
            {service.summary && (
              <p class="guided-service__summary" lang="en-GB" dir="auto">
                {service.summary}
              </p>
            )}
            {reasons.length > 0 && (
              <p class="guided-service__why">
                <span class="visually-hidden">{t('shortlist.why')} </span>
                {reasonLine(reasons, t, locale)}
              </p>
            )}
            <SaveButton service={service} />
          </li>
        ))}
      </ol>
      {group.total > group.items.length && (
        <p>
          <a href={searchLink(props.answers, group.id)}>
            {t('shortlist.seeAllInGroup', { group: title, total: group.total })}
          </a>
        </p>
      )}
    </section>
  );
}
