import type { Service } from './service.ts';

/**
 * What to say about a service's cost, from what the feed says and nothing more: `free` when it says
 * so, `charge` when it names an amount, `ask` when it says something without one ("Donations
 * welcome"), and `not-given` when it says nothing, which is never shown as a charge.
 */
export type CostState = 'free' | 'charge' | 'ask' | 'not-given';

export function costState(service: Pick<Service, 'free' | 'cost'>): CostState {
  if (service.free) return 'free';
  const words = service.cost?.trim();
  if (!words) return 'not-given';
  return /£\s?\d|\d\s?(?:p|pence|pounds?)\b/i.test(words) ? 'charge' : 'ask';
}
