import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { LANGUAGES, languageOrSource, type Language } from '../../domain/languages.ts';
import { changeLanguage } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { Icon } from './icons.tsx';
import { displayNames } from '../i18n/intl.ts';

/** A language's name in the page's own language ("Polish" on an English page), to help a supporter. */
function nameInPageLanguage(language: Language, page: Language): string | undefined {
  if (language.easyRead || language.code === page.code || typeof Intl.DisplayNames !== 'function') {
    return undefined;
  }
  try {
    const name = displayNames(page.htmlLang, { type: 'language' }).of(language.code);
    return name && name !== language.code && name !== language.nativeName ? name : undefined;
  } catch {
    return undefined;
  }
}

/** This page's address in another language: the search, filters and anything else in it are kept. */
function addressIn(url: string, code: string): string {
  const [path = '/', query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('lng', code);
  return `${path}?${params.toString()}`;
}

/**
 * A disclosure of plain links rather than a select that changes language on input (WCAG 3.2.2).
 * Each link also works without JavaScript, and names the language in itself.
 */
export function LanguageSwitch() {
  const { t, language } = useTranslation();
  const { url } = useLocation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const current = languageOrSource(language);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      class="language-switch"
      ref={root}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        class="language-switch__toggle tap-target"
        aria-expanded={open}
        aria-controls="language-list"
        onClick={() => setOpen(!open)}
      >
        <Icon name="language" />
        <span>{t('language.label')}</span>
        <span class="language-switch__current" lang={current.htmlLang} dir={current.dir}>
          {current.nativeName}
        </span>
      </button>
      <ul id="language-list" class="language-switch__list" hidden={!open}>
        {LANGUAGES.map((l) => {
          // Only once the list is open: reading the names' data for Intl took a costly part of every first page.
          const gloss = open ? nameInPageLanguage(l, current) : undefined;
          return (
            <li key={l.code}>
              <a
                class="tap-target"
                href={addressIn(url, l.code)}
                hrefLang={l.htmlLang}
                aria-current={l.code === current.code ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  // The page stays where it is: the router must not follow the link as a new page.
                  event.stopPropagation();
                  setOpen(false);
                  toggle.current?.focus();
                  void changeLanguage(l.code);
                }}
              >
                <span lang={l.htmlLang} dir={l.dir}>
                  {l.nativeName}
                </span>
                {gloss ? <span class="language-switch__gloss">{gloss}</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
