/**
 * The directory on this device, for every part of the app: read it here (it works offline), and it is
 * kept current from the server by `startDirectorySync`.
 */
import type { Service } from '../domain/service.ts';
import { readAllServices, readMeta, readServicesByIds, type DirectoryMeta } from './directory-db.ts';

export type { DirectoryMeta } from './directory-db.ts';
export {
  getSyncStatus,
  onDirectoryChange,
  requestPersistentStorage,
  startDirectorySync,
  syncDirectory,
  type SyncError,
} from './directory-sync.ts';

/** Every service in the local copy (empty before the first download). */
export function getAllServices(): Promise<Service[]> {
  return readAllServices();
}

/** The services with these ids, in the order given; ids the directory does not hold are skipped. */
export function getServicesByIds(ids: string[]): Promise<Service[]> {
  return readServicesByIds(ids);
}

/** What the local copy is and how fresh; undefined before the first download. */
export function getDirectoryMeta(): Promise<DirectoryMeta | undefined> {
  return readMeta();
}
