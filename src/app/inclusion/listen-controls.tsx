import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../components/icons.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { readableChunks } from './reading.ts';
import './listen.css';

export interface ListenControlsProps {
  target: RefObject<HTMLElement | null> | string;
  lang: string;
  voice: SpeechSynthesisVoice;
  label: string | undefined;
}

function resolve(target: RefObject<HTMLElement | null> | string): Element | null {
  return typeof target === 'string' ? document.querySelector(target) : target.current;
}

/** The Listen button itself, and what it says while it reads (see listen-button.tsx). */
export function ListenControls(props: ListenControlsProps) {
  const { t, ready } = useTranslation('inclusion');
  const [speaking, setSpeaking] = useState(false);
  const run = useRef(0);

  const stop = () => {
    run.current++;
    speechSynthesis.cancel();
    setSpeaking(false);
  };

  const start = () => {
    const root = resolve(props.target);
    if (!root) return;
    const chunks = readableChunks(root, props.lang);
    if (chunks.length === 0) return;
    speechSynthesis.cancel();
    const thisRun = ++run.current;
    const finish = () => {
      if (run.current === thisRun) setSpeaking(false);
    };
    chunks.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = props.lang;
      utterance.voice = props.voice;
      if (i === chunks.length - 1) utterance.onend = finish;
      utterance.onerror = finish;
      speechSynthesis.speak(utterance);
    });
    setSpeaking(true);
  };

  // Layout effect: Escape must work the moment the button says "Stop", not a frame later.
  useLayoutEffect(() => {
    if (!speaking) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [speaking]);

  // Leaving the page, or changing language, ends the reading.
  useEffect(
    () => () => {
      if (run.current === 0) return;
      run.current++;
      speechSynthesis.cancel();
      setSpeaking(false);
    },
    [props.lang],
  );

  if (!ready) return null;
  return (
    <div class="listen" data-listen="skip">
      <button
        type="button"
        class="button button--secondary listen__button"
        onClick={() => (speaking ? stop() : start())}
      >
        <Icon name={speaking ? 'stop' : 'listen'} />
        <span>{speaking ? t('listen.stop') : (props.label ?? t('listen.start'))}</span>
      </button>
      <p class="listen__status" role="status">
        {speaking ? t('listen.speaking') : ''}
      </p>
    </div>
  );
}
