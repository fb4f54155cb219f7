import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { referenceFor } from '../../../../domain/feedback/reference.ts';
import { startOutbox } from '../../../../store/feedback-send-triggers.ts';
import { Page } from '../../../components/page.tsx';
import { useTranslation } from '../../../i18n/use-translation.ts';
import { ItemState } from '../../../components/outbox-item-state.tsx';
import { useOutbox } from '../../../hooks/use-outbox.ts';
import '../feedback.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ReportSentPage() {
  const { params } = useRoute();
  const { t, ready } = useTranslation('feedback');
  const items = useOutbox();
  useEffect(() => startOutbox(), []);
  const id = (params.submission ?? '').toLowerCase();
  if (!ready || items === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (!UUID.test(id)) {
    return (
      <Page title={t('feedback:sent.unknownTitle')}>
        <p>{t('feedback:sent.unknownBody')}</p>
      </Page>
    );
  }
  const serviceHref = `/services/${encodeURIComponent(params.id ?? '')}`;
  return (
    <Page title={t('feedback:report.sentTitle')}>
      <div class="fb-panel">
        <p class="fb-panel__label">{t('feedback:sent.reference')}</p>
        <p class="fb-panel__reference" dir="ltr">
          {referenceFor(id)}
        </p>
      </div>
      <div role="status" aria-live="polite" class="fb-sent-status">
        <ItemState item={items.find((item) => item.id === id)} t={t} />
      </div>
      <h2>{t('feedback:sent.whatHappensHeading')}</h2>
      <p>{t('feedback:report.whatHappens')}</p>
      <p>
        <a href={serviceHref}>{t('feedback:report.backToService')}</a>
      </p>
    </Page>
  );
}
