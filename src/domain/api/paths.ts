/**
 * Addresses the app reads and asks for before its own code has loaded, shared with the server that names
 * them in a page's HTML. Free of imports: the app's first script carries it.
 */

/** `GET /api/v1/directory/services/{id}`: see `DirectoryServiceResponse`. */
export const directoryServicePath = (id: string) => `/api/v1/directory/services/${encodeURIComponent(id)}`;

/** The service a `/services/:id` page address is for, decoded as the router decodes it. */
export function serviceIdIn(path: string): string | undefined {
  const segment = /^\/services\/([^/]+)\/?$/.exec(path)?.[1];
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    // A malformed escape in the address: the page says it cannot find the service.
    return undefined;
  }
}
