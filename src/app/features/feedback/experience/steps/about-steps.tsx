import { useState } from 'preact/hooks';
import {
  AGE_BANDS,
  DISABILITY_ANSWERS,
  ETHNIC_GROUPS,
  HOW_ANSWERED,
  SEXES,
  type HowAnswered,
  type RespondentGroup,
} from '../../../../../domain/feedback/about.ts';
import { PREFER_NOT_TO_SAY } from '../../../../../domain/feedback/questions.ts';
import { DISTRICTS } from '../../../../../domain/service-terms.ts';
import type { ErrorItem } from '../../../../components/error-summary.tsx';
import { Radios } from '../../../../components/fields.tsx';
import type { ExperienceDraft } from '../draft.ts';
import { ContinueButton, StepForm, StepLayout } from '../step-layout.tsx';
import { wording, type StepProps } from '../step-props.ts';

/** The answer choices of an "about you" field, in the words of the page's language. */
function choicesOf<T extends string>(props: StepProps, field: string, codes: readonly T[], hints = false) {
  return codes.map((code) => {
    const key: string = `feedback:about.${field}.${code}`;
    return {
      value: code,
      label: props.t(key, wording(props.mode)),
      ...(hints ? { hint: props.t(`${key}-hint`, wording(props.mode)) } : {}),
    };
  });
}

/** A page with one required question (who the person is, how they answered). */
function RequiredChoice<T extends string>(
  props: StepProps & {
    field: 'respondent' | 'howAnswered';
    codes: readonly T[];
    hints?: boolean;
  },
) {
  const { t } = props;
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const value = props.draft[props.field] as T | undefined;
  const title = t(`feedback:steps.${props.step}.title`, wording(props.mode));
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <StepForm
        onSubmit={() => {
          if (value === undefined)
            setErrors([
              { field: props.field, message: t(`feedback:steps.${props.step}.error`, wording(props.mode)) },
            ]);
          else void props.go();
        }}
      >
        <Radios
          name={props.field}
          legend={title}
          legendHidden
          hint={t(`feedback:steps.${props.step}.hint`, wording(props.mode))}
          choices={choicesOf(props, props.field, props.codes, props.hints)}
          value={value}
          onChange={(chosen) => void props.update({ [props.field]: chosen } as Partial<ExperienceDraft>)}
          error={errors[0]?.message}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}

/** Who the person is: asked first, since it decides the carers’ wording and the carers’ question. */
export function WhoStep(props: StepProps) {
  return <RequiredChoice<RespondentGroup> {...props} field="respondent" codes={WHO_ORDER} hints />;
}

/** Carers first: the question is mostly there to find them. */
const WHO_ORDER: readonly RespondentGroup[] = ['carer', 'draws-on-care', 'both', 'resident'];

export function HowAnsweredStep(props: StepProps) {
  return <RequiredChoice<HowAnswered> {...props} field="howAnswered" codes={HOW_ANSWERED} />;
}

type OptionalField = 'ageBand' | 'district' | 'sex' | 'ethnicGroup' | 'disability';

/** A page of optional questions, each kept as soon as it is chosen. */
function OptionalQuestions(
  props: StepProps & { fields: { field: OptionalField; codes: readonly string[] }[] },
) {
  const { t } = props;
  const title = t(`feedback:steps.${props.step}.title`, wording(props.mode));
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={[]} storageFull={props.storageFull}>
      <p>{t(`feedback:steps.${props.step}.intro`, wording(props.mode))}</p>
      <StepForm onSubmit={() => void props.go()}>
        {props.fields.map(({ field, codes }) => (
          <Radios
            key={field}
            name={field}
            legend={t(`feedback:about.${field}.legend`, wording(props.mode))}
            choices={choicesOf(props, field, codes)}
            value={props.draft[field] as string | undefined}
            onChange={(chosen) => void props.update({ [field]: chosen } as Partial<ExperienceDraft>)}
            dividerBefore={PREFER_NOT_TO_SAY}
            dividerText={t('feedback:form.or')}
            errorPrefix={t('feedback:form.errorPrefix')}
            small
          />
        ))}
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}

export function AboutYouStep(props: StepProps) {
  return (
    <OptionalQuestions
      {...props}
      fields={[
        { field: 'ageBand', codes: AGE_BANDS },
        { field: 'district', codes: DISTRICTS },
      ]}
    />
  );
}

export function EqualityStep(props: StepProps) {
  return (
    <OptionalQuestions
      {...props}
      fields={[
        { field: 'sex', codes: SEXES },
        { field: 'ethnicGroup', codes: ETHNIC_GROUPS },
        { field: 'disability', codes: DISABILITY_ANSWERS },
      ]}
    />
  );
}
