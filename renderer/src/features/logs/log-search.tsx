// Find in the log, as in a terminal: every match highlighted (xterm's search addon), the active
// one brighter; Enter / Shift+Enter for the next / previous, Esc clears; "3 of 12" says where.
import type { ISearchOptions, SearchAddon } from '@xterm/addon-search';
import { forwardRef, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import type { ResolvedTheme } from '../shell/theme.state';

/** The active match's outline (e2e tells the active match by it). */
export const ACTIVE_BORDER = '#ea580c';

// The addon takes #RRGGBB only. Cell backgrounds are written as style attributes, which
// constructed-styles.ts routes through CSSOM (the CSP refuses them otherwise).
const DECORATIONS: Record<ResolvedTheme, NonNullable<ISearchOptions['decorations']>> = {
  dark: {
    matchBackground: '#5c4700',
    matchBorder: '#d4a017',
    matchOverviewRuler: '#d4a017',
    activeMatchBackground: '#9a3412',
    activeMatchBorder: ACTIVE_BORDER,
    activeMatchColorOverviewRuler: ACTIVE_BORDER,
  },
  light: {
    matchBackground: '#fde68a',
    matchBorder: '#d4a017',
    matchOverviewRuler: '#d4a017',
    activeMatchBackground: '#fdba74',
    activeMatchBorder: ACTIVE_BORDER,
    activeMatchColorOverviewRuler: ACTIVE_BORDER,
  },
};

type Results = { index: number; count: number };

export function matchText(term: string, results: Results | null): string {
  if (!term || !results) return '';
  if (results.count === 0) return 'No matches';
  // The addon stops counting where it stops highlighting (index -1 past its limit).
  if (results.index < 0) return `${results.count}+ matches`;
  return `${results.index + 1} of ${results.count}`;
}

export const LogSearch = forwardRef<HTMLInputElement, { addon: SearchAddon | null }>(function LogSearch(
  { addon },
  ref,
) {
  const { theme } = useAppStores();
  const resolved = useStore(theme, (s) => s.resolved());
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const options: ISearchOptions = { decorations: DECORATIONS[resolved] };

  useEffect(() => {
    if (!addon) return;
    const sub = addon.onDidChangeResults((e) => setResults({ index: e.resultIndex, count: e.resultCount }));
    return () => sub.dispose();
  }, [addon]);

  const find = (text: string, backwards = false, incremental = false) => {
    if (!addon) return;
    if (!text) {
      addon.clearDecorations();
      setResults(null);
      return;
    }
    if (backwards) addon.findPrevious(text, options);
    else addon.findNext(text, { ...options, incremental });
  };

  return (
    <div className="log-search" role="search">
      <input
        ref={ref}
        type="search"
        placeholder="Find in log"
        aria-label="Find in log"
        value={term}
        disabled={!addon}
        onChange={(e) => {
          setTerm(e.target.value);
          find(e.target.value, false, true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find(term, e.shiftKey);
          } else if (e.key === 'Escape') {
            // Esc here clears the find; it must not also close the store's detail.
            e.preventDefault();
            e.stopPropagation();
            setTerm('');
            find('');
            e.currentTarget.blur();
          }
        }}
      />
      <span className="log-search-count" aria-live="polite">
        {matchText(term, results)}
      </span>
      <button type="button" onClick={() => find(term, true)} disabled={!term} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => find(term)} disabled={!term} aria-label="Next match">
        ↓
      </button>
    </div>
  );
});
