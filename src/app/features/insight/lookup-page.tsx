import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { normaliseReference } from '../../../domain/feedback/reference.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { getJson } from '../../api.ts';
import { ListingLookupResponse } from '../../../domain/api/listing-problems.ts';
import { useWords, type Words } from './words.ts';
import { useLatest } from '../../hooks/use-latest.ts';
import './insight.css';

const FIELD = 'lookup-reference';

type Outcome =
  | { kind: 'found'; status: ListingLookupResponse['problem'] }
  | { kind: 'error'; message: string; attempt: number };

/** Someone who reported a problem with a listing checks what became of it, by their reference. */
export function LookupPage() {
  const { ready, words } = useWords();
  const { t } = words;
  const { query } = useLocation();
  const [reference, setReference] = useState(query.reference ?? '');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const check = async (typed: string) => {
    const attempt = (outcome?.kind === 'error' ? outcome.attempt : 0) + 1;
    const fail = (key: string) => setOutcome({ kind: 'error', message: t(`lookup.errors.${key}`), attempt });
    if (!typed.trim()) return fail('required');
    const normalised = normaliseReference(typed);
    if (!normalised) return fail('invalid');
    setBusy(true);
    const result = await getJson(
      `/api/v1/listing-problems/lookup?reference=${encodeURIComponent(normalised)}`,
      ListingLookupResponse,
    );
    setBusy(false);
    if (result.ok) setOutcome({ kind: 'found', status: result.data.problem });
    else
      fail(result.reason === 'not-found' ? 'notFound' : result.reason === 'offline' ? 'offline' : 'failed');
  };

  // A reference in the address is checked as the page opens; `check` itself changes on every render.
  const latestCheck = useLatest(check);
  useEffect(() => {
    if (ready && query.reference) void latestCheck.current(query.reference);
  }, [ready, query.reference, latestCheck]);

  if (!ready) {
    return (
      <Page title={t('common:loading')}>
        <p class="loading">{t('loading')}</p>
      </Page>
    );
  }
  const error = outcome?.kind === 'error' ? outcome : undefined;
  return (
    <Page title={t('lookup.title')}>
      {error && (
        <ErrorSummary
          title={t('errorTitle')}
          errors={[{ field: FIELD, message: error.message }]}
          attempt={error.attempt}
        />
      )}
      <p class="lead">{t('lookup.intro')}</p>
      <form
        class="form-panel form-panel--stacked"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void check(reference);
        }}
      >
        <div class={error ? 'form-field field--error' : 'form-field'}>
          <label for={FIELD}>{t('lookup.label')}</label>
          <p class="hint" id={`${FIELD}-hint`}>
            {t('lookup.hint')}
          </p>
          {error && (
            <p class="error-message" id={`${FIELD}-error`}>
              <span class="visually-hidden">{t('errorPrefix')}</span> {error.message}
            </p>
          )}
          <input
            id={FIELD}
            name="reference"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={reference}
            aria-describedby={error ? `${FIELD}-hint ${FIELD}-error` : `${FIELD}-hint`}
            aria-invalid={error ? 'true' : undefined}
            onInput={(event) => setReference(event.currentTarget.value)}
          />
        </div>
        <div>
          <button type="submit" class="button" disabled={busy}>
            {t('lookup.button')}
          </button>
        </div>
      </form>
      {outcome?.kind === 'found' && <LookupResult words={words} status={outcome.status} />}
    </Page>
  );
}

function LookupResult(props: { words: Words; status: ListingLookupResponse['problem'] }) {
  const { t, f } = props.words;
  const { status } = props;
  return (
    <section
      class={status.state === 'fixed' ? 'insight-panel insight-panel--fixed' : 'insight-panel'}
      aria-labelledby="lookup-result"
      aria-live="polite"
    >
      <h2 id="lookup-result">{t('lookup.resultHeading', { reference: status.reference })}</h2>
      <p class="lead">
        {status.state === 'fixed' && status.fixedOn
          ? t('lookup.state.fixed', { date: f.date(status.fixedOn) })
          : t(`lookup.state.${status.state === 'fixed' ? 'in-hand' : status.state}`)}
      </p>
      <p>{t('lookup.reported', { date: f.date(status.reportedOn) })}</p>
    </section>
  );
}
