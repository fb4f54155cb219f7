import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Icon } from '../../components/icons.tsx';
import { Page } from '../../components/page.tsx';
import { DirectoryStatus } from './directory-status.tsx';
import { Notice } from './notice.tsx';
import { PrintButton, PrintHeader } from './print-parts.tsx';
import { SaveButton } from './save-button.tsx';
import { saveToMyList } from './save-services.ts';
import { ServiceSummary } from './service-summary.tsx';
import { readSharedIds } from './share-link.ts';
import { useListedServices } from './use-listed-services.ts';
import { useSavedList } from './use-saved-list.ts';
import { useWords } from './use-words.ts';
import './my-list.css';

type Outcome = { kind: 'saved'; count: number } | { kind: 'failed' };

/** A list someone else made and sent as a link or QR code: shown as theirs until the person saves it. */
export function SharedListPage() {
  const { ready, words, directoryWords } = useWords();
  const { t } = words;
  const { query } = useLocation();
  const ids = useMemo(() => readSharedIds(query.ids), [query.ids]);
  const { directory, services, missing } = useListedServices(ids);
  const saved = useSavedList();
  const [outcome, setOutcome] = useState<Outcome & { version: number }>();
  const now = new Date();

  if (!ready) {
    return (
      <Page title={t('common:nav.myList')}>
        <p class="loading">{t('common:loading')}</p>
      </Page>
    );
  }

  const savedIds = new Set(saved?.map((entry) => entry.id));
  const allSaved = services !== undefined && services.every((service) => savedIds.has(service.id));

  const saveThese = async () => {
    const version = (outcome?.version ?? 0) + 1;
    try {
      const count = await saveToMyList((services ?? []).map((service) => service.id));
      setOutcome({ kind: 'saved', count, version });
    } catch {
      setOutcome({ kind: 'failed', version });
    }
  };

  return (
    <Page title={t('shared.title')}>
      <div class="my-list-page my-list-page--shared">
        <PrintHeader words={words} />
        <Notice version={outcome?.version ?? 0}>
          {outcome?.kind === 'failed' ? (
            t('shared.saveFailed')
          ) : outcome?.kind === 'saved' ? (
            <>
              {t('shared.savedThese', { count: outcome.count })}{' '}
              <a class="tap-target" href="/my-list">
                {t('shared.goToList')}
              </a>
            </>
          ) : null}
        </Notice>
        {ids.length === 0 ? (
          <>
            <p class="lead">{t('shared.noServices')}</p>
            <p>
              <a class="action-link tap-target" href="/search">
                <Icon name="search" />
                <span>{t('list.searchLink')}</span>
              </a>
            </p>
          </>
        ) : (
          <>
            <p class="lead">{t('shared.intro', { count: ids.length })}</p>
            {services === undefined ? (
              <DirectoryStatus directory={directory} words={words} />
            ) : (
              <>
                <div class="button-group my-list-page__actions">
                  {services.length > 0 && !allSaved && (
                    <button
                      type="button"
                      class="button shared-list__save-all"
                      onClick={() => void saveThese()}
                    >
                      <Icon name="save" />
                      <span>{t('shared.saveThese')}</span>
                    </button>
                  )}
                  {services.length > 0 && allSaved && !outcome && (
                    <p>
                      {t('shared.alreadySaved')}{' '}
                      <a class="tap-target" href="/my-list">
                        {t('shared.goToList')}
                      </a>
                    </p>
                  )}
                </div>
                <ul class="saved-list">
                  {services.map((service) => (
                    <li key={service.id}>
                      <ServiceSummary
                        service={service}
                        words={words}
                        directoryWords={directoryWords}
                        now={now}
                      >
                        <SaveButton service={service} />
                      </ServiceSummary>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {missing.length > 0 && (
              <p class="inset missing-services">{t('shared.missing', { count: missing.length })}</p>
            )}
            {services !== undefined && services.length > 0 && (
              <div class="button-group my-list-page__actions">
                <PrintButton words={words} />
              </div>
            )}
          </>
        )}
      </div>
    </Page>
  );
}
