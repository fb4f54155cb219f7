import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  FOUND_ANSWERS,
  foundSubmission,
  saysSomethingMissing,
  type FoundAnswer,
  type FoundDetails,
  type FoundSource,
} from '../../../domain/evidence/found.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { OptionList } from '../../components/option-list.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { setFoundEntry, type FoundEntry } from './found-state.ts';
import { MISSING_PATH } from './paths.ts';
import { useFoundEntry } from './use-found-entry.ts';
import './evidence.css';

const FIELD = 'found';

/**
 * "Did you find what you needed?" at the foot of the results or the shortlist. Yes is sent at once, as
 * the answer alone. Partly or No leads to one optional page asking what was missing, with what the
 * person already chose (a district, guided help's needs) filled in for them to keep or change; `details`
 * are those choices, never the words typed into search.
 */
export function FoundQuestion(props: { source: FoundSource; details: FoundDetails; returnTo: string }) {
  const { t, ready } = useTranslation('evidence');
  const { route } = useLocation();
  const entry = useFoundEntry(props.source);
  const [choice, setChoice] = useState<FoundAnswer | undefined>(entry?.sent ? undefined : entry?.answer);
  const [problem, setProblem] = useState<'required' | 'failed'>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  const justSent = useRef(false);
  // The form goes once the answer is sent: focus goes to the thanks that replace it.
  useEffect(() => {
    if (entry?.sent && justSent.current) {
      justSent.current = false;
      thanks.current?.focus();
    }
  }, [entry?.sent]);

  if (!ready) return null;
  if (entry?.sent) {
    return (
      <section class="found-question panel panel--success" aria-label={t('found.question')}>
        <p class="found-question__thanks" ref={thanks} tabIndex={-1}>
          {t('found.thanks')}
        </p>
        {typeof navigator !== 'undefined' && navigator.onLine === false && <p>{t('found.offline')}</p>}
      </section>
    );
  }

  const send = async () => {
    if (!choice) {
      setProblem('required');
      setAttempt((n) => n + 1);
      return;
    }
    if (busy) return;
    const id = entry?.id ?? crypto.randomUUID();
    const base = { id, answer: choice, returnTo: props.returnTo };
    if (saysSomethingMissing(choice)) {
      // Kept from an earlier visit to the page of needs, else what the person chose on the way here.
      const kept = entry && saysSomethingMissing(entry.answer) ? entry : props.details;
      setFoundEntry(props.source, { ...base, sent: false, ...detailsOf(kept) });
      route(`${MISSING_PATH}?from=${props.source}`);
      return;
    }
    setBusy(true);
    try {
      // The outbox and its rules load only when someone answers: under the results they would otherwise
      // be built on every first visit, one more long task while the page is still being drawn.
      const { queueSubmission } = await import('../../../store/feedback-send-triggers.ts');
      await queueSubmission(
        foundSubmission({ id, createdAt: new Date().toISOString(), source: props.source, answer: choice }),
      );
      justSent.current = true;
      setFoundEntry(props.source, { ...base, sent: true });
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  const hintId = `${FIELD}-hint`;
  const errorId = `${FIELD}-error`;
  return (
    <section class="found-question" aria-labelledby="found-question">
      {problem === 'required' && (
        <ErrorSummary
          title={t('found.errorSummary')}
          errors={[{ field: `${FIELD}-${FOUND_ANSWERS[0]}`, message: t('found.error') }]}
          attempt={attempt}
        />
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <fieldset
          class={problem === 'required' ? 'fieldset field--error' : 'fieldset'}
          aria-describedby={problem === 'required' ? `${hintId} ${errorId}` : hintId}
        >
          <legend class="fieldset__legend">
            <h2 id="found-question" class="found-question__title">
              {t('found.question')}
            </h2>
          </legend>
          <p class="hint" id={hintId}>
            {t('found.hint')}
          </p>
          <ErrorMessage
            id={errorId}
            prefix={t('found.errorPrefix')}
            message={problem === 'required' ? t('found.error') : undefined}
          />
          <OptionList
            name={FIELD}
            type="radio"
            options={FOUND_ANSWERS.map((answer) => ({ id: answer, label: t(`found.${answer}`) }))}
            checked={choice ? [choice] : []}
            onChange={(id, picked) => {
              if (picked) setChoice(id as FoundAnswer);
            }}
          />
        </fieldset>
        {problem === 'failed' && (
          <p class="error-message" role="alert">
            {t('found.failed')}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {choice && saysSomethingMissing(choice) ? t('found.continue') : t('found.send')}
        </button>
      </form>
    </section>
  );
}

function detailsOf(from: FoundDetails): Pick<FoundEntry, 'needs' | 'district' | 'forWhom'> {
  return {
    ...(from.needs && from.needs.length > 0 ? { needs: [...from.needs] } : {}),
    ...(from.district ? { district: from.district } : {}),
    ...(from.forWhom ? { forWhom: from.forWhom } : {}),
  };
}
