// The Logs tab: a tail of one container, optionally followed live; leaving the tab (or the
// store) unmounts it, which ends the follow.
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { createLogsStore } from './logs.state';
import { LogControls } from './log-controls';
import { LogTerminal } from './log-terminal';

export function LogsTab({ store }: { store: Store }) {
  const { api, view } = useAppStores();
  const logsPod = useStore(view, (s) => s.logsPod);
  const logs = useMemo(() => createLogsStore(api, store.id, logsPod), [api, store.id, logsPod]);
  const pod = useStore(logs, (s) => s.pod);
  const container = useStore(logs, (s) => s.container);
  const count = useStore(logs, (s) => s.dropped + s.lines.length);
  const following = useStore(logs, (s) => s.following);
  const error = useStore(logs, (s) => s.error);
  const notice = useStore(logs, (s) => s.notice);

  useEffect(() => {
    const detach = logs.getState().attach();
    void logs.getState().load();
    return detach;
  }, [logs]);

  const source = pod ? `${pod}${container ? ` / ${container}` : ''}` : 'no pod';
  return (
    <div className="logs-tab">
      <LogControls logs={logs} />
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
      <LogTerminal logs={logs} label={`Logs of ${source}`} />
      <p className="log-status muted">
        {count === 1 ? '1 line' : `${count} lines`} from {source}
        {following && <span className="live-pill">following</span>}
      </p>
    </div>
  );
}
