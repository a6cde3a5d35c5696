import { describe, expect, it } from 'vitest';
import { err, ok, type ClusterStatus } from '../../../../preload/contract';
import { createFakeApi } from '../../api/fake-api';
import { createOnboardingStore } from './onboarding.state';

const tool = (name: 'docker' | 'kind') => ({
  name,
  state: 'ok' as const,
  version: '1',
  path: name,
  detail: name,
  fix: null,
});
const status: ClusterStatus = {
  docker: tool('docker'),
  kind: tool('kind'),
  clusters: [],
  kubeconfigPath: '/home/u/.kube/config',
  kubeconfigProblem: 'Kubeconfig file /home/u/.kube/config does not exist',
  ingress: null,
  context: null,
  localCluster: null,
  operation: null,
};

describe('onboarding store', () => {
  it('Check again reads the kubeconfig again before checking, so a file written since the start counts', async () => {
    const api = createFakeApi();
    api.respond('reloadKubeconfig', ok({ contexts: 1 }));
    api.respond('getClusterStatus', ok({ ...status, kubeconfigProblem: null }));
    const store = createOnboardingStore(api);
    await store.getState().recheck();
    expect(api.calls.map((c) => c.name)).toEqual(['reloadKubeconfig', 'getClusterStatus']);
    expect(store.getState()).toMatchObject({ checking: false, error: null });
    expect(store.getState().status?.kubeconfigProblem).toBeNull();
  });

  it('Check again with the kubeconfig still missing shows the check, not the reload error', async () => {
    const api = createFakeApi();
    api.respond('reloadKubeconfig', err('no_context', 'Kubeconfig file /home/u/.kube/config does not exist'));
    api.respond('getClusterStatus', ok(status));
    const store = createOnboardingStore(api);
    await store.getState().recheck();
    expect(store.getState().error).toBeNull();
    expect(store.getState().status?.kubeconfigProblem).toContain('does not exist');
  });

  it('collects the create’s progress lines, including any that beat the reply, and reports done once', async () => {
    const api = createFakeApi();
    api.respond('getClusterStatus', ok(status));
    api.respond('createLocalCluster', ok({ operationId: 'op1' }));
    const store = createOnboardingStore(api);
    let done = 0;
    const stop = store.getState().follow(() => done++);
    await store.getState().check();
    expect(store.getState().status?.kubeconfigProblem).toContain('does not exist');
    api.emit('clusterProgress', {
      operationId: 'op1',
      operation: 'create',
      phase: 'check',
      line: 'Checking Docker and kind',
    });
    await store.getState().createLocalCluster();
    api.emit('clusterProgress', {
      operationId: 'op1',
      operation: 'create',
      phase: 'kind',
      line: 'Creating cluster "storedeck" ...',
    });
    // A delete's lines are not this view's business.
    api.emit('clusterProgress', {
      operationId: 'op2',
      operation: 'delete',
      phase: 'kind',
      line: 'Deleting cluster',
    });
    expect(store.getState().run?.lines.map((l) => l.line)).toEqual([
      'Checking Docker and kind',
      'Creating cluster "storedeck" ...',
    ]);
    api.emit('clusterProgress', {
      operationId: 'op1',
      operation: 'create',
      phase: 'done',
      line: 'Cluster "storedeck" is ready',
      result: { name: 'storedeck', context: 'kind-storedeck', httpPort: 80, httpsPort: 443, reused: false },
    });
    expect(done).toBe(1);
    expect(store.getState().run?.phase).toBe('done');
    stop();
  });

  it('cancels only a running create, and shows a refused start as an error', async () => {
    const api = createFakeApi();
    api.respond('createLocalCluster', err('conflict', 'A local cluster create is already running'));
    const store = createOnboardingStore(api);
    await store.getState().createLocalCluster();
    expect(store.getState().error).toBe('A local cluster create is already running');
    await store.getState().cancel();
    expect(api.calls.some((c) => c.name === 'cancelClusterOperation')).toBe(false);
    api.respond('createLocalCluster', ok({ operationId: 'op3' }));
    api.respond('cancelClusterOperation', ok({}));
    await store.getState().createLocalCluster();
    await store.getState().cancel();
    expect(api.calls.filter((c) => c.name === 'cancelClusterOperation')).toEqual([
      { name: 'cancelClusterOperation', request: { operationId: 'op3' } },
    ]);
  });
});
