import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../preload/contract';
import { audited, type AuditSink } from './audited';

function sink() {
  const entries: Array<Parameters<AuditSink['add']>[0]> = [];
  return { entries, audit: { add: (entry: Parameters<AuditSink['add']>[0]) => entries.push(entry) } };
}

describe('audited', () => {
  it('records a success with what was done, not the value itself', async () => {
    const { entries, audit } = sink();
    const result = await audited(
      { audit, actor: 'cli:ana', action: 'restart', name: 'Shop', details: 'component=all' },
      async () => ok({ restarted: ['mysql'] }),
      (v) => `restarted=${v.restarted.join(',')}`,
    );
    expect(result).toEqual({ ok: true, value: { restarted: ['mysql'] } });
    expect(entries).toEqual([
      {
        action: 'restart',
        resource: 'store',
        name: 'Shop',
        actor: 'cli:ana',
        details: 'component=all; ok; restarted=mysql',
      },
    ]);
  });

  it('never writes a returned password into the log', async () => {
    const { entries, audit } = sink();
    await audited({ audit, actor: 'cli', action: 'reveal-password', name: 'Shop' }, async () =>
      ok({ username: 'admin', password: 's3cret-value' }),
    );
    expect(JSON.stringify(entries)).not.toContain('s3cret-value');
    expect(entries[0]?.details).toBe('ok');
  });

  it('records failures, and turns a throw into an error value', async () => {
    const { entries, audit } = sink();
    const refused = await audited({ audit, actor: 'cli', action: 'reset-password', name: 'Shop' }, async () =>
      err('invalid_state', 'not Ready'),
    );
    expect(refused.ok).toBe(false);
    const thrown = await audited({ audit, actor: 'cli', action: 'restart', name: 'Shop' }, async () => {
      throw Object.assign(new Error('Forbidden'), {
        code: 403,
        body: JSON.stringify({ message: 'deployments is forbidden' }),
      });
    });
    expect(thrown).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Restart failed: deployments is forbidden' },
    });
    expect(entries.map((e) => e.details)).toEqual([
      'failed; invalid_state: not Ready',
      'failed; forbidden: Restart failed: deployments is forbidden',
    ]);
  });

  it('says in words what failed and why when the cluster does not answer', async () => {
    const { audit } = sink();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' });
    const result = await audited(
      { audit, actor: 'app', action: 'reveal-password', name: 'Shop' },
      async () => {
        throw refused;
      },
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'cluster_unreachable',
        message:
          'Showing the password failed: the cluster does not answer (nothing is listening at its address: connection refused)',
      },
    });
  });
});
