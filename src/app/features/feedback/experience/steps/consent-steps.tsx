import { useState } from 'preact/hooks';
import { GATHERED_BY, type GatheredBy } from '../../../../../domain/feedback/about.ts';
import { AREAS_OF_FOCUS, type AreaOfFocus } from '../../../../../domain/feedback/questions.ts';
import { ContactBy } from '../../../../../domain/feedback/submission.ts';
import type { ErrorItem } from '../../../../components/error-summary.tsx';
import { Checkboxes, Confirmation, Radios, TextInput } from '../../../../components/fields.tsx';
import { hasWords } from '../draft.ts';
import { ContinueButton, StepForm, StepLayout } from '../step-layout.tsx';
import { wording, type StepProps } from '../step-props.ts';

type YesNo = 'yes' | 'no';

function yesNo(value: boolean | undefined): YesNo | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}

/** May we keep the person's words, quote them, contact them: each asked plainly, none assumed. */
export function ConsentStep(props: StepProps) {
  const { t, draft, mode } = props;
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const words = hasWords(draft);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const yesNoChoices = (field: string) => [
    { value: 'yes' as YesNo, label: t(`feedback:consent.${field}.yes`, wording(mode)) },
    { value: 'no' as YesNo, label: t(`feedback:consent.${field}.no`, wording(mode)) },
  ];
  const title = t('feedback:steps.consent.title', wording(mode));
  const submit = () => {
    const found: ErrorItem[] = [];
    if (words && draft.storeWords === undefined)
      found.push({ field: 'storeWords', message: t('feedback:consent.storeWords.error', wording(mode)) });
    if (words && draft.storeWords && draft.quote === undefined)
      found.push({ field: 'quote', message: t('feedback:consent.quote.error', wording(mode)) });
    if (draft.contact === undefined)
      found.push({ field: 'contact', message: t('feedback:consent.contact.error', wording(mode)) });
    setErrors(found);
    if (found.length === 0) void props.go();
  };
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <StepForm onSubmit={submit}>
        {words ? (
          <Radios
            name="storeWords"
            legend={t('feedback:consent.storeWords.legend', wording(mode))}
            hint={t('feedback:consent.storeWords.hint', wording(mode))}
            choices={[
              {
                ...yesNoChoices('storeWords')[0]!,
                conditional: (
                  <Radios
                    name="quote"
                    legend={t('feedback:consent.quote.legend', wording(mode))}
                    hint={t('feedback:consent.quote.hint', wording(mode))}
                    choices={yesNoChoices('quote')}
                    value={yesNo(draft.quote)}
                    onChange={(value) => void props.update({ quote: value === 'yes' })}
                    error={errorFor('quote')}
                    errorPrefix={t('feedback:form.errorPrefix')}
                    small
                  />
                ),
              },
              yesNoChoices('storeWords')[1]!,
            ]}
            value={yesNo(draft.storeWords)}
            onChange={(value) =>
              void props.update(value === 'yes' ? { storeWords: true } : { storeWords: false, quote: false })
            }
            error={errorFor('storeWords')}
            errorPrefix={t('feedback:form.errorPrefix')}
          />
        ) : null}
        <Radios
          name="contact"
          legend={t('feedback:consent.contact.legend', wording(mode))}
          hint={t('feedback:consent.contact.hint', wording(mode))}
          choices={yesNoChoices('contact')}
          value={yesNo(draft.contact)}
          onChange={(value) => void props.update({ contact: value === 'yes' })}
          error={errorFor('contact')}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}

/** How to contact the person: email or phone, checked with the same rules as the server's. */
export function ContactStep(props: StepProps) {
  const { t, draft, mode } = props;
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [email, setEmail] = useState(draft.email ?? '');
  const [phone, setPhone] = useState(draft.phone ?? '');
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = t('feedback:steps.contact.title', wording(mode));
  const submit = () => {
    const method = draft.contactMethod;
    if (!method) {
      setErrors([{ field: 'contactMethod', message: t('feedback:contact.methodError', wording(mode)) }]);
      return;
    }
    const value = (method === 'email' ? email : phone).trim();
    const parsed = ContactBy.safeParse({ method, value });
    if (!parsed.success) {
      const key = value === '' ? `${method}Missing` : `${method}Invalid`;
      setErrors([{ field: method, message: t(`feedback:contact.${key}`, wording(mode)) }]);
      return;
    }
    void props.go(method === 'email' ? { email: value, phone: '' } : { phone: value, email: '' });
  };
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <StepForm onSubmit={submit}>
        <Radios
          name="contactMethod"
          legend={title}
          legendHidden
          hint={t('feedback:contact.hint', wording(mode))}
          choices={[
            {
              value: 'email',
              label: t('feedback:contact.email'),
              conditional: (
                <TextInput
                  id="email"
                  type="email"
                  label={t('feedback:contact.emailLabel')}
                  autocomplete={mode === 'self' ? 'email' : 'off'}
                  spellcheck={false}
                  dir="ltr"
                  value={email}
                  onInput={(value) => {
                    setEmail(value);
                    void props.update({ email: value });
                  }}
                  error={errorFor('email')}
                  errorPrefix={t('feedback:form.errorPrefix')}
                />
              ),
            },
            {
              value: 'phone',
              label: t('feedback:contact.phone'),
              conditional: (
                <TextInput
                  id="phone"
                  type="tel"
                  label={t('feedback:contact.phoneLabel')}
                  hint={t('feedback:contact.phoneHint')}
                  autocomplete={mode === 'self' ? 'tel' : 'off'}
                  dir="ltr"
                  value={phone}
                  onInput={(value) => {
                    setPhone(value);
                    void props.update({ phone: value });
                  }}
                  error={errorFor('phone')}
                  errorPrefix={t('feedback:form.errorPrefix')}
                />
              ),
            },
          ]}
          value={draft.contactMethod}
          onChange={(value) => void props.update({ contactMethod: value as 'email' | 'phone' })}
          error={errorFor('contactMethod')}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}

/** Staff only, first: how they are gathering the answers, and that the consent statement was read. */
export function GatheringStep(props: StepProps) {
  const { t, draft } = props;
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = t('feedback:steps.gathering.title');
  const submit = () => {
    const found: ErrorItem[] = [];
    if (!draft.gatheredBy) found.push({ field: 'gatheredBy', message: t('feedback:gathering.methodError') });
    if (!draft.consentStatementRead)
      found.push({ field: 'consentStatementRead', message: t('feedback:gathering.statementError') });
    setErrors(found);
    if (found.length === 0) void props.go();
  };
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <StepForm onSubmit={submit}>
        <Radios<GatheredBy>
          name="gatheredBy"
          legend={t('feedback:gathering.methodLegend')}
          choices={GATHERED_BY.map((code) => ({ value: code, label: t(`feedback:gathering.${code}`) }))}
          value={draft.gatheredBy}
          onChange={(value) => void props.update({ gatheredBy: value })}
          error={errorFor('gatheredBy')}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <h2>{t('feedback:gathering.statementHeading')}</h2>
        <p>{t('feedback:gathering.statementIntro')}</p>
        <blockquote class="inset fb-inset-text">
          {(t('feedback:gathering.statement', { returnObjects: true }) as string[]).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </blockquote>
        <Confirmation
          id="consentStatementRead"
          label={t('feedback:gathering.statementConfirm')}
          checked={draft.consentStatementRead === true}
          onChange={(checked) => void props.update({ consentStatementRead: checked })}
          error={errorFor('consentStatementRead')}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}

/** Staff only: which of the council's seven areas of focus the feedback speaks to (optional). */
export function FocusStep(props: StepProps) {
  const { t, draft } = props;
  const title = t('feedback:steps.focus.title');
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={[]} storageFull={props.storageFull}>
      <StepForm onSubmit={() => void props.go()}>
        <Checkboxes<AreaOfFocus>
          name="areasOfFocus"
          legend={title}
          legendHidden
          hint={t('feedback:steps.focus.hint')}
          choices={AREAS_OF_FOCUS.map((code) => ({ value: code, label: t(`feedback:areas.${code}`) }))}
          values={draft.areasOfFocus ?? []}
          onChange={(values) => void props.update({ areasOfFocus: values })}
          errorPrefix={t('feedback:form.errorPrefix')}
        />
        <ContinueButton text={t('feedback:form.continue')} />
      </StepForm>
    </StepLayout>
  );
}
