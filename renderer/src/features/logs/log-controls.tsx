// Pod (or saved setup log), container and line count; Reload, Follow, Timestamps, Previous
// container (once the container has restarted) and Download.
import { useStore, type StoreApi } from 'zustand';
import type { SavedLog } from '../../../../preload/contract';
import { BusyButton } from '../../shared/busy-button';
import type { LogsState } from './logs.state';
import { TailInput } from './tail-input';

const SAVED = 'saved:';

export function savedLabel(log: SavedLog): string {
  const time = new Date(log.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `Setup job (saved${log.outcome === 'failed' ? ', failed' : ''} ${time}) · ${log.pod}`;
}

function Toggle({
  on,
  label,
  onChange,
  disabled,
  title,
}: {
  on: boolean;
  label: string;
  onChange: (on: boolean) => void;
  disabled?: boolean;
  title?: string;
}) {
  return (
    <button
      type="button"
      className={on ? 'toggle toggle-on' : 'toggle'}
      aria-pressed={on}
      disabled={disabled}
      title={title}
      onClick={() => onChange(!on)}
    >
      <span className="toggle-dot" aria-hidden="true" />
      {label}
    </button>
  );
}

export function LogControls({ logs, onDownload }: { logs: StoreApi<LogsState>; onDownload: () => void }) {
  const pods = useStore(logs, (s) => s.pods);
  const savedLogs = useStore(logs, (s) => s.savedLogs);
  const pod = useStore(logs, (s) => s.pod);
  const container = useStore(logs, (s) => s.container);
  const tailLines = useStore(logs, (s) => s.tailLines);
  const timestamps = useStore(logs, (s) => s.timestamps);
  const previous = useStore(logs, (s) => s.previous);
  const saved = useStore(logs, (s) => s.saved);
  const loading = useStore(logs, (s) => s.loading);
  const following = useStore(logs, (s) => s.following);
  const followBusy = useStore(logs, (s) => s.followBusy);
  const hasLines = useStore(logs, (s) => s.lines.length > 0);
  const livePod = pods.find((p) => p.name === pod);
  const containers = saved ? [] : (livePod?.containers ?? (container ? [container] : []));
  const restarts = (container && livePod?.restarts[container]) || 0;
  const actions = logs.getState();
  const selected = saved && pod ? `${SAVED}${pod}` : (pod ?? '');

  return (
    <div className="log-controls">
      <label>
        <span>Pod</span>
        <select
          value={selected}
          onChange={(e) => {
            const value = e.target.value;
            void (value.startsWith(SAVED)
              ? actions.chooseSaved(value.slice(SAVED.length))
              : actions.choosePod(value));
          }}
          disabled={pods.length === 0 && savedLogs.length === 0}
        >
          {pod === null && <option value="">No pod yet</option>}
          {pods.map((p) => (
            <option key={p.name} value={p.name}>
              {p.component ? `${p.component} · ${p.name}` : p.name}
            </option>
          ))}
          {savedLogs.map((log) => (
            <option key={`${SAVED}${log.pod}`} value={`${SAVED}${log.pod}`}>
              {savedLabel(log)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Container</span>
        <select
          value={saved ? '' : (container ?? '')}
          onChange={(e) => void actions.chooseContainer(e.target.value)}
          disabled={containers.length < 2}
        >
          {(container === null || saved) && <option value="">—</option>}
          {containers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <TailInput value={tailLines} onApply={(n) => void actions.chooseTail(n)} />
      <BusyButton busy={loading} busyText="Loading…" onClick={() => void actions.load()} disabled={following}>
        Reload
      </BusyButton>
      <BusyButton
        busy={followBusy}
        className={following ? 'toggle toggle-on' : 'toggle'}
        aria-pressed={following}
        disabled={saved}
        title={saved ? 'A saved log no longer changes' : undefined}
        onClick={() => void (following ? actions.stopFollow() : actions.startFollow())}
      >
        <span className="toggle-dot" aria-hidden="true" />
        Follow
      </BusyButton>
      <Toggle on={timestamps} label="Timestamps" onChange={(on) => void actions.setTimestamps(on)} />
      {!saved && (restarts > 0 || previous) && (
        <Toggle
          on={previous}
          label="Previous container"
          title={`${container} restarted ${restarts} time${restarts === 1 ? '' : 's'}: show the run before the last restart`}
          onChange={(on) => void actions.setPrevious(on)}
        />
      )}
      <button type="button" onClick={onDownload} disabled={!hasLines} title="Save the lines shown to a file">
        Download
      </button>
    </div>
  );
}
