import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { RESPONDENT_GROUPS } from '../../../domain/feedback/about.ts';
import { BREAKDOWNS, BREAKDOWN_GROUPS } from '../../../domain/measures/compute.ts';
import { DISTRICTS } from '../../../domain/service-terms.ts';
import type { StaffUser } from '../../../domain/staff.ts';
import { DistrictSelect } from '../../components/district-select.tsx';
import { Page } from '../../components/page.tsx';
import { queryString } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { ShareChart, TrendChart, type ChartRow } from './charts.tsx';
import { DashboardGaps, FlaggedList } from './dashboard-parts.tsx';
import { DashboardResponse } from '../../../domain/api/analyst.ts';
import { figuresOf, type ScorecardJsonRow } from '../../../domain/api/measures.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { groupLabel, useWords, type Words } from './words.ts';
import { useSameValue } from '../../hooks/use-same-value.ts';
import './insight.css';

/** The months an analyst may choose: the last two years, newest first. */
function recentMonths(count = 24): string[] {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return date.toISOString().slice(0, 7);
  });
}

interface Filters {
  period?: string;
  district?: string;
  respondent?: string;
  by: string;
}

function readFilters(query: Record<string, string>): Filters {
  const pick = (value: string | undefined, allowed: readonly string[]) =>
    value && allowed.includes(value) ? value : undefined;
  return {
    period: query.period && /^\d{4}-(0[1-9]|1[0-2])$/.test(query.period) ? query.period : undefined,
    district: pick(query.district, DISTRICTS),
    respondent: pick(query.respondent, RESPONDENT_GROUPS),
    by: pick(query.by, BREAKDOWNS) ?? 'district',
  };
}

/** The analysts' dashboard: unrounded figures, every breakdown, trends, gaps, safety flags and exports. */
export function DashboardPage() {
  const { ready, words } = useWords();
  return (
    <StaffOnly ready={ready} roles={['analyst']} title={words.t('dashboard.title')}>
      {(user) => <DashboardContent words={words} user={user} />}
    </StaffOnly>
  );
}

function DashboardContent(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t, f } = words;
  const { query, route } = useLocation();
  const filters = useSameValue(readFilters(query));
  const [form, setForm] = useState(filters);
  const apiQuery = queryString({
    period: filters.period,
    district: filters.district,
    respondent: filters.respondent,
  });
  const { result } = useApi(`/api/v1/analyst/dashboard${apiQuery}`, DashboardResponse);
  useEffect(() => setForm(filters), [filters]);

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage problem={refused} />;
  const dashboard = result?.ok ? result.data : undefined;
  const period = dashboard?.period ?? filters.period;
  const apply = (event: Event) => {
    event.preventDefault();
    route(`/staff/dashboard${queryString({ ...form })}`);
  };
  const who = [
    filters.district ? groupLabel(t, 'district', filters.district) : undefined,
    filters.respondent ? groupLabel(t, 'respondent', filters.respondent) : undefined,
  ].filter(Boolean);
  const whoText = who.length > 0 ? who.join(', ') : t('public.filterAll');

  return (
    <Page title={t('dashboard.title')} wide>
      <div class="insight-page">
        <StaffNav user={props.user} current="/staff/dashboard" />
        <form class="form-panel" onSubmit={apply} aria-label={t('dashboard.filtersLabel')}>
          <div class="form-field">
            <label for="dashboard-period">{t('dashboard.month')}</label>
            <select
              id="dashboard-period"
              value={form.period ?? ''}
              onChange={(e) => setForm({ ...form, period: e.currentTarget.value || undefined })}
            >
              <option value="">{t('dashboard.latestMonth')}</option>
              {recentMonths().map((month) => (
                <option key={month} value={month}>
                  {f.month(month)}
                </option>
              ))}
            </select>
          </div>
          <div class="form-field">
            <label for="dashboard-district">{t('breakdowns.district')}</label>
            <DistrictSelect
              id="dashboard-district"
              value={form.district ?? ''}
              none={t('dashboard.anyDistrict')}
              nameOf={(d) => groupLabel(t, 'district', d)}
              onChange={(district) => setForm({ ...form, district: district || undefined })}
            />
          </div>
          <div class="form-field">
            <label for="dashboard-respondent">{t('breakdowns.respondent')}</label>
            <select
              id="dashboard-respondent"
              value={form.respondent ?? ''}
              onChange={(e) => setForm({ ...form, respondent: e.currentTarget.value || undefined })}
            >
              <option value="">{t('dashboard.anyone')}</option>
              {RESPONDENT_GROUPS.map((r) => (
                <option key={r} value={r}>
                  {groupLabel(t, 'respondent', r)}
                </option>
              ))}
            </select>
          </div>
          <div class="form-field">
            <label for="dashboard-by">{t('dashboard.breakDownBy')}</label>
            <select
              id="dashboard-by"
              value={form.by}
              onChange={(e) => setForm({ ...form, by: e.currentTarget.value })}
            >
              {BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {t(`breakdowns.${b}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {t('dashboard.apply')}
          </button>
        </form>
        {result === undefined && <p class="loading">{t('loading')}</p>}
        {result && !result.ok && (
          <p class="inset inset--info inset--strong">
            {t(`dashboard.failed.${result.reason === 'offline' ? 'offline' : 'server'}`)}
          </p>
        )}
        {dashboard && period && (
          <>
            <p class="meta">{t('public.asOf', { time: f.time(dashboard.generatedAt) })}</p>
            <Headline words={words} dashboard={dashboard} period={period} who={whoText} />
            <section aria-labelledby="dashboard-trends">
              <h2 id="dashboard-trends">{t('public.trendHeading')}</h2>
              <div class="trend-grid">
                {dashboard.trend.map((m) => (
                  <TrendChart
                    key={m.measure}
                    words={words}
                    id={`dashboard-trend-${m.measure}`}
                    title={t(`measures.${m.measure}.name`)}
                    points={m.trend}
                    analyst
                  />
                ))}
              </div>
            </section>
            <Breakdown words={words} rows={dashboard.rows} by={filters.by} month={f.month(period)} />
            <DashboardGaps words={words} gaps={dashboard.gaps} />
            <FlaggedList words={words} flagged={dashboard.flagged} />
            <Exports words={words} period={period} />
          </>
        )}
      </div>
    </Page>
  );
}

function chartRow(words: Words, row: ScorecardJsonRow, label: string): ChartRow {
  return {
    key: `${row.breakdown}-${row.group}`,
    label,
    figure: figuresOf(row),
    change: row.change_vs_previous_month,
    publicNote: row.suppressed ? words.t(`figure.suppressed.${row.suppressed}`) : words.t('figure.published'),
  };
}

function Headline(props: { words: Words; dashboard: DashboardResponse; period: string; who: string }) {
  const { words, dashboard } = props;
  const { t, f } = words;
  const month = f.month(props.period);
  return (
    <section aria-labelledby="dashboard-headline">
      <h2 id="dashboard-headline">{t('public.latestHeading', { month })}</h2>
      <p>{t('public.showingFor', { group: props.who })}</p>
      <ShareChart
        words={words}
        id="dashboard-headline-chart"
        caption={t('chart.latestCaption', { month, group: props.who })}
        labelHeading={t('table.measure')}
        analyst
        rows={dashboard.rows
          .filter((row) => row.breakdown === 'all')
          .map((row) => chartRow(words, row, t(`measures.${row.measure_id}.name`)))}
      />
    </section>
  );
}

function Breakdown(props: { words: Words; rows: ScorecardJsonRow[]; by: string; month: string }) {
  const { words, by } = props;
  const { t } = words;
  const known = BREAKDOWN_GROUPS[by as keyof typeof BREAKDOWN_GROUPS] ?? [];
  const measures = [...new Set(props.rows.map((row) => row.measure_id))];
  return (
    <section aria-labelledby="dashboard-breakdown">
      <h2 id="dashboard-breakdown">
        {t('dashboard.breakdownHeading', { breakdown: t(`breakdowns.${by}`) })}
      </h2>
      {measures.map((measure) => {
        const rows = props.rows.filter((row) => row.measure_id === measure && row.breakdown === by);
        const name = t(`measures.${measure}.name`);
        return (
          <details key={measure} class="insight-details">
            <summary class="tap-target">{name}</summary>
            {rows.length === 0 ? (
              <p>{t('dashboard.noAnswers')}</p>
            ) : (
              <ShareChart
                words={words}
                id={`dashboard-by-${measure}`}
                caption={t('dashboard.breakdownCaption', {
                  measure: name,
                  breakdown: t(`breakdowns.${by}`),
                  month: props.month,
                })}
                labelHeading={t(`breakdowns.${by}`)}
                analyst
                rows={rows
                  .sort((a, b) => rank(known, a.group) - rank(known, b.group))
                  .map((row) => chartRow(words, row, groupLabel(t, by, row.group)))}
              />
            )}
          </details>
        );
      })}
    </section>
  );
}

function rank(known: readonly string[], group: string): number {
  const i = known.indexOf(group);
  return i < 0 ? known.length : i;
}

function Exports(props: { words: Words; period: string }) {
  const { t, f } = props.words;
  const month = f.month(props.period);
  const base = '/api/v1/measures/scorecard';
  return (
    <section aria-labelledby="dashboard-exports">
      <h2 id="dashboard-exports">{t('dashboard.exportsHeading')}</h2>
      <ul class="link-list">
        <li>
          <a href={`${base}.csv?period=${props.period}&version=analyst`} download>
            {t('dashboard.exportAnalystCsv', { month })}
          </a>
        </li>
        <li>
          <a href={`${base}.json?period=${props.period}&version=analyst`} download>
            {t('dashboard.exportAnalystJson', { month })}
          </a>
        </li>
        <li>
          <a href={`${base}.csv?period=${props.period}&version=public`} download>
            {t('dashboard.exportPublicCsv', { month })}
          </a>
        </li>
        <li>
          <a href={`${base}.json?period=${props.period}&version=public`} download>
            {t('dashboard.exportPublicJson', { month })}
          </a>
        </li>
        <li>
          <a href="/api/v1/stories.csv" download>
            {t('dashboard.exportStories')}
          </a>
        </li>
      </ul>
    </section>
  );
}
