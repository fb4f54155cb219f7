import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { isPeriod } from '../../../domain/measures/periods.ts';
import { MonthReview, MonthsResponse, type MonthSummary } from '../../../domain/api/analyst.ts';
import type { StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { Notice } from '../../components/notice.tsx';
import { MonthFlags, MonthExclusions, MonthPublishing } from './months-parts.tsx';
import { AccessProblemPage, StaffOnly } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { useWords, type Words } from './words.ts';
import './insight.css';

export const MONTHS_PATH = '/staff/dashboard/months';

/**
 * Analysts review a month before publishing it: how its answers came, what looks stuffed, what was left
 * out and why, then publish it, or publish it again with a note.
 */
export function MonthsPage() {
  const { ready, words } = useWords();
  return (
    <StaffOnly ready={ready} roles={['analyst']} title={words.t('months.title')}>
      {(user) => <Months words={words} user={user} />}
    </StaffOnly>
  );
}

/** What happened after the last action, as the notice that takes focus says it. */
export interface Told {
  text: string;
  version: number;
  problem: boolean;
}

function Months(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t } = words;
  const { query } = useLocation();
  const period = query.period && isPeriod(query.period) ? query.period : undefined;
  const monthsApi = useApi('/api/v1/analyst/months', MonthsResponse);
  const reviewApi = useApi(period && `/api/v1/analyst/months/${period}`, MonthReview);
  const [months, review] = [monthsApi.result, reviewApi.result];
  const [notice, setNotice] = useState<Told>();
  const tell = (text: string, problem = false) =>
    setNotice((last) => ({ text, version: (last?.version ?? 0) + 1, problem }));
  const load = () => void Promise.all([monthsApi.reload(), reviewApi.reload()]);
  useEffect(() => setNotice(undefined), [period]);

  for (const result of [months, review]) {
    if (result && !result.ok && result.reason === 'unauthenticated')
      return <AccessProblemPage problem="signed-out" />;
  }
  const failed = [months, review].some((r) => r && !r.ok);

  return (
    <Page title={t('months.title')} wide>
      <div class="insight-page">
        <StaffNav user={props.user} current={MONTHS_PATH} />
        {notice && (
          <Notice version={notice.version} tone={notice.problem ? 'problem' : 'success'}>
            <p>{notice.text}</p>
          </Notice>
        )}
        {failed && <p role="alert">{t('months.failed')}</p>}
        <p>{t('months.intro')}</p>
        {review?.ok && <MonthUnderReview words={words} review={review.data} tell={tell} reload={load} />}
        {period && !review && <p class="loading">{t('loading')}</p>}
        <h2>{t('months.listHeading')}</h2>
        {months?.ok ? (
          <MonthTable words={words} months={months.data.months} current={period} />
        ) : (
          !months && <p class="loading">{t('loading')}</p>
        )}
      </div>
    </Page>
  );
}

function stateText({ t, f }: Words, month: Pick<MonthSummary, 'state' | 'publishableFrom' | 'revision'>) {
  if (month.state === 'published') return t('months.state.published', { revision: month.revision ?? 1 });
  if (month.state === 'closing') return t('months.state.closing', { time: f.time(month.publishableFrom) });
  return t(`months.state.${month.state}`);
}

function MonthTable(props: { words: Words; months: MonthSummary[]; current: string | undefined }) {
  const { words } = props;
  const { t, f } = words;
  return (
    <div class="insight-table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('months.colMonth')}</th>
            <th scope="col">{t('months.colState')}</th>
            <th scope="col">{t('months.colAnswers')}</th>
          </tr>
        </thead>
        <tbody>
          {props.months.map((month) => (
            <tr key={month.period}>
              <th scope="row">
                <a
                  href={`${MONTHS_PATH}?period=${month.period}`}
                  aria-current={month.period === props.current ? 'page' : undefined}
                >
                  {t('months.review', { month: f.month(month.period) })}
                </a>
              </th>
              <td>{stateText(words, month)}</td>
              <td>{f.count(month.responses)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthUnderReview(props: {
  words: Words;
  review: MonthReview;
  tell: (text: string, problem?: boolean) => void;
  reload: () => void;
}) {
  const { words, review } = props;
  const { t, f } = words;
  const latest = review.publications.at(-1);
  return (
    <section class="card" aria-labelledby="month-review-title">
      <h2 id="month-review-title">{f.month(review.period)}</h2>
      <p>{stateText(words, { ...review, revision: latest?.revision ?? null })}</p>
      <h3>{t('months.howCameHeading')}</h3>
      <ul>
        {(['self-completed', 'staff-assisted', 'paper'] as const).map((p) => (
          <li key={p}>{t(`months.provenance.${p}`, { count: f.count(review.provenance[p]) })}</li>
        ))}
        <li>{t('months.arrivedLate', { count: f.count(review.arrivedLate) })}</li>
        {review.givenHereCountedLater > 0 && (
          <li>{t('months.countedLater', { count: f.count(review.givenHereCountedLater) })}</li>
        )}
      </ul>
      <MonthFlags {...props} />
      <MonthExclusions {...props} />
      <MonthPublishing {...props} />
    </section>
  );
}
