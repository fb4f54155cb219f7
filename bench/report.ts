export interface Budget {
  name: string;
  value: number;
  /** The budget: PASS when value ≤ limit (or ≥ limit when `atLeast`). */
  limit: number;
  unit: string;
  atLeast?: boolean;
}

/** Rows of text for the printed table; the figures themselves stay numbers in results.json. */
export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Section {
  name: string;
  figures: Record<string, unknown>;
  budgets: Budget[];
  tables?: Table[];
  /** What a reader needs to know to trust a figure: how it was measured, or why it was not. */
  notes?: string[];
}

export function passes(b: Budget): boolean {
  return b.atLeast ? b.value >= b.limit : b.value <= b.limit;
}

export function show(value: number, unit: string): string {
  if (unit === 'bytes') {
    if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
    return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
  }
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  if (unit === 's') return `${value.toFixed(2)} s`;
  if (unit === 'ratio') return `${(value * 100).toFixed(0)}%`;
  if (unit === '/s') return `${Math.round(value).toLocaleString('en-GB')}/s`;
  return unit ? `${value} ${unit}` : String(value);
}

export function budgetLine(b: Budget): string {
  const relation = b.atLeast ? '≥' : '≤';
  const share = b.limit === 0 ? '' : `, ${((b.value / b.limit) * 100).toFixed(0)}% of budget`;
  return `${passes(b) ? 'PASS' : 'FAIL'}  ${b.name}: ${show(b.value, b.unit)} (budget ${relation} ${show(b.limit, b.unit)}${share})`;
}

export function renderTable(table: Table, indent = '  '): string[] {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  // Numbers read best right-aligned; the first column is a label.
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(table.columns), indent + widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map(line)];
}

/** A section as the person running the benchmark reads it: tables, notes, then budget lines. */
export function renderSection(section: Section): string[] {
  const lines = [`## ${section.name}`];
  for (const table of section.tables ?? []) lines.push(...renderTable(table), '');
  if (!section.tables?.length) {
    for (const [key, value] of Object.entries(section.figures))
      lines.push(`  ${key}: ${JSON.stringify(value)}`);
  }
  for (const note of section.notes ?? []) lines.push(`  note: ${note}`);
  for (const budget of section.budgets) lines.push(`  ${budgetLine(budget)}`);
  return lines;
}

/** A section that could not be measured here, saying why, so a missing figure is never silent. */
export function notMeasured(name: string, reason: string): Section {
  return { name, figures: { measured: false, reason }, budgets: [], notes: [`not measured: ${reason}`] };
}
