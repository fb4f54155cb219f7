import type { FlaggedResponse, Gap } from '../../../domain/api/analyst.ts';
import { groupLabel, type Words } from './words.ts';

/** A group's share with its interval and base, as one cell of the gaps table. */
function groupCell(words: Words, breakdown: string, group: Gap['higher']): string {
  const { t, f } = words;
  return t('gaps.group', {
    group: groupLabel(t, breakdown, group.group),
    share: f.percent(group.share),
    low: f.percent(group.ciLow),
    high: f.percent(group.ciHigh),
    n: f.count(group.n),
  });
}

/** The seventh outcome: on each measure, the two groups furthest apart, both with their intervals. */
export function DashboardGaps(props: { words: Words; gaps: Gap[] }) {
  const { words } = props;
  const { t, f } = words;
  return (
    <section>
      <h2 id="dashboard-gaps">{t('gaps.heading')}</h2>
      <p>{t('gaps.intro')}</p>
      {props.gaps.length === 0 ? (
        <p>{t('gaps.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="dashboard-gaps" tabIndex={0}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('table.measure')}</th>
                <th scope="col">{t('gaps.by')}</th>
                <th scope="col">{t('gaps.higher')}</th>
                <th scope="col">{t('gaps.lower')}</th>
                <th scope="col">{t('gaps.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {props.gaps.map((gap) => (
                <tr key={`${gap.measure}-${gap.breakdown}`}>
                  <th scope="row">{t(`measures.${gap.measure}.name`)}</th>
                  <td>{t(`breakdowns.${gap.breakdown}`)}</td>
                  <td>{groupCell(words, gap.breakdown, gap.higher)}</td>
                  <td>{groupCell(words, gap.breakdown, gap.lower)}</td>
                  <td>{t('figure.points', { points: f.points(gap.gap) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Responses whose answers said the person does not feel safe, for the analysts to follow up. */
export function FlaggedList(props: { words: Words; flagged: FlaggedResponse[] }) {
  const { t, f } = props.words;
  return (
    <section>
      <h2 id="dashboard-flagged">{t('flagged.heading')}</h2>
      <p>{t('flagged.count', { count: f.count(props.flagged.length) })}</p>
      {props.flagged.length > 0 && (
        <div class="table-scroll" role="region" aria-labelledby="dashboard-flagged" tabIndex={0}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('flagged.reference')}</th>
                <th scope="col">{t('flagged.received')}</th>
                <th scope="col">{t('breakdowns.district')}</th>
                <th scope="col">{t('flagged.safe')}</th>
                <th scope="col">{t('flagged.safeguarding')}</th>
                <th scope="col">{t('flagged.words')}</th>
              </tr>
            </thead>
            <tbody>
              {props.flagged.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.reference}</th>
                  <td>{f.time(item.receivedAt)}</td>
                  <td>{groupLabel(t, 'district', item.district ?? 'not-stated')}</td>
                  <td>{item.safe ? t(`answers.safe.${item.safe}`) : '–'}</td>
                  <td>
                    {item.safeguardingConcern === null
                      ? t('flagged.notAsked')
                      : item.safeguardingConcern
                        ? t('flagged.yes')
                        : t('flagged.no')}
                  </td>
                  <td>
                    {item.hasStory ? (
                      <a class="tap-target" href={`/staff/dashboard/stories?reference=${item.reference}`}>
                        {t('flagged.readWords')}
                      </a>
                    ) : (
                      t('flagged.noWords')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
