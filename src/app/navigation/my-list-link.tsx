import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Icon } from '../components/icons.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import './navigation.css';

type CountProps = { label: (count: number) => string };

/**
 * My list, one tap from every page, with how many services it holds. The count reads the list from the
 * device's storage, so its code loads after the page has painted and the first page stays small.
 */
export function MyListLink() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const [Count, setCount] = useState<ComponentType<CountProps> | null>(null);
  useEffect(() => {
    const load = () =>
      void import('./my-list-count.tsx').then(
        (module) => setCount(() => module.MyListCount),
        () => undefined,
      );
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 300);
  }, []);
  return (
    <a class="my-list-link" href="/my-list" aria-current={path === '/my-list' ? 'page' : undefined}>
      {/* Icon over a short label, as a phone's tab bar has it: narrow enough to share a row with the name. */}
      <Icon name="saved" />
      <span>{t('nav.myList')}</span>
      {Count ? <Count label={(count) => t('nav.myListCount', { count })} /> : null}
    </a>
  );
}
