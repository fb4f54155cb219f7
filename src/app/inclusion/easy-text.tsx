import i18next, { type TOptions } from 'i18next';
import { isEasyRead } from '../../domain/languages.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { parseEasyLines } from './easy-read.ts';
import { Pictogram } from './pictogram.tsx';
import './easy-read.css';

function classes(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A block of text that becomes Easy Read when Easy Read is chosen: one line per idea, each with its
 * picture. In every other language it is the plain paragraph (or list item) it always was.
 */
export function EasyBlock(props: { text: string; as?: 'p' | 'li'; class?: string }) {
  const lines = parseEasyLines(props.text);
  const Tag = props.as ?? 'p';
  if (!isEasyRead(i18next.language) || !lines.some((line) => line.pictogram)) {
    return <Tag class={props.class}>{lines.map((line) => line.text).join(' ')}</Tag>;
  }
  // Each line is its own paragraph, so a screen reader pauses between ideas as a reader's eye does.
  const Line = Tag === 'li' ? 'span' : 'p';
  const pictured = lines.map((line, i) => (
    <Line key={i} class="easy-line">
      {line.pictogram ? <Pictogram name={line.pictogram} class="easy-line__picture" /> : null}
      <span class="easy-line__text">{line.text}</span>
    </Line>
  ));
  if (Tag === 'li') return <li class={classes('easy-lines', props.class)}>{pictured}</li>;
  return <div class={classes('easy-lines', props.class)}>{pictured}</div>;
}

/** `<EasyText i18nKey="home.intro" />`: a translated paragraph, in Easy Read when Easy Read is chosen. */
export function EasyText(props: { i18nKey: string; ns?: string; values?: TOptions; class?: string }) {
  const { t } = useTranslation(...(props.ns ? [props.ns] : []));
  return <EasyBlock text={t(props.i18nKey, props.values ?? {}) as string} class={props.class} />;
}
