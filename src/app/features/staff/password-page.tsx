import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { MIN_PASSWORD_LENGTH } from '../../../domain/staff.ts';
import { markSessionExpired, rememberStaff } from '../../../store/staff-session.ts';
import { ErrorSummary, useErrorTitle, type ErrorItem } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { TextInput } from '../../components/fields.tsx';
import { changePassword } from './session-api.ts';
import { useStaff } from './use-staff.ts';

const FIELDS = { currentPassword: 'current-password', newPassword: 'new-password' } as const;

/** Change password: required after a one-time password; a long passphrase, no composition rules (NCSC). */
export function PasswordPage() {
  const { t, ready } = useTranslation('staff', 'feedback');
  const { route } = useLocation();
  const staff = useStaff();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [busy, setBusy] = useState(false);
  const title = ready ? t('staff:password.title') : '';
  useErrorTitle(title, errors.length > 0, ready ? t('feedback:form.errorPrefix') : '');
  useEffect(() => {
    if (staff.status === 'signed-out') route('/staff/sign-in', true);
  }, [staff.status, route]);
  if (!ready || staff.status !== 'signed-in') return <p class="loading">{t('common:loading')}</p>;
  const session = staff.session;

  const submit = async () => {
    const found: ErrorItem[] = [];
    if (!current) found.push({ field: FIELDS.currentPassword, message: t('staff:password.currentMissing') });
    if (!next) found.push({ field: FIELDS.newPassword, message: t('staff:password.newMissing') });
    else if (next.length < MIN_PASSWORD_LENGTH)
      found.push({
        field: FIELDS.newPassword,
        message: t('staff:password.tooShort', { min: MIN_PASSWORD_LENGTH }),
      });
    if (found.length > 0) return setErrors(found);
    setBusy(true);
    const result = await changePassword(current, next);
    setBusy(false);
    if (result.ok) {
      await rememberStaff({ ...session.user, mustChangePassword: false });
      route('/staff?changed=1');
      return;
    }
    if (result.reason === 'signed-out') {
      await markSessionExpired();
      route('/staff/sign-in');
      return;
    }
    if (result.reason === 'invalid') {
      setErrors(
        result.errors.map((error) => {
          const field = error.path === 'currentPassword' ? FIELDS.currentPassword : FIELDS.newPassword;
          return {
            field,
            message: t(`staff:password.errors.${error.path}-${error.code}`, {
              min: MIN_PASSWORD_LENGTH,
              defaultValue: t('staff:password.errors.other'),
            }),
          };
        }),
      );
      return;
    }
    const message =
      result.reason === 'slow-down'
        ? t('staff:signIn.slowDown', { count: Math.ceil(result.retryAfterSeconds / 60) })
        : result.reason === 'offline'
          ? t('staff:password.offline')
          : t('staff:signIn.server');
    setErrors([{ field: FIELDS.currentPassword, message }]);
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={errors} title={t('feedback:form.errorSummaryTitle')} />
      <Page title={title}>
        <p>{t(session.user.mustChangePassword ? 'staff:password.introFirst' : 'staff:password.intro')}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {/* A hidden username lets password managers file the new password under the right account. */}
          <input type="text" autocomplete="username" value={session.user.email} readOnly hidden />
          <TextInput
            id={FIELDS.currentPassword}
            type="password"
            label={t('staff:password.current')}
            autocomplete="current-password"
            dir="ltr"
            value={current}
            onInput={setCurrent}
            error={errorFor(FIELDS.currentPassword)}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <TextInput
            id={FIELDS.newPassword}
            type="password"
            label={t('staff:password.new')}
            hint={t('staff:password.newHint', { min: MIN_PASSWORD_LENGTH })}
            autocomplete="new-password"
            dir="ltr"
            value={next}
            onInput={setNext}
            error={errorFor(FIELDS.newPassword)}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
          <button type="submit" class="button" disabled={busy}>
            {t('staff:password.submit')}
          </button>
        </form>
      </Page>
    </>
  );
}
