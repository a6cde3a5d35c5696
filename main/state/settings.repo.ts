// App settings as key/value rows (one JSON value per Settings field) over built-in defaults,
// plus the remembered cluster context.
import {
  ENGINE_DEFAULTS,
  LocalClusterSchema,
  SettingsSchema,
  err,
  ok,
  zodMessage,
  type LocalCluster,
  type Result,
  type Settings,
} from '../../preload/contract';
import type { Db } from './db';

export const SETTINGS_DEFAULTS: Readonly<Settings> = Object.freeze({
  baseDomain: null,
  storageClass: null,
  imageRegistry: null,
  concurrency: ENGINE_DEFAULTS.concurrency,
  maxStoresPerContext: ENGINE_DEFAULTS.maxStoresPerContext,
  noProgressTimeoutMinutes: ENGINE_DEFAULTS.noProgressTimeoutMinutes,
  provisionTimeoutMinutes: ENGINE_DEFAULTS.provisionTimeoutMinutes,
  verifyCheckout: true,
  theme: 'system',
  ingressHttpPort: null,
});

const SELECTED_CONTEXT_KEY = 'selectedContext';
/** Per context: the Kind cluster Storedeck made for it and its host ports. */
const LOCAL_CLUSTER_PREFIX = 'localCluster:';
const SettingsPatchSchema = SettingsSchema.partial().strict();

/**
 * Before issue 7 provisioning had one flat limit, `provisionTimeoutSeconds` (default 300), that
 * a data dir may still hold. It becomes the overall limit when it asked for more time than the
 * new default; a shorter one is dropped, because that flat 300 s is what failed first stores
 * on fresh clusters (the no-progress rule now ends a stuck store early instead).
 */
const LEGACY_PROVISION_TIMEOUT_KEY = 'provisionTimeoutSeconds';

export function overallFromLegacy(seconds: unknown): number | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return null;
  const minutes = Math.ceil(seconds / 60);
  const parsed = SettingsSchema.shape.provisionTimeoutMinutes.safeParse(minutes);
  return parsed.success && minutes > ENGINE_DEFAULTS.provisionTimeoutMinutes ? parsed.data : null;
}

function isSettingsKey(key: string): key is keyof Settings {
  return Object.prototype.hasOwnProperty.call(SETTINGS_DEFAULTS, key);
}

function decode(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export class SettingsRepo {
  constructor(private readonly db: Db) {}

  /** Stored values over defaults; a stored value that no longer validates falls back to its default. */
  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{
      key: string;
      value: string;
    }>;
    const settings: Record<string, unknown> = { ...SETTINGS_DEFAULTS };
    const legacy = rows.find((row) => row.key === LEGACY_PROVISION_TIMEOUT_KEY);
    const fromLegacy = legacy ? overallFromLegacy(decode(legacy.value)) : null;
    if (fromLegacy !== null) settings.provisionTimeoutMinutes = fromLegacy;
    for (const { key, value } of rows) {
      if (!isSettingsKey(key)) continue;
      const parsed = SettingsSchema.shape[key].safeParse(decode(value));
      if (parsed.success) settings[key] = parsed.data;
    }
    return SettingsSchema.parse(settings);
  }

  /** Validates the whole patch first; nothing is written unless every field is valid. */
  update(patch: Partial<Settings>): Result<Settings> {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      return err('invalid_request', zodMessage(parsed.error, 'invalid settings'));
    }
    const entries = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
    this.db.transaction(() => {
      for (const [key, value] of entries) this.write(key, JSON.stringify(value));
      // Once the new limit is set, the old flat one has nothing left to say.
      if ('provisionTimeoutMinutes' in parsed.data)
        this.db.prepare('DELETE FROM settings WHERE key = ?').run(LEGACY_PROVISION_TIMEOUT_KEY);
    })();
    return ok(this.get());
  }

  getSelectedContext(): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(SELECTED_CONTEXT_KEY) as
      { value: string } | undefined;
    const value = row ? decode(row.value) : null;
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  /** null forgets the choice (the kubeconfig's current context applies again). */
  setSelectedContext(name: string | null): void {
    if (name === null) {
      this.db.prepare('DELETE FROM settings WHERE key = ?').run(SELECTED_CONTEXT_KEY);
      return;
    }
    this.write(SELECTED_CONTEXT_KEY, JSON.stringify(name));
  }

  /** The cluster Storedeck made for a context (its ports go into every store URL), or null. */
  getLocalCluster(context: string): LocalCluster | null {
    const row = this.db
      .prepare('SELECT value FROM settings WHERE key = ?')
      .get(LOCAL_CLUSTER_PREFIX + context) as { value: string } | undefined;
    const parsed = LocalClusterSchema.safeParse(row ? decode(row.value) : null);
    return parsed.success ? parsed.data : null;
  }

  setLocalCluster(cluster: LocalCluster): void {
    this.write(LOCAL_CLUSTER_PREFIX + cluster.context, JSON.stringify(LocalClusterSchema.parse(cluster)));
  }

  forgetLocalCluster(context: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(LOCAL_CLUSTER_PREFIX + context);
  }

  /** The host port stores of a context answer on: the cluster's own, else the setting, else null (80). */
  ingressHttpPort(context: string): { port: number | null; source: 'cluster' | 'settings' | 'default' } {
    const made = this.getLocalCluster(context);
    if (made) return { port: made.httpPort, source: 'cluster' };
    const configured = this.get().ingressHttpPort;
    return configured !== null ? { port: configured, source: 'settings' } : { port: null, source: 'default' };
  }

  private write(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}
