import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { StoryCard } from './story-card.tsx';
import { StoryPageResponse } from '../../../domain/api/stories.ts';
import { AccessProblemPage, StaffOnly, refusedAccess } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import { StoriesFilter } from './stories-filter.tsx';
import { readSearch, toQuery, type Search } from './stories-search.ts';
import { useWords, type Words } from './words.ts';
import { useSameValue } from '../../hooks/use-same-value.ts';
import './insight.css';

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
        <StoriesFilter words={words} form={form} onChange={setForm} onSubmit={submit} />
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
            {pages > 1 && <StoriesPager words={words} search={search} pages={pages} />}
          </>
        )}
      </div>
    </Page>
  );
}

/** Previous and next pages of the stories found, and which page this is. */
function StoriesPager(props: { words: Words; search: Search; pages: number }) {
  const { t, f } = props.words;
  const { search, pages } = props;
  return (
    <nav class="insight-pager" aria-label={t('stories.pages')}>
      {search.page > 1 ? (
        <a class="tap-target" href={`/staff/dashboard/stories${toQuery(search, search.page - 1)}`}>
          {t('stories.previous')}
        </a>
      ) : (
        <span />
      )}
      <span class="meta">{t('stories.pageOf', { page: f.count(search.page), pages: f.count(pages) })}</span>
      {search.page < pages ? (
        <a class="tap-target" href={`/staff/dashboard/stories${toQuery(search, search.page + 1)}`}>
          {t('stories.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
