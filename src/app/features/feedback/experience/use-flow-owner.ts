import { useStaff, canRecord } from '../../staff/use-staff.ts';
import { draftKey, type Mode } from './draft.ts';

export type FlowOwner =
  | { status: 'loading' }
  /** Staff-assisted pages with nobody signed in on this device. */
  | { status: 'sign-in' }
  /** Signed in with a role that does not record feedback (an analyst). */
  | { status: 'not-allowed' }
  | { status: 'ready'; key: string; owner?: string };

/** Whose draft a questionnaire page works on: the person's own, or the signed-in member of staff's. */
export function useFlowOwner(mode: Mode): FlowOwner {
  const staff = useStaff();
  if (mode === 'self') return { status: 'ready', key: draftKey('self') };
  if (staff.status === 'loading') return { status: 'loading' };
  if (staff.status === 'signed-out') return { status: 'sign-in' };
  if (!canRecord(staff.session)) return { status: 'not-allowed' };
  const owner = staff.session.user.id;
  return { status: 'ready', key: draftKey('assisted', owner), owner };
}
