import { useEffect } from 'preact/hooks';
import type { GuidedAnswers } from '../../../domain/guided/rules.ts';
import { prepareShortlist } from '../../../domain/guided/shortlist.ts';
import { currentServices } from '../directory/use-directory.ts';
import { GUIDED_RULES } from './journey.ts';

function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}

/**
 * While someone answers the questions, the device works out what their shortlist will need whenever it
 * is idle, so the shortlist comes at once at the end of the journey.
 */
export function useShortlistWarmUp(answers: GuidedAnswers): void {
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      currentServices()
        .then((services) => {
          if (live && services.length > 0) prepareShortlist(services, answers, GUIDED_RULES);
        })
        // Nothing on the device to prepare from yet: the shortlist page works it all out itself.
        .catch(() => {});
    });
    return () => {
      live = false;
      cancel();
    };
  }, [answers]);
}
