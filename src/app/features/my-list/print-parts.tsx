import { useEffect, useState } from 'preact/hooks';
import { Icon } from '../../components/icons.tsx';
import type { Words } from './use-words.ts';
import { dateTimeFormat } from '../../i18n/intl.ts';

/** Says on paper where the list came from and when, so an old print-out can be recognised as old. */
export function PrintHeader(props: { words: Words }) {
  const { t, locale } = props.words;
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  const date = dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/London' }).format(now);
  return <p class="print-header">{t('print.header', { date })}</p>;
}

export function PrintButton(props: { words: Words }) {
  return (
    <button type="button" class="button button--secondary" onClick={() => window.print()}>
      <Icon name="print" />
      <span>{props.words.t('print.button')}</span>
    </button>
  );
}
