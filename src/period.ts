/** The days one report covers: one day, or the 28-day window the API chose. */
export interface Period {
  span: '1-day' | '28-day';
  start: string;
  end: string;
}

export function oneDay(day: string): Period {
  return { span: '1-day', start: day, end: day };
}

/** The period's folder name: `YYYY-MM-DD`, or `YYYY-MM-DD_YYYY-MM-DD` for 28 days. */
export function periodName(period: Period): string {
  return period.span === '1-day' ? period.start : `${period.start}_${period.end}`;
}
