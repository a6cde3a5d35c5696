// The log lines in a read-only terminal: rewritten when the lines start over, appended as a
// follow brings more. Writes are gathered per animation frame, so a fast follow (thousands of
// lines a second, in many small events) costs one xterm write per frame, not one per event.
import { SearchAddon } from '@xterm/addon-search';
import type { Terminal } from '@xterm/xterm';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand';
import { MAX_LOG_LINES, type LogsState } from './logs.state';
import { ReadOnlyTerminal } from './read-only-terminal';

type Props = {
  logs: StoreApi<LogsState>;
  label: string;
  /** Receives the terminal's search addon once it is loaded, and null when the terminal goes. */
  onSearch?: (addon: SearchAddon | null) => void;
};

export function LogTerminal({ logs, label, onSearch }: Props) {
  const attach = useCallback(
    (term: Terminal) => {
      const search = new SearchAddon({ highlightLimit: 1000 });
      term.loadAddon(search);
      onSearch?.(search);
      let written = { resetKey: -1, upTo: 0 };
      let frame: number | null = null;
      const write = () => {
        frame = null;
        const state = logs.getState();
        const total = state.dropped + state.lines.length;
        if (state.resetKey !== written.resetKey) {
          term.reset();
          written = { resetKey: state.resetKey, upTo: state.dropped };
        }
        const from = Math.max(written.upTo, state.dropped);
        if (from >= total) return;
        const fresh = state.lines.slice(from - state.dropped);
        term.write(`${fresh.join('\n')}\n`);
        written.upTo = total;
      };
      write();
      const off = logs.subscribe(() => {
        frame ??= requestAnimationFrame(write);
      });
      return () => {
        off();
        if (frame !== null) cancelAnimationFrame(frame);
        onSearch?.(null);
      };
    },
    [logs, onSearch],
  );
  return <ReadOnlyTerminal label={label} scrollback={MAX_LOG_LINES} attach={attach} allowProposedApi />;
}
