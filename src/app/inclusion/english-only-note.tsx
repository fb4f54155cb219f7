import { SOURCE_LANGUAGE, languageOrSource } from '../../domain/languages.ts';
import { Icon } from '../components/icons.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { EasyBlock } from './easy-text.tsx';
import './english-only-note.css';

/**
 * Says, in the person's language, that what follows comes from the service in English (descriptions come
 * from the council's feed as written). Shows nothing in English. Mark the English text itself `lang="en"`.
 */
export function EnglishOnlyNote() {
  const { t, ready, language } = useTranslation('inclusion');
  const current = languageOrSource(language);
  if (!ready || current.code === SOURCE_LANGUAGE) return null;
  if (current.easyRead) return <EasyBlock text={t('englishOnly')} class="english-only" />;
  return (
    <p class="english-only">
      <Icon name="language" />
      <span>{t('englishOnly')}</span>
    </p>
  );
}
