import { useSavedList } from '../features/my-list/use-saved-list.ts';
import { currentLanguage } from '../i18n/index.ts';
import { numberFormat } from '../i18n/intl.ts';

/**
 * How many services My list holds: a number beside the icon to see, and words after the label to hear
 * ("My list, 3 services saved").
 */
export function MyListCount(props: { label: (count: number) => string }) {
  const saved = useSavedList();
  const count = saved?.length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span class="my-list-link__count" aria-hidden="true">
        {numberFormat(currentLanguage().htmlLang).format(count)}
      </span>
      <span class="visually-hidden">{props.label(count)}</span>
    </>
  );
}
