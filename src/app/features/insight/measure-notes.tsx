import { QUESTION_IDS } from '../../../domain/feedback/questions.ts';
import type { Words } from './words.ts';

/** What was asked for each measure, which answers count as positive, and how to read the figures. */
export function MeasureNotes(props: { words: Words }) {
  const { t } = props.words;
  return (
    <details class="insight-notes">
      <summary class="tap-target">{t('notes.summary')}</summary>
      <div class="insight-notes__body">
        <ul class="bullets">
          <li>{t('notes.share')}</li>
          <li>{t('notes.range')}</li>
          <li>{t('notes.suppressed')}</li>
          <li>{t('notes.rounded')}</li>
          <li>{t('notes.smallSample')}</li>
          <li>{t('notes.published')}</li>
          <li>{t('notes.proxies')}</li>
        </ul>
        <dl class="insight-questions">
          {QUESTION_IDS.map((id) => (
            <div key={id} class="insight-questions__item">
              <dt>{t(`measures.${id}.name`)}</dt>
              <dd>
                {t(`measures.${id}.question`)}{' '}
                {t('notes.positive', { answers: t(`measures.${id}.positive`) })}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
