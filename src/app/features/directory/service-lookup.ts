import { DirectoryServiceResponse } from '../../../domain/api/directory.ts';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { checkJson, getJson } from '../../api.ts';
import { directoryServicePath } from '../../../domain/api/paths.ts';
import { takeEarlyRequest } from './service-request.ts';

/**
 * A service for its page straight away: from the directory on this device when it holds it, otherwise
 * from the server on its own, so a first visit does not wait for the whole directory (which carries on
 * downloading for offline use). `missing`: the server has no such service; `unreachable`: neither could say.
 */
export type ServiceLookup =
  { service: Service; from: 'device' | 'server' } | { missing: true } | { unreachable: true };

async function fromDevice(id: string): Promise<Service | undefined> {
  const [stored] = await getServicesByIds([id]).catch(() => []);
  return stored;
}

async function lookUp(id: string): Promise<ServiceLookup> {
  const early = takeEarlyRequest(id);
  if (early) {
    // A first visit asked the server already; the device is looked at only if the server cannot answer.
    const answer = await checkJson(early, DirectoryServiceResponse);
    if (answer.ok) return { service: answer.data, from: 'server' };
    if (answer.reason === 'not-found') return { missing: true };
    const stored = await fromDevice(id);
    return stored ? { service: stored, from: 'device' } : { unreachable: true };
  }
  const stored = await fromDevice(id);
  if (stored) return { service: stored, from: 'device' };
  const answer = await getJson(directoryServicePath(id), DirectoryServiceResponse);
  if (answer.ok) return { service: answer.data, from: 'server' };
  return answer.reason === 'not-found' ? { missing: true } : { unreachable: true };
}

const lookups = new Map<string, Promise<ServiceLookup>>();
/** Each lookup's answer once it has one, so a page drawn after it can be drawn with it at once. */
const answers = new Map<string, ServiceLookup>();

/**
 * One lookup per service at a time, shared by the head start (routes.ts) and the page, so the service is
 * never asked for twice; one that could not reach anything is forgotten, to be tried again next time.
 */
export function lookUpService(id: string): Promise<ServiceLookup> {
  let lookup = lookups.get(id);
  if (!lookup) {
    lookup = lookUp(id);
    lookups.set(id, lookup);
    void lookup.then((found) => {
      if ('unreachable' in found) lookups.delete(id);
      else answers.set(id, found);
    });
  }
  return lookup;
}

/** The answer of a lookup that has finished, if there was one. */
export function settledLookup(id: string): ServiceLookup | undefined {
  return answers.get(id);
}
