import { afterEach, describe, expect, it } from 'vitest';
import { StatusError } from '../../types.js';
import { condition, namespace, podsOf, startHarness, type Harness } from '../test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

const deploy = (name: string, image: string, spec: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'shop' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name, image, readinessProbe: { exec: { command: ['true'] } } }], ...spec },
    },
  },
});

async function rejected(p: Promise<unknown>): Promise<StatusError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

/** A store whose setup Job has run: MySQL ready, WordPress installed by WP-CLI with the admin password from a Secret. */
async function installedStore(): Promise<{ tools: string; wordpress: string }> {
  h = startHarness();
  namespace(h, 'shop');
  h.create('secrets', {
    metadata: { name: 'wordpress-secrets', namespace: 'shop' },
    stringData: { 'admin-password': 'first-pass' },
  });
  h.create('deployments.apps', deploy('mysql', 'mysql:8.4.10'));
  h.create('deployments.apps', deploy('wordpress', 'wordpress:6.9.4-php8.3-apache'));
  h.create(
    'deployments.apps',
    deploy('wp-tools', 'wordpress:cli-2.12.0-php8.3', { securityContext: { runAsUser: 33 } }),
  );
  await h.waitFor('deployments.apps', 'shop', 'mysql', (d) => d?.status?.readyReplicas === 1);
  h.create('jobs.batch', {
    metadata: { name: 'woocommerce-setup', namespace: 'shop' },
    spec: {
      template: {
        spec: {
          restartPolicy: 'Never',
          securityContext: { runAsUser: 33 },
          containers: [
            {
              name: 'wp-cli',
              image: 'wordpress:cli-2.12.0-php8.3',
              command: [
                '/bin/sh',
                '-c',
                'wp core install --url="$WP_URL" --title=Shop --admin_user=shopadmin --admin_password="$WP_ADMIN_PASSWORD" --admin_email=a@shop.test',
              ],
              env: [
                { name: 'WP_URL', value: 'http://shop.localhost' },
                {
                  name: 'WP_ADMIN_PASSWORD',
                  valueFrom: { secretKeyRef: { name: 'wordpress-secrets', key: 'admin-password' } },
                },
              ],
            },
          ],
        },
      },
    },
  });
  await h.waitFor(
    'jobs.batch',
    'shop',
    'woocommerce-setup',
    (j) => condition(j, 'Complete')?.status === 'True',
  );
  await h.waitFor('deployments.apps', 'shop', 'wp-tools', (d) => d?.status?.readyReplicas === 1);
  await h.waitFor('deployments.apps', 'shop', 'wordpress', (d) => d?.status?.readyReplicas === 1);
  return {
    tools: podsOf(h, 'shop', 'wp-tools')[0]?.metadata.name as string,
    wordpress: podsOf(h, 'shop', 'wordpress')[0]?.metadata.name as string,
  };
}

describe('pod exec', () => {
  it('runs WP-CLI against the store the setup Job installed: read options, reset the admin password', async () => {
    const { tools } = await installedStore();
    const exec = (cmd: string[], stdin?: string) =>
      h.controllers.podExec('shop', tools, undefined, cmd, stdin);
    expect(await exec(['wp', 'option', 'get', 'siteurl'])).toEqual({
      stdout: 'http://shop.localhost\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await exec(['wp', 'option', 'get', 'woocommerce_coming_soon'])).stdout).toBe('no\n');
    expect((await exec(['wp', 'user', 'check-password', 'shopadmin', 'first-pass'])).exitCode).toBe(0);
    expect(await exec(['sh', '-c', 'wp user update shopadmin --user_pass="$(cat)"'], 'n3w-pass')).toEqual({
      stdout: 'Success: Updated user 1.\n',
      stderr: '',
      exitCode: 0,
    });
    expect((await exec(['wp', 'user', 'check-password', 'shopadmin', 'n3w-pass'])).exitCode).toBe(0);
    expect((await exec(['wp', 'user', 'update', 'nobody', '--user_pass=x'])).exitCode).toBe(1);
    expect(await exec(['cat', '/etc/hostname'])).toMatchObject({ stdout: `${tools}\n`, exitCode: 0 });
    expect(await exec(['echo', 'hi'])).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
    expect(await exec(['false'])).toMatchObject({ exitCode: 1 });
    expect(await exec(['nope'])).toEqual({ stdout: '', stderr: 'sh: nope: not found\n', exitCode: 127 });
  });

  it('has no wp in the Apache WordPress image, and mysqladmin answers in MySQL', async () => {
    const { wordpress } = await installedStore();
    expect(
      await h.controllers.podExec('shop', wordpress, undefined, ['wp', 'option', 'get', 'siteurl']),
    ).toEqual({ stdout: '', stderr: 'sh: wp: not found\n', exitCode: 127 });
    const mysql = podsOf(h, 'shop', 'mysql')[0]?.metadata.name as string;
    expect((await h.controllers.podExec('shop', mysql, 'mysql', ['mysqladmin', 'ping'])).stdout).toBe(
      'mysqld is alive\n',
    );
  });

  it('refuses like the API server: unknown pod, completed pod, unscheduled pod, unknown container', async () => {
    await installedStore();
    expect(await rejected(h.controllers.podExec('shop', 'ghost', undefined, ['true']))).toMatchObject({
      code: 404,
      message: 'pods "ghost" not found',
    });
    const job = podsOf(h, 'shop', 'woocommerce-setup')[0]?.metadata.name as string;
    expect(await rejected(h.controllers.podExec('shop', job, undefined, ['true']))).toMatchObject({
      code: 400,
      message: 'unable to upgrade connection: container not found ("wp-cli")',
    });
    expect((await rejected(h.controllers.podExec('shop', job, 'nope', ['true']))).message).toBe(
      `container nope is not valid for pod ${job}`,
    );
    h.create('pods', {
      metadata: { name: 'lost', namespace: 'shop' },
      spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'busybox' }] },
    });
    await h.until(
      () => condition(h.store.get('pods', 'shop', 'lost'), 'PodScheduled')?.status === 'False',
      'unschedulable',
    );
    expect(await rejected(h.controllers.podExec('shop', 'lost', undefined, ['true']))).toMatchObject({
      code: 400,
      message: 'pod lost does not have a host assigned',
    });
  });
});
