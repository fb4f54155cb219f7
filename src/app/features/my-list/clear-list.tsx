import { useEffect, useRef, useState } from 'preact/hooks';
import { clearAll } from '../../../store/saved-list.ts';
import type { Words } from './use-words.ts';

/** "Clear my list", asked twice: a whole list cannot be got back once it is gone. */
export function ClearList(props: { count: number; words: Words; onCleared: () => void }) {
  const { t } = props.words;
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const returning = useRef(false);

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (returning.current) start.current?.focus();
    returning.current = false;
  }, [confirming]);

  const confirm = async () => {
    try {
      await clearAll();
      props.onCleared();
    } catch {
      setFailed(true);
    }
  };

  if (!confirming) {
    return (
      <div class="clear-list">
        <button
          ref={start}
          type="button"
          class="button button--secondary"
          onClick={() => setConfirming(true)}
        >
          {t('clear.start')}
        </button>
      </div>
    );
  }
  return (
    <div class="clear-list clear-list--confirming">
      <h2 ref={question} tabIndex={-1}>
        {t('clear.question')}
      </h2>
      <p>{t('clear.warning', { count: props.count })}</p>
      {failed && <p class="clear-list__error">{t('clear.failed')}</p>}
      <div class="button-group">
        <button type="button" class="button button--warning" onClick={() => void confirm()}>
          {t('clear.confirm')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            returning.current = true;
            setConfirming(false);
          }}
        >
          {t('clear.cancel')}
        </button>
      </div>
    </div>
  );
}
