// Plain aligned columns (like kubectl get): no borders, so the output greps and cuts well.

/** Renders rows under upper-case headers; cells are single-line (control characters become spaces). */
export function formatTable(headers: string[], rows: Array<Array<string | number | null>>): string {
  const clean = (cell: string | number | null): string =>
    cell === null || cell === '' ? '-' : String(cell).replace(/[\p{Cc}]/gu, ' ');
  const table = [headers.map((h) => h.toUpperCase()), ...rows.map((row) => row.map(clean))];
  const widths = headers.map((_, col) => Math.max(...table.map((row) => (row[col] ?? '').length)));
  return table
    .map((row) =>
      row
        .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

/** Human age/duration like kubectl: 45s, 3m20s, 2h5m, 4d3h. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
  if (s < 86400)
    return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60) ? `${Math.floor((s % 3600) / 60)}m` : ''}`;
  return `${Math.floor(s / 86400)}d${Math.floor((s % 86400) / 3600) ? `${Math.floor((s % 86400) / 3600)}h` : ''}`;
}

/** Age of an ISO timestamp relative to now; '-' when absent or unparsable. */
export function formatAge(iso: string | null, now: Date): string {
  if (!iso) return '-';
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '-' : formatDuration((now.getTime() - then) / 1000);
}
