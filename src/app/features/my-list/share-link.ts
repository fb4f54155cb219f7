/**
 * The link that carries a list from one device to another: `/my-list/shared?ids=a,b,c`. The ids are the
 * whole message, so nothing about the person is sent anywhere; the receiver reads the services from
 * their own copy of the directory.
 */

export const SHARED_LIST_PATH = '/my-list/shared';

/** Enough for any list taken to an appointment, and a QR code a phone camera can still read. */
export const MAX_SHARED_SERVICES = 30;

// Directory ids are UUIDs; other ORUK feeds use short slugs. Nothing else gets through.
const SERVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,63}$/;

/** The full link for a list of service ids, at most `MAX_SHARED_SERVICES` of them. */
export function sharedListLink(origin: string, ids: readonly string[]): string {
  const kept = [...new Set(ids)].filter((id) => SERVICE_ID.test(id)).slice(0, MAX_SHARED_SERVICES);
  // Commas are left as they are (not %2C): a shorter link makes a smaller, easier QR code.
  return `${origin}${SHARED_LIST_PATH}?ids=${kept.join(',')}`;
}

/** The service ids in a shared link's `ids` value: valid ones only, each once, at most the cap. */
export function readSharedIds(value: string | undefined): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => SERVICE_ID.test(id));
  return [...new Set(ids)].slice(0, MAX_SHARED_SERVICES);
}
