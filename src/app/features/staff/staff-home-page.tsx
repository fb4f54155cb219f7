import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { findLanguage } from '../../../domain/languages.ts';
import { deleteDraftsOf } from '../../../store/drafts.ts';
import { forgetCachedDrafts } from '../../../store/draft-cache.ts';
import { forgetStaff } from '../../../store/staff-session.ts';
import { sendNow, startOutbox } from '../../../store/feedback-send-triggers.ts';
import { isPending } from '../../../store/feedback-sending.ts';
import { exportWaiting, removeItemsOf, type OutboxItem } from '../../../store/outbox.ts';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useOutbox } from '../../hooks/use-outbox.ts';
import { downloadJson } from './download-json.ts';
import { MyOutboxList } from './my-outbox-list.tsx';
import { signOutOnServer } from './session-api.ts';
import { SignOutSection } from './sign-out-section.tsx';
import { StaffTools } from './staff-tools.tsx';
import { canRecord, useStaff } from './use-staff.ts';
import './staff.css';

/** Not sent, and still holding what the person said: sending it, or exporting it, is all that keeps it. */
function unsent(item: OutboxItem): boolean {
  return item.state !== 'sent' && item.submission !== undefined;
}

/** The staff home: record with someone, what waits on this device and its state, export, sign out. */
export function StaffHomePage() {
  const { t, ready, language } = useTranslation('staff', 'feedback');
  const { route, query } = useLocation();
  const staff = useStaff();
  const items = useOutbox();
  const [blocked, setBlocked] = useState(false);
  const [exported, setExported] = useState<string[] | undefined>(undefined);
  const signingOut = useRef(false);
  useEffect(() => startOutbox(), []);
  useEffect(() => {
    if (staff.status === 'signed-out' && !signingOut.current) route('/staff/sign-in', true);
    if (staff.status === 'signed-in' && staff.session.user.mustChangePassword && !staff.session.expired)
      route('/staff/password', true);
  }, [staff, route]);
  if (!ready || staff.status !== 'signed-in' || items === undefined)
    return <p class="loading">{t('common:loading')}</p>;

  const { user, expired } = staff.session;
  const locale = findLanguage(language)?.htmlLang ?? language;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  const mine = items.filter((item) => item.owner === user.id);
  const waiting = mine.filter(unsent);
  const pending = mine.filter(isPending).length;
  const allExported = exported !== undefined && waiting.every((item) => exported.includes(item.id));

  const exportFile = async () => {
    const data = await exportWaiting(user.id);
    const date = data.exportedAt.slice(0, 10);
    downloadJson(data, `signpost-responses-${date}.json`);
    setExported(data.submissions.map((s) => s.id));
  };
  const signOut = async (removeUnsent: boolean) => {
    if (waiting.length > 0 && !removeUnsent) {
      setBlocked(true);
      return;
    }
    signingOut.current = true;
    const ended = await signOutOnServer();
    await removeItemsOf(user.id);
    await deleteDraftsOf(user.id);
    forgetCachedDrafts();
    await forgetStaff({ serverStillSignedIn: !ended });
    route('/staff/sign-in?signedOut=1');
  };

  return (
    <Page title={t('staff:home.title')}>
      <p>{t('staff:home.signedInAs', { email: user.email, role: t(`staff:roles.${user.role}`) })}</p>
      <StaffTools role={user.role} />
      {query.changed === '1' ? (
        <div class="panel panel--success panel--strong" role="status">
          <p>{t('staff:home.passwordChanged')}</p>
        </div>
      ) : null}
      {expired ? (
        <div class="panel panel--warning panel--strong fb-warning-panel">
          <p>{t('staff:home.expired')}</p>
          <p>
            <a href="/staff/sign-in">{t('staff:home.signInAgain')}</a>
          </p>
        </div>
      ) : null}
      {canRecord(staff.session) ? (
        <section>
          <h2>{t('staff:home.recordHeading')}</h2>
          <p>{t('staff:home.recordBody')}</p>
          <a class="button button--start" href="/staff/record">
            {t('staff:home.record')}
          </a>
        </section>
      ) : (
        <p>{t('staff:home.noRecording')}</p>
      )}
      <section>
        <h2>{t('staff:home.outboxHeading')}</h2>
        <p role="status">
          {pending > 0
            ? t('feedback:outbox.waiting', { count: pending, n: number.format(pending) })
            : t('staff:home.nothingWaiting')}
        </p>
        <MyOutboxList items={mine} t={t} when={when} />
        <div class="button-group">
          {pending > 0 ? (
            <button type="button" class="button button--secondary" onClick={() => void sendNow('person')}>
              {t('staff:home.sendNow')}
            </button>
          ) : null}
          {waiting.length > 0 ? (
            <button type="button" class="button button--secondary" onClick={() => void exportFile()}>
              {t('staff:home.export')}
            </button>
          ) : null}
        </div>
        {waiting.length > 0 ? <p class="hint">{t('staff:home.exportHint')}</p> : null}
      </section>
      <SignOutSection
        t={t}
        number={number}
        waiting={waiting.length}
        blocked={blocked}
        allExported={allExported}
        onExport={() => void exportFile()}
        onSignOut={(removeUnsent) => void signOut(removeUnsent)}
      />
    </Page>
  );
}
