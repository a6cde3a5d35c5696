// A table of records with a caption and one header per column; the rows are the caller's.
import type { ReactNode } from 'react';

/** A column's header; `hidden`: read by screen readers only (a column of meters, say). */
export type Column = string | { label: string; hidden: true };

export function DataTable({
  caption,
  columns,
  className = 'data-table',
  captionHidden = false,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  className?: string;
  /** The caption is for screen readers only (a view whose heading already says it). */
  captionHidden?: boolean;
  /** The rows (`<tr>`s). */
  children: ReactNode;
}) {
  return (
    <table className={className}>
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) =>
            typeof column === 'string' ? (
              <th key={column} scope="col">
                {column}
              </th>
            ) : (
              <th key={column.label} scope="col">
                <span className="visually-hidden">{column.label}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
