import { FOUND_NEEDS, type FoundDetails, type FoundNeed } from '../../../domain/evidence/found.ts';
import type { Filters } from '../../../domain/search/filters.ts';
import { FoundQuestion } from '../evidence/found-question.tsx';

function isFoundNeed(id: string): id is FoundNeed {
  return (FOUND_NEEDS as readonly string[]).includes(id);
}

/**
 * "Did you find what you needed?" under the results. The district and guided-help needs in the filters
 * are offered on the next page for the person to keep or change; what they typed is never used.
 */
export function FoundFoot(props: { filters: Filters; returnTo: string }) {
  const { district, needs } = props.filters;
  const chosen = needs?.filter(isFoundNeed) ?? [];
  const details: FoundDetails = {
    ...(district ? { district } : {}),
    ...(chosen.length > 0 ? { needs: chosen } : {}),
  };
  return <FoundQuestion source="search" details={details} returnTo={props.returnTo} />;
}
