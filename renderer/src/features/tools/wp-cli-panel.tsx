// "WP-CLI": type a command, run it in the store, read its output as it comes.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { Store } from '../../../../preload/contract';
import { useAppStores } from '../../app-stores-context';
import { BusyButton } from '../../shared/busy-button';
import { useClusterDown } from '../stores/use-cluster-down';
import { ConsoleTerminal } from './console-terminal';
import { createWpCliStore } from './wp-cli.state';

export function WpCliPanel({ store }: { store: Store }) {
  const { api } = useAppStores();
  const session = useMemo(() => createWpCliStore(api, store.id), [api, store.id]);
  const { running, lastExit, error } = useStore(session);
  const [line, setLine] = useState('plugin list');
  useEffect(() => () => session.getState().dispose(), [session]);
  // The command runs in a pod: while the cluster does not answer there is nothing to run it in.
  const down = useClusterDown();
  const possible = (store.status === 'Ready' || store.status === 'Failed') && !down;
  const why = down ? `${down}: commands run again once it answers` : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    void session.getState().run(line);
  }

  return (
    <section className="action-group" aria-labelledby="wp-cli-title">
      <h3 id="wp-cli-title">WP-CLI</h3>
      <p className="muted">
        Runs in a WP-CLI pod beside WordPress (started on the first command, removed after 10 idle minutes).
        Every command is recorded in the audit log.
      </p>
      <form className="wp-cli-form" onSubmit={submit}>
        <label htmlFor="wp-cli-command">wp</label>
        <input
          id="wp-cli-command"
          aria-label="WP-CLI command"
          value={line}
          maxLength={4096}
          spellCheck={false}
          onChange={(e) => setLine(e.target.value)}
          disabled={!possible}
        />
        <BusyButton type="submit" busy={running} busyText="Running…" disabled={!possible} title={why}>
          Run
        </BusyButton>
      </form>
      {error && (
        <p className="feedback feedback-error" role="alert">
          {error}
        </p>
      )}
      {lastExit !== null && (
        <p className="muted" role="status">
          {lastExit === 0 ? 'Finished (exit code 0).' : `Failed with exit code ${lastExit}.`}
        </p>
      )}
      <ConsoleTerminal session={session} label={`WP-CLI output of ${store.name}`} />
    </section>
  );
}
