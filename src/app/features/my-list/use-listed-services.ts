import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { useDirectoryInfo, type DirectoryInfo } from '../directory/use-directory.ts';
import { useSameValue } from '../../hooks/use-same-value.ts';

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
  const wanted = useSameValue(ids);
  const key = `${directory.revision ?? ''}|${wanted?.join(',') ?? ''}`;

  useEffect(() => {
    if (wanted === undefined || directory.status !== 'ready') return;
    let live = true;
    void getServicesByIds([...wanted]).then((services) => {
      if (live) setFound({ key, services });
    });
    return () => {
      live = false;
    };
  }, [key, wanted, directory.status]);

  if (ids === undefined || found === undefined) return { directory, services: undefined, missing: [] };
  // Until the new read arrives, the last one is shown without what has since been removed: no flash.
  const listed = new Set(ids);
  const services = found.services.filter((service) => listed.has(service.id));
  const held = new Set(found.services.map((service) => service.id));
  const missing = found.key === key ? ids.filter((id) => !held.has(id)) : [];
  return { directory, services, missing };
}
