// The log lines in a read-only terminal: rewritten when the lines start over, appended as a
// follow brings more.
import type { Terminal } from '@xterm/xterm';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand';
import { MAX_LOG_LINES, type LogsState } from './logs.state';
import { ReadOnlyTerminal } from './read-only-terminal';

export function LogTerminal({ logs, label }: { logs: StoreApi<LogsState>; label: string }) {
  const attach = useCallback(
    (term: Terminal) => {
      let written = { resetKey: -1, upTo: 0 };
      const write = (state: LogsState) => {
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
      write(logs.getState());
      return logs.subscribe(write);
    },
    [logs],
  );
  return <ReadOnlyTerminal label={label} scrollback={MAX_LOG_LINES} attach={attach} />;
}
