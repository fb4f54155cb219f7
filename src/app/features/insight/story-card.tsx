import { useState } from 'preact/hooks';
import { sendJson } from '../../api.ts';
import { Notice } from '../../components/notice.tsx';
import { QuoteResponse, type Story } from '../../../domain/api/stories.ts';
import { groupLabel, type Words } from './words.ts';

/** One person's words with what they answered, and, where they agreed, a quote to approve. */
export function StoryCard(props: { words: Words; story: Story; onChange: () => void }) {
  const { words, story } = props;
  const { t, f } = words;
  const [text, setText] = useState(story.quote?.text ?? story.suggestedQuote ?? '');
  const [message, setMessage] = useState<{ text: string; version: number; problem: boolean }>();
  const tell = (key: string, problem = false) =>
    setMessage((last) => ({ text: t(key), version: (last?.version ?? 0) + 1, problem }));
  const quoteField = `quote-${story.id}`;

  const approve = async () => {
    if (!text.trim()) return tell('stories.quoteEmpty', true);
    const result = await sendJson('POST', `/api/v1/stories/${story.id}/quote`, { text }, QuoteResponse);
    if (result.ok) {
      setText(result.data.quote.text);
      tell('stories.quoteApproved');
      props.onChange();
    } else tell(result.reason === 'offline' ? 'stories.offline' : 'stories.quoteFailed', true);
  };
  const withdraw = async () => {
    const result = await sendJson('DELETE', `/api/v1/stories/${story.id}/quote`);
    if (result.ok) {
      tell('stories.quoteWithdrawn');
      props.onChange();
    } else tell(result.reason === 'offline' ? 'stories.offline' : 'stories.quoteFailed', true);
  };

  return (
    <article
      class={story.safetyConcern ? 'card card--flagged' : 'card'}
      aria-labelledby={`story-${story.id}`}
    >
      <h2 id={`story-${story.id}`}>{t('stories.cardTitle', { reference: story.reference })}</h2>
      {story.safetyConcern && <p class="error-message">{t('stories.safety')}</p>}
      <dl class="facts">
        <dt>{t('flagged.received')}</dt>
        <dd>{f.time(story.receivedAt)}</dd>
        <dt>{t('breakdowns.district')}</dt>
        <dd>{groupLabel(t, 'district', story.district ?? 'not-stated')}</dd>
        <dt>{t('breakdowns.respondent')}</dt>
        <dd>{groupLabel(t, 'respondent', story.respondent)}</dd>
        <dt>{t('breakdowns.channel')}</dt>
        <dd>{groupLabel(t, 'channel', story.channel)}</dd>
        {story.areasOfFocus.length > 0 && (
          <>
            <dt>{t('stories.area')}</dt>
            <dd>{story.areasOfFocus.map((area) => t(`areas.${area}`)).join(', ')}</dd>
          </>
        )}
      </dl>
      <details class="insight-details">
        <summary class="tap-target">{t('stories.theirAnswers')}</summary>
        <dl class="facts">
          {Object.entries(story.answers).map(([question, answer]) => (
            <div key={question} class="facts__pair">
              <dt>{t(`measures.${question}.name`)}</dt>
              <dd>
                {answer === 'prefer-not-to-say'
                  ? t('groups.prefer-not-to-say')
                  : t(`answers.${question}.${answer}`)}
              </dd>
            </div>
          ))}
        </dl>
      </details>
      <h3 class="story-card__subheading">{t('stories.theirWords')}</h3>
      <blockquote class="story-card__words">{story.words}</blockquote>
      {message && (
        <Notice version={message.version} tone={message.problem ? 'problem' : 'success'}>
          <p>{message.text}</p>
        </Notice>
      )}
      {story.mayQuote ? (
        <div class="insight-quote">
          {story.quote && <p>{t('stories.approvedOn', { date: f.time(story.quote.approvedAt) })}</p>}
          <div class="form-field">
            <label for={quoteField}>{t('stories.quoteLabel')}</label>
            <p class="hint" id={`${quoteField}-hint`}>
              {t('stories.quoteHint')}
            </p>
            <textarea
              id={quoteField}
              aria-describedby={`${quoteField}-hint`}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <div class="action-row">
            <button type="button" class="button" onClick={() => void approve()}>
              {story.quote ? t('stories.updateQuote') : t('stories.approveQuote')}
            </button>
            {story.quote && (
              <button type="button" class="button button--secondary" onClick={() => void withdraw()}>
                {t('stories.withdrawQuote')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <p class="meta">{t('stories.noQuote')}</p>
      )}
    </article>
  );
}
