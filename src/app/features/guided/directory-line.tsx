import type { TFunction } from 'i18next';
import type { DirectoryInfo } from '../directory/use-directory.ts';

/** Whether the directory is on this device yet: the journey only works offline once it is. */
export function DirectoryLine(props: { directory: DirectoryInfo; t: TFunction; quietWhenReady?: boolean }) {
  const { directory, t } = props;
  if (directory.status === 'ready') {
    if (props.quietWhenReady) return directory.sample ? <p class="meta">{t('directory.sample')}</p> : null;
    return (
      <>
        <p class="guided-directory guided-directory--ready" role="status">
          {t('directory.ready')}
        </p>
        {directory.sample && <p class="meta">{t('directory.sample')}</p>}
      </>
    );
  }
  if (directory.status === 'loading') {
    return (
      <p class="guided-directory" role="status">
        {t('directory.loading')}
      </p>
    );
  }
  return (
    <div class="guided-directory guided-directory--problem" role="status">
      <p>{t(directory.status === 'empty' ? 'directory.empty' : 'directory.error')}</p>
      {directory.status === 'error' && (
        <button type="button" class="button button--secondary" onClick={() => void directory.refresh()}>
          {t('directory.tryAgain')}
        </button>
      )}
    </div>
  );
}
