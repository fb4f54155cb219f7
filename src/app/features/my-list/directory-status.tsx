import type { DirectoryInfo } from '../directory/use-directory.ts';
import type { Words } from './use-words.ts';

/** While a list cannot be shown yet: the directory is still downloading, or could not be. */
export function DirectoryStatus(props: { directory: DirectoryInfo; words: Words }) {
  const { t } = props.words;
  if (props.directory.status !== 'error') return <p class="loading">{t('list.loading')}</p>;
  return (
    <div class="directory-problem">
      <p>{t('list.directoryMissing')}</p>
      <button type="button" class="button" onClick={() => void props.directory.refresh()}>
        {t('list.tryAgain')}
      </button>
    </div>
  );
}
