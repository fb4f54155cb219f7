import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  FoundSource,
  foundSubmission,
  type FoundNeed,
  type ForWhom,
} from '../../../domain/evidence/found.ts';
import type { District } from '../../../domain/service-terms.ts';
import { queueSubmission } from '../../../store/feedback-send-triggers.ts';
import { HelpNow } from '../../components/help-now.tsx';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { setFoundEntry, type FoundEntry } from './found-state.ts';
import { MissingDetails, NOT_SAID } from './missing-details.tsx';
import { useFoundEntry } from './use-found-entry.ts';
import './evidence.css';

/**
 * `/what-was-missing`: after Partly or No, one optional page. What the person was looking for, in guided
 * help's needs; where; and for whom. Nothing typed, nothing else. Sending with or without these answers
 * puts the one submission in the outbox.
 */
export function MissingPage() {
  const { t, ready } = useTranslation('evidence', 'guided');
  const { query } = useLocation();
  const parsedSource = FoundSource.safeParse(query.from);
  const source = parsedSource.success ? parsedSource.data : 'search';
  const entry = useFoundEntry(source);
  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  if (!entry) {
    return (
      <Page title={t('missing.title')}>
        <p>{t('missing.nothing')}</p>
        <p>
          <a class="tap-target" href="/">
            {t('missing.home')}
          </a>
        </p>
      </Page>
    );
  }
  return <MissingForm key={entry.id} source={source} entry={entry} />;
}

function MissingForm(props: { source: FoundSource; entry: FoundEntry }) {
  const { source, entry } = props;
  const { t } = useTranslation('evidence', 'guided');
  const [needs, setNeeds] = useState<FoundNeed[]>(entry.needs ?? []);
  const [district, setDistrict] = useState<District | ''>(entry.district ?? '');
  const [forWhom, setForWhom] = useState<ForWhom | typeof NOT_SAID>(entry.forWhom ?? NOT_SAID);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sentNeeds, setSentNeeds] = useState<readonly FoundNeed[]>([]);
  const thanks = useRef<HTMLDivElement>(null);
  const justSent = useRef(false);
  useEffect(() => {
    if (entry.sent && justSent.current) {
      justSent.current = false;
      thanks.current?.focus();
    }
  }, [entry.sent]);

  const back = (
    <p>
      <a class="tap-target" href={entry.returnTo}>
        {t(source === 'guided' ? 'missing.backToShortlist' : 'missing.backToResults')}
      </a>
    </p>
  );

  if (entry.sent) {
    return (
      <Page title={t('missing.title')}>
        <div class="panel panel--success" ref={thanks} tabIndex={-1}>
          <h2>{t('missing.thanksTitle')}</h2>
          <p>{t('missing.thanks')}</p>
          {typeof navigator !== 'undefined' && navigator.onLine === false && <p>{t('found.offline')}</p>}
        </div>
        {sentNeeds.includes('staying-safe') && <HelpNow headingLevel={2} id="missing-help-now" />}
        {back}
      </Page>
    );
  }

  const send = async (withDetails: boolean) => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    const details = withDetails
      ? {
          needs,
          ...(district ? { district } : {}),
          ...(forWhom ? { forWhom } : {}),
        }
      : undefined;
    const submission = foundSubmission({
      id: entry.id,
      createdAt: new Date().toISOString(),
      source,
      answer: entry.answer,
      ...(details ? { details } : {}),
    });
    try {
      await queueSubmission(submission);
      justSent.current = true;
      setSentNeeds(submission.needs ?? []);
      // What was sent is not kept: the page only needs to know it went.
      setFoundEntry(source, { id: entry.id, answer: entry.answer, sent: true, returnTo: entry.returnTo });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('missing.title')}>
      <p class="lead">{t('missing.lead')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <MissingDetails
          needs={needs}
          onNeeds={setNeeds}
          district={district}
          onDistrict={setDistrict}
          forWhom={forWhom}
          onForWhom={setForWhom}
        />
        <p class="inset">{t('missing.privacy')}</p>
        {failed && (
          <p class="error-message" role="alert">
            {t('found.failed')}
          </p>
        )}
        <div class="button-group">
          <button type="submit" class="button" disabled={busy}>
            {t('missing.send')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={busy}
            onClick={() => void send(false)}
          >
            {t('missing.skip')}
          </button>
        </div>
      </form>
      {back}
    </Page>
  );
}
