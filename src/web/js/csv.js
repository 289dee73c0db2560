// Tables as CSV (RFC 4180): every field quoted when it needs to be, CRLF line ends, and a UTF-8 BOM
// so that spreadsheet programs read Chinese text correctly.

function field(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** columns: [{label, value: (row) => any}]. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => field(c.label)).join(','), ...rows.map((row) => columns.map((c) => field(c.value(row))).join(','))];
  return new Blob(['\ufeff', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}
