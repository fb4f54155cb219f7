import { Page } from '../../components/page.tsx';
import { Icon } from '../../components/icons.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useDirectoryInfo } from '../directory/use-directory.ts';
import { DirectoryLine } from './directory-line.tsx';
import { clearGuidedSession, hasAnswers } from './guided-session.ts';
import { GUIDED_RULES, HELP_NOW_PATH, stepPath } from './journey.ts';
import { useGuidedSession } from './use-guided-session.ts';
import { Loading } from './loading.tsx';
import './guided.css';

/** `/help-me-find`: what guided help is, that it stays private, and the way in. */
export function StartPage() {
  const { t, ready } = useTranslation('guided');
  // Starts bringing the directory onto the device, so the shortlist works later with no signal.
  const directory = useDirectoryInfo();
  const session = useGuidedSession();
  if (!ready) return <Loading t={t} />;
  const first = stepPath(GUIDED_RULES.steps[0]!);
  const started = hasAnswers(session);
  return (
    <Page title={t('start.title')}>
      <p class="lead">{t('start.lead', { steps: GUIDED_RULES.steps.length })}</p>
      <ul class="bullets">
        <li>{t('start.points.skip')}</li>
        <li>{t('start.points.private')}</li>
        <li>{t('start.points.offline')}</li>
      </ul>
      <DirectoryLine directory={directory} t={t} />
      <div class="button-group guided-actions">
        {started ? (
          <>
            <a class="button guided-start" href={first}>
              {t('start.carryOn')}
            </a>
            <a class="button button--secondary" href={first} onClick={() => clearGuidedSession()}>
              {t('start.startAgain')}
            </a>
          </>
        ) : (
          <a class="button guided-start" href={first}>
            {t('start.start')}
          </a>
        )}
      </div>
      <p>
        <a class="guided-help-now-link tap-target" href={`${HELP_NOW_PATH}?from=start`}>
          <Icon name="help" />
          <span>{t('journey.helpNow')}</span>
        </a>
      </p>
    </Page>
  );
}
