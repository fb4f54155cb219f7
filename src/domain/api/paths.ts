/**
 * Addresses the app asks for before its own code has loaded, shared with the server that names them in a
 * page's HTML. Free of imports: the app's first script carries it.
 */

/** `GET /api/v1/directory/services/{id}`: see `DirectoryServiceResponse`. */
export const directoryServicePath = (id: string) => `/api/v1/directory/services/${encodeURIComponent(id)}`;
