import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { HelpNow } from '../../components/help-now.tsx';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { updateGuidedSession } from './guided-session.ts';
import { GUIDED_RULES, safeReturnPath } from './journey.ts';
import { Loading } from './loading.tsx';
import './guided.css';

/**
 * `/help-me-find/help-now`: the urgent numbers, reached from every page of the journey. Coming here
 * says someone may be in danger, so the shortlist will show the numbers again before anything else.
 */
export function HelpNowPage() {
  const { t, ready } = useTranslation('guided');
  const { query } = useLocation();
  useEffect(() => {
    updateGuidedSession((session) =>
      session.askedForHelpNow ? session : { ...session, askedForHelpNow: true },
    );
  }, []);
  if (!ready) return <Loading t={t} />;
  return (
    <Page title={t('helpNowPage.title')}>
      <HelpNow headingLevel={2} />
      <p>{t('helpNowPage.body')}</p>
      <p>
        <a class="back-link tap-target guided-back-link" href={safeReturnPath(GUIDED_RULES, query.from)}>
          {t('helpNowPage.back')}
        </a>
      </p>
    </Page>
  );
}
