import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { referenceFor } from '../../../../domain/feedback/reference.ts';
import { Page } from '../../../components/page.tsx';
import { useTranslation } from '../../../i18n/use-translation.ts';
import { startOutbox } from '../../../../store/feedback-send-triggers.ts';
import { ItemState } from '../../../components/outbox-item-state.tsx';
import { useOutbox } from '../../../hooks/use-outbox.ts';
import { newDraft, type Mode } from './draft.ts';
import { stepPath } from './flow.ts';
import { loadDraft, storeDraft, takeCarriedOver } from './use-draft.ts';
import { useFlowOwner } from './use-flow-owner.ts';
import '../feedback.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The confirmation: the short reference (known on the device, even offline) and what happens next. */
export function SentPage(props: { mode: Mode }) {
  const { mode } = props;
  const { params } = useRoute();
  const { route } = useLocation();
  const { t, ready } = useTranslation('feedback');
  const items = useOutbox();
  const owner = useFlowOwner(mode);
  useEffect(() => startOutbox(), []);
  const id = params.id ?? '';
  if (!ready || items === undefined) return <p class="loading">{t('common:loading')}</p>;
  if (!UUID.test(id)) {
    return (
      <Page title={t('feedback:sent.unknownTitle')}>
        <p>{t('feedback:sent.unknownBody')}</p>
      </Page>
    );
  }
  const item = items.find((i) => i.id === id.toLowerCase());
  const recordAnother = async () => {
    if (owner.status !== 'ready') return;
    if (!(await loadDraft(owner.key))) {
      // The next person in the same visit is met the same way; their consent is asked afresh.
      await storeDraft(owner.key, newDraft('assisted', takeCarriedOver(owner.key)), owner.owner);
    }
    route(stepPath('assisted', 'gathering'));
  };
  const nextItems = t(`feedback:sent.whatHappens`, {
    returnObjects: true,
    context: mode === 'assisted' ? 'assisted' : undefined,
  }) as string[];
  return (
    <Page title={t('feedback:sent.title', mode === 'assisted' ? { context: 'assisted' } : {})}>
      <div class="fb-panel">
        <p class="fb-panel__label">{t('feedback:sent.reference')}</p>
        <p class="fb-panel__reference" dir="ltr">
          {referenceFor(id)}
        </p>
      </div>
      <p>{t('feedback:sent.keepReference')}</p>
      <div role="status" aria-live="polite" class="fb-sent-status">
        <ItemState item={item} t={t} />
      </div>
      <h2>{t('feedback:sent.whatHappensHeading')}</h2>
      <ul class="bullets">
        {nextItems.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {mode === 'assisted' ? (
        <div class="button-group">
          <button type="button" class="button" onClick={() => void recordAnother()}>
            {t('feedback:sent.recordAnother')}
          </button>
          <a class="button button--secondary" href="/staff">
            {t('feedback:sent.staffHome')}
          </a>
        </div>
      ) : (
        <p>
          <a class="tap-target" href="/">
            {t('feedback:sent.home')}
          </a>
        </p>
      )}
    </Page>
  );
}
