import { Page } from '../components/page.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { EasyBlock } from '../inclusion/easy-text.tsx';

interface Section {
  heading: string;
  paragraphs?: string[];
  items?: string[];
}

/** The dates the pages state, formatted in each language by the `longDate` formatter. */
const DATES = { prepared: '2026-11-24', reviewed: '2026-11-24', tested: '2026-11-24' };

/**
 * A page of plain prose kept in the `pages` namespace as a title, an intro and sections, so a
 * translator edits words, never markup.
 */
export function ProsePage(props: { page: 'accessibility' | 'privacy' }) {
  const { t, ready } = useTranslation('pages');
  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  const sections = t(`${props.page}.sections`, { returnObjects: true, ...DATES }) as Section[];
  return (
    <Page title={t(`${props.page}.title`)} listen>
      <EasyBlock text={t(`${props.page}.intro`)} class="lead" />
      <p class="meta">{t(`${props.page}.updated`, DATES)}</p>
      {sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs?.map((p) => (
            <EasyBlock key={p} text={p} />
          ))}
          {section.items ? (
            <ul class="bullets">
              {section.items.map((item) => (
                <EasyBlock key={item} text={item} as="li" />
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </Page>
  );
}
