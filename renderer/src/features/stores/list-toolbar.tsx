// Search (by name or slug), one chip per status with its count, and the sort order.
import type { KeyboardEvent, RefObject } from 'react';
import {
  SHOWN_STATUSES,
  SORTS,
  SORT_LABELS,
  type ListQuery,
  type ShownStatus,
  type Sort,
} from './list-query';

export function ListToolbar({
  query,
  onChange,
  counts,
  shown,
  total,
  searchRef,
  onSearchKey,
}: {
  query: ListQuery;
  onChange: (query: ListQuery) => void;
  counts: Partial<Record<ShownStatus, number>>;
  shown: number;
  total: number;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKey: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const present = SHOWN_STATUSES.filter((status) => (counts[status] ?? 0) > 0 || query.status === status);
  // Like the status chips, "All" says what it would show: the stores matching the search, whatever
  // status chip is pressed now ("All 43" beside "Ready 6 · Failed 1" of a 9-store search read wrong).
  const searched = query.status === null ? shown : Object.values(counts).reduce((a, n) => a + (n ?? 0), 0);
  return (
    <div className="list-toolbar">
      <input
        ref={searchRef}
        type="search"
        className="list-search"
        placeholder="Search by name or slug  ( / )"
        aria-label="Search stores"
        aria-keyshortcuts="/"
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query.text) {
            event.stopPropagation();
            onChange({ ...query, text: '' });
          } else onSearchKey(event);
        }}
      />
      <div className="status-chips" role="group" aria-label="Filter by status">
        <button
          type="button"
          className="chip"
          aria-pressed={query.status === null}
          onClick={() => onChange({ ...query, status: null })}
        >
          All {searched === total ? total : `${searched} of ${total}`}
        </button>
        {present.map((status) => (
          <button
            key={status}
            type="button"
            className={`chip chip-${status.toLowerCase()}`}
            aria-pressed={query.status === status}
            onClick={() => onChange({ ...query, status: query.status === status ? null : status })}
          >
            {status} {counts[status] ?? 0}
          </button>
        ))}
      </div>
      <label className="list-sort">
        <span className="visually-hidden">Sort</span>
        <select
          aria-label="Sort stores"
          value={query.sort}
          onChange={(e) => onChange({ ...query, sort: e.target.value as Sort })}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
