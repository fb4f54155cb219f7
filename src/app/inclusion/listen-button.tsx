import type { ComponentType, RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { languageOrSource } from '../../domain/languages.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import type { ListenControlsProps } from './listen-controls.tsx';
import { chooseVoice } from './voice.ts';

/** The device's own voice for a language, once the voices have loaded; none where it has no such voice. */
function useVoice(lang: string): SpeechSynthesisVoice | undefined {
  const [voice, setVoice] = useState<SpeechSynthesisVoice>();
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoice(chooseVoice(speechSynthesis.getVoices(), lang, navigator.onLine));
    update();
    // Chrome lists its voices only after `voiceschanged`; Safari has them at once.
    speechSynthesis.addEventListener('voiceschanged', update);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', update);
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [lang]);
  return voice;
}

/** The controls are their own chunk, fetched only on a device that has a voice to read with. */
function useControls(wanted: boolean): ComponentType<ListenControlsProps> | undefined {
  const [controls, setControls] = useState<ComponentType<ListenControlsProps>>();
  useEffect(() => {
    if (!wanted || controls) return;
    void import('./listen-controls.tsx').then((module) => setControls(() => module.ListenControls));
  }, [wanted, controls]);
  return controls;
}

/**
 * "Listen": reads an element's visible words aloud with the device's own speech, in the page's language
 * (or `lang`). Hidden where the device has no voice for it. Stop with the same button or Escape.
 * `target` is a ref to the element or a CSS selector (`"main"`, `"#service-description"`); `label` names
 * what it reads when that is not the whole page ("Listen to the description").
 */
export function ListenButton(props: {
  target: RefObject<HTMLElement | null> | string;
  lang?: string;
  /** What the button says before it starts; "Listen to this page" unless given. */
  label?: string;
}) {
  const { language } = useTranslation();
  const lang = props.lang ?? languageOrSource(language).htmlLang;
  const voice = useVoice(lang);
  const Controls = useControls(voice !== undefined);
  if (!voice || !Controls) return null;
  return <Controls target={props.target} lang={lang} voice={voice} label={props.label} />;
}
