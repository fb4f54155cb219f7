import { FOUND_NEEDS, type FoundDetails, type FoundNeed } from '../../../domain/evidence/found.ts';
import type { GuidedAnswers } from '../../../domain/guided/rules.ts';
import type { ResolvedAnswers } from '../../../domain/guided/shortlist.ts';

/** Who the journey was for, in the words of "Did you find what you needed?"; a professional is neither. */
const FOR_WHOM_BY_WHO = { me: 'me', 'someone-i-look-after': 'someone-i-care-for' } as const;

function isFoundNeed(id: string): id is FoundNeed {
  return (FOUND_NEEDS as readonly string[]).includes(id);
}

/**
 * What the journey already knows, offered on the page of what was missing for the person to keep or
 * change: the needs chosen, the district, and for whom. Nothing leaves the device unless they send it.
 */
export function guidedFoundDetails(answers: GuidedAnswers, resolved: ResolvedAnswers): FoundDetails {
  const who = answers.choices.who?.[0];
  const forWhom = who === 'me' || who === 'someone-i-look-after' ? FOR_WHOM_BY_WHO[who] : undefined;
  const needs = resolved.needs.map((need) => need.id).filter(isFoundNeed);
  return {
    ...(needs.length > 0 ? { needs } : {}),
    ...(resolved.district ? { district: resolved.district } : {}),
    ...(forWhom ? { forWhom } : {}),
  };
}
