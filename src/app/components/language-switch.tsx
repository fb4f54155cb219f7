import { useState } from 'preact/hooks';
import { LANGUAGES } from '../../domain/languages.ts';
import { changeLanguage } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { Icon } from './icons.tsx';

/**
 * A disclosure of plain links rather than a select that changes language on input (WCAG 3.2.2).
 * Each link also works without JavaScript, and names the language in itself.
 */
export function LanguageSwitch() {
  const { t, language } = useTranslation();
  const [open, setOpen] = useState(false);
  const current = LANGUAGES.find((l) => l.code === language) ?? LANGUAGES[0];
  return (
    <div class="language-switch">
      <button
        type="button"
        class="language-switch__toggle"
        aria-expanded={open}
        aria-controls="language-list"
        onClick={() => setOpen(!open)}
      >
        <Icon name="language" />
        <span>{t('language.label')}</span>
        <span class="language-switch__current" lang={current?.htmlLang}>
          {current?.nativeName}
        </span>
      </button>
      <ul id="language-list" class="language-switch__list" hidden={!open}>
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <a
              href={`?lng=${l.code}`}
              lang={l.htmlLang}
              hrefLang={l.htmlLang}
              aria-current={l.code === language ? 'true' : undefined}
              onClick={(event) => {
                event.preventDefault();
                setOpen(false);
                void changeLanguage(l.code);
              }}
            >
              {l.nativeName}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
