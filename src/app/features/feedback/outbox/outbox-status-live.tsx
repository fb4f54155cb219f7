import { useEffect, useRef, useState } from 'preact/hooks';
import { findLanguage } from '../../../../domain/languages.ts';
import { startOutbox } from '../../../../store/feedback-send-triggers.ts';
import { summarise } from '../../../../store/feedback-sending.ts';
import { useTranslation } from '../../../i18n/use-translation.ts';
import { useOutbox } from '../../../hooks/use-outbox.ts';
import { numberFormat } from '../../../i18n/intl.ts';

const ALL_SENT_FOR_MS = 15_000;

function Message(props: { waiting: number }) {
  const { t, ready, language } = useTranslation('feedback');
  if (!ready) return null;
  const n = numberFormat(findLanguage(language)?.htmlLang ?? language).format(props.waiting);
  return props.waiting > 0 ? (
    <p class="outbox-status__message inset inset--info">
      {t('feedback:outbox.waiting', { count: props.waiting, n })}
    </p>
  ) : (
    <p class="outbox-status__message inset inset--success">{t('feedback:outbox.allSent')}</p>
  );
}

/** Sends when the app opens, and says what waits; "All sent" shows for a while once the last has gone. */
export function OutboxStatusLive() {
  const items = useOutbox();
  const waiting = items ? summarise(items).waiting : 0;
  const [allSent, setAllSent] = useState(false);
  const before = useRef(0);
  useEffect(() => startOutbox(), []);
  useEffect(() => {
    if (before.current > 0 && waiting === 0) {
      setAllSent(true);
      const hide = setTimeout(() => setAllSent(false), ALL_SENT_FOR_MS);
      before.current = waiting;
      return () => clearTimeout(hide);
    }
    if (waiting > 0) setAllSent(false);
    before.current = waiting;
    return undefined;
  }, [waiting]);
  if (waiting === 0 && !allSent) return null;
  return <Message waiting={waiting} />;
}
