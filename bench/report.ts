export interface Budget {
  name: string;
  value: number;
  /** The budget: PASS when value ≤ limit (or ≥ limit when `atLeast`). */
  limit: number;
  unit: string;
  atLeast?: boolean;
}

export interface Section {
  name: string;
  figures: Record<string, unknown>;
  budgets: Budget[];
}

export function passes(b: Budget): boolean {
  return b.atLeast ? b.value >= b.limit : b.value <= b.limit;
}

function show(value: number, unit: string): string {
  if (unit === 'bytes') return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  if (unit === 'ratio') return `${(value * 100).toFixed(0)}%`;
  return `${value} ${unit}`;
}

export function budgetLine(b: Budget): string {
  const relation = b.atLeast ? '≥' : '≤';
  return `${passes(b) ? 'PASS' : 'FAIL'}  ${b.name}: ${show(b.value, b.unit)} (budget ${relation} ${show(b.limit, b.unit)}, ${((b.value / b.limit) * 100).toFixed(0)}% of budget)`;
}
