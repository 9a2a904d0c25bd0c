import type { TLocale } from '@hamkke/core';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

const numberFormat = (lang: TLocale, digits: number) => {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
};

/** A number with thousands separators and up to `digits` decimals; `—` for null. */
export function formatNumber(value: number | null, lang: TLocale, digits = 1): string {
  return value === null ? '—' : numberFormat(lang, digits).format(value);
}

/** `96.2%`, or `—` when there is nothing to measure. */
export function formatPercent(value: number | null, lang: TLocale): string {
  return value === null ? '—' : `${numberFormat(lang, 1).format(value)}%`;
}

/** Minutes as `3시간 20분` / `3h 20m`; `—` for null. */
export function formatMinutes(minutes: number | null, lang: TLocale): string {
  if (minutes === null) return '—';
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (lang === 'ko') return h === 0 ? `${m}분` : m === 0 ? `${h}시간` : `${h}시간 ${m}분`;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  let f = dateFormats.get(timeZone);
  if (!f) {
    // sv-SE writes `2026-11-03 14:05`, the shape Korean documents use as well.
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(timeZone, f);
  }
  const [date = '', time = ''] = f.format(ms).split(' ');
  return { date, time };
}

/** `2026-11-03` in the time zone; `—` for null. */
export function formatDate(iso: string | null, timeZone: string): string {
  return (iso && zonedParts(iso, timeZone)?.date) ?? '—';
}

/** `2026-11-03 14:05` in the time zone; `—` for null. */
export function formatDateTime(iso: string | null, timeZone: string): string {
  const parts = iso ? zonedParts(iso, timeZone) : null;
  return parts ? `${parts.date} ${parts.time}` : '—';
}

/**
 * The instant as a Date whose UTC fields are the wall-clock time in the zone: what a spreadsheet
 * cell shows, since spreadsheet dates carry no time zone.
 */
export function wallClockDate(iso: string | null, timeZone: string): Date | null {
  const parts = iso ? zonedParts(iso, timeZone) : null;
  return parts ? new Date(`${parts.date}T${parts.time}:00Z`) : null;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026년 11월` / `November 2026` for `2026-11`. */
export function formatMonth(month: string, lang: TLocale): string {
  const [year, mm] = month.split('-');
  const m = Number(mm);
  return lang === 'ko' ? `${year}년 ${m}월` : `${EN_MONTHS[m - 1] ?? mm} ${year}`;
}

/** `11월` / `Nov` for `2026-11`, the short label of a chart axis. */
export function formatMonthShort(month: string, lang: TLocale): string {
  const m = Number(month.split('-')[1]);
  return lang === 'ko' ? `${m}월` : (EN_MONTHS[m - 1] ?? month).slice(0, 3);
}

/** First and last day of a `YYYY-MM` month. */
export function monthDays(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}
