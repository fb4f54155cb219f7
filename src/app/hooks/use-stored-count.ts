import { useEffect, useState } from 'preact/hooks';
import { changeChannel, type ChangeChannel } from '../../store/change-channel.ts';
import { storedCount } from '../../store/stored-count.ts';

const channels = new Map<string, ChangeChannel>();

function listenTo(name: string, listener: () => void): () => void {
  let channel = channels.get(name);
  if (!channel) {
    channel = changeChannel(name);
    channels.set(name, channel);
  }
  return channel.listen(listener);
}

/**
 * How many records `stores` of `database` hold, read after the first paint and again whenever `channel`
 * announces a change (here, in another tab or in the service worker). `null` until read; `undefined`
 * when the device would not say. Pass `stores` as a constant: a new array reads again.
 */
export function useStoredCount(
  database: string,
  stores: readonly string[],
  channel?: string,
): number | undefined | null {
  const [count, setCount] = useState<number | undefined | null>(null);
  useEffect(() => {
    let live = true;
    let asked = 0;
    const read = () => {
      const mine = ++asked;
      void storedCount(database, stores).then((n) => live && mine === asked && setCount(n));
    };
    const stop = channel ? listenTo(channel, read) : undefined;
    read();
    return () => {
      live = false;
      stop?.();
    };
  }, [database, stores, channel]);
  return count;
}

/** True once a count says there is something, or that it cannot tell (so the code that reads it loads). */
export function holdsSomething(count: number | undefined | null): boolean {
  return count !== null && count !== 0;
}
