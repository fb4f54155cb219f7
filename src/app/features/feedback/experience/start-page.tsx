import { useLocation } from 'preact-iso';
import { findLanguage } from '../../../../domain/languages.ts';
import { Page } from '../../../components/page.tsx';
import { useTranslation } from '../../../i18n/use-translation.ts';
import { startOutbox } from '../../../../store/feedback-send-triggers.ts';
import { newDraft, type Mode } from './draft.ts';
import { resumeStep, stepPath, stepsFor } from './flow.ts';
import { loadDraft, storeDraft, useDraft } from './use-draft.ts';
import { useFlowOwner } from './use-flow-owner.ts';
import { useEffect } from 'preact/hooks';
import '../feedback.css';

/** The start page: what the questionnaire is for, how long it takes, and what happens to the answers. */
export function StartPage(props: { mode: Mode }) {
  const { mode } = props;
  const { t, ready, language } = useTranslation('feedback');
  const { route } = useLocation();
  const owner = useFlowOwner(mode);
  const key = owner.status === 'ready' ? owner.key : undefined;
  const staffId = owner.status === 'ready' ? owner.owner : undefined;
  const state = useDraft(key, staffId);
  useEffect(() => startOutbox(), []);
  useEffect(() => {
    if (owner.status === 'sign-in') route('/staff/sign-in', true);
    if (owner.status === 'not-allowed') route('/staff', true);
  }, [owner.status, route]);
  if (!ready || !key || state.status === 'loading') return <p class="loading">{t('common:loading')}</p>;

  const begin = async (carried = {}) => {
    const draft = newDraft(mode, carried);
    await storeDraft(key, draft, staffId);
    route(stepPath(mode, stepsFor(draft)[0]!));
  };
  const resume = async () => {
    const draft = await loadDraft(key);
    if (draft) route(stepPath(mode, resumeStep(draft)));
  };
  const started =
    state.status === 'ready'
      ? new Intl.DateTimeFormat(findLanguage(language)?.htmlLang ?? language, {
          dateStyle: 'long',
          timeStyle: 'short',
        }).format(state.draft.startedAt)
      : undefined;
  const prefix = mode === 'self' ? 'start' : 'staffStart';
  const paragraphs = t(`feedback:${prefix}.paragraphs`, { returnObjects: true }) as string[];
  const nextItems = t(`feedback:${prefix}.whatHappens`, { returnObjects: true }) as string[];
  return (
    <Page title={t(`feedback:${prefix}.title`)}>
      <p class="lead">{t(`feedback:${prefix}.lead`)}</p>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{t(`feedback:${prefix}.whatHappensHeading`)}</h2>
      <ul class="bullets">
        {nextItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {mode === 'self' ? (
        <p>
          {t('feedback:start.privacyBefore')} <a href="/privacy">{t('feedback:start.privacyLink')}</a>
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <div class="inset fb-inset-text">
          <h2 class="fb-inset-text__heading">{t('feedback:start.draftHeading')}</h2>
          <p>{t('feedback:start.draftBody', { date: started })}</p>
          <div class="button-group">
            <button type="button" class="button" onClick={() => void resume()}>
              {t('feedback:start.continueDraft')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => void begin()}>
              {t('feedback:start.startAgain')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button button--start" onClick={() => void begin()}>
          {t('feedback:start.startNow')}
        </button>
      )}
    </Page>
  );
}
