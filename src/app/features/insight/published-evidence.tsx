import { useEffect, useState } from 'preact/hooks';
import { PublishedEvidenceResponse } from '../../../domain/api/measures.ts';
import type { PublicHelpedRow } from '../../../domain/evidence/published.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { fetchWithOfflineCopy, type Copy } from './offline-copy.ts';
import { rangeText, shareText, type Words } from './words.ts';

/**
 * What people could not find, and whether services helped, in a published month: the figures as they
 * were published, every one through disclosure control. A month published before these were has none,
 * and the page then shows nothing of them.
 */
export function PublishedEvidence(props: { words: Words; period: string }) {
  const { period } = props;
  const [copy, setCopy] = useState<Copy<PublishedEvidenceResponse>>();
  useEffect(() => {
    let live = true;
    setCopy(undefined);
    void fetchWithOfflineCopy(`/api/v1/measures/evidence?period=${period}`, PublishedEvidenceResponse).then(
      (found) => live && setCopy(found),
    );
    return () => {
      live = false;
    };
  }, [period]);
  // Guided help's needs and districts, and this part's words, come in namespaces of their own.
  const { ready } = useTranslation('evidence', 'guided');
  if (!ready || (copy?.state !== 'fresh' && copy?.state !== 'saved')) return null;
  return (
    <>
      <UnmetNeed words={props.words} evidence={copy.data} />
      <Helped words={props.words} evidence={copy.data} />
    </>
  );
}

function UnmetNeed(props: { words: Words; evidence: PublishedEvidenceResponse }) {
  const { f } = props.words;
  const { t } = useTranslation('evidence', 'guided');
  const { period, unmetNeed } = props.evidence;
  const month = f.month(period);
  return (
    <section aria-labelledby="insight-unmet">
      <h2 id="insight-unmet">{t('public.unmetHeading', { month })}</h2>
      <p>{t('public.unmetIntro')}</p>
      {unmetNeed.length === 0 ? (
        <p>{t('public.unmetNone', { month })}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="insight-unmet-caption" tabIndex={0}>
          <table class="data-table data-table--whole-words">
            <caption id="insight-unmet-caption">{t('public.unmetCaption', { month })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gaps.need')}</th>
                <th scope="col">{t('gaps.district')}</th>
                <th scope="col">{t('gaps.unmet')}</th>
                <th scope="col">{t('gaps.coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {unmetNeed.map((cell) => (
                <tr key={`${cell.need}/${cell.district}`}>
                  <th scope="row">{t(`guided:guided.hard.${cell.need}`)}</th>
                  <td>{t(`guided:districts.${cell.district}`)}</td>
                  <td>
                    {cell.unmet === null ? props.words.t('figure.suppressed.withheld') : f.count(cell.unmet)}
                  </td>
                  <td>{f.count(cell.coverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{t('public.unmetNote')}</p>
      {unmetNeed.length > 0 && (
        <p>
          <a class="tap-target" href={`/api/v1/measures/unmet-need.csv?period=${period}`} download>
            {t('public.unmetCsv', { month })}
          </a>
        </p>
      )}
    </section>
  );
}

function Helped(props: { words: Words; evidence: PublishedEvidenceResponse }) {
  const { f } = props.words;
  const { t } = useTranslation('evidence', 'guided');
  const { period, helpedByTheme, helpedByService } = props.evidence;
  const month = f.month(period);
  return (
    <section aria-labelledby="insight-helped">
      <h2 id="insight-helped">{t('public.helpedHeading', { month })}</h2>
      <p>{t('public.helpedIntro')}</p>
      {helpedByTheme.length === 0 ? (
        <p>{t('public.helpedNone', { month })}</p>
      ) : (
        <>
          <HelpedTable
            words={props.words}
            id="insight-helped-themes"
            caption={t('public.helpedThemes')}
            first={t('helped.theme')}
            rows={helpedByTheme}
            name={(row) => t(`common:themes.${row.key}.title`)}
          />
          {helpedByService.length > 0 && (
            <HelpedTable
              words={props.words}
              id="insight-helped-services"
              caption={t('public.helpedServices')}
              first={t('helped.service')}
              rows={helpedByService}
              name={(row) => row.name ?? row.key}
            />
          )}
        </>
      )}
      <p class="hint">{t('public.helpedNote')}</p>
    </section>
  );
}

function HelpedTable(props: {
  words: Words;
  id: string;
  caption: string;
  first: string;
  rows: PublicHelpedRow[];
  name: (row: PublicHelpedRow) => string;
}) {
  const { words } = props;
  const { t } = useTranslation('evidence', 'guided');
  return (
    <div class="table-scroll" role="region" aria-labelledby={props.id} tabIndex={0}>
      <table class="data-table data-table--whole-words">
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            <th scope="col">{t('helped.inTouch')}</th>
            <th scope="col">{t('public.helpedShare')}</th>
            <th scope="col">{words.t('table.interval')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <bdi lang={row.name === null ? undefined : 'en-GB'}>{props.name(row)}</bdi>
              </th>
              <td>{row.n === null ? '–' : words.f.count(row.n)}</td>
              <td>{shareText(words, row)}</td>
              <td>{rangeText(words, row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
