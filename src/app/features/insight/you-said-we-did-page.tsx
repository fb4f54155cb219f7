import { useEffect, useState } from 'preact/hooks';
import { Page } from '../../components/page.tsx';
import { fetchWithOfflineCopy, type Copy } from './offline-copy.ts';
import { YouSaidWeDidListResponse } from '../../../domain/api/you-said-we-did.ts';
import { useWords } from './words.ts';
import { YouSaidWeDidItems } from './you-said-we-did-items.tsx';
import './insight.css';

/** Everything the council changed because of what people told it. */
export function YouSaidWeDidPage() {
  const { ready, words } = useWords();
  const { t } = words;
  const [list, setList] = useState<Copy<YouSaidWeDidListResponse>>();
  useEffect(() => {
    void fetchWithOfflineCopy('/api/v1/you-said-we-did', YouSaidWeDidListResponse).then(setList);
  }, []);
  if (!ready) {
    return (
      <Page title={t('common:loading')}>
        <p class="loading">{t('loading')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('youSaid.title')}>
      <p class="lead">{t('youSaid.intro')}</p>
      {list === undefined ? (
        <p class="loading">{t('loading')}</p>
      ) : list.state === 'fresh' || list.state === 'saved' ? (
        <>
          {list.state === 'saved' && <p class="inset inset--info inset--strong">{t('youSaid.offline')}</p>}
          <YouSaidWeDidItems words={words} entries={list.data.entries} headingLevel={2} />
        </>
      ) : (
        <p class="inset inset--info inset--strong">{t('youSaid.unavailable')}</p>
      )}
      <p>
        <a class="tap-target" href="/insight">
          {t('youSaid.back')}
        </a>
      </p>
    </Page>
  );
}
