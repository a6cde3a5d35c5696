// A read-only xterm terminal in the app's theme, fitted to its box: the caller's `attach`
// writes into it and returns how to stop (the Logs tab's lines, the WP-CLI console's output).
// `attach` must be stable (useCallback): a new one makes a new terminal.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { releaseDetachedStyles, routeStyleElements } from './constructed-styles';
import { TERMINAL_THEMES } from './terminal-theme';

type Props = {
  label: string;
  scrollback: number;
  /** host: the element the terminal lives in (role log). */
  attach: (term: Terminal, host: HTMLElement) => () => void;
  /** Decorations (the search addon's highlights) are a proposed API in xterm 6. */
  allowProposedApi?: boolean;
};

export function ReadOnlyTerminal({ label, scrollback, attach, allowProposedApi = false }: Props) {
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
      allowProposedApi,
      convertEol: true,
      scrollback,
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
    const detach = attach(term, el);
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(el);
    return () => {
      detach();
      resize.disconnect();
      terminal.current = null;
      term.dispose();
      releaseDetachedStyles(el.ownerDocument);
    };
  }, [attach, scrollback, theme, allowProposedApi]);

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
