import { useState } from 'preact/hooks';
import type { Service } from '../../../domain/service.ts';
import { remove } from '../../../store/saved-list.ts';
import { Icon } from '../../components/icons.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { saveToMyList } from './save-services.ts';
import { useSavedList } from './use-saved-list.ts';
import './save-button.css';

type Outcome = 'saved' | 'removed' | 'failed' | undefined;

/**
 * One tap saves a service to My list, another takes it off. The list lives on this device only. The label
 * says what the button will do; it is not also a pressed toggle, which would say it twice and contradict.
 */
export function SaveButton(props: { service: Service }) {
  const { t, ready } = useTranslation('my-list');
  const savedList = useSavedList();
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const [busy, setBusy] = useState(false);
  if (!ready || savedList === undefined) return <p class="meta loading">{t('common:loading')}</p>;

  const { id, name } = props.service;
  const saved = savedList.some((entry) => entry.id === id);

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    try {
      if (saved) await remove(id);
      else await saveToMyList([id]);
      setOutcome(saved ? 'removed' : 'saved');
    } catch {
      setOutcome('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="save-button">
      <button
        type="button"
        class={saved ? 'button save-button__toggle save-button__toggle--saved' : 'button save-button__toggle'}
        aria-label={t(saved ? 'save.removeLabel' : 'save.addLabel', { name })}
        onClick={() => void toggle()}
      >
        <Icon name={saved ? 'saved' : 'save'} />
        <span>{t(saved ? 'save.remove' : 'save.add')}</span>
      </button>
      {/* Kept in the page while empty, so screen readers announce what appears in it. */}
      <p class="save-button__status" role="status">
        {outcome === 'saved' && (
          <>
            {t('save.savedStatus')}{' '}
            <a class="tap-target" href="/my-list">
              {t('save.viewList')}
            </a>
          </>
        )}
        {outcome === 'removed' && t('save.removedStatus')}
        {outcome === 'failed' && <span class="save-button__error">{t('save.failed')}</span>}
      </p>
    </div>
  );
}
