import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { FOLLOW_UPS_CHANNEL, FOLLOW_UPS_DATABASE } from '../../../store/database-names.ts';
import { holdsSomething, useStoredCount } from '../../hooks/use-stored-count.ts';

const REMINDERS = ['reminders'] as const;

/** The pages where someone looks for support: the question waits for them there, never mid-task elsewhere. */
function isFindingPage(path: string): boolean {
  return path === '/' || path === '/search' || path === '/my-list' || path.startsWith('/services/');
}

/**
 * "Did it help?" news, when a service saved or called at least 14 days ago is due a question. The part
 * that reads the device's memory loads only once the device remembers a service to ask about, after the
 * first paint, so a first visit never loads it.
 */
export function FollowUpNews() {
  const { path } = useLocation();
  const [Live, setLive] = useState<ComponentType | null>(null);
  const reminders = useStoredCount(FOLLOW_UPS_DATABASE, REMINDERS, FOLLOW_UPS_CHANNEL);
  const wanted = isFindingPage(path);
  const needed = wanted && holdsSomething(reminders);
  useEffect(() => {
    if (!needed || Live) return;
    void import('./follow-up-news-live.tsx').then(
      (module) => setLive(() => module.FollowUpNewsLive),
      () => undefined,
    );
  }, [needed, Live]);
  return wanted && Live ? <Live /> : null;
}
