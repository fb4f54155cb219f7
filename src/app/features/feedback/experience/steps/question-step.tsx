import { useState } from 'preact/hooks';
import {
  allowedAnswers,
  answerLabelKey,
  PREFER_NOT_TO_SAY,
  QUESTIONS,
  type AnswerCode,
  type QuestionId,
} from '../../../../../domain/feedback/questions.ts';
import type { ErrorItem } from '../../../../components/error-summary.tsx';
import { Radios } from '../../../../components/fields.tsx';
import { questionNumber } from '../flow.ts';
import { StepForm, StepLayout } from '../step-layout.tsx';
import type { StepProps } from '../step-props.ts';

/** The words of a question for this person: the carers’ wording when a carer answers. */
export function questionTitleKey(id: QuestionId, respondent: string | undefined): string {
  const question = QUESTIONS[id];
  const carer = respondent === 'carer' || respondent === 'both';
  return carer && question.carerTitleKey ? question.carerTitleKey : question.titleKey;
}

/** One question a page (GOV.UK question pages): any may be skipped, and every one offers "Prefer not to say". */
export function QuestionStep(props: StepProps & { id: QuestionId }) {
  const { t, draft, id } = props;
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const chosen = draft.answers[id];
  const title = t(`feedback:${questionTitleKey(id, draft.respondent)}`);
  const { n, total } = questionNumber(draft, id);
  const choices = allowedAnswers(id).map((code) => ({
    value: code as string,
    label: t(`feedback:${answerLabelKey(id, code)}`),
  }));
  const choose = (value: string) =>
    void props.update({ answers: { ...draft.answers, [id]: value as AnswerCode } });
  const skip = () => {
    const answers = { ...draft.answers };
    delete answers[id];
    void props.go({ answers });
  };
  return (
    <StepLayout
      t={t}
      title={title}
      backHref={props.backHref}
      errors={errors}
      storageFull={props.storageFull}
      caption={t('feedback:form.questionOf', { n, total })}
    >
      <StepForm
        onSubmit={() => {
          if (chosen === undefined)
            setErrors([{ field: 'answer', message: t('feedback:form.chooseOrSkip') }]);
          else void props.go();
        }}
      >
        <Radios
          name="answer"
          legend={title}
          legendHidden
          choices={choices}
          value={chosen}
          onChange={choose}
          dividerBefore={PREFER_NOT_TO_SAY}
          dividerText={t('feedback:form.or')}
          error={errors[0]?.message}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <div class="button-group">
          <button type="submit" class="button">
            {t('feedback:form.continue')}
          </button>
          <button type="button" class="button button--secondary" onClick={skip}>
            {t('feedback:form.skip')}
          </button>
        </div>
      </StepForm>
    </StepLayout>
  );
}
