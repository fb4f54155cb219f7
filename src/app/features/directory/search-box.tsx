import { useEffect, useRef, useState } from 'preact/hooks';
import type { Filters } from '../../../domain/search/filters.ts';
import { Icon } from '../../components/icons.tsx';
import { useLatest } from '../../hooks/use-latest.ts';
import type { Words } from './opening-words.ts';

/** Typing settles for this long before the results follow. */
const TYPING_PAUSE_MS = 150;

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The search box. What is typed goes into the address once typing pauses (or at once on Search), and
 * the box follows the address when it changes by other means (back, a "remove filter" button).
 */
export function SearchBox(props: { filters: Filters; words: Words; onChange: (next: Filters) => void }) {
  const { t } = props.words;
  const { filters } = props;
  const [text, setText] = useState(filters.q ?? '');
  const latest = useLatest(filters);
  const change = useLatest(props.onChange);
  const sentQuery = useRef(filters.q ?? '');

  const sendQuery = (typed: string) => {
    const q = tidy(typed);
    sentQuery.current = q;
    if (q === (latest.current.q ?? '')) return;
    const next = { ...latest.current };
    if (q) next.q = q;
    else delete next.q;
    change.current(next);
  };

  // The pause restarts only when the text changes, not whenever the page draws again.
  const send = useLatest(sendQuery);
  useEffect(() => {
    if (tidy(text) === (latest.current.q ?? '')) return;
    const timer = setTimeout(() => send.current(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, send, latest]);

  useEffect(() => {
    const q = filters.q ?? '';
    if (q !== sentQuery.current) {
      sentQuery.current = q;
      setText(q);
    }
  }, [filters.q]);

  return (
    <form
      class="search-box directory-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        sendQuery(text);
      }}
    >
      <label for="directory-q">{t('search.label')}</label>
      <p class="hint" id="directory-q-hint">
        {t('search.hint')}
      </p>
      <div class="search-box__row">
        <input
          id="directory-q"
          name="q"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          maxLength={200}
          aria-describedby="directory-q-hint"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="button">
          <Icon name="search" />
          <span>{t('search.button')}</span>
        </button>
      </div>
    </form>
  );
}
