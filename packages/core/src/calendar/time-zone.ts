const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds (Asia/Seoul: +9 h).
 * Read from `Intl.DateTimeFormat`, so it follows the runtime's time-zone database, DST included.
 */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs)) fields[part.type] = part.value;
  const year = Number(fields.year) * (fields.era === 'BC' || fields.era === 'B' ? -1 : 1);
  const local = Date.UTC(
    year,
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
  );
  const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
  return local - wholeSeconds;
}
