import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { isEasyRead } from '../../domain/languages.ts';

let pictograms: Record<string, string> | undefined;
let loading: Promise<void> | undefined;

/** The pictures are their own small chunk, fetched only by people who read Easy Read (and precached). */
export function loadPictograms(): Promise<void> {
  loading ??= import('./pictograms.ts').then((module) => {
    pictograms = module.PICTOGRAMS;
  });
  return loading;
}

// Starts the fetch as soon as Easy Read is chosen, so the pictures are there by the first render.
i18next.on('languageChanged', (code) => {
  if (isEasyRead(code)) void loadPictograms();
});

/**
 * One picture, 3rem square so it grows with the text. Beside words that say the same thing it is
 * decorative; give it a `label` when the picture alone carries meaning.
 */
export function Pictogram(props: { name: string; label?: string; class?: string }) {
  const [, setLoaded] = useState(pictograms !== undefined);
  // Always waits on the (shared) load: it may have finished between this render and this effect.
  useEffect(() => {
    void loadPictograms().then(() => setLoaded(true));
  }, []);
  const path = pictograms?.[props.name];
  return (
    <svg
      class={props.class ? `pictogram ${props.class}` : 'pictogram'}
      width="48"
      height="48"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      focusable="false"
      {...(props.label ? { role: 'img', 'aria-label': props.label } : { 'aria-hidden': 'true' })}
    >
      {path ? <path d={path} /> : null}
    </svg>
  );
}
