import type { TFunction } from 'i18next';
import type { OutboxItem } from '../../store/outbox.ts';
import './outbox-item-state.css';

/**
 * Why the server refused an item, as specific as its answer allows: a staff-given time it will not count
 * is the one refusal that staff can understand and do something about on their own.
 */
function failureOf(item: OutboxItem): string {
  const failure = item.failure ?? 'invalid';
  if (failure !== 'invalid') return failure;
  const time = item.errors?.find((e) => e.code === 'too-old' || e.code === 'in-the-future');
  return time ? time.code : failure;
}

/** The words for an outbox item's state: a failure says what it means and what to do. */
export function itemStateKey(item: OutboxItem | undefined): string {
  if (!item) return 'outbox.state.notHere';
  if (item.state === 'sent') return 'outbox.state.sent';
  if (item.state === 'failed') return `outbox.state.failed-${failureOf(item)}`;
  if (item.waitingFor === 'sign-in') return 'outbox.state.needsSignIn';
  if (item.state === 'sending') return 'outbox.state.sending';
  return 'outbox.state.waiting';
}

export function ItemState(props: { item: OutboxItem | undefined; t: TFunction }) {
  const key = itemStateKey(props.item);
  const tone = props.item?.state === 'failed' ? 'fb-item-state fb-item-state--failed' : 'fb-item-state';
  return <p class={tone}>{props.t(`feedback:${key}`)}</p>;
}
