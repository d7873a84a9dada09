import { addDays, dataWindow, dayRange, isDay } from '../../src/days.js';

test('isDay accepts only real calendar days written YYYY-MM-DD', () => {
  expect(isDay('2026-02-28')).toBe(true);
  expect(isDay('2028-02-29')).toBe(true);
  for (const bad of [
    '2026-02-29',
    '2025-02-30',
    '2025-13-01',
    '2025/10/10',
    '20251010',
    '2025-1-01',
    ' 2025-10-10',
    '',
  ])
    expect(isDay(bad)).toBe(false);
});

test('day arithmetic crosses months and years', () => {
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  expect(addDays('2026-11-01', 24)).toBe('2026-11-25');
  expect(dayRange('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  expect(dayRange('2026-03-02', '2026-03-01')).toEqual([]);
});

test('the data window runs from one year back (never before 2025-10-10) to yesterday', () => {
  expect(dataWindow(new Date('2026-11-25T00:00:01Z'))).toEqual({
    first: '2025-11-25',
    last: '2026-11-24',
  });
  expect(dataWindow(new Date('2026-03-01T23:59:59Z'))).toEqual({
    first: '2025-10-10',
    last: '2026-02-28',
  });
  expect(dataWindow(new Date('2028-02-29T12:00:00Z'))).toEqual({
    first: '2027-03-01',
    last: '2028-02-28',
  });
});
