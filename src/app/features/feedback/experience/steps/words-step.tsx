import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_WORDS_LENGTH } from '../../../../../domain/feedback/submission.ts';
import type { ErrorItem } from '../../../../components/error-summary.tsx';
import { CharacterCount } from '../../../../components/fields.tsx';
import { StepForm, StepLayout, ContinueButton } from '../step-layout.tsx';
import { wording, type StepProps } from '../step-props.ts';
import { numberFormat } from '../../../../i18n/intl.ts';

/** The person's own words: optional, kept on the device as they type, sent only with their consent. */
export function WordsStep(props: StepProps) {
  const { t, locale } = props;
  const [text, setText] = useState(props.draft.words ?? '');
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);
  const number = numberFormat(locale);
  useEffect(() => () => clearTimeout(pause.current), []);
  const title = t('feedback:steps.words.title', wording(props.mode));
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <StepForm
        onSubmit={() => {
          clearTimeout(pause.current);
          if (text.length > MAX_WORDS_LENGTH) {
            setErrors([
              {
                field: 'words',
                message: t('feedback:steps.words.tooLong', { max: number.format(MAX_WORDS_LENGTH) }),
              },
            ]);
            return;
          }
          void props.go({ words: text });
        }}
      >
        <CharacterCount
          id="words"
          label={t('feedback:steps.words.label', wording(props.mode))}
          hint={t('feedback:steps.words.hint', wording(props.mode))}
          value={text}
          maxLength={MAX_WORDS_LENGTH}
          describe={(remaining) =>
            remaining >= 0
              ? t('feedback:steps.words.remaining', { count: remaining, n: number.format(remaining) })
              : t('feedback:steps.words.over', { count: -remaining, n: number.format(-remaining) })
          }
          onInput={(value) => {
            setText(value);
            clearTimeout(pause.current);
            // Kept a moment after typing stops, rather than at every key.
            pause.current = setTimeout(() => void props.update({ words: value }), 400);
          }}
          error={errors[0]?.message}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}
