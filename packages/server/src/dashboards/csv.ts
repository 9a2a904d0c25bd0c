/** UTF-8 byte order mark: Excel reads the file as UTF-8 (Korean intact) only with it. */
const BOM = '\uFEFF';

/** The arrays of a figure that hold rows, in the order they go into the file; `total` comes last. */
const SERIES = ['points', 'byPriority', 'byOrganization', 'byAgent', 'byModule'] as const;

type TCell = string | number | boolean | null;

/** `{ a: { b: 1 }, c: [1, 2] }` → `{ 'a.b': 1, 'c.1': 1, 'c.2': 2 }` (array items numbered from 1). */
function flatten(value: unknown, prefix: string, out: Record<string, TCell>): void {
  if (Array.isArray(value)) {
    const isFlat = value.every((v) => v === null || typeof v !== 'object');
    for (const [i, v] of value.entries()) {
      if (isFlat) out[`${prefix}.${i + 1}`] = v as TCell;
      else flatten(v, `${prefix}.${i + 1}`, out);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value as TCell;
}

function cell(v: TCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  // A text starting like a formula would run in a spreadsheet: make it plain text.
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A figure as CSV: one row per data point of each of its series (`series` names it: points,
 * byPriority, …, total), nested fields as dotted columns, a header row; UTF-8 with BOM, CRLF.
 */
export function figureCsv(figure: Record<string, unknown>): string {
  const rows: Record<string, TCell>[] = [];
  for (const series of SERIES) {
    const items = figure[series];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const row: Record<string, TCell> = { series };
      flatten(item, '', row);
      rows.push(row);
    }
  }
  if (figure.total && typeof figure.total === 'object') {
    const row: Record<string, TCell> = { series: 'total' };
    flatten(figure.total, '', row);
    rows.push(row);
  }
  const columns: string[] = ['series'];
  const seen = new Set(columns);
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const lines = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
