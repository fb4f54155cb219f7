import { useState } from 'preact/hooks';
import type { ErrorItem } from '../../../../components/error-summary.tsx';
import { Radios } from '../../../../components/fields.tsx';
import { HelpNow } from '../../help-now.tsx';
import { ContinueButton, StepForm, StepLayout } from '../step-layout.tsx';
import { wording, type StepProps } from '../step-props.ts';

/**
 * Shown straight after someone says they do not feel safe, before any further question. A member of
 * staff is also asked whether a safeguarding concern needs raising (docs/measures.md, "Safety first").
 */
export function HelpNowStep(props: StepProps) {
  const { t, mode, draft } = props;
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const title = t('feedback:help.title', wording(mode));
  const concern =
    draft.safeguardingConcern === undefined ? undefined : draft.safeguardingConcern ? 'yes' : 'no';
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <HelpNow t={t} mode={mode} />
      <StepForm
        onSubmit={() => {
          if (mode === 'assisted' && concern === undefined)
            setErrors([{ field: 'safeguarding', message: t('feedback:help.safeguardingError') }]);
          else void props.go();
        }}
      >
        {mode === 'assisted' ? (
          <Radios
            name="safeguarding"
            legend={t('feedback:help.safeguardingLegend')}
            hint={t('feedback:help.safeguardingHint')}
            choices={[
              { value: 'yes', label: t('feedback:form.yes') },
              { value: 'no', label: t('feedback:form.no') },
            ]}
            value={concern}
            onChange={(value) => void props.update({ safeguardingConcern: value === 'yes' })}
            error={errors[0]?.message}
            errorPrefix={t('feedback:form.errorPrefix')}
            small
          />
        ) : null}
        <ContinueButton text={t('feedback:help.continue', wording(mode))} />
      </StepForm>
    </StepLayout>
  );
}
