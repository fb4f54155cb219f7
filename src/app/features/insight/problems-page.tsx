import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import { queryString, sendJson } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { Notice } from '../../components/notice.tsx';
import {
  LISTING_PROBLEM_STATES,
  ListingChangedResponse,
  type ListingProblemItem,
  type ListingProblemState,
  ListingQueueResponse,
} from '../../../domain/api/listing-problems.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { useWords, type Words } from './words.ts';
import './insight.css';

/** The admins' queue of problems people reported with listings. */
export function ProblemsPage() {
  const { ready, words } = useWords();
  return (
    <StaffOnly ready={ready} roles={['admin']} title={words.t('problems.title')}>
      {(user) => <Problems words={words} user={user} />}
    </StaffOnly>
  );
}

function Problems(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t, f } = words;
  const { query, route } = useLocation();
  const state = (LISTING_PROBLEM_STATES as readonly string[]).includes(query.state ?? '')
    ? query.state
    : undefined;
  const [choice, setChoice] = useState(state ?? '');
  const [notice, setNotice] = useState<{ text: string; version: number; problem: boolean }>();
  const api = `/api/v1/listing-problems${queryString({ state })}`;
  const { result, reload } = useApi(api, ListingQueueResponse);
  useEffect(() => setChoice(state ?? ''), [state]);

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage problem={refused} />;
  const change = async (item: ListingProblemItem, next: ListingProblemState) => {
    const changed = await sendJson(
      'PATCH',
      `/api/v1/listing-problems/${item.id}`,
      { state: next },
      ListingChangedResponse,
    );
    setNotice((last) => ({
      text: changed.ok
        ? t('problems.changed', { reference: item.reference, state: t(`problems.states.${next}`) })
        : t('problems.failed'),
      version: (last?.version ?? 0) + 1,
      problem: !changed.ok,
    }));
    if (changed.ok) void reload();
  };

  return (
    <Page title={t('problems.title')} wide>
      <StaffNav user={props.user} current="/staff/problems" />
      {notice && (
        <Notice version={notice.version} tone={notice.problem ? 'problem' : 'success'}>
          <p>{notice.text}</p>
        </Notice>
      )}
      <form
        class="form-panel"
        onSubmit={(event) => {
          event.preventDefault();
          route(`/staff/problems${queryString({ state: choice })}`);
        }}
      >
        <div class="form-field">
          <label for="problems-state">{t('problems.show')}</label>
          <select id="problems-state" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{t('problems.all')}</option>
            {LISTING_PROBLEM_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`problems.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t('problems.filter')}
        </button>
      </form>
      {result === undefined && <p class="loading">{t('loading')}</p>}
      {result && !result.ok && <p class="inset inset--info inset--strong">{t('dashboard.failed.server')}</p>}
      {result?.ok &&
        (result.data.problems.length === 0 ? (
          <p>{t('problems.none')}</p>
        ) : (
          <ul class="you-said-list">
            {result.data.problems.map((item) => (
              <li key={item.id}>
                <ProblemCard words={words} item={item} onChange={(next) => void change(item, next)} />
              </li>
            ))}
          </ul>
        ))}
      <p class="meta">
        {t('problems.shown', { count: f.count(result?.ok ? result.data.problems.length : 0) })}
      </p>
    </Page>
  );
}

function ProblemCard(props: {
  words: Words;
  item: ListingProblemItem;
  onChange: (state: ListingProblemState) => void;
}) {
  const { t, f } = props.words;
  const { item } = props;
  const [next, setNext] = useState<ListingProblemState>(item.state);
  const field = `problem-state-${item.id}`;
  return (
    <article class="card" aria-labelledby={`problem-${item.id}`}>
      <h2 id={`problem-${item.id}`}>{item.serviceName ?? item.serviceId}</h2>
      <dl class="facts">
        <dt>{t('problems.reference')}</dt>
        <dd>{item.reference}</dd>
        <dt>{t('problems.problem')}</dt>
        <dd>{t(`problems.kinds.${item.problem}`)}</dd>
        {item.details && (
          <>
            <dt>{t('problems.details')}</dt>
            <dd>{item.details}</dd>
          </>
        )}
        <dt>{t('problems.contact')}</dt>
        <dd>{item.contact ? item.contact.value : t('problems.noContact')}</dd>
        <dt>{t('flagged.received')}</dt>
        <dd>{f.time(item.receivedAt)}</dd>
        <dt>{t('problems.state')}</dt>
        <dd>
          {item.state === 'fixed' && item.fixedAt
            ? t('problems.fixedOn', { date: f.time(item.fixedAt) })
            : t(`problems.states.${item.state}`)}
        </dd>
      </dl>
      <p>
        <a class="tap-target" href={`/services/${encodeURIComponent(item.serviceId)}`}>
          {t('problems.openListing')}
        </a>
      </p>
      <form
        class="action-row"
        onSubmit={(event) => {
          event.preventDefault();
          props.onChange(next);
        }}
      >
        <div class="form-field">
          <label for={field}>{t('problems.changeState')}</label>
          <select
            id={field}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value as ListingProblemState)}
          >
            {LISTING_PROBLEM_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`problems.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t('problems.save')}
        </button>
      </form>
    </article>
  );
}
