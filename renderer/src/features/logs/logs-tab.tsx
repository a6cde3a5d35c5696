// The Logs tab: a tail of one container (or a saved setup log), optionally followed live, with
// find-in-log and download; leaving the tab (or the store) unmounts it, which ends the follow.
import type { SearchAddon } from '@xterm/addon-search';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { downloadLog, logFileName } from './download-log';
import { createLogsStore, type LogsState } from './logs.state';
import { LogControls } from './log-controls';
import { LogSearch } from './log-search';
import { LogTerminal } from './log-terminal';

// The line count changes with every batch of a follow (40 a second at 10,000 lines/s): only this
// line re-renders for it, not the whole tab with its controls.
function LogStatus({
  logs,
  source,
  following,
}: {
  logs: StoreApi<LogsState>;
  source: string;
  following: boolean;
}) {
  const count = useStore(logs, (s) => s.dropped + s.lines.length);
  return (
    <p className="log-status muted">
      {count === 1 ? '1 line' : `${count} lines`} from {source}
      {following && <span className="live-pill">following</span>}
    </p>
  );
}

export function LogsTab({ store }: { store: Store }) {
  const { api, view } = useAppStores();
  const logsPod = useStore(view, (s) => s.logsPod);
  const logs = useMemo(() => createLogsStore(api, store.id, logsPod), [api, store.id, logsPod]);
  const pod = useStore(logs, (s) => s.pod);
  const container = useStore(logs, (s) => s.container);
  const saved = useStore(logs, (s) => s.saved);
  const previous = useStore(logs, (s) => s.previous);
  const following = useStore(logs, (s) => s.following);
  const error = useStore(logs, (s) => s.error);
  const notice = useStore(logs, (s) => s.notice);
  const [search, setSearch] = useState<SearchAddon | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const detach = logs.getState().attach();
    void logs.getState().load();
    return detach;
  }, [logs]);

  const download = () => {
    const state = logs.getState();
    const component = state.saved
      ? (state.savedLogs.find((l) => l.pod === state.pod)?.component ?? 'setup')
      : (state.pods.find((p) => p.name === state.pod)?.component ?? state.pod ?? 'log');
    downloadLog(state.lines, logFileName(store.slug, component, new Date()));
  };

  const what = saved ? ' (saved)' : previous ? ' (previous container)' : '';
  const source = pod ? `${pod}${container && !saved ? ` / ${container}` : ''}${what}` : 'no pod';
  return (
    <div
      className="logs-tab"
      onKeyDown={(e) => {
        // Ctrl/Cmd+F finds in the log, as in a terminal, while focus is in this tab.
        if (e.key.toLowerCase() === 'f' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          searchInput.current?.focus();
          searchInput.current?.select();
        }
      }}
    >
      <LogControls logs={logs} onDownload={download} />
      <LogSearch ref={searchInput} addon={search} />
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="feedback" role="status">
          {notice}
        </p>
      )}
      <LogTerminal logs={logs} label={`Logs of ${source}`} onSearch={setSearch} />
      <LogStatus logs={logs} source={source} following={following} />
    </div>
  );
}
