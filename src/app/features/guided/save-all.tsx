import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import { Icon } from '../../components/icons.tsx';
import { saveToMyList } from '../my-list/save-services.ts';

/** Saves the whole shortlist to My list in one go; My list prints and shares it. */
export function SaveAll(props: { ids: string[]; t: TFunction }) {
  const { t } = props;
  const [outcome, setOutcome] = useState<'saved' | 'failed'>();
  const save = async () => {
    try {
      await saveToMyList(props.ids);
      setOutcome('saved');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <div class="guided-save-all">
      <button type="button" class="button" onClick={() => void save()}>
        <Icon name="save" />
        <span>{t('shortlist.saveAll')}</span>
      </button>
      {/* Kept in the page while empty, so screen readers announce what appears in it. */}
      <p class="guided-save-all__status" role="status">
        {outcome === 'saved' && (
          <>
            {t('shortlist.savedAll')}{' '}
            <a class="tap-target" href="/my-list">
              {t('shortlist.goToMyList')}
            </a>
          </>
        )}
        {outcome === 'failed' && <span class="error-message">{t('shortlist.saveFailed')}</span>}
      </p>
    </div>
  );
}
