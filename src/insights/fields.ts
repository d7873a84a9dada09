/** Reading report fields that may be missing or null: such a field is "n/a", never 0. */

export type Maybe = number | undefined;

export function num(record: unknown, key: string): Maybe {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function list(record: unknown, key: string): Record<string, unknown>[] {
  if (typeof record !== 'object' || record === null) return [];
  const value = (record as Record<string, unknown>)[key];
  return Array.isArray(value)
    ? value.filter((item) => typeof item === 'object' && item !== null)
    : [];
}

/** Sum that stays undefined until some value is known. */
export function add(total: Maybe, value: Maybe): Maybe {
  return value === undefined ? total : (total ?? 0) + value;
}

export function ratio(part: Maybe, whole: Maybe): Maybe {
  return part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;
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
