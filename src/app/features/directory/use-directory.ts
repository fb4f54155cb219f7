import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import {
  getAllServices,
  getDirectoryMeta,
  getSyncStatus,
  onDirectoryChange,
  startDirectorySync,
  syncDirectory,
  type DirectoryMeta,
  type SyncError,
} from '../../../store/directory.ts';

/**
 * `loading`: no copy on the device yet and the download is under way; `error`: no copy and it could not
 * be downloaded (see `error`); `empty`: the council's directory has no services; `ready`: searchable.
 */
export type DirectoryStatus = 'loading' | 'ready' | 'error' | 'empty';

export interface DirectoryInfo {
  status: DirectoryStatus;
  /** When this device last brought its copy up to date (ISO timestamp). */
  updatedAt?: string;
  /** True when the copy holds the shipped fictional sample directory. */
  sample: boolean;
  /** How many services the copy holds. */
  count: number;
  /** Moves whenever the services change. */
  revision?: string;
  /** A check with the server is under way. */
  syncing: boolean;
  /** Why the last check with the server failed, until one succeeds. */
  error?: SyncError;
  /** Checks with the server now, however recently it last did. */
  refresh(): Promise<void>;
}

function refresh(): Promise<void> {
  return syncDirectory({ force: true });
}

function describe(meta: DirectoryMeta | null | undefined): DirectoryInfo {
  const { syncing, error } = getSyncStatus();
  const common = { syncing, refresh, ...(error ? { error } : {}) };
  if (meta === null) return { ...common, status: 'loading', sample: false, count: 0 };
  if (meta === undefined) {
    return { ...common, status: error && !syncing ? 'error' : 'loading', sample: false, count: 0 };
  }
  return {
    ...common,
    status: meta.count > 0 ? 'ready' : 'empty',
    updatedAt: meta.lastSyncedAt,
    sample: meta.sampleCount > 0,
    count: meta.count,
    revision: meta.revision,
  };
}

/** What the local copy of the directory is, kept current; starts keeping it up to date. */
export function useDirectoryInfo(): DirectoryInfo {
  // null: not read yet; undefined: no copy on this device.
  const [meta, setMeta] = useState<DirectoryMeta | null | undefined>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const read = () => {
      setTick((n) => n + 1);
      void getDirectoryMeta().then((next) => live && setMeta(next));
    };
    const stop = onDirectoryChange(read);
    read();
    void startDirectorySync();
    return () => {
      live = false;
      stop();
    };
  }, []);
  return describe(meta);
}

interface Loaded {
  revision?: string;
  services: Service[];
}

let lastRead: { revision?: string; read: Promise<Loaded> } | undefined;

/**
 * One copy of the services per revision, shared by every page: what is worked out from it once (the
 * guided-help word index) is then kept for as long as the copy is current.
 */
function readServices(revision: string | undefined): Promise<Loaded> {
  if (!lastRead || lastRead.revision !== revision) {
    const read = getAllServices().then((services) => ({ revision, services }));
    lastRead = { revision, read };
    // A failed read is tried again next time rather than kept.
    read.catch(() => lastRead?.read === read && (lastRead = undefined));
  }
  return lastRead.read;
}

/** The services of the copy on this device, as `useDirectory` has them (empty before the first download). */
export async function currentServices(): Promise<Service[]> {
  const meta = await getDirectoryMeta();
  return meta && meta.count > 0 ? (await readServices(meta.revision)).services : [];
}

/**
 * The whole directory from this device, for pages that work over all of it (My list, guided help).
 * It re-reads when the copy changes. `status` is `ready` only once `services` holds the copy.
 */
export function useDirectory(): DirectoryInfo & { services: Service[] } {
  const info = useDirectoryInfo();
  const [loaded, setLoaded] = useState<Loaded>({ services: [] });
  useEffect(() => {
    if (info.status !== 'ready') return;
    let live = true;
    void readServices(info.revision).then((next) => live && setLoaded(next));
    return () => {
      live = false;
    };
  }, [info.status, info.revision]);
  // After an update the previous copy stays on screen until the new one is read: no flash of "loading".
  if (info.status === 'ready' && loaded.revision === undefined)
    return { ...info, status: 'loading', services: [] };
  return { ...info, services: info.status === 'ready' ? loaded.services : [] };
}
