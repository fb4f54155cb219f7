import type { TFunction } from 'i18next';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { chosenAnswers, type GuidedAnswers, type Question } from '../../../domain/guided/rules.ts';
import { clearGuidedSession } from './guided-session.ts';
import { JourneyBar } from './journey-bar.tsx';
import { GUIDED_PATH, GUIDED_RULES, SHORTLIST_PATH, stepPath } from './journey.ts';
import { useGuidedSession } from './use-guided-session.ts';
import { useShortlistWarmUp } from './use-shortlist-warm-up.ts';
import { Loading } from './loading.tsx';
import './guided.css';

/** What a person said to one question, in words: a district's name, "Near CM1 1QH", or the answers' labels. */
function answerWords(question: Question, answers: GuidedAnswers, t: TFunction): string[] {
  const chosen = chosenAnswers(question, answers);
  if (question.role === 'where') {
    const where = chosen[0];
    if (where?.input === 'district' && answers.district) return [t(`districts.${answers.district}`)];
    if (where?.input === 'postcode' && answers.postcode)
      return [t('check.near', { postcode: answers.postcode })];
    if (where && !where.input) return [t(where.key)];
    return [];
  }
  return chosen.map((answer) => t(answer.key));
}

/** `/help-me-find/check`: GOV.UK "check answers", each with a link to change it and come back here. */
export function CheckPage() {
  const { t, ready } = useTranslation('guided');
  const { answers } = useGuidedSession();
  useShortlistWarmUp(answers);
  if (!ready) return <Loading t={t} />;
  const steps = GUIDED_RULES.steps;
  return (
    <>
      <JourneyBar t={t} backPath={stepPath(steps[steps.length - 1]!)} from="check" />
      <Page title={t('check.title')}>
        <p class="lead">{t('check.lead')}</p>
        <dl class="guided-summary">
          {steps.flatMap((step) =>
            step.questions.map((question) => {
              const words = answerWords(question, answers, t);
              const label = t(`check.rows.${question.id}`);
              return (
                <div class="guided-summary__row" key={question.id}>
                  <dt class="guided-summary__key">{label}</dt>
                  <dd class="guided-summary__value">
                    {words.length === 0 ? (
                      <span class="guided-summary__empty">{t('check.notAnswered')}</span>
                    ) : words.length === 1 ? (
                      words[0]
                    ) : (
                      <ul class="guided-summary__list">
                        {words.map((word) => (
                          <li key={word}>{word}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  <dd class="guided-summary__action">
                    <a class="tap-target" href={stepPath(step, true)}>
                      {t('check.change')}
                      <span class="visually-hidden"> {label}</span>
                    </a>
                  </dd>
                </div>
              );
            }),
          )}
        </dl>
        <div class="button-group guided-actions">
          <a class="button" href={SHORTLIST_PATH}>
            {t('check.seeShortlist')}
          </a>
          <a class="button button--secondary" href={GUIDED_PATH} onClick={() => clearGuidedSession()}>
            {t('start.startAgain')}
          </a>
        </div>
      </Page>
    </>
  );
}
