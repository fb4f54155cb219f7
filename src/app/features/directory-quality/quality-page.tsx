import { useLocation } from 'preact-iso';
import {
  QUALITY_KINDS,
  QualityReport,
  type QualityKind,
  type QualityRow,
  type SyncRunSummary,
} from '../../../domain/directory-quality.ts';
import type { StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import { queryString } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useFormattedWords, type Words } from '../../i18n/use-formatted-words.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';

const PATH = '/staff/directory-quality';

/** The directory's data-quality report, for admins and analysts to work through. */
export function QualityPage() {
  // This page's words first, then the insight pages' shared ones (loading, problem kinds).
  const { ready, words } = useFormattedWords('quality', 'insight');
  return (
    <StaffOnly ready={ready} roles={['admin', 'analyst']} title={words.t('title')}>
      {(user) => <Quality words={words} user={user} />}
    </StaffOnly>
  );
}

function Quality(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t, f } = words;
  const { query } = useLocation();
  const kind = (QUALITY_KINDS as readonly string[]).includes(query.kind ?? '')
    ? (query.kind as QualityKind)
    : undefined;
  const { result } = useApi(`/api/v1/directory-quality${queryString({ kind })}`, QualityReport);

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage problem={refused} />;
  return (
    <Page title={t('title')} wide>
      <StaffNav user={props.user} current={PATH} />
      <p>{t('intro')}</p>
      {result === undefined && <p class="loading">{t('loading')}</p>}
      {result && !result.ok && <p class="inset inset--info inset--strong">{t('failed')}</p>}
      {result?.ok && (
        <>
          <p>{t('services', { count: f.count(result.data.services) })}</p>
          <SyncSummary words={words} run={result.data.lastSync} />
          <KindLinks words={words} counts={result.data.counts} current={kind} />
          <h2 id="quality-rows">{kind ? t(`kinds.${kind}`) : t('all')}</h2>
          <p>
            <a class="tap-target" href={`/api/v1/directory-quality.csv${queryString({ kind })}`} download>
              {t('csv')}
            </a>
          </p>
          <Rows words={words} rows={result.data.rows} showKind={!kind} />
          {result.data.truncated && (
            <p class="meta">{t('truncated', { count: f.count(result.data.rows.length) })}</p>
          )}
        </>
      )}
    </Page>
  );
}

function SyncSummary(props: { words: Words; run: SyncRunSummary | null }) {
  const { t, f } = props.words;
  const { run } = props;
  return (
    <section aria-labelledby="quality-sync">
      <h2 id="quality-sync">{t('sync.heading')}</h2>
      {!run ? (
        <p>{t('sync.none')}</p>
      ) : (
        <>
          <p>{t('sync.began', { time: f.time(run.startedAt) })}</p>
          {run.finishedAt === null ? (
            <p>{t('sync.running')}</p>
          ) : run.error ? (
            <div class="inset inset--info inset--strong">
              <p>{t('sync.failed')}</p>
              <p lang="en-GB" dir="ltr">
                {run.error}
              </p>
            </div>
          ) : (
            <p>
              {t('sync.counts', {
                read: f.count(run.read),
                imported: f.count(run.imported),
                updated: f.count(run.updated),
                unchanged: f.count(run.unchanged),
                warned: f.count(run.warned),
                quarantined: f.count(run.quarantined),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Each kind with how many there are, as links that show only that kind. */
function KindLinks(props: { words: Words; counts: Record<QualityKind, number>; current?: QualityKind }) {
  const { t, f } = props.words;
  const total = QUALITY_KINDS.reduce((sum, kind) => sum + props.counts[kind], 0);
  const links: { href: string; text: string; count: number; current: boolean }[] = [
    { href: PATH, text: t('all'), count: total, current: props.current === undefined },
    ...QUALITY_KINDS.map((kind) => ({
      href: `${PATH}?kind=${kind}`,
      text: t(`kinds.${kind}`),
      count: props.counts[kind],
      current: props.current === kind,
    })),
  ];
  return (
    <nav aria-label={t('show')}>
      <ul class="link-list">
        {links.map((link) => (
          <li key={link.href}>
            <a class="tap-target" href={link.href} aria-current={link.current ? 'page' : undefined}>
              {t('withCount', { text: link.text, count: f.count(link.count) })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function what(words: Words, row: QualityRow): string | undefined {
  const { t, f } = words;
  if (row.kind === 'open-problem' && row.code) return t(`problems.kinds.${row.code}`);
  if (row.kind === 'could-not-reach') return t('couldNotReach', { count: f.count(row.answers ?? 0) });
  return undefined;
}

function when(words: Words, row: QualityRow): string {
  const { t, f } = words;
  if (row.kind.startsWith('not-checked')) return row.date ? f.date(row.date) : t('neverChecked');
  return row.date ? f.time(row.date) : '';
}

function Rows(props: { words: Words; rows: QualityRow[]; showKind: boolean }) {
  const { t } = props.words;
  if (props.rows.length === 0) return <p>{t('none')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby="quality-rows" tabIndex={0}>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('table.service')}</th>
            {props.showKind && <th scope="col">{t('table.kind')}</th>}
            <th scope="col">{t('table.detail')}</th>
            <th scope="col">{t('table.date')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={`${row.kind}-${row.serviceId ?? ''}-${index}`}>
              <th scope="row">
                {row.serviceId && row.listed ? (
                  <a href={`/services/${encodeURIComponent(row.serviceId)}`}>
                    <bdi lang="en-GB">{row.name ?? row.serviceId}</bdi>
                  </a>
                ) : (
                  <>
                    <bdi lang="en-GB">{row.name ?? row.serviceId ?? t('noId')}</bdi>{' '}
                    <span class="meta">{t('notListed')}</span>
                  </>
                )}
              </th>
              {props.showKind && <td>{t(`kinds.${row.kind}`)}</td>}
              <td>
                {what(props.words, row) ??
                  (row.detail ? (
                    <span lang="en-GB" dir="ltr">
                      {row.detail}
                    </span>
                  ) : null)}
              </td>
              <td>{when(props.words, row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
