// The provisioning timeline: one row per step transition, in the order it happened.
import { TimelineEventSchema, type StepId, type TimelineEvent } from '../../preload/contract';
import type { Db } from './db';
import { isoNow, type Clock } from './time';

export type EventStatus = TimelineEvent['status'];

interface EventRow {
  id: number;
  store_id: string;
  step: string;
  status: string;
  message: string;
  timestamp: string;
}

const statusSchema = TimelineEventSchema.shape.status;
const COLUMNS = 'id, store_id, step, status, message, timestamp';

function toEvent(row: EventRow): TimelineEvent {
  return {
    id: row.id,
    storeId: row.store_id,
    step: row.step,
    status: statusSchema.parse(row.status),
    message: row.message,
    timestamp: row.timestamp,
  };
}

export class EventsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: Clock = isoNow,
  ) {}

  /** Throws if the store does not exist (foreign key): a timeline never outlives its store. */
  add(storeId: string, step: StepId, status: EventStatus, message: string): TimelineEvent {
    const row = this.db
      .prepare(
        `INSERT INTO provisioning_events (store_id, step, status, message, timestamp)
         VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
      )
      .get(storeId, step, status, message, this.now()) as EventRow;
    return toEvent(row);
  }

  /** Every store's events after the given id, oldest first (what another process wrote since). */
  listAfter(afterId: number): TimelineEvent[] {
    return this.listWhere('id > ?', afterId);
  }

  /** The newest event's id, 0 when there is none (ids only grow: AUTOINCREMENT never reuses one). */
  lastId(): number {
    const row = this.db.prepare('SELECT MAX(id) AS id FROM provisioning_events').get() as {
      id: number | null;
    };
    return row.id ?? 0;
  }

  /** Oldest first. */
  list(storeId: string): TimelineEvent[] {
    return this.listWhere('store_id = ?', storeId);
  }

  private listWhere(condition: 'id > ?' | 'store_id = ?', value: number | string): TimelineEvent[] {
    const sql = `SELECT ${COLUMNS} FROM provisioning_events WHERE ${condition} ORDER BY id`;
    return (this.db.prepare(sql).all(value) as EventRow[]).map(toEvent);
  }

  /** The newest `perStore` events of every store of a context, oldest first: one query for a whole list. */
  recentByContext(context: string, perStore: number): Map<string, TimelineEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM (
           SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.store_id ORDER BY e.id DESC) AS rank
           FROM provisioning_events e JOIN stores s ON s.id = e.store_id WHERE s.context = ?
         ) WHERE rank <= ? ORDER BY id`,
      )
      .all(context, perStore) as EventRow[];
    const byStore = new Map<string, TimelineEvent[]>();
    for (const row of rows) {
      const event = toEvent(row);
      const list = byStore.get(event.storeId);
      if (list) list.push(event);
      else byStore.set(event.storeId, [event]);
    }
    return byStore;
  }
}
