import { describe, expect, it } from 'vitest';
import { err, ok, type ContextInfo } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createAppInfoStore } from './app-info.state';

const kind: ContextInfo = {
  name: 'kind-storedeck',
  cluster: 'kind',
  server: 'https://127.0.0.1:6443',
  user: 'u',
  isLocal: true,
};
const k3s: ContextInfo = {
  name: 'prod-k3s',
  cluster: 'k3s',
  server: 'https://10.0.0.2:6443',
  user: 'u',
  isLocal: false,
};

describe('app info store', () => {
  it('loads mode, contexts and the current context', async () => {
    const api = createFakeApi();
    api.respond(
      'getAppInfo',
      ok({ version: '0.1.0', mode: 'web', context: 'kind-storedeck', kubeconfigPath: null }),
    );
    api.respond('listContexts', ok({ current: 'kind-storedeck', contexts: [kind, k3s] }));
    const store = createAppInfoStore(api);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ current: 'kind-storedeck', error: null, info: { mode: 'web' } });
    expect(store.getState().contexts).toHaveLength(2);
  });

  it('shows why there is no context when the kubeconfig is missing', async () => {
    const api = createFakeApi();
    api.respond('getAppInfo', ok({ version: '0.1.0', mode: 'desktop', context: null, kubeconfigPath: null }));
    api.respond('listContexts', err('no_context', 'No kubeconfig at ~/.kube/config'));
    const store = createAppInfoStore(api);
    await store.getState().load();
    expect(store.getState()).toMatchObject({
      current: null,
      contexts: [],
      error: 'No kubeconfig at ~/.kube/config',
    });
  });

  it('switches context only when main accepts it', async () => {
    const api = createFakeApi();
    const store = createAppInfoStore(api);
    api.respond('selectContext', err('not_found', 'No context named nope'));
    await store.getState().selectContext('nope');
    expect(store.getState()).toMatchObject({ current: null, error: 'No context named nope' });
    api.respond('selectContext', ok(k3s));
    await store.getState().selectContext('prod-k3s');
    expect(store.getState()).toMatchObject({ current: 'prod-k3s', error: null });
    expect(api.calls.at(-1)).toEqual({ name: 'selectContext', request: { name: 'prod-k3s' } });
  });
});
