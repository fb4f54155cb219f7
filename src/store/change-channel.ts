/**
 * Who wants to hear that something stored has changed: listeners in this page, told directly, and every
 * other tab and the service worker, told through a BroadcastChannel.
 */
export interface ChangeChannel {
  /** Calls `listener` on every change, made here or elsewhere. Returns an unsubscribe. */
  listen(listener: () => void): () => void;
  /** Tells this page's listeners only. */
  tellHere(): void;
  /** Tells the other tabs and the service worker only. */
  tellOthers(): void;
  /** Tells everyone: a channel never hears its own messages, so this page's listeners are told directly. */
  announce(): void;
}

export function changeChannel(name: string): ChangeChannel {
  const listeners = new Set<() => void>();
  let channel: BroadcastChannel | undefined;
  const tellHere = () => {
    for (const listener of listeners) listener();
  };
  const connect = () => {
    if (!channel && typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(name);
      channel.onmessage = tellHere;
    }
    return channel;
  };
  const tellOthers = () => connect()?.postMessage('changed');
  return {
    listen(listener) {
      connect();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    tellHere,
    tellOthers,
    announce() {
      tellHere();
      tellOthers();
    },
  };
}
