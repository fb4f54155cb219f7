import type { ComponentChildren } from 'preact';
import { baseText, changeText, isShown, rangeText, shareText, type FigureLike, type Words } from './words.ts';

/**
 * Charts drawn as plain SVG, each with its words beside it: a bar chart says what it shows in its
 * accessible name, and every chart opens as a table by keyboard ("Show as a table"), so nothing is
 * known only by looking. In right-to-left languages the bars and the time axis mirror (chart.css).
 */

export interface ChartRow {
  key: string;
  label: string;
  figure: FigureLike;
  change?: number | null;
  /** Analysts see what the public sees of each figure. */
  publicNote?: string;
}

/** The share as a bar, with its 95% interval as a whisker. */
function ShareBar(props: { figure: FigureLike; shown: boolean }) {
  const { figure, shown } = props;
  const pct = (value: number) => Math.max(0, Math.min(100, value * 100));
  return (
    <svg
      class="share-bar"
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect class="share-bar__track" x="0" y="1" width="100" height="10" />
      {shown && figure.share !== null && (
        <rect class="share-bar__fill" x="0" y="1" width={pct(figure.share)} height="10" />
      )}
      {shown && figure.ciLow !== null && figure.ciHigh !== null && (
        <g class="share-bar__whisker">
          <line
            x1={pct(figure.ciLow)}
            x2={pct(figure.ciHigh)}
            y1="6"
            y2="6"
            vector-effect="non-scaling-stroke"
          />
          <line
            x1={pct(figure.ciLow)}
            x2={pct(figure.ciLow)}
            y1="2"
            y2="10"
            vector-effect="non-scaling-stroke"
          />
          <line
            x1={pct(figure.ciHigh)}
            x2={pct(figure.ciHigh)}
            y1="2"
            y2="10"
            vector-effect="non-scaling-stroke"
          />
        </g>
      )}
    </svg>
  );
}

function TableToggle(props: { words: Words; name: string; children: ComponentChildren }) {
  return (
    <details class="chart-table">
      <summary class="tap-target">
        {props.words.t('chart.showTable')}
        <span class="visually-hidden">: {props.name}</span>
      </summary>
      {/* A wide table scrolls inside its own box, never the page (WCAG 1.4.10 exempts data tables). */}
      <div class="table-scroll" role="region" aria-label={props.name} tabIndex={0}>
        {props.children}
      </div>
    </details>
  );
}

/**
 * One bar per row, for one month. `analyst` shows every figure, with what the public sees of it;
 * otherwise a withheld figure shows only why it is withheld.
 */
export function ShareChart(props: {
  words: Words;
  id: string;
  caption: string;
  labelHeading: string;
  rows: ChartRow[];
  analyst?: boolean;
}) {
  const { words, id, caption, rows } = props;
  const { t } = words;
  const shown = (row: ChartRow) => props.analyst === true || isShown(row.figure);
  const value = (row: ChartRow) => shareText(words, row.figure, !props.analyst);
  const summary = rows.map((row) => `${row.label}: ${value(row)}`).join('; ');
  const hasChange = rows.some((row) => row.change !== undefined);
  return (
    <figure class="share-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="share-chart__caption">
        {caption}
      </figcaption>
      <div class="share-chart__bars" role="img" aria-label={`${caption}. ${summary}`}>
        {rows.map((row) => (
          <div class="share-chart__row" key={row.key}>
            <span class="share-chart__label">{row.label}</span>
            <ShareBar figure={row.figure} shown={shown(row)} />
            <span
              class={shown(row) ? 'share-chart__value' : 'share-chart__value share-chart__value--withheld'}
            >
              {value(row)}
            </span>
          </div>
        ))}
      </div>
      <TableToggle words={words} name={caption}>
        <table class="data-table">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <th scope="col">{t('table.share')}</th>
              <th scope="col">{t('table.interval')}</th>
              <th scope="col">{t('table.base')}</th>
              {props.analyst && <th scope="col">{t('table.positive')}</th>}
              {hasChange && <th scope="col">{t('table.change')}</th>}
              {props.analyst && <th scope="col">{t('table.publicSees')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{value(row)}</td>
                <td>{shown(row) ? rangeText(words, row.figure) : '–'}</td>
                <td>{baseText(words, row.figure)}</td>
                {props.analyst && (
                  <td>
                    {row.figure.positive === null || row.figure.positive === undefined
                      ? '–'
                      : words.f.count(row.figure.positive)}
                  </td>
                )}
                {hasChange && <td>{changeText(words, row.change ?? null)}</td>}
                {props.analyst && <td>{row.publicNote ?? t('figure.published')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </figure>
  );
}

export interface TrendPoint extends FigureLike {
  period: string;
}

const WIDTH = 240;
const HEIGHT = 80;
const PAD = 6;

/** Runs of consecutive months with a share to draw; a withheld month breaks the line. */
function runs(points: readonly (TrendPoint & { shown: boolean })[]): number[][] {
  const found: number[][] = [];
  let current: number[] = [];
  points.forEach((point, i) => {
    if (point.shown && point.share !== null) current.push(i);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  });
  if (current.length > 0) found.push(current);
  return found;
}

/** A measure's share month by month, with its interval as a band. */
export function TrendChart(props: {
  words: Words;
  id: string;
  title: string;
  points: TrendPoint[];
  analyst?: boolean;
}) {
  const { words, id, title, points } = props;
  const { t, f } = words;
  const marked = points.map((point) => ({ ...point, shown: props.analyst === true || isShown(point) }));
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (share: number) => HEIGHT - PAD - share * (HEIGHT - 2 * PAD);
  const lines = runs(marked);
  const latest = points[points.length - 1];
  const first = points[0];
  return (
    <figure class="trend" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="trend__caption">
        <span class="trend__title">{title}</span>
        {latest && (
          <span class="trend__latest">
            {t('chart.latest', {
              month: f.month(latest.period),
              value: shareText(words, latest, !props.analyst),
            })}
          </span>
        )}
      </figcaption>
      <svg class="trend__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
        <line class="trend__axis" x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} />
        <line class="trend__half" x1={PAD} x2={WIDTH - PAD} y1={y(0.5)} y2={y(0.5)} />
        {lines.map((run) => {
          const band = [
            ...run.map((i) => `${x(i)},${y(marked[i]?.ciHigh ?? 0)}`),
            ...[...run].reverse().map((i) => `${x(i)},${y(marked[i]?.ciLow ?? 0)}`),
          ].join(' ');
          return <polygon key={`band-${run[0]}`} class="trend__band" points={band} />;
        })}
        {lines.map((run) => (
          <polyline
            key={`line-${run[0]}`}
            class="trend__line"
            points={run.map((i) => `${x(i)},${y(marked[i]?.share ?? 0)}`).join(' ')}
          />
        ))}
        {marked.map((point, i) =>
          point.shown && point.share !== null ? (
            <circle key={point.period} class="trend__point" cx={x(i)} cy={y(point.share)} r="3" />
          ) : null,
        )}
      </svg>
      {first && latest && (
        <p class="trend__ends" aria-hidden="true">
          <span>{f.shortMonth(first.period)}</span>
          <span>{f.shortMonth(latest.period)}</span>
        </p>
      )}
      <TableToggle words={words} name={title}>
        <table class="data-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.month')}</th>
              <th scope="col">{t('table.share')}</th>
              <th scope="col">{t('table.interval')}</th>
              <th scope="col">{t('table.base')}</th>
            </tr>
          </thead>
          <tbody>
            {marked.map((point) => (
              <tr key={point.period}>
                <th scope="row">{f.month(point.period)}</th>
                <td>{shareText(words, point, !props.analyst)}</td>
                <td>{point.shown ? rangeText(words, point) : '–'}</td>
                <td>{baseText(words, point)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </figure>
  );
}
