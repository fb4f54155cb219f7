import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { z } from 'zod/mini';
import { RESPONDENT_GROUPS } from '../../../domain/feedback/about.ts';
import { ukDate } from '../../../domain/measures/periods.ts';
import { DISTRICTS } from '../../../domain/service-terms.ts';
import { Page } from '../../components/page.tsx';
import { ShareChart, TrendChart } from './charts.tsx';
import { FiguresStatus } from './figures-status.tsx';
import { MeasureNotes } from './measure-notes.tsx';
import { PublishedEvidence } from './published-evidence.tsx';
import { fetchWithOfflineCopy, type Copy } from './offline-copy.ts';
import { ProblemsFixedResponse } from '../../../domain/api/listing-problems.ts';
import { YouSaidWeDidListResponse } from '../../../domain/api/you-said-we-did.ts';
import { OverviewResponse, type PublicationSummary } from '../../../domain/api/measures.ts';
import { groupLabel, useWords, type Words } from './words.ts';
import { YouSaidWeDidItems } from './you-said-we-did-items.tsx';
import './insight.css';

/** A group a person may narrow the figures to, as `district:chelmsford`; anything else is all of Essex. */
function chosenGroup(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const [breakdown, group = ''] = value.split(':');
  if (breakdown === 'district' && (DISTRICTS as readonly string[]).includes(group)) return value;
  if (breakdown === 'respondent' && (RESPONDENT_GROUPS as readonly string[]).includes(group)) return value;
  return undefined;
}

function useCopy<S extends z.ZodMiniType>(url: string, schema: S): Copy<z.output<S>> | undefined {
  const [copy, setCopy] = useState<Copy<z.output<S>>>();
  useEffect(() => {
    let live = true;
    setCopy(undefined);
    void fetchWithOfflineCopy(url, schema).then((found) => live && setCopy(found));
    return () => {
      live = false;
    };
  }, [url, schema]);
  return copy;
}

/** "What people tell us": the public measures, through disclosure control, for anyone. */
export function InsightPage() {
  const { ready, words } = useWords();
  const { t } = words;
  const { query, route } = useLocation();
  const group = chosenGroup(query.for);
  const overview = useCopy(`/api/v1/measures/overview${group ? `?for=${group}` : ''}`, OverviewResponse);
  const youSaid = useCopy('/api/v1/you-said-we-did', YouSaidWeDidListResponse);
  const fixed = useCopy('/api/v1/listing-problems/fixed', ProblemsFixedResponse);
  const [choice, setChoice] = useState(group ?? 'all');
  useEffect(() => setChoice(group ?? 'all'), [group]);

  if (!ready) {
    return (
      <Page title={t('common:loading')}>
        <p class="loading">{t('loading')}</p>
      </Page>
    );
  }
  const onSubmit = (event: Event) => {
    event.preventDefault();
    route(choice === 'all' ? '/insight' : `/insight?for=${choice}`);
  };

  return (
    <Page title={t('public.title')}>
      <div class="insight-page">
        <p class="lead">{t('public.intro')}</p>
        <form class="form-panel" onSubmit={onSubmit}>
          <div class="form-field">
            <label for="insight-for">{t('public.filterLabel')}</label>
            <select id="insight-for" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              <option value="all">{t('public.filterAll')}</option>
              <optgroup label={t('breakdowns.district')}>
                {DISTRICTS.map((d) => (
                  <option key={d} value={`district:${d}`}>
                    {groupLabel(t, 'district', d)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('breakdowns.respondent')}>
                {RESPONDENT_GROUPS.map((r) => (
                  <option key={r} value={`respondent:${r}`}>
                    {groupLabel(t, 'respondent', r)}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {t('public.filterButton')}
          </button>
        </form>
        {overview === undefined ? (
          <p class="loading">{t('loading')}</p>
        ) : (
          <>
            <FiguresStatus words={words} copy={overview} />
            {(overview.state === 'fresh' || overview.state === 'saved') && (
              <Figures words={words} overview={overview.data} />
            )}
          </>
        )}
        <section aria-labelledby="insight-you-said">
          <h2 id="insight-you-said">{t('youSaid.title')}</h2>
          {youSaid && (youSaid.state === 'fresh' || youSaid.state === 'saved') ? (
            <YouSaidWeDidItems words={words} entries={youSaid.data.entries.slice(0, 3)} headingLevel={3} />
          ) : (
            <p>{t('youSaid.unavailable')}</p>
          )}
          <p>
            <a class="tap-target" href="/insight/you-said-we-did">
              {t('public.youSaidLink')}
            </a>
          </p>
        </section>
        <section aria-labelledby="insight-problems">
          <h2 id="insight-problems">{t('public.problemsHeading')}</h2>
          {fixed && (fixed.state === 'fresh' || fixed.state === 'saved') && (
            <p>
              {t('public.problemsFixed', {
                month: words.f.month(fixed.data.period),
                count: words.f.count(fixed.data.fixed),
              })}
            </p>
          )}
          <p>
            <a class="tap-target" href="/listing-problems/lookup">
              {t('public.lookupLink')}
            </a>
          </p>
        </section>
      </div>
    </Page>
  );
}

/** The month under way: only a rounded count of its answers, never its figures. */
function SoFar(props: { words: Words; current: NonNullable<OverviewResponse['current']> }) {
  const { t, f } = props.words;
  const { period, responsesSoFar } = props.current;
  const text =
    responsesSoFar === null
      ? t('public.soFarFew')
      : responsesSoFar === 0
        ? t('public.soFarNone')
        : t('public.soFar', { count: f.count(responsesSoFar) });
  return (
    <section aria-labelledby="insight-so-far">
      <h2 id="insight-so-far">{t('public.soFarHeading', { month: f.month(period) })}</h2>
      <p>{text}</p>
    </section>
  );
}

/** When the month was published, why it was revised, and what arrived late or was left out. */
function PublicationNotes(props: { words: Words; publication: PublicationSummary }) {
  const { t, f } = props.words;
  const { publication } = props;
  const day = (iso: string) => f.date(ukDate(new Date(iso)));
  const first = publication.history[0] ?? publication;
  const late = publication.notes.arrivedLate;
  return (
    <div class="insight-publication">
      <p>{t('public.publishedOn', { date: day(first.publishedAt) })}</p>
      {publication.note && (
        <p class="insight-publication__revision">
          {t('public.revised', { date: day(publication.publishedAt), note: publication.note })}
        </p>
      )}
      {late !== 0 && (
        <p>
          {late === null ? t('public.arrivedLateFew') : t('public.arrivedLate', { count: f.count(late) })}
        </p>
      )}
      {publication.notes.excluded.map((left, i) => (
        <p key={i}>
          {left.responses === null
            ? t('public.excludedFew', { reason: left.reason })
            : t('public.excluded', { count: f.count(left.responses), reason: left.reason })}
        </p>
      ))}
    </div>
  );
}

function Figures(props: { words: Words; overview: OverviewResponse }) {
  const { words, overview } = props;
  const { t, f } = words;
  const soFar = overview.current && <SoFar words={words} current={overview.current} />;
  if (!overview.period) {
    return (
      <>
        <p>{t('public.noData')}</p>
        {soFar}
      </>
    );
  }
  const month = f.month(overview.period);
  const who = overview.group
    ? groupLabel(t, overview.group.breakdown, overview.group.group)
    : t('public.filterAll');
  return (
    <>
      <section aria-labelledby="insight-latest">
        <h2 id="insight-latest">{t('public.latestHeading', { month })}</h2>
        {overview.publication && <PublicationNotes words={words} publication={overview.publication} />}
        <p>{t('public.showingFor', { group: who })}</p>
        <ShareChart
          words={words}
          id="insight-latest-chart"
          caption={t('chart.latestCaption', { month, group: who })}
          labelHeading={t('table.measure')}
          rows={overview.measures.map((m) => ({
            key: m.measure,
            label: t(`measures.${m.measure}.name`),
            figure: m.latest,
            change: m.latest.change,
          }))}
        />
        <MeasureNotes words={words} />
      </section>
      <PublishedEvidence words={words} period={overview.period} />
      {soFar}
      <section aria-labelledby="insight-trends">
        <h2 id="insight-trends">{t('public.trendHeading')}</h2>
        <p>{t('public.trendIntro', { group: who })}</p>
        <div class="trend-grid">
          {overview.measures.map((m) => (
            <TrendChart
              key={m.measure}
              words={words}
              id={`insight-trend-${m.measure}`}
              title={t(`measures.${m.measure}.name`)}
              points={m.trend}
            />
          ))}
        </div>
      </section>
      <section aria-labelledby="insight-download">
        <h2 id="insight-download">{t('public.downloadHeading')}</h2>
        <ul class="link-list">
          <li>
            <a href={`/api/v1/measures/scorecard.csv?period=${overview.period}&version=public`} download>
              {t('public.downloadCsv', { month })}
            </a>
          </li>
          <li>
            <a href={`/api/v1/measures/scorecard.json?period=${overview.period}&version=public`} download>
              {t('public.downloadJson', { month })}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
