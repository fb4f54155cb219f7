import type { TFunction } from 'i18next';

/**
 * While this part's words load. Not a `Page`: the first `Page` shown is the one that must not steal
 * focus on a fresh load, and the real page's heading takes focus after a navigation once it appears.
 */
export function Loading(props: { t: TFunction }) {
  return <p class="loading">{props.t('common:loading')}</p>;
}
