import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from './load-profile.js';

const tmp = mkdtempSync(join(tmpdir(), 'kube-sim-profile-'));

describe('loadProfile', () => {
  it('loads the built-in fast profile: real time, everything well under a second', () => {
    const p = loadProfile('fast');
    expect(p.name).toBe('fast');
    expect(p.timeScale).toBe(1);
    expect(p.faults).toEqual({});
    expect(p.timings.pvcBindMs + p.timings.containerStartMs).toBeLessThan(1000);
  });

  it('loads the realistic profile with public-figure timings and a replay time scale', () => {
    const p = loadProfile('realistic');
    expect(p.timeScale).toBeLessThan(1);
    expect(p.timings.imagePullMs).toMatchObject({ mysql: 25000 });
    expect(p.timings.jobRunMs).toMatchObject({ 'woocommerce-setup': 60000 });
    expect(p.timings.namespaceTerminationMs).toBeGreaterThanOrEqual(10000);
  });

  it('loads the kind profile: one control-plane node, serialized pulls timed by image size', () => {
    const p = loadProfile('kind');
    expect(p.nodes).toEqual(['storedeck-control-plane']);
    expect(p.kubelet?.serializeImagePulls).toBe(true);
    expect(p.imageSizeBytes).toMatchObject({ mysql: expect.any(Number), '*': expect.any(Number) });
    expect(p.pullBytesPerSecond).toBeGreaterThan(0);
    expect(p.timeScale).toBeLessThan(1);
  });

  it('names a bad node list and sizes without a bandwidth', () => {
    const fast = loadProfile('fast');
    expect(() => loadProfile({ ...fast, nodes: [] })).toThrow(/nodes: /);
    expect(() => loadProfile({ ...fast, nodes: ['Kind_Node'] })).toThrow(/DNS-1123 subdomain/);
    expect(() => loadProfile({ ...fast, imageSizeBytes: { '*': 1 } })).toThrow(
      /imageSizeBytes and pullBytesPerSecond go together/,
    );
  });

  it('loads a JSON file and defaults missing faults', () => {
    const file = join(tmp, 'mine.json');
    const fast = loadProfile('fast');
    writeFileSync(file, JSON.stringify({ name: 'mine', timeScale: 0.5, timings: fast.timings }));
    const p = loadProfile(file);
    expect(p.name).toBe('mine');
    expect(p.faults).toEqual({});
  });

  it('accepts an object and returns a copy', () => {
    const fast = loadProfile('fast');
    const p = loadProfile({ ...fast, faults: { crashLoopPattern: '^busybox' } });
    expect(p.faults.crashLoopPattern).toBe('^busybox');
    p.timings.pvcBindMs = 1;
    expect(fast.timings.pvcBindMs).not.toBe(1);
  });

  it('names every bad field of a bad file', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        timeScale: 0,
        timings: { imagePullMs: { mysql: 5 }, containerStartMs: -1 },
        faults: { errorRate: 2, crashLoopPattern: '(' },
      }),
    );
    let message = '';
    try {
      loadProfile(file);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`file ${file} is invalid`);
    expect(message).toContain('timeScale');
    expect(message).toContain('timings.imagePullMs');
    expect(message).toContain('"*" fallback');
    expect(message).toContain('timings.containerStartMs');
    expect(message).toContain('timings.jobRunMs');
    expect(message).toContain('faults.errorRate');
    expect(message).toContain('faults.crashLoopPattern: not a valid regular expression');
  });

  it('reports unreadable files, broken JSON and unknown names clearly', () => {
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{ "name": ');
    expect(() => loadProfile(broken)).toThrow(/not valid JSON/);
    expect(() => loadProfile(join(tmp, 'missing.json'))).toThrow(/cannot read the file/);
    expect(() => loadProfile('turbo')).toThrow(/not a built-in profile \(kind, fast, realistic\)/);
  });
});
