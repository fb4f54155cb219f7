import { useEffect, useState } from 'preact/hooks';
import { Page } from '../components/page.tsx';
import { useOnline } from '../hooks/use-online.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { EasyText } from '../inclusion/easy-text.tsx';

const loadAgain = () => window.location.reload();

/**
 * In place of a page whose code could not be fetched. Loading it again fetches every file afresh; with
 * no connection at all it waits for one, as a reload then would show only the browser's offline page.
 */
export function PageNotLoaded() {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState(false);
  const online = useOnline();
  useEffect(() => {
    if (waiting && online) loadAgain();
  }, [waiting, online]);
  return (
    <Page title={t('pageNotLoaded.title')}>
      <EasyText i18nKey="pageNotLoaded.body" />
      <p>
        <button
          type="button"
          class="button tap-target"
          onClick={() => (online ? loadAgain() : setWaiting(true))}
        >
          {t('pageNotLoaded.retry')}
        </button>
      </p>
      <div role="status">{waiting ? <EasyText i18nKey="pageNotLoaded.waiting" /> : null}</div>
    </Page>
  );
}
