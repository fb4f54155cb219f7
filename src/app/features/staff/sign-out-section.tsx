import type { TFunction } from 'i18next';

/**
 * Signing out, which would lose what has not been sent: with responses waiting it asks for them to be
 * exported first, then offers to sign out removing them.
 */
export function SignOutSection(props: {
  t: TFunction;
  number: Intl.NumberFormat;
  /** How many responses wait unsent, with their words still on this device. */
  waiting: number;
  /** A sign-out was refused because of them. */
  blocked: boolean;
  allExported: boolean;
  onExport: () => void;
  onSignOut: (removeUnsent: boolean) => void;
}) {
  const { t, waiting } = props;
  return (
    <section>
      <h2>{t('staff:home.signOutHeading')}</h2>
      {props.blocked && waiting > 0 ? (
        <div class="panel panel--warning panel--strong fb-warning-panel" role="alert">
          <p>{t('staff:home.cannotSignOut', { count: waiting, n: props.number.format(waiting) })}</p>
          {props.allExported ? (
            <button type="button" class="button button--warning" onClick={() => props.onSignOut(true)}>
              {t('staff:home.signOutRemoving')}
            </button>
          ) : (
            <button type="button" class="button" onClick={props.onExport}>
              {t('staff:home.export')}
            </button>
          )}
        </div>
      ) : (
        <p>{t('staff:home.signOutBody')}</p>
      )}
      <button type="button" class="button button--secondary" onClick={() => props.onSignOut(false)}>
        {t('staff:home.signOut')}
      </button>
    </section>
  );
}
