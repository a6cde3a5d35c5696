// The WP-CLI session's output in an xterm (read-only): chunks appended as they stream in.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { releaseDetachedStyles, routeStyleElements } from '../logs/constructed-styles';
import { TERMINAL_THEMES } from '../logs/terminal-theme';
import type { WpCliState } from './wp-cli.state';

export function ConsoleTerminal({ session, label }: { session: StoreApi<WpCliState>; label: string }) {
  const { theme } = useAppStores();
  const resolved = useStore(theme, (s) => s.resolved());
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    routeStyleElements(el.ownerDocument);
    const term = new Terminal({
      disableStdin: true,
      convertEol: true,
      scrollback: 5000,
      fontSize: 12.5,
      fontFamily: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace",
      cursorInactiveStyle: 'none',
      theme: TERMINAL_THEMES[theme.getState().resolved()],
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    terminal.current = term;
    let upTo = 0;
    const write = (state: WpCliState) => {
      const total = state.dropped + state.chunks.length;
      const from = Math.max(upTo, state.dropped);
      if (from < total) term.write(state.chunks.slice(from - state.dropped).join(''));
      upTo = total;
    };
    write(session.getState());
    const unsubscribe = session.subscribe(write);
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(el);
    return () => {
      unsubscribe();
      resize.disconnect();
      terminal.current = null;
      term.dispose();
      releaseDetachedStyles(el.ownerDocument);
    };
  }, [session, theme]);

  useEffect(() => {
    if (terminal.current) terminal.current.options.theme = TERMINAL_THEMES[resolved];
  }, [resolved]);

  return (
    <div className="log-terminal-frame">
      <div className="log-terminal" ref={host} role="log" aria-label={label} />
    </div>
  );
}
