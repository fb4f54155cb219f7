import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { findLanguage } from '../../../../domain/languages.ts';
import { useTranslation } from '../../../i18n/use-translation.ts';
import type { ExperienceDraft, Mode } from './draft.ts';
import {
  basePath,
  isQuestionStep,
  isStep,
  nextStep,
  previousStep,
  resumeStep,
  stepPath,
  type StepId,
} from './flow.ts';
import type { StepProps } from './step-props.ts';
import { AboutYouStep, EqualityStep, HowAnsweredStep, WhoStep } from './steps/about-steps.tsx';
import { CheckStep } from './steps/check-step.tsx';
import { ConsentStep, ContactStep, FocusStep, GatheringStep } from './steps/consent-steps.tsx';
import { HelpNowStep } from './steps/help-now-step.tsx';
import { QuestionStep } from './steps/question-step.tsx';
import { WordsStep } from './steps/words-step.tsx';
import { useDraft } from './use-draft.ts';
import { useFlowOwner } from './use-flow-owner.ts';
import { useLatest } from '../../../hooks/use-latest.ts';
import '../feedback.css';

function Redirect(props: { to: string; text: string }) {
  const { route } = useLocation();
  useEffect(() => route(props.to, true), [props.to, route]);
  return <p class="loading">{props.text}</p>;
}

function StepView(props: StepProps & { draftKey: string; owner?: string }) {
  const { step } = props;
  if (isQuestionStep(step)) return <QuestionStep {...props} id={step} />;
  switch (step) {
    case 'gathering':
      return <GatheringStep {...props} />;
    case 'who':
      return <WhoStep {...props} />;
    case 'help-now':
      return <HelpNowStep {...props} />;
    case 'words':
      return <WordsStep {...props} />;
    case 'about-you':
      return <AboutYouStep {...props} />;
    case 'equality':
      return <EqualityStep {...props} />;
    case 'how-answered':
      return <HowAnsweredStep {...props} />;
    case 'consent':
      return <ConsentStep {...props} />;
    case 'contact':
      return <ContactStep {...props} />;
    case 'focus':
      return <FocusStep {...props} />;
    case 'check':
      return <CheckStep {...props} />;
  }
}

/** One step of the questionnaire, at `/feedback/<step>` or `/staff/record/<step>`. */
export function StepPage(props: { mode: Mode }) {
  const { mode } = props;
  const { params, query } = useRoute();
  const { route } = useLocation();
  const { t, ready, language } = useTranslation('feedback');
  const owner = useFlowOwner(mode);
  const state = useDraft(
    owner.status === 'ready' ? owner.key : undefined,
    owner.status === 'ready' ? owner.owner : undefined,
  );
  const step = params.step ?? '';
  // A fresh draft is begun once, when none is found, not again on every render that still shows none.
  const latestState = useLatest(state);
  useEffect(() => {
    const current = latestState.current;
    if (current.status === 'none') void current.start(mode);
  }, [state.status, mode, latestState]);
  const loading = t('common:loading');
  if (!ready || owner.status === 'loading' || (owner.status === 'ready' && state.status === 'loading'))
    return <p class="loading">{loading}</p>;
  if (owner.status === 'sign-in') return <Redirect to="/staff/sign-in" text={loading} />;
  if (owner.status === 'not-allowed') return <Redirect to="/staff" text={loading} />;
  if (owner.status !== 'ready' || state.status !== 'ready') return <p class="loading">{loading}</p>;
  const { draft, update } = state;
  if (!isStep(draft, step)) return <Redirect to={stepPath(mode, resumeStep(draft))} text={loading} />;
  const changing = query.change === '1';
  const previous = previousStep(draft, step);
  const backHref = changing ? stepPath(mode, 'check') : previous ? stepPath(mode, previous) : basePath(mode);
  const go = async (patch: Partial<ExperienceDraft> = {}) => {
    const next: StepId = nextStep({ ...draft, ...patch }, step, changing);
    await update({ ...patch, step: next });
    route(stepPath(mode, next, changing && next !== 'check'));
  };
  return (
    <StepView
      key={step}
      draft={draft}
      mode={mode}
      step={step}
      changing={changing}
      backHref={backHref}
      storageFull={state.storageFull}
      t={t}
      locale={findLanguage(language)?.htmlLang ?? language}
      update={update}
      go={go}
      draftKey={owner.key}
      {...(owner.owner ? { owner: owner.owner } : {})}
    />
  );
}
