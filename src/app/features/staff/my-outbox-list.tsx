import type { TFunction } from 'i18next';
import { discardItem, retryItem, type OutboxItem } from '../../../store/outbox.ts';
import { ItemState } from '../../components/outbox-item-state.tsx';

/** What this member of staff recorded here, each with its state; a failed one may be retried or discarded. */
export function MyOutboxList(props: { items: OutboxItem[]; t: TFunction; when: Intl.DateTimeFormat }) {
  const { t, when } = props;
  if (props.items.length === 0) return null;
  return (
    <ul class="fb-outbox-list">
      {props.items.map((item) => (
        <li class="fb-outbox-list__item" key={item.id}>
          <p class="fb-outbox-list__title">
            <span dir="ltr">{item.reference}</span> · {t(`staff:home.kind.${item.kind}`)}
          </p>
          <p class="meta">{t('staff:home.recordedAt', { when: when.format(item.queuedAt) })}</p>
          <ItemState item={item} t={t} />
          {item.state === 'failed' ? (
            <div class="button-group">
              <button type="button" class="button button--secondary" onClick={() => void retryItem(item.id)}>
                {t('staff:home.retry')}
                <span class="visually-hidden"> {item.reference}</span>
              </button>
              <button type="button" class="button button--warning" onClick={() => void discardItem(item.id)}>
                {t('staff:home.discard')}
                <span class="visually-hidden"> {item.reference}</span>
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
