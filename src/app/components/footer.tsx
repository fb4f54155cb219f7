import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../i18n/use-translation.ts';
import { Icon } from './icons.tsx';

/** The settings panel is its own chunk: most people never open it. */
function useDisplaySettingsPanel(wanted: boolean): ComponentType | undefined {
  const [panel, setPanel] = useState<ComponentType>();
  useEffect(() => {
    if (!wanted || panel) return;
    void import('../inclusion/display-settings.tsx').then((module) =>
      setPanel(() => module.DisplaySettingsPanel),
    );
  }, [wanted, panel]);
  return panel;
}

export function Footer() {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const Panel = useDisplaySettingsPanel(settingsOpen);
  return (
    <footer class="site-footer">
      <div class="site-footer__display">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={settingsOpen}
          aria-controls="display-settings"
          onClick={() => setSettingsOpen(!settingsOpen)}
        >
          <Icon name="display" />
          <span>{t('footer.display')}</span>
        </button>
        <div id="display-settings" hidden={!settingsOpen}>
          {settingsOpen ? Panel ? <Panel /> : <p class="loading">{t('loading')}</p> : null}
        </div>
      </div>
      <nav aria-label={t('footer.label')}>
        <ul class="link-list link-list--inline">
          <li>
            <a href="/accessibility">{t('footer.accessibility')}</a>
          </li>
          <li>
            <a href="/privacy">{t('footer.privacy')}</a>
          </li>
          <li>
            <a href="/insight">{t('footer.insight')}</a>
          </li>
          <li>
            <a href="/staff/sign-in">{t('footer.staff')}</a>
          </li>
        </ul>
      </nav>
      <p class="site-footer__note">{t('footer.note')}</p>
    </footer>
  );
}
