import { useMemo, useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { remove } from '../../../store/saved-list.ts';
import { Icon } from '../../components/icons.tsx';
import { Page } from '../../components/page.tsx';
import { IosInstallHint } from '../../install/ios-install-hint.tsx';
import { ClearList } from './clear-list.tsx';
import { DirectoryStatus } from './directory-status.tsx';
import { Notice } from './notice.tsx';
import { PrintButton, PrintHeader } from './print-parts.tsx';
import { ServiceSummary } from './service-summary.tsx';
import { SharePanel } from './share-panel.tsx';
import { useListedServices } from './use-listed-services.ts';
import { useSavedList } from './use-saved-list.ts';
import { useWords } from './use-words.ts';
import './my-list.css';

/** The services a person has saved on this device: to call, visit, print or share. */
export function MyListPage() {
  const { ready, words, directoryWords } = useWords();
  const { t } = words;
  const saved = useSavedList();
  const ids = useMemo(() => saved?.map((entry) => entry.id), [saved]);
  const { directory, services, missing } = useListedServices(ids);
  const [notice, setNotice] = useState<{ text: string; version: number }>();
  const now = new Date();

  if (!ready || saved === undefined) {
    return (
      <Page title={t('common:nav.myList')}>
        <p class="loading">{t('common:loading')}</p>
      </Page>
    );
  }

  const tell = (text: string) => setNotice((last) => ({ text, version: (last?.version ?? 0) + 1 }));
  const removeOne = async (service: Service) => {
    try {
      await remove(service.id);
      tell(t('list.removed', { name: service.name }));
    } catch {
      tell(t('list.changeFailed'));
    }
  };
  const removeMissing = async () => {
    try {
      for (const id of missing) await remove(id);
      tell(t('list.removedMissing', { count: missing.length }));
    } catch {
      tell(t('list.changeFailed'));
    }
  };

  return (
    <Page title={t('common:nav.myList')}>
      <div class="my-list-page">
        <PrintHeader words={words} />
        <Notice version={notice?.version ?? 0}>{notice?.text}</Notice>
        {saved.length === 0 ? (
          <>
            <p class="lead">{t('list.empty')}</p>
            <p>{t('list.emptyHow')}</p>
            <p>
              <a class="action-link tap-target" href="/search">
                <Icon name="search" />
                <span>{t('list.searchLink')}</span>
              </a>
            </p>
          </>
        ) : (
          <>
            <p class="lead my-list-page__intro">{t('list.intro', { count: saved.length })}</p>
            {services === undefined ? (
              <DirectoryStatus directory={directory} words={words} />
            ) : (
              <ul class="saved-list">
                {services.map((service) => (
                  <li key={service.id}>
                    <ServiceSummary service={service} words={words} directoryWords={directoryWords} now={now}>
                      <button
                        type="button"
                        class="button button--secondary saved-service__remove"
                        aria-label={t('list.removeLabel', { name: service.name })}
                        onClick={() => void removeOne(service)}
                      >
                        {t('list.remove')}
                      </button>
                    </ServiceSummary>
                  </li>
                ))}
              </ul>
            )}
            {missing.length > 0 && (
              <div class="inset missing-services">
                <p>{t('list.missing', { count: missing.length })}</p>
                <button type="button" class="button button--secondary" onClick={() => void removeMissing()}>
                  {t('list.removeMissing', { count: missing.length })}
                </button>
              </div>
            )}
            <div class="button-group my-list-page__actions">
              <PrintButton words={words} />
            </div>
            <SharePanel ids={ids ?? []} />
            <ClearList count={saved.length} words={words} onCleared={() => tell(t('list.cleared'))} />
          </>
        )}
        <IosInstallHint />
        <p class="my-list-page__privacy">{t('list.privacy')}</p>
      </div>
    </Page>
  );
}
