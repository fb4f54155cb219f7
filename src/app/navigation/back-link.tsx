import { useLocation } from 'preact-iso';
import { useTranslation } from '../i18n/use-translation.ts';
import { backRuleFor } from './back-targets.ts';
import { previousPage } from './history-entries.ts';
import './navigation.css';

/**
 * "Back" at the top of every page that is not a start page, for the app opened from the home screen,
 * which has no browser Back button. It returns to the page the person came from, as they left it
 * (results, filters, how far they had scrolled); opened straight from a link, it goes to the parent.
 * Pages in a journey have their own Back, to the question before, and this one stays away.
 */
export function BackLink() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const rule = backRuleFor(path);
  if (rule.kind !== 'parent') return null;
  const previous = previousPage();
  return (
    <div class="back-link-row">
      <a
        class="back-link tap-target"
        href={previous ?? rule.path}
        onClick={(event) => {
          if (!previous || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          // Not the router: the browser's own step back brings the page back as it was.
          event.stopPropagation();
          history.back();
        }}
      >
        {t('nav.back')}
      </a>
    </div>
  );
}
