import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { AREAS_OF_FOCUS, QUESTION_LIST } from '../../../domain/feedback/questions.ts';
import { DISTRICTS } from '../../../domain/service.ts';
import type { StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import { queryString } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { StoryCard } from './story-card.tsx';
import { StoryPageResponse } from '../../../domain/api/stories.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { groupLabel, useWords, type Words } from './words.ts';
import { useSameValue } from '../../hooks/use-same-value.ts';
import './insight.css';

interface Search {
  q: string;
  area: string;
  district: string;
  /** `question:answer`, or `question:` for any answer to it. */
  answer: string;
  reference: string;
  page: number;
}

function readSearch(query: Record<string, string>): Search {
  const question = query.question ?? '';
  return {
    q: query.q ?? '',
    area: query.area ?? '',
    district: query.district ?? '',
    answer: question ? `${question}:${query.answer ?? ''}` : '',
    reference: query.reference ?? '',
    page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
  };
}

function toQuery(search: Search, page = search.page): string {
  const [question = '', answer = ''] = search.answer.split(':');
  return queryString({
    q: search.q.trim(),
    area: search.area,
    district: search.district,
    question,
    answer,
    reference: search.reference,
    page: page > 1 ? page : undefined,
  });
}

/** People's own words, for analysts: search, filter, approve scrubbed quotes, export. */
export function StoriesPage() {
  const { ready, words } = useWords();
  return (
    <StaffOnly ready={ready} roles={['analyst']} title={words.t('stories.title')}>
      {(user) => <Stories words={words} user={user} />}
    </StaffOnly>
  );
}

function Stories(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t, f } = words;
  const { query, route } = useLocation();
  const search = useSameValue(readSearch(query));
  const api = `/api/v1/stories${toQuery(search)}`;
  const [form, setForm] = useState(search);
  const { result, reload } = useApi(api, StoryPageResponse);
  useEffect(() => setForm(search), [search]);

  const refused = refusedAccess(result);
  if (refused) return <AccessProblemPage problem={refused} />;
  const found = result?.ok ? result.data : undefined;
  const pages = found ? Math.max(1, Math.ceil(found.total / found.perPage)) : 1;
  const submit = (event: Event) => {
    event.preventDefault();
    route(`/staff/dashboard/stories${toQuery({ ...form, reference: '' }, 1)}`);
  };

  return (
    <Page title={t('stories.title')} wide>
      <div class="insight-page">
        <StaffNav user={props.user} current="/staff/dashboard/stories" />
        <p>{t('stories.intro')}</p>
        <form class="insight-filter" role="search" aria-label={t('stories.searchLabel')} onSubmit={submit}>
          <div class="insight-field">
            <label for="stories-q">{t('stories.words')}</label>
            <input
              id="stories-q"
              type="search"
              value={form.q}
              onInput={(e) => setForm({ ...form, q: e.currentTarget.value })}
            />
          </div>
          <div class="insight-field">
            <label for="stories-area">{t('stories.area')}</label>
            <select
              id="stories-area"
              value={form.area}
              onChange={(e) => setForm({ ...form, area: e.currentTarget.value })}
            >
              <option value="">{t('stories.anyArea')}</option>
              {AREAS_OF_FOCUS.map((area) => (
                <option key={area} value={area}>
                  {t(`areas.${area}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="insight-field">
            <label for="stories-district">{t('breakdowns.district')}</label>
            <select
              id="stories-district"
              value={form.district}
              onChange={(e) => setForm({ ...form, district: e.currentTarget.value })}
            >
              <option value="">{t('dashboard.anyDistrict')}</option>
              {DISTRICTS.map((d) => (
                <option key={d} value={d}>
                  {groupLabel(t, 'district', d)}
                </option>
              ))}
            </select>
          </div>
          <div class="insight-field">
            <label for="stories-answer">{t('stories.answer')}</label>
            <select
              id="stories-answer"
              value={form.answer}
              onChange={(e) => setForm({ ...form, answer: e.currentTarget.value })}
            >
              <option value="">{t('stories.anyAnswer')}</option>
              {QUESTION_LIST.map((question) => (
                <optgroup key={question.id} label={t(`measures.${question.id}.name`)}>
                  <option value={`${question.id}:`}>{t('stories.anyAnswerTo')}</option>
                  {question.answers.map((answer) => (
                    <option key={answer} value={`${question.id}:${answer}`}>
                      {t(`answers.${question.id}.${answer}`)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {t('stories.search')}
          </button>
        </form>
        {search.reference && <p>{t('stories.forReference', { reference: search.reference })}</p>}
        {result === undefined && <p class="loading">{t('loading')}</p>}
        {result && !result.ok && (
          <p class="inset inset--info inset--strong">{t('dashboard.failed.server')}</p>
        )}
        {found && (
          <>
            <p role="status">{t('stories.found', { count: f.count(found.total) })}</p>
            <p>
              <a class="tap-target" href={`/api/v1/stories.csv${toQuery(search, 1)}`} download>
                {t('stories.export')}
              </a>
            </p>
            <ul class="you-said-list">
              {found.stories.map((story) => (
                <li key={story.id}>
                  <StoryCard words={words} story={story} onChange={() => void reload()} />
                </li>
              ))}
            </ul>
            {pages > 1 && (
              <nav class="insight-pager" aria-label={t('stories.pages')}>
                {search.page > 1 ? (
                  <a class="tap-target" href={`/staff/dashboard/stories${toQuery(search, search.page - 1)}`}>
                    {t('stories.previous')}
                  </a>
                ) : (
                  <span />
                )}
                <span class="meta">
                  {t('stories.pageOf', { page: f.count(search.page), pages: f.count(pages) })}
                </span>
                {search.page < pages ? (
                  <a class="tap-target" href={`/staff/dashboard/stories${toQuery(search, search.page + 1)}`}>
                    {t('stories.next')}
                  </a>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </>
        )}
      </div>
    </Page>
  );
}
