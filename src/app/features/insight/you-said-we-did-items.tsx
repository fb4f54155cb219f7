import type { ComponentChildren } from 'preact';
import { findLanguage } from '../../../domain/languages.ts';
import type { YouSaidWeDid } from '../../../domain/api/you-said-we-did.ts';
import type { Words } from './words.ts';

/**
 * "You said, we did" entries. Staff write them in one language, which each entry carries, so a page in
 * another language marks them for screen readers and the browser (WCAG 3.1.2, language of parts).
 */
export function YouSaidWeDidItems(props: {
  words: Words;
  entries: YouSaidWeDid[];
  headingLevel: 2 | 3;
  actions?: (entry: YouSaidWeDid) => ComponentChildren;
}) {
  const { t, f } = props.words;
  if (props.entries.length === 0) return <p>{t('youSaid.empty')}</p>;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="you-said-list">
      {props.entries.map((entry) => {
        const language = findLanguage(entry.language);
        return (
          <li key={entry.id} class="you-said">
            <Heading class="you-said__heading">
              {t('youSaid.published', { date: f.date(entry.publishedOn) })}
            </Heading>
            <dl class="you-said__pair">
              <dt>{t('youSaid.youSaid')}</dt>
              <dd lang={language?.htmlLang} dir={language?.dir}>
                {entry.youSaid}
              </dd>
              <dt>{t('youSaid.weDid')}</dt>
              <dd lang={language?.htmlLang} dir={language?.dir}>
                {entry.weDid}
              </dd>
            </dl>
            {entry.areaOfFocus && (
              <p class="meta">{t('youSaid.area', { area: t(`areas.${entry.areaOfFocus}`) })}</p>
            )}
            {props.actions?.(entry)}
          </li>
        );
      })}
    </ul>
  );
}
