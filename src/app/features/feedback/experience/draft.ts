import type {
  AgeBand,
  Disability,
  EthnicGroup,
  GatheredBy,
  HowAnswered,
  RespondentGroup,
  Sex,
} from '../../../../domain/feedback/about.ts';
import type { AreaOfFocus, Answers } from '../../../../domain/feedback/questions.ts';
import type { District } from '../../../../domain/service-terms.ts';

/** A person's own feedback, or feedback a member of staff records with them. */
export type Mode = 'self' | 'assisted';

/** Everything given so far. Nothing is required until the check page: every step may be left and come back to. */
export interface ExperienceDraft {
  /** The submission's UUID, made when the draft starts, so sending it twice can only store it once. */
  id: string;
  mode: Mode;
  startedAt: number;
  /** The last step the person was on, to continue from. */
  step?: string;
  respondent?: RespondentGroup;
  answers: Answers;
  words?: string;
  ageBand?: AgeBand;
  district?: District;
  sex?: Sex;
  ethnicGroup?: EthnicGroup;
  disability?: Disability;
  howAnswered?: HowAnswered;
  storeWords?: boolean;
  quote?: boolean;
  contact?: boolean;
  contactMethod?: 'email' | 'phone';
  email?: string;
  phone?: string;
  gatheredBy?: GatheredBy;
  consentStatementRead?: boolean;
  areasOfFocus?: AreaOfFocus[];
  safeguardingConcern?: boolean;
}

export function newDraft(mode: Mode, carried: Partial<ExperienceDraft> = {}): ExperienceDraft {
  return { id: crypto.randomUUID(), mode, startedAt: Date.now(), answers: {}, ...carried };
}

/** Where each person's draft lives on the device: one for a person's own, one per member of staff. */
export function draftKey(mode: Mode, staffId?: string): string {
  return mode === 'self' ? 'experience:self' : `experience:staff:${staffId ?? 'unknown'}`;
}

/** Whether the person wrote anything of their own (only then are they asked about keeping it). */
export function hasWords(draft: ExperienceDraft): boolean {
  return (draft.words ?? '').trim().length > 0;
}
