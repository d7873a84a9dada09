/** Reading report fields that may be missing or null: such a field is "n/a", never 0. */

export type Maybe = number | undefined;
export type Row = Record<string, unknown>;

export function num(record: unknown, key: string): Maybe {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Row)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function str(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Row)[key];
  return typeof value === 'string' ? value : undefined;
}

export function obj(record: unknown, key: string): Row | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Row)[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : undefined;
}

export function list(record: unknown, key: string): Row[] {
  if (typeof record !== 'object' || record === null) return [];
  const value = (record as Row)[key];
  return Array.isArray(value) ? value.filter((item): item is Row => typeof item === 'object' && item !== null) : [];
}

/** Sum that stays undefined until some value is known. */
export function add(total: Maybe, value: Maybe): Maybe {
  return value === undefined ? total : (total ?? 0) + value;
}

export function ratio(part: Maybe, whole: Maybe): Maybe {
  return part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;
}

/** The nearest-rank percentile (the smallest value with at least p % of values at or below it). */
export function percentile(sorted: ArrayLike<number>, p: number): Maybe {
  if (sorted.length === 0) return undefined;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: number[]): Maybe {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatNumber(value: Maybe, digits = 0): string {
  if (value === undefined) return 'n/a';
  return value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

export function formatPercent(value: Maybe): string {
  return value === undefined ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}

/** Adds `value` into `totals[key]`, keeping "n/a" apart from 0. */
export function addTo(totals: Map<string, Maybe>, key: string, value: Maybe): void {
  totals.set(key, add(totals.get(key), value));
}

/** Merges per-key sums. */
export function mergeSums(into: Map<string, Maybe>, from: Map<string, Maybe>): void {
  for (const [key, value] of from) addTo(into, key, value);
}
