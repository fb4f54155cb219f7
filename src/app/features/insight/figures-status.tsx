import type { Copy } from './offline-copy.ts';
import type { Words } from './words.ts';

/** When the figures were counted, and whether they are this device's saved copy. */
export function FiguresStatus(props: { words: Words; copy: Copy<{ generatedAt: string }> }) {
  const { t, f } = props.words;
  const { copy } = props;
  if (copy.state === 'missing')
    return <p class="insight-status inset inset--info inset--strong">{t('public.notSaved')}</p>;
  if (copy.state === 'failed')
    return <p class="insight-status inset inset--info inset--strong">{t('public.failed')}</p>;
  return (
    <div class="insight-status">
      {copy.state === 'saved' && <p class="inset inset--info inset--strong">{t('public.offline')}</p>}
      <p class="meta">{t('public.asOf', { time: f.time(copy.data.generatedAt) })}</p>
    </div>
  );
}
