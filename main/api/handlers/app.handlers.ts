// Handlers for the app as a whole: info, contexts, preflight, settings, audit, external links.
import { err, ok, type ParsedRequestOf, type PlanInfo } from '../../../preload/contract';
import { runPreflight } from '../../kube/preflight';
import type { ClientPool } from '../../kube/client-pool';
import type { LiveStatusHub } from '../../engine/live-status/live-status-hub';
import type { State } from '../../state/open-state';
import type { ContextSession } from '../context-session';
import type { Handlers } from '../handler-types';
import pkg from '../../../package.json';

export interface AppHandlerDeps {
  state: State;
  session: ContextSession;
  pool: ClientPool;
  mode: 'desktop' | 'web';
  kubeconfigPath: string | null;
  /** Audit actor, the same as the engine's (e.g. "desktop:alice"). */
  actor: string;
  live: LiveStatusHub | null;
  /** The cluster is the simulator (npm run demo); the UI says so. */
  simulated?: boolean;
  /** The engine's plans, carried in getAppInfo (the same list as listPlans). */
  plans(): PlanInfo[];
}

export type AppHandlers = Pick<
  Handlers,
  | 'getAppInfo'
  | 'listContexts'
  | 'selectContext'
  | 'runPreflight'
  | 'getSettings'
  | 'updateSettings'
  | 'listAudit'
  | 'openExternal'
  | 'reloadKubeconfig'
  | 'getStoreAddressRule'
>;

export function appHandlers({
  state,
  session,
  pool,
  mode,
  kubeconfigPath,
  actor,
  live,
  simulated,
  plans,
}: AppHandlerDeps): AppHandlers {
  return {
    getAppInfo: async () =>
      ok({
        version: pkg.version,
        mode,
        context: session.current(),
        kubeconfigPath,
        theme: state.settings.get().theme,
        contextHealth: live?.health(session.current()) ?? null,
        ...(simulated ? { simulated: true } : {}),
        plans: plans(),
      }),
    reloadKubeconfig: async () => {
      pool.reload();
      const adopted = session.adoptCurrent();
      if (adopted) live?.observe(adopted);
      else live?.restart();
      const listed = session.list();
      return listed.ok ? ok({ contexts: listed.value.contexts.length }) : listed;
    },
    listContexts: async () => session.list(),
    selectContext: async ({ name }) => {
      const selected = session.select(name);
      if (selected.ok) live?.observe(name);
      if (selected.ok)
        state.audit.add({ action: 'select-context', resource: 'context', name, details: '', actor });
      return selected;
    },
    runPreflight: async () => {
      const context = session.require();
      if (!context.ok) return context;
      let client;
      try {
        client = pool.clientFor(context.value);
      } catch (error) {
        return err('no_context', (error as Error).message);
      }
      const settings = state.settings.get();
      return ok(
        await runPreflight({
          client,
          context: context.value,
          storageClass: settings.storageClass,
          storeCount: state.stores.countByContext(context.value),
          maxStores: settings.maxStoresPerContext,
          isLocal: pool.isLocal(context.value),
          ingressHttpPort: state.settings.ingressHttpPort(context.value),
        }),
      );
    },
    getStoreAddressRule: async () => {
      const context = session.require();
      if (!context.ok) return context;
      return ok({
        context: context.value,
        isLocal: pool.isLocal(context.value),
        baseDomain: state.settings.get().baseDomain,
        httpPort: state.settings.ingressHttpPort(context.value).port,
      });
    },
    getSettings: async () => ok(state.settings.get()),
    updateSettings: async (patch: ParsedRequestOf<'updateSettings'>) => {
      const updated = state.settings.update(patch);
      // The theme is a look, not a change to what the engine does: not worth an audit row.
      const audited = Object.keys(patch).filter((key) => key !== 'theme');
      if (updated.ok && audited.length > 0) {
        const details = audited
          .map((key) => `${key}=${JSON.stringify(updated.value[key as keyof typeof updated.value])}`)
          .join(' ');
        state.audit.add({
          action: 'update-settings',
          resource: 'settings',
          name: 'settings',
          details,
          actor,
        });
      }
      return updated;
    },
    listAudit: async ({ limit }) => ok(state.audit.list(limit)),
    // The desktop shell replaces this with shell.openExternal; a browser opens links itself.
    openExternal: async () =>
      err('not_available', 'Opening links is done by the browser in the web UI; use the link directly'),
  };
}
