import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { Page } from '../../components/page.tsx';
import { DirectoryNotice } from './directory-notice.tsx';
import { ServiceDetail } from './service-detail.tsx';
import { lookUpService, settledLookup, type ServiceLookup } from './service-lookup.ts';
import { useDirectoryInfo } from './use-directory.ts';
import { useDirectoryWords } from './use-words.ts';
import './directory.css';

type Lookup = { id: string; revision?: string; service?: Service } | undefined;

function sameService(a: Service | undefined, b: Service | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/** The first answer for this service: the device's copy, or the server's when the device has none. */
function useFirstLookup(id: string): ServiceLookup | undefined {
  const [first, setFirst] = useState<{ id: string; found: ServiceLookup } | undefined>(() => {
    const found = settledLookup(id);
    return found && { id, found };
  });
  useEffect(() => {
    let live = true;
    void lookUpService(id).then(
      (found) => live && setFirst((now) => (now?.found === found ? now : { id, found })),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return first?.id === id ? first.found : undefined;
}

/**
 * `/services/:id`: a service's page, offline from the directory on this device; on a first visit, before
 * the directory has arrived, from the server.
 */
export function ServicePage(props: { id?: string; params?: { id?: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const words = useDirectoryWords();
  const { t, ready, locale } = words;
  const info = useDirectoryInfo();
  const first = useFirstLookup(id);
  const [lookup, setLookup] = useState<Lookup>(undefined);
  const drawn = useRef<Service | undefined>(undefined);

  useEffect(() => {
    if (info.status !== 'ready') return;
    let live = true;
    void getServicesByIds([id]).then(([service]) => {
      if (!live) return;
      // The copy's service, once it has arrived, replaces the server's; the same details are not drawn again.
      const kept = sameService(drawn.current, service) ? drawn.current : service;
      setLookup({ id, revision: info.revision, ...(kept ? { service: kept } : {}) });
    });
    return () => {
      live = false;
    };
  }, [id, info.status, info.revision]);

  const current = lookup?.id === id ? lookup : undefined;
  const early = first && 'service' in first ? first : undefined;
  // Once the copy has been read, the server's answer stands only for a service the copy does not hold yet.
  const service = current
    ? (current.service ?? (early?.from === 'server' ? early.service : undefined))
    : early?.service;
  drawn.current = service;
  // The details are drawn again only when the service or the language changes, not when the copy arrives.
  const detailWords = useMemo(() => ({ t, locale }), [t, locale]);
  const shown = useMemo(
    () => (service ? <ServiceDetail service={service} words={detailWords} /> : null),
    [service, detailWords],
  );

  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  if (shown) return shown;
  const missing = first !== undefined && 'missing' in first;
  if (!missing && info.status === 'error') {
    return (
      <Page title={t('service.unavailableTitle')}>
        <DirectoryNotice info={info} words={words} />
      </Page>
    );
  }
  if (!missing && (!first || (info.status !== 'empty' && !current))) {
    return <p class="loading">{t('directory.loading')}</p>;
  }
  return (
    <Page title={t('service.notFoundTitle')}>
      <p>{t('service.notFoundBody')}</p>
      <p>
        <a class="action-link tap-target" href="/search">
          {t('service.searchLink')}
        </a>
      </p>
    </Page>
  );
}
