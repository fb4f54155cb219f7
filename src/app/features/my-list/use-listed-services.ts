import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { useDirectoryInfo, type DirectoryInfo } from '../directory/use-directory.ts';

export interface ListedServices {
  directory: DirectoryInfo;
  /** The services found, in the list's order; undefined until first read. */
  services: Service[] | undefined;
  /** Ids the directory on this device does not hold (closed, or removed by the council). */
  missing: string[];
}

/** The services on a list, read from the directory on this device, and read again when either changes. */
export function useListedServices(ids: readonly string[] | undefined): ListedServices {
  const directory = useDirectoryInfo();
  const [found, setFound] = useState<{ key: string; services: Service[] }>();
  const key = `${directory.revision ?? ''}|${ids?.join(',') ?? ''}`;

  useEffect(() => {
    if (ids === undefined || directory.status !== 'ready') return;
    let live = true;
    void getServicesByIds([...ids]).then((services) => {
      if (live) setFound({ key, services });
    });
    return () => {
      live = false;
    };
  }, [key, directory.status]);

  if (ids === undefined || found === undefined) return { directory, services: undefined, missing: [] };
  // Until the new read arrives, the last one is shown without what has since been removed: no flash.
  const wanted = new Set(ids);
  const services = found.services.filter((service) => wanted.has(service.id));
  const held = new Set(found.services.map((service) => service.id));
  const missing = found.key === key ? ids.filter((id) => !held.has(id)) : [];
  return { directory, services, missing };
}
