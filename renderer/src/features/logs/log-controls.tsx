// Pod, container and line-count pickers, reload, and the Follow toggle.
import { useStore, type StoreApi } from 'zustand';
import { TAIL_LINES } from '../../../../preload/contract';
import { BusyButton } from '../../shared/busy-button';
import type { LogsState, TailLines } from './logs.state';

export function LogControls({ logs }: { logs: StoreApi<LogsState> }) {
  const pods = useStore(logs, (s) => s.pods);
  const pod = useStore(logs, (s) => s.pod);
  const container = useStore(logs, (s) => s.container);
  const tailLines = useStore(logs, (s) => s.tailLines);
  const loading = useStore(logs, (s) => s.loading);
  const following = useStore(logs, (s) => s.following);
  const followBusy = useStore(logs, (s) => s.followBusy);
  const containers = pods.find((p) => p.name === pod)?.containers ?? (container ? [container] : []);
  const actions = logs.getState();

  return (
    <div className="log-controls">
      <label>
        <span>Pod</span>
        <select
          value={pod ?? ''}
          onChange={(e) => void actions.choosePod(e.target.value)}
          disabled={pods.length === 0}
        >
          {pod === null && <option value="">No pod yet</option>}
          {pods.map((p) => (
            <option key={p.name} value={p.name}>
              {p.component ? `${p.component} · ${p.name}` : p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Container</span>
        <select
          value={container ?? ''}
          onChange={(e) => void actions.chooseContainer(e.target.value)}
          disabled={containers.length < 2}
        >
          {container === null && <option value="">—</option>}
          {containers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Lines</span>
        <select
          value={tailLines}
          onChange={(e) => void actions.chooseTail(Number(e.target.value) as TailLines)}
        >
          {TAIL_LINES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <BusyButton busy={loading} busyText="Loading…" onClick={() => void actions.load()} disabled={following}>
        Reload
      </BusyButton>
      <BusyButton
        busy={followBusy}
        className={following ? 'toggle toggle-on' : 'toggle'}
        aria-pressed={following}
        onClick={() => void (following ? actions.stopFollow() : actions.startFollow())}
      >
        <span className="toggle-dot" aria-hidden="true" />
        Follow
      </BusyButton>
    </div>
  );
}
