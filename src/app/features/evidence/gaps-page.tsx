import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { GapTable } from '../../../domain/evidence/gaps.ts';
import { HelpfulnessTableSchema, type HelpfulnessRow } from '../../../domain/evidence/helpfulness.ts';
import type { StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useApi } from '../../hooks/use-api.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { useWords, type Words } from '../insight/words.ts';
import { GAPS_PATH } from './paths.ts';

const MONTH_CHOICES = [1, 3, 6, 12] as const;
const DEFAULT_MONTHS = 3;

function monthsFrom(query: Record<string, string>): number {
  const months = Number(query.months);
  return (MONTH_CHOICES as readonly number[]).includes(months) ? months : DEFAULT_MONTHS;
}

/**
 * `/staff/dashboard/gaps`, for analysts: where people said they did not find what they needed, beside
 * how many services meet that need there, worst first, with the same table as CSV.
 */
export function GapsPage() {
  const { ready, words } = useWords();
  const evidence = useTranslation('evidence', 'guided');
  return (
    <StaffOnly ready={ready && evidence.ready} roles={['analyst']} title={evidence.t('gaps.title')}>
      {(user) => <Gaps words={words} user={user} />}
    </StaffOnly>
  );
}

function Gaps(props: { words: Words; user: StaffUser }) {
  const { f } = props.words;
  const { t } = useTranslation('evidence', 'guided');
  const { query, route } = useLocation();
  const months = monthsFrom(query);
  const [chosen, setChosen] = useState(months);
  const { result } = useApi(`/api/v1/analyst/gaps?months=${months}`, GapTable);
  useEffect(() => setChosen(months), [months]);

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage problem={refused} />;
  const table = result?.ok ? result.data : undefined;
  return (
    <Page title={t('gaps.title')} wide>
      <div class="insight-page">
        <StaffNav user={props.user} current={GAPS_PATH} />
        <p>{t('gaps.intro')}</p>
        <form
          class="form-panel"
          onSubmit={(event) => {
            event.preventDefault();
            route(`${GAPS_PATH}?months=${chosen}`);
          }}
        >
          <div class="form-field">
            <label for="gaps-months">{t('gaps.months')}</label>
            <select
              id="gaps-months"
              value={String(chosen)}
              onChange={(event) => setChosen(Number(event.currentTarget.value))}
            >
              {MONTH_CHOICES.map((n) => (
                <option key={n} value={String(n)}>
                  {n === 1 ? t('gaps.thisMonth') : t('gaps.lastMonths', { n: f.count(n) })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {t('gaps.show')}
          </button>
        </form>
        {result === undefined && <p class="loading">{t('common:loading')}</p>}
        {result && !result.ok && (
          <p class="error-message" role="alert">
            {t(result.reason === 'offline' ? 'gaps.offline' : 'gaps.failed')}
          </p>
        )}
        {table && (
          <GapRows words={props.words} table={table} csv={`/api/v1/analyst/gaps.csv?months=${months}`} />
        )}
        <p class="hint">{t('gaps.note')}</p>
        <HelpfulnessSection words={props.words} months={months} />
      </div>
    </Page>
  );
}

function GapRows(props: { words: Words; table: GapTable; csv: string }) {
  const { f } = props.words;
  const { t } = useTranslation('evidence', 'guided');
  const { table } = props;
  const score = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 });
  const period = t('gaps.period', { from: f.month(table.from), to: f.month(table.to) });
  if (table.rows.length === 0) return <p>{t('gaps.none', { period })}</p>;
  return (
    <>
      <p>
        <a class="tap-target" href={props.csv} download>
          {t('gaps.csv')}
        </a>
      </p>
      <div class="table-scroll" role="region" aria-labelledby="gaps-caption" tabIndex={0}>
        <table class="data-table">
          <caption id="gaps-caption">{t('gaps.caption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gaps.rank')}</th>
              <th scope="col">{t('gaps.need')}</th>
              <th scope="col">{t('gaps.district')}</th>
              <th scope="col">{t('gaps.month')}</th>
              <th scope="col">{t('gaps.unmet')}</th>
              <th scope="col">{t('gaps.no')}</th>
              <th scope="col">{t('gaps.partly')}</th>
              <th scope="col">{t('gaps.coverage')}</th>
              <th scope="col">{t('gaps.score')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={`${row.period}-${row.need}-${row.district}`}>
                <td>{f.count(i + 1)}</td>
                <th scope="row">{t(`guided:guided.hard.${row.need}`)}</th>
                <td>{t(`guided:districts.${row.district}`)}</td>
                <td>{f.month(row.period)}</td>
                <td>{f.count(row.unmet)}</td>
                <td>{f.count(row.no)}</td>
                <td>{f.count(row.partly)}</td>
                <td>{f.count(row.coverage)}</td>
                <td>{score.format(row.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** "Did it help?" for each service and theme, with what disclosure control would let the public see. */
function HelpfulnessSection(props: { words: Words; months: number }) {
  const { t } = useTranslation('evidence', 'guided');
  const { result } = useApi(`/api/v1/analyst/helpfulness?months=${props.months}`, HelpfulnessTableSchema);
  const table = result?.ok ? result.data : undefined;
  return (
    <section aria-labelledby="helped-heading">
      <h2 id="helped-heading">{t('helped.title')}</h2>
      <p>{t('helped.intro')}</p>
      {result === undefined && <p class="loading">{t('common:loading')}</p>}
      {result && !result.ok && <p class="error-message">{t('gaps.failed')}</p>}
      {table && table.services.length === 0 && (
        <p>
          {t('helped.none', {
            period: t('gaps.period', {
              from: props.words.f.month(table.from),
              to: props.words.f.month(table.to),
            }),
          })}
        </p>
      )}
      {table && table.services.length > 0 && (
        <>
          <HelpedRows
            words={props.words}
            id="helped-services"
            caption={t('helped.services')}
            first={t('helped.service')}
            rows={table.services}
            name={(row) => row.name ?? row.key}
          />
          <HelpedRows
            words={props.words}
            id="helped-themes"
            caption={t('helped.themes')}
            first={t('helped.theme')}
            rows={table.themes}
            name={(row) => t(`common:themes.${row.key}.title`)}
          />
        </>
      )}
      <p class="hint">{t('helped.note')}</p>
    </section>
  );
}

function HelpedRows(props: {
  words: Words;
  id: string;
  caption: string;
  first: string;
  rows: HelpfulnessRow[];
  name: (row: HelpfulnessRow) => string;
}) {
  const { f } = props.words;
  const { t } = useTranslation('evidence', 'guided');
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.id} tabIndex={0}>
      <table class="data-table data-table--whole-words">
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <th scope="col">{t('helped.inTouch')}</th>
            <th scope="col">{t('helped.yes')}</th>
            <th scope="col">{t('helped.share')}</th>
            <th scope="col">{t('helped.couldNotReach')}</th>
            <th scope="col">{t('helped.notContacted')}</th>
            <th scope="col">{t('helped.public')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <bdi lang={row.name === null ? undefined : 'en-GB'}>{props.name(row)}</bdi>
              </th>
              <td>{f.count(row.base)}</td>
              <td>{f.count(row.helped)}</td>
              <td>
                {row.share === null || row.interval === null
                  ? t('helped.noShare')
                  : t('helped.shareWithin', {
                      share: f.percent(row.share),
                      low: f.percent(row.interval.low),
                      high: f.percent(row.interval.high),
                    })}
              </td>
              <td>{f.count(row.couldNotReach)}</td>
              <td>{f.count(row.notContacted)}</td>
              <td>{t(`helped.view.${row.publicView}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
