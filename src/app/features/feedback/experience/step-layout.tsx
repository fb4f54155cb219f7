import type { ComponentChildren } from 'preact';
import type { TFunction } from 'i18next';
import { ErrorSummary, useErrorTitle, type ErrorItem } from '../../../components/error-summary.tsx';
import { Page } from '../../../components/page.tsx';
import { BackLink } from '../../../components/fields.tsx';

/** Back link, a warning when the device is full, the error summary, then the page with its `h1`. */
export function StepLayout(props: {
  t: TFunction;
  title: string;
  backHref: string;
  errors: ErrorItem[];
  storageFull?: boolean;
  caption?: string;
  children: ComponentChildren;
}) {
  const { t } = props;
  useErrorTitle(props.title, props.errors.length > 0, t('feedback:form.errorPrefix'));
  return (
    <>
      <BackLink href={props.backHref} text={t('feedback:form.back')} />
      {props.storageFull ? (
        <div class="panel panel--warning panel--strong fb-warning-panel" role="alert">
          <p>{t('feedback:form.storageFull')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={props.errors} title={t('feedback:form.errorSummaryTitle')} />
      <Page title={props.title}>
        {props.caption ? <p class="fb-caption">{props.caption}</p> : null}
        {props.children}
      </Page>
    </>
  );
}

/** A form that the app handles itself: no browser validation bubbles, which GOV.UK replaces with its own. */
export function StepForm(props: { onSubmit: () => void; children: ComponentChildren }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

export function ContinueButton(props: { text: string }) {
  return (
    <button type="submit" class="button">
      {props.text}
    </button>
  );
}
