import { useEffect } from 'preact/hooks';
import type { GuidedAnswers } from '../../../domain/guided/rules.ts';
import { prepareShortlist } from '../../../domain/guided/shortlist.ts';
import { useDirectory } from '../directory/use-directory.ts';
import { GUIDED_RULES } from './journey.ts';

/**
 * While someone answers the questions, the device works out what their shortlist will need whenever it
 * is idle, so the shortlist comes at once at the end of the journey.
 */
export function useShortlistWarmUp(answers: GuidedAnswers): void {
  const directory = useDirectory();
  const { status, services } = directory;
  useEffect(() => {
    if (status !== 'ready') return;
    const prepare = () => prepareShortlist(services, answers, GUIDED_RULES);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(prepare, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(prepare, 0);
    return () => clearTimeout(handle);
  }, [status, services, answers]);
}
