import { Component } from 'preact';
import type { ResultItem } from '../../../domain/search/filters.ts';
import { serviceOpeningState } from '../../../domain/schedule/index.ts';
import { costState, type CostState } from '../../../domain/cost.ts';
import type { Service } from '../../../domain/service.ts';
import { Icon } from '../../components/icons.tsx';
import { listWords, openingWords, type Words } from './opening-words.ts';
import { formatMiles } from './use-words.ts';

const SUMMARY_LENGTH = 160;

const COST_WORDS: Record<CostState, string> = {
  free: 'results.free',
  charge: 'results.charge',
  ask: 'results.askCost',
  'not-given': 'results.costNotGiven',
};

/** The service's one-line summary, or the first sentence of its description's first paragraph, kept short. */
export function oneLine(service: Pick<Service, 'summary' | 'description'>): string {
  const text = (service.summary ?? service.description).trim().split('\n')[0]?.trim() ?? '';
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  if (sentence.length <= SUMMARY_LENGTH) return sentence;
  const cut = sentence.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : SUMMARY_LENGTH)}…`;
}

export function servicePath(id: string): string {
  return `/services/${encodeURIComponent(id)}`;
}

function placeWords(item: ResultItem, words: Words): string {
  const { t, locale } = words;
  const { service } = item;
  if (service.national) return t('results.national');
  if (service.onlineOnly && service.districts.length === 0) return t('results.onlineOnly');
  if (item.countyWide) return t('results.countyWide');
  const districts = item.service.districts.map((district) => t(`districts.${district}`));
  const parts = districts.length > 0 ? [listWords(districts, locale)] : [];
  if (item.distanceMiles !== undefined) {
    parts.push(t('results.away', { distance: formatMiles(item.distanceMiles, locale) }));
  }
  return parts.join(' · ');
}

interface ResultCardProps {
  item: ResultItem;
  words: Words;
  now: Date;
  /**
   * Changes whenever the words do (their language, and whether they have loaded). With it, a card is
   * drawn again only when its result, the time or the words change; without it, on every draw.
   */
  wordsKey?: string;
  /** The card puts its link in `links` at `index`, so a list can move focus to it. */
  index?: number;
  links?: Array<HTMLAnchorElement | null>;
}

/**
 * One search result: what it is, who runs it, where, whether it is free and open, and how it is
 * delivered. Working out opening times is the costly part of a results page, so in a list a card is not
 * drawn again when only the list around it changes.
 */
export class ResultCard extends Component<ResultCardProps> {
  override shouldComponentUpdate(next: ResultCardProps): boolean {
    const before = this.props;
    if (next.wordsKey === undefined) return true;
    return !(
      before.item === next.item &&
      before.now === next.now &&
      before.wordsKey === next.wordsKey &&
      before.index === next.index &&
      before.links === next.links
    );
  }

  override render() {
    return <ResultCardView {...this.props} />;
  }
}

function ResultCardView(props: ResultCardProps) {
  const { item, words, now } = props;
  const { t } = words;
  const { service } = item;
  const opening = openingWords(serviceOpeningState(service, now, { lookAheadDays: 31 }), now, words);
  const place = placeWords(item, words);
  const cost = costState(service);
  return (
    <li class="result-card">
      <h3 class="result-card__name">
        <a
          class="tap-target"
          href={servicePath(service.id)}
          lang="en-GB"
          dir="auto"
          ref={(a) => {
            if (props.links && props.index !== undefined) props.links[props.index] = a;
          }}
        >
          {service.name}
        </a>
      </h3>
      <p class="result-card__org">
        {t('results.runBy')} <bdi lang="en-GB">{service.organization}</bdi>
      </p>
      <p class="result-card__summary" lang="en-GB" dir="auto">
        {oneLine(service)}
      </p>
      <ul class="result-card__facts">
        {place ? (
          <li>
            <Icon name="pin" size={20} />
            <span>{place}</span>
          </li>
        ) : null}
        {opening ? (
          <li>
            <Icon name="clock" size={20} />
            <span>{opening}</span>
          </li>
        ) : null}
        <li class={cost === 'free' ? 'result-card__free' : undefined}>
          <span>{t(COST_WORDS[cost])}</span>
        </li>
        {service.delivery.length > 0 ? (
          <li class="result-card__delivery">
            <span>{t('results.deliveredLabel')}</span>
            {service.delivery.map((way) => (
              <span class="result-card__way" key={way}>
                <Icon name={way} size={20} />
                <span>{t(`delivery.${way}`)}</span>
              </span>
            ))}
          </li>
        ) : null}
      </ul>
    </li>
  );
}
