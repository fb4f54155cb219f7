import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { resumeAfterSignIn } from '../../../store/outbox.ts';
import { forgetCachedDrafts } from '../../../store/draft-cache.ts';
import { rememberStaff } from '../../../store/staff-session.ts';
import { sendNow } from '../../../store/feedback-send-triggers.ts';
import { ErrorSummary, useErrorTitle, type ErrorItem } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Confirmation, TextInput } from '../../components/fields.tsx';
import { signIn } from './session-api.ts';
import { useStaff } from './use-staff.ts';

/** Staff sign-in: email and password, paste allowed, no puzzle; the error never says which was wrong. */
export function SignInPage() {
  const { t, ready } = useTranslation('staff', 'feedback');
  const { route, query } = useLocation();
  const staff = useStaff();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sharedComputer, setSharedComputer] = useState(false);
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [busy, setBusy] = useState(false);
  const title = ready ? t('staff:signIn.title') : '';
  useErrorTitle(title, errors.length > 0, ready ? t('feedback:form.errorPrefix') : '');
  if (!ready || staff.status === 'loading') return <p class="loading">{t('common:loading')}</p>;
  const expired = staff.status === 'signed-in' && staff.session.expired;

  const submit = async () => {
    const found: ErrorItem[] = [];
    if (!email.trim()) found.push({ field: 'email', message: t('staff:signIn.emailMissing') });
    if (!password) found.push({ field: 'password', message: t('staff:signIn.passwordMissing') });
    if (found.length > 0) return setErrors(found);
    setBusy(true);
    const result = await signIn(email.trim(), password, sharedComputer);
    setBusy(false);
    if (!result.ok) {
      const message =
        result.reason === 'slow-down'
          ? t('staff:signIn.slowDown', { count: Math.ceil(result.retryAfterSeconds / 60) })
          : result.reason === 'offline'
            ? t('staff:signIn.offline')
            : result.reason === 'server'
              ? t('staff:signIn.server')
              : t('staff:signIn.wrong');
      setErrors([{ field: 'email', message }]);
      return;
    }
    forgetCachedDrafts();
    await rememberStaff(result.user);
    await resumeAfterSignIn(result.user.id);
    void sendNow('sign-in');
    route(result.user.mustChangePassword ? '/staff/password' : (safeNext(query.next) ?? '/staff'));
  };
  return (
    <>
      <ErrorSummary errors={errors} title={t('feedback:form.errorSummaryTitle')} />
      <Page title={title}>
        {query.signedOut === '1' && staff.status === 'signed-out' ? (
          <div class="panel panel--success panel--strong" role="status">
            <p>{t('staff:signIn.signedOut')}</p>
          </div>
        ) : null}
        {expired ? (
          <div class="panel panel--warning panel--strong fb-warning-panel">
            <p>{t('staff:signIn.expired')}</p>
          </div>
        ) : (
          <p>{t('staff:signIn.intro')}</p>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextInput
            id="email"
            type="email"
            label={t('staff:signIn.email')}
            autocomplete="username"
            spellcheck={false}
            dir="ltr"
            value={email}
            onInput={setEmail}
            error={errors.find((e) => e.field === 'email')?.message}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <TextInput
            id="password"
            type="password"
            label={t('staff:signIn.password')}
            autocomplete="current-password"
            dir="ltr"
            value={password}
            onInput={setPassword}
            error={errors.find((e) => e.field === 'password')?.message}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <Confirmation
            id="shared-computer"
            label={t('staff:signIn.sharedComputer')}
            hint={t('staff:signIn.sharedComputerHint')}
            checked={sharedComputer}
            onChange={setSharedComputer}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <button type="submit" class="button" disabled={busy}>
            {t('staff:signIn.submit')}
          </button>
        </form>
      </Page>
    </>
  );
}

/** Only a path inside the app, never another site (an open redirect). */
function safeNext(next: string | undefined): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}
