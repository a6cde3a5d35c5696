// The WP-CLI console's output in a read-only terminal: chunks appended as they stream in.
import type { Terminal } from '@xterm/xterm';
import { useCallback } from 'react';
import type { StoreApi } from 'zustand';
import { ReadOnlyTerminal } from '../logs/read-only-terminal';
import type { WpCliState } from './wp-cli.state';

export function ConsoleTerminal({ session, label }: { session: StoreApi<WpCliState>; label: string }) {
  const attach = useCallback(
    (term: Terminal) => {
      let upTo = 0;
      const write = (state: WpCliState) => {
        const total = state.dropped + state.chunks.length;
        const from = Math.max(upTo, state.dropped);
        if (from < total) term.write(state.chunks.slice(from - state.dropped).join(''));
        upTo = total;
      };
      write(session.getState());
      return session.subscribe(write);
    },
    [session],
  );
  return <ReadOnlyTerminal label={label} scrollback={5000} attach={attach} />;
}
