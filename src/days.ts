/** UTC calendar days as `YYYY-MM-DD` strings, and the window in which GitHub keeps report data. */

/** The first day for which any usage-metrics report exists. */
const DATA_START = '2025-10-10';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MS_PER_DAY = 86_400_000;

/** True for a real calendar day written `YYYY-MM-DD` (so `2025-02-30` is false). */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The later of two YYYY-MM-DD days. */
export const laterDay = (a: string, b: string): string => (a > b ? a : b);

export function addDays(day: string, count: number): string {
  return toDay(new Date(toDate(day).getTime() + count * MS_PER_DAY));
}

/** Every day from `first` to `last`, both included, in order. */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Days as runs: `2026-01-01 – 2026-01-31 (31 days), 2026-02-03`. */
export function compactDays(days: string[]): string {
  const runs: string[][] = [];
  for (const day of [...days].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last.at(-1)!, 1) === day) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]} – ${run.at(-1)} (${run.length} days)`)).join(', ');
}

export interface DataWindow {
  /** The oldest day GitHub still serves: the later of DATA_START and one year before today. */
  first: string;
  /** Yesterday (UTC): today's report cannot exist yet. */
  last: string;
}

export function dataWindow(now: Date): DataWindow {
  const oneYearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  const yearBack = toDay(oneYearAgo);
  return {
    first: laterDay(yearBack, DATA_START),
    last: addDays(toDay(now), -1),
  };
}
