import type { TFunction } from 'i18next';
import type { Question, Step } from '../../../domain/guided/rules.ts';
import { PAGE_HEADING_ID } from '../../components/page.tsx';
import { withChoice } from './answer-changes.ts';
import { updateGuidedSession } from './guided-session.ts';
import { GuidedIcon } from './guided-icons.tsx';
import { OptionList, type Option } from '../../components/option-list.tsx';
import { useGuidedSession } from './use-guided-session.ts';

/**
 * The questions of a step that are answered by choosing. Every choice is kept as it is made, so Back,
 * a reload or a change of language never loses one.
 */
export function ChoiceStep(props: { step: Step; t: TFunction }) {
  const { step, t } = props;
  const { answers } = useGuidedSession();
  const single = step.questions.length === 1;

  const pick = (question: Question, answerId: string, picked: boolean) =>
    updateGuidedSession((session) => ({
      ...session,
      answers: withChoice(session.answers, question, answerId, picked),
    }));

  return (
    <>
      {step.questions.map((question) => {
        const hintId = `${question.id}-hint`;
        const options: Option[] = question.answers.map((answer) => ({
          id: answer.id,
          label: t(answer.key),
          icon: <GuidedIcon name={answer.icon} />,
        }));
        // A single choice among several questions can be taken back: "No preference".
        if (question.select === 'one' && !single) options.push({ id: '', label: t('journey.noPreference') });
        const chosen = answers.choices[question.id] ?? [];
        const checked = question.select === 'one' && !single && chosen.length === 0 ? [''] : chosen;
        return (
          <fieldset
            class="fieldset"
            key={question.id}
            aria-labelledby={single ? PAGE_HEADING_ID : undefined}
            aria-describedby={hintId}
          >
            {/* One question alone is the page's heading, which names the group: a legend would repeat it. */}
            {single ? null : <legend class="fieldset__legend guided-legend">{t(question.key)}</legend>}
            <p class="hint" id={hintId}>
              {t(question.select === 'one' ? 'journey.chooseOne' : 'journey.chooseAny')}
            </p>
            <OptionList
              name={question.id}
              type={question.select === 'one' ? 'radio' : 'checkbox'}
              options={options}
              checked={checked}
              onChange={(id, picked) => pick(question, id, picked)}
            />
          </fieldset>
        );
      })}
    </>
  );
}
