import { useState } from 'preact/hooks';
import { AREAS_OF_FOCUS } from '../../../domain/feedback/questions.ts';
import { LANGUAGES } from '../../../domain/languages.ts';
import type { StaffUser } from '../../../domain/staff.ts';
import { ErrorSummary, type ErrorItem } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { sendJson } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { Notice } from '../../components/notice.tsx';
import {
  type YouSaidWeDid,
  YouSaidWeDidCreatedResponse,
  YouSaidWeDidListResponse,
} from '../../../domain/api/you-said-we-did.ts';
import { StaffOnly } from '../staff/staff-gate.tsx';
import { StaffNav } from '../staff/staff-nav.tsx';
import type { Words } from './words.ts';
import { useWords } from './words.ts';
import { YouSaidWeDidItems } from './you-said-we-did-items.tsx';
import './insight.css';

/** Analysts publish what changed because of what people said, and take down what no longer holds. */
export function PublishPage() {
  const { ready, words } = useWords();
  return (
    <StaffOnly ready={ready} roles={['analyst']} title={words.t('publish.title')}>
      {(user) => <Publish words={words} user={user} />}
    </StaffOnly>
  );
}

function Publish(props: { words: Words; user: StaffUser }) {
  const { words } = props;
  const { t } = words;
  const [youSaid, setYouSaid] = useState('');
  const [weDid, setWeDid] = useState('');
  const [area, setArea] = useState('');
  const [language, setLanguage] = useState('en');
  const [errors, setErrors] = useState<{ list: ErrorItem[]; attempt: number }>();
  const [notice, setNotice] = useState<{ text: string; version: number; problem: boolean }>();
  const tell = (text: string, problem = false) =>
    setNotice((last) => ({ text, version: (last?.version ?? 0) + 1, problem }));
  const listed = useApi('/api/v1/you-said-we-did', YouSaidWeDidListResponse);
  const entries = listed.result && (listed.result.ok ? listed.result.data.entries : []);

  const publish = async (event: Event) => {
    event.preventDefault();
    const list: ErrorItem[] = [];
    if (!youSaid.trim()) list.push({ field: 'publish-you-said', message: t('publish.errors.youSaid') });
    if (!weDid.trim()) list.push({ field: 'publish-we-did', message: t('publish.errors.weDid') });
    if (list.length > 0) return setErrors({ list, attempt: (errors?.attempt ?? 0) + 1 });
    setErrors(undefined);
    const result = await sendJson(
      'POST',
      '/api/v1/you-said-we-did',
      { youSaid, weDid, language, ...(area ? { areaOfFocus: area } : {}) },
      YouSaidWeDidCreatedResponse,
    );
    if (!result.ok) return tell(t(result.reason === 'offline' ? 'stories.offline' : 'publish.failed'), true);
    setYouSaid('');
    setWeDid('');
    setArea('');
    tell(t('publish.published'));
    void listed.reload();
  };
  const remove = async (entry: YouSaidWeDid) => {
    const result = await sendJson('DELETE', `/api/v1/you-said-we-did/${entry.id}`);
    if (!result.ok) return tell(t('publish.failed'), true);
    tell(t('publish.removed'));
    void listed.reload();
  };
  const errorFor = (field: string) => errors?.list.find((e) => e.field === field);

  return (
    <Page title={t('publish.title')} wide>
      <StaffNav user={props.user} current="/staff/dashboard/you-said-we-did" />
      {errors && <ErrorSummary title={t('errorTitle')} errors={errors.list} attempt={errors.attempt} />}
      {notice && (
        <Notice version={notice.version} tone={notice.problem ? 'problem' : 'success'}>
          <p>{notice.text}</p>
        </Notice>
      )}
      <p>{t('publish.intro')}</p>
      <form class="form-panel form-panel--stacked" noValidate onSubmit={(e) => void publish(e)}>
        {(
          [
            ['publish-you-said', 'publish.youSaid', youSaid, setYouSaid],
            ['publish-we-did', 'publish.weDid', weDid, setWeDid],
          ] as const
        ).map(([id, label, value, set]) => {
          const error = errorFor(id);
          return (
            <div key={id} class={error ? 'form-field field--error' : 'form-field'}>
              <label for={id}>{t(label)}</label>
              {error && (
                <p class="error-message" id={`${id}-error`}>
                  <span class="visually-hidden">{t('errorPrefix')}</span> {error.message}
                </p>
              )}
              <textarea
                id={id}
                value={value}
                maxLength={1000}
                aria-describedby={error ? `${id}-error` : undefined}
                aria-invalid={error ? 'true' : undefined}
                onInput={(e) => set(e.currentTarget.value)}
              />
            </div>
          );
        })}
        <div class="form-field">
          <label for="publish-area">{t('publish.area')}</label>
          <select id="publish-area" value={area} onChange={(e) => setArea(e.currentTarget.value)}>
            <option value="">{t('publish.noArea')}</option>
            {AREAS_OF_FOCUS.map((a) => (
              <option key={a} value={a}>
                {t(`areas.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="publish-language">{t('publish.language')}</label>
          <select id="publish-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.htmlLang}>
                {l.nativeName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" class="button">
            {t('publish.button')}
          </button>
        </div>
      </form>
      <h2>{t('publish.listHeading')}</h2>
      {entries === undefined ? (
        <p class="loading">{t('loading')}</p>
      ) : (
        <YouSaidWeDidItems
          words={words}
          entries={entries}
          headingLevel={3}
          actions={(entry) => (
            <button type="button" class="button button--secondary" onClick={() => void remove(entry)}>
              {t('publish.remove')}
            </button>
          )}
        />
      )}
    </Page>
  );
}
