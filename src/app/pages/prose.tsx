import { Page } from '../components/page.tsx';
import { useTranslation } from '../i18n/use-translation.ts';

interface Section {
  heading: string;
  paragraphs?: string[];
  items?: string[];
}

/**
 * A page of plain prose kept in the `pages` namespace as a title, an intro and sections, so a
 * translator edits words, never markup.
 */
export function ProsePage(props: { page: 'accessibility' | 'privacy' }) {
  const { t, ready } = useTranslation('pages');
  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  const sections = t(`${props.page}.sections`, { returnObjects: true }) as Section[];
  return (
    <Page title={t(`${props.page}.title`)}>
      <p class="lead">{t(`${props.page}.intro`)}</p>
      <p class="meta">{t(`${props.page}.updated`)}</p>
      {sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs?.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {section.items ? (
            <ul class="bullets">
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </Page>
  );
}
