import { useEffect, useState } from 'preact/hooks';
import type { Reminder } from '../../../domain/evidence/follow-up-rules.ts';
import { findLanguage } from '../../../domain/languages.ts';
import { dueFollowUps, forgetFollowUp, onFollowUpsChange } from '../../../store/follow-ups.ts';
import { focusMain } from '../../components/focus-main.ts';
import { numberFormat } from '../../i18n/intl.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { FOLLOW_UP_PATH } from './paths.ts';
import './evidence.css';

/** The services due a question now, read again whenever the device's memory changes. */
function useDueFollowUps(): Reminder[] {
  const [due, setDue] = useState<Reminder[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void dueFollowUps().then(
        (next) => live && setDue(next),
        () => undefined,
      );
    const stop = onFollowUpsChange(read);
    read();
    return () => {
      live = false;
      stop();
    };
  }, []);
  return due;
}

/** "Did it help?": a banner offering the questions; "No thanks" forgets them without asking. */
export function FollowUpNewsLive() {
  const due = useDueFollowUps();
  return due.length > 0 ? <FollowUpBanner due={due} /> : null;
}

function FollowUpBanner(props: { due: Reminder[] }) {
  const { t, ready, language } = useTranslation('evidence');
  if (!ready) return null;
  const count = props.due.length;
  const n = numberFormat(findLanguage(language)?.htmlLang ?? language).format(count);
  const decline = async () => {
    for (const reminder of props.due) await forgetFollowUp(reminder.serviceId).catch(() => undefined);
    focusMain();
  };
  return (
    <section class="banner follow-up-news" aria-labelledby="follow-up-news-title">
      <p id="follow-up-news-title">{t('news.title')}</p>
      <p class="follow-up-news__body">{t('news.body', { count, n })}</p>
      <div class="banner__actions">
        <a class="button" href={FOLLOW_UP_PATH}>
          {t('news.answer')}
        </a>
        <button type="button" class="button button--secondary" onClick={() => void decline()}>
          {t('news.decline')}
        </button>
      </div>
    </section>
  );
}
