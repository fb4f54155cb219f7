import { useEffect, useRef, useState } from 'preact/hooks';
import {
  FOLLOW_UP_ANSWERS,
  followUpSubmission,
  type FollowUpAnswer,
} from '../../../domain/evidence/follow-up.ts';
import type { Reminder } from '../../../domain/evidence/follow-up-rules.ts';
import { findLanguage } from '../../../domain/languages.ts';
import type { Service } from '../../../domain/service.ts';
import { queueSubmission } from '../../../store/feedback-send-triggers.ts';
import { dueFollowUps, forgetFollowUp } from '../../../store/follow-ups.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { OptionList } from '../../components/option-list.tsx';
import { Page } from '../../components/page.tsx';
import { dateTimeFormat } from '../../i18n/intl.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useListedServices } from '../my-list/use-listed-services.ts';
import { useSameValue } from '../../hooks/use-same-value.ts';
import './evidence.css';

const FIELD = 'helped';

/**
 * `/did-it-help`: the services this person saved or called at least 14 days ago, one at a time. Each is
 * asked about once: answered or declined, the device forgets it. A service the directory no longer
 * lists is forgotten without asking, as there is nothing left to ask about.
 */
export function FollowUpPage() {
  const { t, ready } = useTranslation('evidence');
  // The questions for this visit, read once so the list does not shift under the person.
  const [due, setDue] = useState<Reminder[]>();
  const [done, setDone] = useState(0);
  useEffect(() => {
    void dueFollowUps().then(setDue, () => setDue([]));
  }, []);
  const listed = useListedServices(due?.map((reminder) => reminder.serviceId));

  const missing = useSameValue(listed.missing);
  useEffect(() => {
    for (const id of missing) void forgetFollowUp(id).catch(() => undefined);
  }, [missing]);

  if (!ready || due === undefined) return <p class="loading">{t('common:loading')}</p>;
  const services = listed.services;
  const asking = services ? due.filter((r) => services.some((s) => s.id === r.serviceId)) : [];
  const current = asking[done];
  const service = current && services?.find((s) => s.id === current.serviceId);

  if (due.length > 0 && services === undefined) {
    return (
      <Page title={t('followUp.title')}>
        <p class="loading">{t('common:loading')}</p>
      </Page>
    );
  }
  if (!current || !service) {
    return (
      <Page title={t('followUp.title')}>
        <FollowUpEnd answered={done > 0} />
      </Page>
    );
  }
  return (
    <Page title={t('followUp.title')}>
      <p class="meta">{t('followUp.progress', { current: done + 1, total: asking.length })}</p>
      <FollowUpQuestion
        key={current.serviceId}
        reminder={current}
        service={service}
        focusOnShow={done > 0}
        onDone={() => setDone((n) => n + 1)}
      />
    </Page>
  );
}

function FollowUpEnd(props: { answered: boolean }) {
  const { t } = useTranslation('evidence');
  const panel = useRef<HTMLDivElement>(null);
  const { answered } = props;
  useEffect(() => {
    if (answered) panel.current?.focus();
  }, [answered]);
  return (
    <>
      {props.answered ? (
        <div class="panel panel--success" ref={panel} tabIndex={-1}>
          <h2>{t('followUp.thanksTitle')}</h2>
          <p>{t('followUp.thanks')}</p>
          {typeof navigator !== 'undefined' && navigator.onLine === false && <p>{t('found.offline')}</p>}
        </div>
      ) : (
        <p>{t('followUp.nothing')}</p>
      )}
      <p>{t('followUp.turnOff')}</p>
      <p>
        <a class="tap-target" href="/">
          {t('followUp.home')}
        </a>
      </p>
    </>
  );
}

function FollowUpQuestion(props: {
  reminder: Reminder;
  service: Service;
  focusOnShow: boolean;
  onDone: () => void;
}) {
  const { reminder, service, focusOnShow } = props;
  const { t, language } = useTranslation('evidence');
  const [choice, setChoice] = useState<FollowUpAnswer>();
  const [problem, setProblem] = useState<'required' | 'failed'>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The next service replaces the one just answered: focus goes to its name, so the change is heard.
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  const locale = findLanguage(language)?.htmlLang ?? 'en-GB';
  const when = dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/London' }).format(
    new Date(reminder.since),
  );

  const finish = async (answer: FollowUpAnswer | undefined) => {
    if (busy) return;
    setBusy(true);
    try {
      if (answer) {
        await queueSubmission(
          followUpSubmission({
            id: crypto.randomUUID(),
            createdAt: new Date().toISOString(),
            service,
            answer,
          }),
        );
      }
      await forgetFollowUp(service.id);
      props.onDone();
    } catch {
      setProblem('failed');
      setBusy(false);
    }
  };

  const hintId = `${FIELD}-hint`;
  const errorId = `${FIELD}-error`;
  return (
    <section aria-labelledby="follow-up-service">
      {problem === 'required' && (
        <ErrorSummary
          title={t('found.errorSummary')}
          errors={[{ field: `${FIELD}-${FOLLOW_UP_ANSWERS[0]}`, message: t('followUp.error') }]}
          attempt={attempt}
        />
      )}
      <h2 id="follow-up-service" ref={heading} tabIndex={-1}>
        <bdi lang="en-GB">{service.name}</bdi>
      </h2>
      <p>{t(reminder.via === 'called' ? 'followUp.called' : 'followUp.saved', { date: when })}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!choice) {
            setProblem('required');
            setAttempt((n) => n + 1);
            return;
          }
          void finish(choice);
        }}
      >
        <fieldset
          class={problem === 'required' ? 'fieldset field--error' : 'fieldset'}
          aria-describedby={problem === 'required' ? `${hintId} ${errorId}` : hintId}
        >
          <legend class="fieldset__legend">{t('followUp.question')}</legend>
          <p class="hint" id={hintId}>
            {t('followUp.hint')}
          </p>
          <ErrorMessage
            id={errorId}
            prefix={t('found.errorPrefix')}
            message={problem === 'required' ? t('followUp.error') : undefined}
          />
          <OptionList
            name={FIELD}
            type="radio"
            options={FOLLOW_UP_ANSWERS.map((answer) => ({
              id: answer,
              label: t(`followUp.answers.${answer}`),
            }))}
            checked={choice ? [choice] : []}
            onChange={(id, picked) => {
              if (picked) setChoice(id as FollowUpAnswer);
            }}
          />
        </fieldset>
        {problem === 'failed' && (
          <p class="error-message" role="alert">
            {t('found.failed')}
          </p>
        )}
        <div class="button-group">
          <button type="submit" class="button" disabled={busy}>
            {t('followUp.send')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={busy}
            onClick={() => void finish(undefined)}
          >
            {t('followUp.skip')}
          </button>
        </div>
      </form>
    </section>
  );
}
