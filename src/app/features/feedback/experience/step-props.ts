import type { TFunction } from 'i18next';
import type { ExperienceDraft, Mode } from './draft.ts';
import type { StepId } from './flow.ts';

/** What every step of the questionnaire is given. */
export interface StepProps {
  draft: ExperienceDraft;
  mode: Mode;
  step: StepId;
  /** Opened from the check page: Continue goes back there. */
  changing: boolean;
  backHref: string;
  storageFull: boolean;
  t: TFunction;
  /** The page's BCP 47 language, for Intl. */
  locale: string;
  /** Keeps a change on the device (every choice is kept at once, so Back never loses it). */
  update: (patch: Partial<ExperienceDraft>) => Promise<void>;
  /** Keeps the change and goes on to the next step. */
  go: (patch?: Partial<ExperienceDraft>) => Promise<void>;
}

/** `{ context: 'assisted' }` picks a key's wording for staff recording with someone (`<key>_assisted`). */
export function wording(mode: ExperienceDraft['mode']): { context?: string } {
  return mode === 'assisted' ? { context: 'assisted' } : {};
}
