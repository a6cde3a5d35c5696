// Every write the engine makes to a store's row and timeline, each followed by its event, so the
// UI, the tray and the CLI see exactly what SQLite holds. A pass that lost the store (deleted,
// or moved to Deleting under it) cannot overwrite that: its writes are refused.
import type { StepId, Store, StoreStatus, TimelineEvent } from '../../preload/contract';
import type { EventBus } from '../primitives/event-bus';
import type { EventStatus, EventsRepo } from '../state/events.repo';
import type { NewSavedLog } from '../state/saved-logs.repo';
import type { StatusExtra, StoresRepo } from '../state/stores.repo';

/** Where a timeline's log attachments go (SavedLogsRepo). */
export interface LogAttachments {
  save(storeId: string, log: NewSavedLog): boolean;
}

export class StoreWriter {
  constructor(
    private readonly stores: StoresRepo,
    private readonly events: EventsRepo,
    private readonly bus: EventBus,
    private readonly attachments?: LogAttachments,
  ) {}

  /** Keeps a log with the store's timeline; false when the store is gone or nothing keeps logs. */
  attachLog(id: string, log: NewSavedLog): boolean {
    return this.attachments?.save(id, log) ?? false;
  }

  /** Sets the status unless the store is gone or (for a provisioning pass) already Deleting. */
  status(id: string, status: StoreStatus, extra: StatusExtra = {}): Store | null {
    const current = this.stores.get(id);
    if (!current) return null;
    if (current.status === 'Deleting' && status !== 'Deleting') return null;
    const updated = this.stores.setStatus(id, status, extra);
    if (updated) this.bus.emit('storeChanged', updated);
    return updated;
  }

  /** Re-emits a store that changed by other means (e.g. error cleared, generation bumped). */
  changed(store: Store): void {
    this.bus.emit('storeChanged', store);
  }

  event(id: string, step: StepId, status: EventStatus, message: string): TimelineEvent | null {
    if (!this.stores.get(id)) return null;
    const event = this.events.add(id, step, status, message);
    this.bus.emit('timelineEvent', event);
    return event;
  }

  removed(id: string): boolean {
    const removed = this.stores.remove(id);
    if (removed) this.bus.emit('storeRemoved', { id });
    return removed;
  }
}

/** Runs one timeline step: started, then completed with the returned message or failed with the error. */
export class Timeline {
  current: StepId = 'start';
  /** Called after every row this timeline writes (an attempt counts each as progress). */
  onWrite: () => void = () => undefined;

  constructor(
    private readonly writer: StoreWriter,
    private readonly storeId: string,
    /** Quiet passes (drift checks of a Ready store) record only failures and repairs. */
    readonly quiet = false,
  ) {}

  async step<T>(
    step: StepId,
    startMessage: string,
    run: () => Promise<{ value: T; message: string; notable?: boolean }>,
  ): Promise<T> {
    this.current = step;
    if (!this.quiet) this.write(step, 'started', startMessage);
    const { value, message, notable } = await run();
    if (!this.quiet || notable) this.write(step, 'completed', message);
    return value;
  }

  /** Keeps a log (a finished setup job's) with this store's timeline. */
  attachLog(log: NewSavedLog): boolean {
    return this.writer.attachLog(this.storeId, log);
  }

  failed(step: StepId, message: string): void {
    this.write(step, 'failed', message);
  }

  /** A step whose start and end the caller reports itself (e.g. several waits in one watch). */
  note(step: StepId, status: EventStatus, message: string): void {
    if (status === 'started') this.current = step;
    if (!this.quiet || status === 'failed') this.write(step, status, message);
  }

  /** Completes a step started with note(); a notable end is written even on a quiet pass. */
  completed(step: StepId, message: string, notable = false): void {
    if (!this.quiet || notable) this.write(step, 'completed', message);
  }

  private write(step: StepId, status: EventStatus, message: string): void {
    this.writer.event(this.storeId, step, status, message);
    this.onWrite();
  }
}
