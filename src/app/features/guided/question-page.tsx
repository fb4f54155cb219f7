import type { TFunction } from 'i18next';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorSummary, type ErrorItem } from '../../components/error-summary.tsx';
import { Page } from '../../components/page.tsx';
import { JourneyBar } from './journey-bar.tsx';
import type { StepPlace } from './journey.ts';
import { useGuidedSession } from './use-guided-session.ts';
import { useShortlistWarmUp } from './use-shortlist-warm-up.ts';

/**
 * A GOV.UK question page: Back and "Need help now?", the error summary when there is a problem,
 * "Question 2 of 5", the question as the page's heading, then Continue and Skip.
 */
export function QuestionPage(props: {
  t: TFunction;
  place: StepPlace;
  title: string;
  errors?: ErrorItem[];
  attempt?: number;
  onContinue: () => void;
  onSkip: () => void;
  children: ComponentChildren;
}) {
  const { t, place, title } = props;
  const errors = props.errors ?? [];
  const failed = errors.length > 0;
  useShortlistWarmUp(useGuidedSession().answers);
  // Runs after the page's own title: a failed submit says so first in the tab's title, as GOV.UK does.
  const errorTitle = failed ? `${t('journey.errorTitle', { title })} – Signpost` : undefined;
  useEffect(() => {
    if (errorTitle) document.title = errorTitle;
  }, [errorTitle]);
  return (
    <>
      <JourneyBar t={t} backPath={place.backPath} from={place.step.id} />
      {failed && (
        <ErrorSummary title={t('journey.errorSummary')} errors={errors} attempt={props.attempt ?? 0} />
      )}
      {/* After the heading, not before it: focus lands on the heading, and nothing before it is skipped. */}
      <Page title={title}>
        <p class="guided-caption">{t('journey.caption', { number: place.number, total: place.total })}</p>
        <form
          class="guided-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            props.onContinue();
          }}
        >
          {props.children}
          <div class="button-group guided-actions">
            <button type="submit" class="button">
              {t('journey.continue')}
            </button>
            <button type="button" class="button button--secondary" onClick={props.onSkip}>
              {t('journey.skip')}
            </button>
          </div>
        </form>
      </Page>
    </>
  );
}
