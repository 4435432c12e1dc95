// Plain-text tables and number formatting for the benchmark report.

export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const pct = (value) => (value == null ? '–' : `${(100 * value).toFixed(1)}%`);
export const fraction = (part, whole) => (whole ? `${part}/${whole}` : '–');
export const per100 = (value) => (value == null ? '–' : value.toFixed(1));
