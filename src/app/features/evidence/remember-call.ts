import { rememberContact } from '../../../store/follow-ups.ts';

/**
 * A tap on a service's phone number: the device remembers it, to ask in a few weeks whether it helped.
 * The call goes ahead whatever happens here.
 */
export function rememberCall(serviceId: string): void {
  void rememberContact([serviceId], 'called').catch(() => undefined);
}
