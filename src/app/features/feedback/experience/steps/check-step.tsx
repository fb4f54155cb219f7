import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { answerLabelKey, type QuestionId } from '../../../../../domain/feedback/questions.ts';
import { isSafetyConcern } from '../../../../../domain/feedback/submission.ts';
import { queueSubmission } from '../../../../../store/feedback-send-triggers.ts';
import { StorageFullError } from '../../../../../store/feedback-storage.ts';
import type { ErrorItem } from '../../../../components/error-summary.tsx';
import { hasWords, type ExperienceDraft } from '../draft.ts';
import { basePath, questionsFor, stepPath, type StepId } from '../flow.ts';
import { StepLayout } from '../step-layout.tsx';
import { wording, type StepProps } from '../step-props.ts';
import { checkDraft } from '../to-submission.ts';
import { forgetDraft } from '../use-draft.ts';
import { questionTitleKey } from './question-step.tsx';

interface Row {
  key: string;
  question: string;
  answer: string;
  step: StepId;
}

function rowsFor(draft: ExperienceDraft, props: StepProps): Row[] {
  const { t, mode } = props;
  const ctx = wording(mode);
  const notAnswered = t('feedback:check.notAnswered');
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? notAnswered : value ? t('feedback:form.yes') : t('feedback:form.no');
  const about = (field: string, code: string | undefined) =>
    code ? t(`feedback:about.${field}.${code}`, ctx) : notAnswered;
  const rows: Row[] = [];
  if (mode === 'assisted') {
    rows.push({
      key: 'gatheredBy',
      question: t('feedback:gathering.methodLegend'),
      answer: draft.gatheredBy ? t(`feedback:gathering.${draft.gatheredBy}`) : notAnswered,
      step: 'gathering',
    });
    rows.push({
      key: 'statement',
      question: t('feedback:check.statementRead'),
      answer: yesNo(draft.consentStatementRead),
      step: 'gathering',
    });
  }
  rows.push({
    key: 'respondent',
    question: t('feedback:steps.who.title', ctx),
    answer: about('respondent', draft.respondent),
    step: 'who',
  });
  for (const id of questionsFor(draft)) {
    const given = draft.answers[id];
    rows.push({
      key: id,
      question: t(`feedback:${questionTitleKey(id, draft.respondent)}`),
      answer: given ? t(`feedback:${answerLabelKey(id as QuestionId, given)}`) : notAnswered,
      step: id,
    });
    if (id === 'safe' && mode === 'assisted' && isSafetyConcern(draft.answers)) {
      rows.push({
        key: 'safeguarding',
        question: t('feedback:help.safeguardingLegend'),
        answer: yesNo(draft.safeguardingConcern),
        step: 'help-now',
      });
    }
  }
  rows.push({
    key: 'words',
    question: t('feedback:steps.words.title', ctx),
    answer: hasWords(draft) ? (draft.words ?? '').trim() : t('feedback:check.noWords'),
    step: 'words',
  });
  for (const field of ['ageBand', 'district'] as const)
    rows.push({
      key: field,
      question: t(`feedback:about.${field}.legend`, ctx),
      answer: about(field, draft[field]),
      step: 'about-you',
    });
  for (const field of ['sex', 'ethnicGroup', 'disability'] as const)
    rows.push({
      key: field,
      question: t(`feedback:about.${field}.legend`, ctx),
      answer: about(field, draft[field]),
      step: 'equality',
    });
  rows.push({
    key: 'howAnswered',
    question: t('feedback:steps.how-answered.title', ctx),
    answer: about('howAnswered', draft.howAnswered),
    step: 'how-answered',
  });
  if (hasWords(draft)) {
    rows.push({
      key: 'storeWords',
      question: t('feedback:consent.storeWords.legend', ctx),
      answer: yesNo(draft.storeWords),
      step: 'consent',
    });
    if (draft.storeWords)
      rows.push({
        key: 'quote',
        question: t('feedback:consent.quote.legend', ctx),
        answer: yesNo(draft.quote),
        step: 'consent',
      });
  }
  rows.push({
    key: 'contact',
    question: t('feedback:consent.contact.legend', ctx),
    answer: yesNo(draft.contact),
    step: 'consent',
  });
  if (draft.contact)
    rows.push({
      key: 'contactBy',
      question: t('feedback:steps.contact.title', ctx),
      answer:
        draft.contactMethod === 'email'
          ? (draft.email ?? notAnswered)
          : draft.contactMethod === 'phone'
            ? (draft.phone ?? notAnswered)
            : notAnswered,
      step: 'contact',
    });
  if (mode === 'assisted')
    rows.push({
      key: 'areasOfFocus',
      question: t('feedback:steps.focus.title'),
      answer:
        draft.areasOfFocus && draft.areasOfFocus.length > 0
          ? draft.areasOfFocus.map((area) => t(`feedback:areas.${area}`)).join(', ')
          : t('feedback:check.noneChosen'),
      step: 'focus',
    });
  return rows;
}

/** GOV.UK "check answers": every answer with a link to change it, then send. */
export function CheckStep(props: StepProps & { draftKey: string; owner?: string }) {
  const { t, draft, mode } = props;
  const { route } = useLocation();
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [sending, setSending] = useState(false);
  const title = t('feedback:check.title', wording(mode));
  const send = async () => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(
        checked.errors.map(({ step, error }) => ({
          field: step,
          href: stepPath(mode, step, true),
          message: t(`feedback:check.fix.${step}`, { defaultValue: t(`feedback:errors.${error.code}`) }),
        })),
      );
      return;
    }
    setSending(true);
    try {
      await queueSubmission(checked.submission, props.owner ? { owner: props.owner } : {});
    } catch (error) {
      setSending(false);
      const message = error instanceof StorageFullError ? 'storageFull' : 'couldNotKeep';
      setErrors([{ field: 'send', message: t(`feedback:check.${message}`) }]);
      return;
    }
    await forgetDraft(props.draftKey);
    route(`${basePath(mode)}/sent/${draft.id}`);
  };
  return (
    <StepLayout t={t} title={title} backHref={props.backHref} errors={errors} storageFull={props.storageFull}>
      <dl class="fb-summary-list">
        {rowsFor(draft, props).map((row) => (
          <div class="fb-summary-list__row" key={row.key}>
            <dt class="fb-summary-list__key">{row.question}</dt>
            <dd class="fb-summary-list__value">{row.answer}</dd>
            <dd class="fb-summary-list__actions">
              <a class="tap-target" href={stepPath(mode, row.step, true)}>
                {t('feedback:check.change')}
                <span class="visually-hidden"> {row.question}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('feedback:check.sendHeading', wording(mode))}</h2>
      <p>{t('feedback:check.sendBody', wording(mode))}</p>
      <button type="button" id="send" class="button" disabled={sending} onClick={() => void send()}>
        {t('feedback:check.send', wording(mode))}
      </button>
    </StepLayout>
  );
}
