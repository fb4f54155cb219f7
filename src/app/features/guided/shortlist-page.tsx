import { useMemo } from 'preact/hooks';
import { findLanguage } from '../../../domain/languages.ts';
import { resolveAnswers, shortlist, type ShortlistGroup } from '../../../domain/guided/shortlist.ts';
import { questionsWithRole } from '../../../domain/guided/rules.ts';
import { serviceOpeningState } from '../../../domain/schedule/index.ts';
import { HelpNow } from '../../components/help-now.tsx';
import { Page } from '../../components/page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useDirectory } from '../directory/use-directory.ts';
import { FoundQuestion } from '../evidence/found-question.tsx';
import { guidedFoundDetails } from './found-details.ts';
import { DirectoryLine } from './directory-line.tsx';
import { clearGuidedSession } from './guided-session.ts';
import { JourneyBar } from './journey-bar.tsx';
import { CHECK_PATH, GUIDED_PATH, GUIDED_RULES, SHORTLIST_PATH } from './journey.ts';
import { SaveAll } from './save-all.tsx';
import { searchLink, ShortlistGroupView } from './shortlist-group.tsx';
import { useGuidedSession } from './use-guided-session.ts';
import { Loading } from './loading.tsx';
import './guided.css';
import { listFormat } from '../../i18n/intl.ts';

/**
 * `/help-me-find/shortlist`: the services that fit the answers, worked out on the device from its copy
 * of the directory. When someone may be unsafe, the help-now contacts come before anything else.
 */
export function ShortlistPage() {
  const { t, ready, language } = useTranslation('guided');
  const session = useGuidedSession();
  const directory = useDirectory();
  const locale = findLanguage(language)?.htmlLang ?? 'en-GB';
  const { answers } = session;
  const resolved = useMemo(() => resolveAnswers(GUIDED_RULES, answers), [answers]);
  const result = useMemo(() => {
    if (directory.status !== 'ready') return undefined;
    const now = new Date();
    return shortlist(directory.services, answers, {
      rules: GUIDED_RULES,
      isOpen: (service) => serviceOpeningState(service, now).kind === 'open',
    });
  }, [directory.status, directory.services, answers]);

  if (!ready) return <Loading t={t} />;

  const showHelpNow = resolved.helpNow || session.askedForHelpNow === true;
  const placeWords = resolved.district
    ? t(`districts.${resolved.district}`)
    : resolved.postcode
      ? resolved.postcode
      : undefined;
  const personGroups = result?.groups.filter((group) => group.type !== 'carer') ?? [];
  const carerGroup = result?.groups.find((group) => group.type === 'carer');
  const ids = [
    ...new Set(result?.groups.flatMap((group) => group.items.map((item) => item.service.id)) ?? []),
  ];
  const needLabels = new Map(
    questionsWithRole(GUIDED_RULES, 'need').flatMap((question) =>
      question.answers.map((answer) => [answer.id, t(answer.key)] as const),
    ),
  );
  const unmatched = (result?.unmatched ?? []).map((id) => needLabels.get(id) ?? id);
  const outOfReach = (result?.outOfReach ?? []).map((id) => needLabels.get(id) ?? id);
  const needList = (needs: string[]) => listFormat(locale, { type: 'conjunction' }).format(needs);
  const group = (shown: ShortlistGroup, level: 2 | 3) => (
    <ShortlistGroupView
      key={shown.id}
      group={shown}
      answers={answers}
      placeWords={placeWords}
      level={level}
      t={t}
      locale={locale}
    />
  );

  return (
    <>
      <JourneyBar t={t} backPath={CHECK_PATH} from="shortlist" />
      <Page title={t('shortlist.title')}>
        {showHelpNow && <HelpNow headingLevel={2} id="guided-help-now-heading" />}
        <p class="lead">{t('shortlist.lead')}</p>
        <p>
          <a class="tap-target" href={CHECK_PATH}>
            {t('shortlist.change')}
          </a>
        </p>
        {!result ? (
          <DirectoryLine directory={directory} t={t} />
        ) : (
          <>
            <DirectoryLine directory={directory} t={t} quietWhenReady />
            {result.groups.length === 0 && <p class="inset">{t('shortlist.nothing')}</p>}
            {resolved.carerGroup && personGroups.length > 0 ? (
              <section class="guided-part" aria-labelledby="guided-for-person">
                <h2 id="guided-for-person">{t('shortlist.forPerson')}</h2>
                {personGroups.map((shown) => group(shown, 3))}
              </section>
            ) : (
              personGroups.map((shown) => group(shown, 2))
            )}
            {carerGroup && group(carerGroup, 2)}
            {outOfReach.length > 0 && placeWords && (
              <div class="inset">
                <p>{t('shortlist.outOfReach', { needs: needList(outOfReach), place: placeWords })}</p>
                <p>{t('shortlist.outOfReachHint', { place: placeWords })}</p>
              </div>
            )}
            {unmatched.length > 0 && (
              <div class="inset">
                <p>{t('shortlist.unmatched', { needs: needList(unmatched) })}</p>
                <p>{t('shortlist.unmatchedHint')}</p>
              </div>
            )}
            {ids.length > 0 && <SaveAll ids={ids} t={t} />}
            <ul class="guided-links link-list">
              <li>
                <a href={searchLink(answers)}>{t('shortlist.seeEverything')}</a>
              </li>
              <li>
                <a href={GUIDED_PATH} onClick={() => clearGuidedSession()}>
                  {t('shortlist.startAgain')}
                </a>
              </li>
            </ul>
            <FoundQuestion
              source="guided"
              details={guidedFoundDetails(answers, resolved)}
              returnTo={SHORTLIST_PATH}
            />
          </>
        )}
      </Page>
    </>
  );
}
