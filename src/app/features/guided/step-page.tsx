import { useLocation, useRoute } from 'preact-iso';
import { useTranslation } from '../../i18n/use-translation.ts';
import { NotFoundPage } from '../../pages/not-found.tsx';
import { withStepSkipped } from './answer-changes.ts';
import { ChoiceStep } from './choice-step.tsx';
import { updateGuidedSession } from './guided-session.ts';
import { GUIDED_RULES, placeOfStep } from './journey.ts';
import { QuestionPage } from './question-page.tsx';
import { WhereStep } from './where-step.tsx';
import { Loading } from './loading.tsx';
import './guided.css';

/** One step of the journey, `/help-me-find/<step id>`, one question a page (the last step: three). */
export function StepPage() {
  const { params } = useRoute();
  const { query, route } = useLocation();
  const { t, ready } = useTranslation('guided');
  const place = placeOfStep(GUIDED_RULES, params.step ?? '', query.from === 'check');
  if (!place) return <NotFoundPage />;
  if (!ready) return <Loading t={t} />;
  const { step } = place;
  const where = step.questions.find((question) => question.role === 'where');
  if (where) return <WhereStep key={step.id} place={place} question={where} t={t} />;

  const title = t(step.questions.length === 1 ? step.questions[0]!.key : step.key);
  return (
    <QuestionPage
      key={step.id}
      t={t}
      place={place}
      title={title}
      onContinue={() => route(place.nextPath)}
      onSkip={() => {
        updateGuidedSession((session) => ({ ...session, answers: withStepSkipped(session.answers, step) }));
        route(place.nextPath);
      }}
    >
      <ChoiceStep step={step} t={t} />
    </QuestionPage>
  );
}
