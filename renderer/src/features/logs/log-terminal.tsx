// The log lines in an xterm terminal (read-only): rewritten when the lines start over, appended
// as a follow brings more, refitted when its box changes size.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { MAX_LOG_LINES, type LogsState } from './logs.state';
import { releaseDetachedStyles, routeStyleElements } from './constructed-styles';
import { TERMINAL_THEMES } from './terminal-theme';

type Written = { resetKey: number; upTo: number };

export function LogTerminal({ logs, label }: { logs: StoreApi<LogsState>; label: string }) {
  const { theme } = useAppStores();
  const resolved = useStore(theme, (s) => s.resolved());
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const written = useRef<Written>({ resetKey: -1, upTo: 0 });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    routeStyleElements(el.ownerDocument);
    const term = new Terminal({
      disableStdin: true,
      convertEol: true,
      scrollback: MAX_LOG_LINES,
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
    written.current = { resetKey: -1, upTo: 0 };

    const write = (state: LogsState) => {
      const total = state.dropped + state.lines.length;
      if (state.resetKey !== written.current.resetKey) {
        term.reset();
        written.current = { resetKey: state.resetKey, upTo: state.dropped };
      }
      const from = Math.max(written.current.upTo, state.dropped);
      if (from >= total) return;
      const fresh = state.lines.slice(from - state.dropped);
      term.write(`${fresh.join('\n')}\n`);
      written.current.upTo = total;
    };
    write(logs.getState());
    const unsubscribe = logs.subscribe(write);
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(el);
    return () => {
      unsubscribe();
      resize.disconnect();
      terminal.current = null;
      term.dispose();
      releaseDetachedStyles(el.ownerDocument);
    };
  }, [logs, theme]);

  useEffect(() => {
    if (terminal.current) terminal.current.options.theme = TERMINAL_THEMES[resolved];
  }, [resolved]);

  // The frame carries padding and border: the fit addon sizes the terminal to its parent's box.
  return (
    <div className="log-terminal-frame">
      <div className="log-terminal" ref={host} role="log" aria-label={label} />
    </div>
  );
}
