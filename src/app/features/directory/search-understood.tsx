import { filtersToSearchParams } from '../../../domain/search/filters.ts';
import { GUIDED_PATH } from '../guided/journey-paths.ts';
import type { Words } from './opening-words.ts';
import { oneLine, servicePath } from './result-card.tsx';
import type { Understood } from './search-protocol.ts';

/**
 * What search made of the words, said plainly: the spelling it used instead, and that a query in
 * another language was matched to services described in English.
 */
export function UnderstoodNotes(props: { understood: Understood | undefined; words: Words }) {
  const { understood, words } = props;
  if (!understood) return null;
  const { t } = words;
  const used = understood.corrections.map((correction) => correction.used);
  return (
    <>
      {understood.translatedFrom ? <p class="search-note">{t('search.translated')}</p> : null}
      {used.length > 0 ? (
        <p class="search-note">
          {t('results.corrected')}{' '}
          <strong lang="en-GB" dir="ltr">
            {used.join(' ')}
          </strong>
        </p>
      ) : null}
    </>
  );
}

/**
 * When a search finds little, what is near: related topics, guided help's questions, and services that
 * cover all of Essex in those topics. Never a dead end.
 */
export function NearSuggestions(props: { understood: Understood | undefined; words: Words }) {
  const { understood, words } = props;
  const { t } = words;
  const themes = understood?.themes ?? [];
  const countyWide = understood?.countyWide ?? [];
  return (
    <section class="search-near" aria-labelledby="search-near-heading">
      <h3 id="search-near-heading">{t('results.nearHeading')}</h3>
      <ul class="search-near__ways">
        {themes.map((theme) => (
          <li key={theme}>
            <a href={`/search?${filtersToSearchParams({ themes: [theme] }).toString()}`}>
              {t('results.nearTheme', { theme: t(`common:themes.${theme}.title`) })}
            </a>
          </li>
        ))}
        <li>
          <a href={GUIDED_PATH}>{t('results.nearGuided')}</a>
        </li>
      </ul>
      {countyWide.length > 0 ? (
        <>
          <h4>{t('results.nearCountyWide')}</h4>
          <ul class="search-near__services">
            {countyWide.map(({ service }) => (
              <li key={service.id}>
                <a href={servicePath(service.id)} lang="en-GB" dir="auto">
                  {service.name}
                </a>
                <p lang="en-GB" dir="auto">
                  {oneLine(service)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
