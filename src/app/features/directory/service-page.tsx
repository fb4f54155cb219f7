import { useEffect, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { getServicesByIds } from '../../../store/directory.ts';
import { Page } from '../../components/page.tsx';
import { DirectoryNotice } from './directory-notice.tsx';
import { ServiceDetail } from './service-detail.tsx';
import { useDirectoryInfo } from './use-directory.ts';
import { useDirectoryWords } from './use-words.ts';
import './directory.css';

type Lookup = { id: string; revision?: string; service?: Service } | undefined;

/** `/services/:id`: a service's page, offline from the directory on this device. */
export function ServicePage(props: { id?: string; params?: { id?: string } }) {
  const id = props.params?.id ?? props.id ?? '';
  const words = useDirectoryWords();
  const { t, ready } = words;
  const info = useDirectoryInfo();
  const [lookup, setLookup] = useState<Lookup>(undefined);

  useEffect(() => {
    if (info.status !== 'ready') return;
    let live = true;
    void getServicesByIds([id]).then(([service]) => {
      if (live) setLookup({ id, revision: info.revision, ...(service ? { service } : {}) });
    });
    return () => {
      live = false;
    };
  }, [id, info.status, info.revision]);

  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  const current = lookup?.id === id ? lookup : undefined;
  if (current?.service) return <ServiceDetail service={current.service} words={words} />;
  if (info.status === 'error') {
    return (
      <Page title={t('service.unavailableTitle')}>
        <DirectoryNotice info={info} words={words} />
      </Page>
    );
  }
  if (info.status !== 'empty' && !current) return <p class="loading">{t('directory.loading')}</p>;
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
