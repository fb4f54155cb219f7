import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'preact/hooks';
import { HELPED_ANSWERS, helpedSubmission, type Helped } from '../../../domain/guided/helped.ts';
import { queueSubmission } from '../../../store/feedback-send-triggers.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { readGuidedSession, updateGuidedSession } from './guided-session.ts';
import { OptionList } from '../../components/option-list.tsx';
import { useGuidedSession } from './use-guided-session.ts';
import { ErrorMessage } from '../../components/error-message.tsx';

const FIELD = 'helped';

/**
 * The journey's one closing question, and the only thing it ever sends: the answer alone, through the
 * feedback outbox, so it waits on the device when there is no connection.
 */
export function HelpedQuestion(props: { t: TFunction }) {
  const { t } = props;
  const session = useGuidedSession();
  const [choice, setChoice] = useState<Helped>();
  const [problem, setProblem] = useState<'required' | 'failed'>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const thanks = useRef<HTMLHeadingElement>(null);
  const justSent = useRef(false);
  // The form and its button go once the answer is sent: focus goes to the thanks that replace them.
  useEffect(() => {
    if (session.helped && justSent.current) {
      justSent.current = false;
      thanks.current?.focus();
    }
  }, [session.helped]);

  if (session.helped) {
    return (
      <section class="guided-helped" aria-labelledby="guided-helped-done">
        <h2 id="guided-helped-done" class="guided-helped__thanks" ref={thanks} tabIndex={-1}>
          {t('helped.thanks')}
        </h2>
        {typeof navigator !== 'undefined' && navigator.onLine === false && <p>{t('helped.offline')}</p>}
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
    setBusy(true);
    const id = crypto.randomUUID();
    const who = readGuidedSession().answers.choices.who?.[0];
    try {
      await queueSubmission(
        helpedSubmission({ id, createdAt: new Date().toISOString(), helped: choice, whoAnswerId: who }),
      );
      justSent.current = true;
      updateGuidedSession((current) => ({ ...current, helped: { id, answer: choice } }));
    } catch {
      setProblem('failed');
    } finally {
      setBusy(false);
    }
  };

  const hintId = `${FIELD}-hint`;
  const errorId = `${FIELD}-error`;
  return (
    <section class="guided-helped" aria-labelledby="guided-helped-question">
      {problem === 'required' && (
        <ErrorSummary
          title={t('journey.errorSummary')}
          errors={[{ field: `${FIELD}-${HELPED_ANSWERS[0]}`, message: t('helped.error') }]}
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
          <legend class="fieldset__legend guided-legend">
            <h2 id="guided-helped-question" class="guided-helped__question">
              {t('helped.question')}
            </h2>
          </legend>
          <p class="hint" id={hintId}>
            {t('helped.hint')}
          </p>
          <ErrorMessage
            id={errorId}
            prefix={t('journey.errorPrefix')}
            message={problem === 'required' ? t('helped.error') : undefined}
          />
          <OptionList
            name={FIELD}
            type="radio"
            options={HELPED_ANSWERS.map((answer) => ({ id: answer, label: t(`helped.${answer}`) }))}
            checked={choice ? [choice] : []}
            onChange={(id, picked) => picked && setChoice(id as Helped)}
          />
        </fieldset>
        {problem === 'failed' && (
          <p class="error-message" role="alert">
            {t('helped.failed')}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {t('helped.send')}
        </button>
      </form>
    </section>
  );
}
