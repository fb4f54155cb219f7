import { useState } from 'preact/hooks';
import {
  ExclusionResponse,
  PublicationResponse,
  type ExclusionRequest,
  type Flag,
  type MonthReview,
  type PublishRequest,
} from '../../../domain/api/analyst.ts';
import { MAX_NOTE_LENGTH } from '../../../domain/measures/publication.ts';
import { MAX_REASON_LENGTH } from '../../../domain/measures/stuffing.ts';
import { sendJson } from '../../api.ts';
import type { Words } from './words.ts';

interface PartProps {
  words: Words;
  review: MonthReview;
  tell: (text: string, problem?: boolean) => void;
  reload: () => void;
}

/** A text box with its label, its error when there is one, and its limit, as every form here has. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  errorPrefix: string;
  maxLength: number;
  onInput: (value: string) => void;
}) {
  const { id, error } = props;
  return (
    <div class={error ? 'form-field field--error' : 'form-field'}>
      <label for={id}>{props.label}</label>
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{props.errorPrefix}</span> {error}
        </p>
      )}
      <textarea
        id={id}
        value={props.value}
        maxLength={props.maxLength}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** The month's flags, each with a way to leave its answers out for a reason that is published. */
export function MonthFlags(props: PartProps) {
  const { words, review } = props;
  const { t } = words;
  return (
    <>
      <h3>{t('months.flagsHeading')}</h3>
      {review.flags.length === 0 ? (
        <p>{t('months.noFlags')}</p>
      ) : (
        <>
          <p>{t('months.flagIntro')}</p>
          {review.flags.map((flag, i) => (
            <FlagForm key={`${flag.kind}:${flag.key}`} {...props} flag={flag} index={i} />
          ))}
        </>
      )}
    </>
  );
}

function FlagForm(props: PartProps & { flag: Flag; index: number }) {
  const { words, flag, review } = props;
  const { t, f } = words;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const id = `flag-reason-${props.index}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('months.errors.reason'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    const result = await sendJson(
      'POST',
      `/api/v1/analyst/months/${review.period}/exclusions`,
      { flag: flag.kind, key: flag.key, reason } satisfies ExclusionRequest,
      ExclusionResponse,
    );
    if (!result.ok) return props.tell(t('months.failed'), true);
    props.tell(t('months.excluded'));
    props.reload();
  };
  const title = t(`months.flag.${flag.kind}`, {
    count: f.count(flag.responses),
    most: f.count(flag.mostWithinWindow ?? flag.responses),
  });
  return (
    <form
      class="form-panel form-panel--stacked form-panel--in-card"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h4>{title}</h4>
      <p>{t('months.flagTimes', { from: f.time(flag.firstReceivedAt), to: f.time(flag.lastReceivedAt) })}</p>
      <TextField
        id={id}
        label={t('months.reasonLabel')}
        value={reason}
        error={error}
        errorPrefix={t('errorPrefix')}
        maxLength={MAX_REASON_LENGTH}
        onInput={setReason}
      />
      <div>
        <button type="submit" class="button button--secondary">
          {t('months.exclude')}
        </button>
      </div>
    </form>
  );
}

/** Every group left out of the month, and counting one again while that can still matter. */
export function MonthExclusions(props: PartProps) {
  const { words, review } = props;
  const { t, f } = words;
  if (review.exclusions.length === 0) return null;
  const restore = async (id: string) => {
    const result = await sendJson(
      'POST',
      `/api/v1/analyst/exclusions/${id}/restore`,
      undefined,
      ExclusionResponse,
    );
    if (!result.ok) return props.tell(t('months.failed'), true);
    props.tell(t('months.restored'));
    props.reload();
  };
  const who = (email: string | null) => email ?? t('months.someone');
  return (
    <>
      <h3>{t('months.exclusionsHeading')}</h3>
      <ul>
        {review.exclusions.map((e) => (
          <li key={e.id}>
            <p>
              {t('months.exclusion', {
                count: f.count(e.responses),
                who: who(e.excludedBy),
                time: f.time(e.excludedAt),
                reason: e.reason,
              })}
            </p>
            {e.restoredAt ? (
              <p>{t('months.restoredOn', { who: who(e.restoredBy), time: f.time(e.restoredAt) })}</p>
            ) : (
              <button type="button" class="button button--secondary" onClick={() => void restore(e.id)}>
                {t('months.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Publishing the month once it may be, or publishing it again with a note; and every revision so far. */
export function MonthPublishing(props: PartProps) {
  const { words, review } = props;
  const { t, f } = words;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const month = f.month(review.period);
  const again = review.publications.length > 0;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (again && !note.trim()) {
      setError(t('months.errors.note'));
      document.getElementById('publish-note')?.focus();
      return;
    }
    setError(undefined);
    const body: PublishRequest = again ? { note } : {};
    const result = await sendJson(
      'POST',
      `/api/v1/analyst/months/${review.period}/publications`,
      body,
      PublicationResponse,
    );
    if (!result.ok) {
      const conflict = result.reason === 'refused' && result.code === 'conflict';
      return props.tell(t(conflict ? 'months.conflict' : 'months.failed'), true);
    }
    setNote('');
    props.tell(t('months.published', { month }));
    props.reload();
  };
  const who = (email: string | null) => email ?? t('months.someone');
  return (
    <>
      <h3>{t('months.publishHeading')}</h3>
      {review.state === 'open' || review.state === 'closing' ? (
        <p>{t('months.notYet', { time: f.time(review.publishableFrom) })}</p>
      ) : (
        <form
          class="form-panel form-panel--stacked form-panel--in-card"
          noValidate
          onSubmit={(e) => void submit(e)}
        >
          <p>{again ? t('months.republishIntro', { month }) : t('months.publishIntro', { month })}</p>
          {again && (
            <TextField
              id="publish-note"
              label={t('months.noteLabel')}
              value={note}
              error={error}
              errorPrefix={t('errorPrefix')}
              maxLength={MAX_NOTE_LENGTH}
              onInput={setNote}
            />
          )}
          <div>
            <button type="submit" class="button">
              {again ? t('months.republishButton', { month }) : t('months.publishButton', { month })}
            </button>
          </div>
        </form>
      )}
      {again && (
        <>
          <h3>{t('months.historyHeading')}</h3>
          <ol>
            {review.publications.map((p) => (
              <li key={p.revision}>
                {t('months.historyItem', {
                  revision: p.revision,
                  who: who(p.publishedBy),
                  time: f.time(p.publishedAt),
                })}
                {p.note && <> {t('months.historyNote', { note: p.note })}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
