// runCli's commands, options and exit codes against a fake app (the fakes are in run-cli.fixture.ts).
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../preload/contract';
import { appHolder, cli, fakeApp } from './run-cli.fixture';
describe('runCli', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['create', '--email', 'a@b.co'], 'missing <name>'],
    [['create', 'shop', '--email', 'not-an-email'], '--email: Admin email must be a valid email address'],
    [['create', 'x'.repeat(41), '--email', 'a@b.co'], '<name>: Store name must be at most 40 characters'],
    [
      ['create', 'bad\u0007name', '--email', 'a@b.co'],
      '<name>: Store name must contain only printable characters',
    ],
    [['create', 'admin', '--email', 'a@b.co'], '<name>: "admin" is a reserved name'],
    [['create', 'shop', '--email', 'a@b.co', '--plan', 'shopify'], '--plan: Invalid option'],
    [['logs', 'shop', '--tail', '0'], '--tail: Line count must be at least 1'],
    [['logs', 'shop', '--tail', '10001'], '--tail: Line count must be at most 10000'],
    [['restart', 'shop', '--component', 'nginx'], '--component: Invalid option'],
    [['audit', '--limit', '0'], '--limit: Limit must be at least 1'],
    [['list', '--verbose'], 'unknown option --verbose'],
  ])('exits 2 with one clear line for %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`storedeck: ${message}`);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.out).toBe('');
  });

  it('exits 1 for a valid request the service refuses (medusa is not available yet)', async () => {
    const result = await cli(['create', 'shop', '--email', 'a@b.co', '--plan', 'medusa']);
    expect(result).toMatchObject({ code: 1, err: 'storedeck: The medusa plan is not available yet\n' });
  });

  it('passes the global options to createApp and closes the app afterwards', async () => {
    const fake = fakeApp();
    const result = await cli(
      ['--kubeconfig', '/k.yaml', '--context', 'sim', '--data-dir', '/tmp/sd', 'list'],
      fake.app,
    );
    expect(result.options).toEqual([
      { dataDir: '/tmp/sd', kubeconfigPath: '/k.yaml', context: 'sim', mode: 'cli', worker: 'never' },
    ]);
    expect(result.code).toBe(0);
    expect(fake.isClosed()).toBe(true);
  });

  it('refuses a --context the kubeconfig does not have, before doing anything', async () => {
    const fake = fakeApp();
    const result = await cli(['--context', 'prod', 'create', 'Shop', '--email', 'a@b.co'], fake.app);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe('storedeck: --context: no context "prod" in the kubeconfig (contexts: sim)\n');
    expect(fake.calls).toEqual([]);
  });

  it('competes for the worker lease only in commands that wait', async () => {
    expect((await cli(['create', 'Shop', '--email', 'a@b.co', '--wait'])).options[0]?.worker).toBe('auto');
    expect((await cli(['create', 'Shop', '--email', 'a@b.co'])).options[0]?.worker).toBe('never');
    expect((await cli(['list'])).options[0]?.worker).toBe('never');
  });

  it('create without --wait says the running app will provision the store', async () => {
    const result = await cli(['create', 'Shop', '--email', 'a@b.co'], fakeApp({ worker: appHolder() }).app);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Queued\. It will be provisioned by the Storedeck app \(pid 4242\)/m);
  });

  it('create, retry and delete without --wait say when nobody is working on the data dir', async () => {
    const nobody = { working: false, holder: null };
    const created = await cli(['create', 'Shop', '--email', 'a@b.co'], fakeApp({ worker: nobody }).app);
    expect(created.out).toMatch(
      /No Storedeck process is working on this data dir right now: it will be provisioned/,
    );
    const stale = await cli(['delete', 'shop'], fakeApp({ worker: appHolder(false) }).app);
    expect(stale.code).toBe(0);
    expect(stale.out).toMatch(/^Marked for deletion\. No Storedeck process is working/m);
    expect(stale.out).toMatch(/`storedeck delete shop --wait`/);
  });

  it('create --wait while the app holds the lease says so and follows its events', async () => {
    const result = await cli(
      ['create', 'Shop', '--email', 'a@b.co', '--wait'],
      fakeApp({ outcome: 'Ready', worker: appHolder() }).app,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/the Storedeck app \(pid 4242\) does the work; following it here/);
    expect(result.out).toMatch(/Store "Shop" is Ready/);
  });

  it('create --wait prints the timeline and ends 0 when the store is Ready', async () => {
    const result = await cli(
      ['create', 'Shop', '--email', 'a@b.co', '--wait'],
      fakeApp({ outcome: 'Ready' }).app,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/… apply started: apply started$/m);
    expect(result.out).toMatch(/✓ apply completed: apply completed$/m);
    expect(result.out).toMatch(/Store "Shop" is Ready: http:\/\/shop\.localhost/);
  });

  it('create --wait ends 1 with the failed step and reason when the store fails', async () => {
    const result = await cli(
      ['create', 'Shop', '--email', 'a@b.co', '--wait'],
      fakeApp({ outcome: 'Failed' }).app,
    );
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'storedeck: store "Shop" failed at MySQL start (step wait-mysql): ImagePullBackOff on mysql\n' +
        "Once the cause is fixed: storedeck retry shop --wait (add --current-settings to use today's settings instead of those it was created with)\n",
    );
  });

  it("retry --current-settings asks for the context's settings of today; a plain retry keeps the frozen ones", async () => {
    const fake = fakeApp({ worker: appHolder() });
    expect((await cli(['retry', 'shop', '--current-settings'], fake.app)).code).toBe(0);
    expect((await cli(['retry', 'shop'], fake.app)).code).toBe(0);
    expect(fake.calls.filter(([name]) => name === 'retryStore')).toEqual([
      ['retryStore', { id: 'st-1', useCurrentSettings: true }],
      ['retryStore', { id: 'st-1' }],
    ]);
    expect((await cli(['retry', '--help'], fake.app)).out).toMatch(
      /--current-settings +use the context's settings of today/,
    );
  });

  it('Ctrl-C stops a wait with 130 and says the store carries on later', async () => {
    const controller = new AbortController();
    const fake = fakeApp({ outcome: 'never' });
    fake.bus.subscribe((name, payload) => {
      if (name === 'timelineEvent' && (payload as TimelineEvent).status === 'completed') controller.abort();
    });
    const result = await cli(['create', 'Shop', '--email', 'a@b.co', '--wait'], fake.app, controller.signal);
    expect(result.code).toBe(130);
    expect(result.err).toMatch(/stopped waiting; "Shop" is Provisioning/);
    expect(result.out).toMatch(/apply completed/);
  });

  it('delete --wait ends when the store is removed; --json prints machine-readable output', async () => {
    const result = await cli(['delete', 'shop', '--wait', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ id: 'st-1', deleted: true });
  });

  it('resolves <store> by slug, name or id, and reports an unknown one with exit 1', async () => {
    for (const ref of ['shop', 'Shop', 'st-1', 'SHOP'])
      expect((await cli(['password', ref])).out).toBe('Username: admin\nPassword: pw-1\n');
    const missing = await cli(['show', 'nope']);
    expect(missing).toMatchObject({
      code: 1,
      err: 'storedeck: no store "nope" in this context (see storedeck list)\n',
    });
  });

  it('sends logs and restart flags as contract requests', async () => {
    const fake = fakeApp();
    expect((await cli(['logs', 'shop', '--pod', 'mysql', '--tail', '50'], fake.app)).out).toBe(
      'line 1\nline 2\n',
    );
    await cli(['logs', 'shop', '--tail', '1234', '--previous', '--timestamps'], fake.app);
    await cli(['logs', 'shop', '--saved'], fake.app);
    await cli(['restart', 'shop', '--component', 'mysql'], fake.app);
    expect(fake.calls).toEqual([
      ['getLogs', { id: 'st-1', pod: 'mysql', tailLines: 50 }],
      ['getLogs', { id: 'st-1', tailLines: 1234, previous: true, timestamps: true }],
      ['getLogs', { id: 'st-1', saved: true, tailLines: 100 }],
      ['restartStore', { id: 'st-1', component: 'mysql' }],
    ]);
  });

  it('logs --follow prints lines as they come and stops the session on Ctrl-C', async () => {
    const fake = fakeApp();
    const controller = new AbortController();
    const seen = new Promise<void>((resolve) =>
      fake.bus.subscribe((name, payload) => {
        if (name === 'logLines' && (payload as { lines: string[] }).lines.includes('second'))
          setTimeout(resolve, 5);
      }),
    );
    void seen.then(() => controller.abort());
    const result = await cli(['logs', 'shop', '--follow'], fake.app, controller.signal);
    expect(result).toMatchObject({ code: 0, out: 'first\nsecond\n' });
    expect(fake.calls).toContainEqual(['stopLogFollow', { subscriptionId: 'sub-1' }]);
  });

  it('prints help with exit 0', async () => {
    const general = await cli(['--help']);
    expect(general.code).toBe(0);
    expect(general.out).toMatch(/reset-password/);
    expect((await cli(['logs', '--help'])).out).toMatch(/^Usage: storedeck logs <store> \[--pod POD\]/);
  });
});
