// The log lines in a read-only terminal: started over when the lines start over, appended as a
// follow brings more. The terminal feed hands them to xterm in small writes so a fast follow
// (10,000 lines a second) never blocks the page for long; the terminal's element says how many
// lines xterm has taken in since the last start-over (data-written-lines), a figure the lines in
// memory cannot give once a follow is past MAX_LOG_LINES.
import { SearchAddon } from '@xterm/addon-search';
import type { Terminal } from '@xterm/xterm';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand';
import { MAX_LOG_LINES, type LogsState } from './logs.state';
import { ReadOnlyTerminal } from './read-only-terminal';
import { createTerminalFeed } from './terminal-feed';

type Props = {
  logs: StoreApi<LogsState>;
  label: string;
  /** Receives the terminal's search addon once it is loaded, and null when the terminal goes. */
  onSearch?: (addon: SearchAddon | null) => void;
};

export function LogTerminal({ logs, label, onSearch }: Props) {
  const attach = useCallback(
    (term: Terminal, host: HTMLElement) => {
      const search = new SearchAddon({ highlightLimit: 1000 });
      term.loadAddon(search);
      onSearch?.(search);
      const shown = (written: number) => host.setAttribute('data-written-lines', String(written));
      const feed = createTerminalFeed(term, { onWritten: shown });
      let handed = { resetKey: -1, upTo: 0 };
      const update = (state: LogsState) => {
        if (state.resetKey !== handed.resetKey) {
          feed.reset();
          shown(0);
          handed = { resetKey: state.resetKey, upTo: state.dropped };
        }
        const total = state.dropped + state.lines.length;
        const from = Math.max(handed.upTo, state.dropped);
        if (from < total) feed.append(state.lines.slice(from - state.dropped));
        handed.upTo = total;
      };
      update(logs.getState());
      const off = logs.subscribe(update);
      return () => {
        off();
        feed.dispose();
        onSearch?.(null);
      };
    },
    [logs, onSearch],
  );
  return <ReadOnlyTerminal label={label} scrollback={MAX_LOG_LINES} attach={attach} allowProposedApi />;
}
