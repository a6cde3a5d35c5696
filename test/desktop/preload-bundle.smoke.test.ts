// The BUILT preload (out/preload/index.cjs) in a vm context shaped like Electron's sandbox: it
// loads with nothing but require('electron'), and exposes exactly the contract — one method per
// request channel, one listener per event stream, nothing generic.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES, ipcChannel, ipcEventChannel } from '../../preload/contract';
import { runPreload, type Exposed, type PreloadRun } from './preload-sandbox';

const ROOT = resolve(import.meta.dirname, '../..');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');

/** Everything wrong with what a preload exposed, compared with the contract (empty = fine). */
async function exposureProblems(run: PreloadRun): Promise<string[]> {
  const problems: string[] = [];
  const keys = [...run.exposed.keys()];
  if (keys.length !== 1 || keys[0] !== 'storedeck')
    problems.push(`exposed ${keys.join(', ')}, want storedeck`);
  const api = run.exposed.get('storedeck') ?? {};
  const methods = Object.keys(api).filter((k) => k !== 'on');
  const want = [...REQUEST_NAMES].sort();
  if (JSON.stringify(methods.sort()) !== JSON.stringify(want)) problems.push(`methods ${methods.join(',')}`);
  for (const name of REQUEST_NAMES) {
    const method = api[name];
    if (typeof method !== 'function') continue;
    run.invoked.length = 0;
    const answer = await (method as (r: unknown) => Promise<unknown>)({ probe: name });
    const call = run.invoked[0];
    if (run.invoked.length !== 1 || call?.channel !== ipcChannel(name))
      problems.push(`${name} invokes ${call?.channel ?? 'nothing'}, want ${ipcChannel(name)}`);
    else if (JSON.stringify(call.args) !== JSON.stringify([{ probe: name }]))
      problems.push(`${name} alters its payload`);
    if (JSON.stringify(answer) !== JSON.stringify({ ok: true, value: ipcChannel(name) }))
      problems.push(`${name} does not return main's answer`);
  }
  const on = (api.on ?? {}) as Exposed;
  const streams = Object.keys(on).sort();
  if (JSON.stringify(streams) !== JSON.stringify([...EVENT_NAMES].sort()))
    problems.push(`streams ${streams.join(',')}`);
  return problems;
}

beforeAll(() => {
  if (!existsSync(PRELOAD)) throw new Error('out/preload/index.cjs is missing: run `npm run build` first');
});

describe('preload bundle in a sandbox-shaped context', () => {
  it('exposes exactly window.storedeck with the contract methods, each invoking its own channel', async () => {
    const run = runPreload(PRELOAD);
    expect(await exposureProblems(run)).toEqual([]);
  });

  it('exposes nothing generic: no send/invoke/ipcRenderer, and only functions at every level', () => {
    const api = runPreload(PRELOAD).exposed.get('storedeck')!;
    for (const generic of ['send', 'invoke', 'ipcRenderer', 'sendSync', 'postMessage', 'removeAllListeners'])
      expect(api, generic).not.toHaveProperty(generic);
    for (const [key, value] of Object.entries(api))
      if (key !== 'on') expect(typeof value, key).toBe('function');
    for (const value of Object.values(api.on as Exposed)) expect(typeof value).toBe('function');
  });

  it('event listeners get only the payload (never the IPC event), and unsubscribe', () => {
    const run = runPreload(PRELOAD);
    const on = run.exposed.get('storedeck')!.on as Record<string, (l: (p: unknown) => void) => () => void>;
    const heard: unknown[][] = [];
    const off = on.storeRemoved!((...args) => heard.push(args));
    run.emit(ipcEventChannel('storeRemoved'), { id: 's1' });
    expect(heard).toEqual([[{ id: 's1' }]]);
    off();
    run.emit(ipcEventChannel('storeRemoved'), { id: 's2' });
    expect(heard).toHaveLength(1);
    expect(run.listeners.get(ipcEventChannel('storeRemoved'))?.size).toBe(0);
  });
});

describe('the same checks catch a broken copy of the preload', () => {
  let dir: string;
  beforeAll(() => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'test-results', 'preload-broken-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function brokenCopy(edit: (source: string) => string): string {
    const source = readFileSync(PRELOAD, 'utf8');
    const edited = edit(source);
    expect(edited).not.toBe(source);
    const file = join(dir, `index-${Math.random().toString(36).slice(2)}.cjs`);
    writeFileSync(file, edited);
    return file;
  }

  it('an IPC channel renamed', async () => {
    const file = brokenCopy((s) => s.replace('`storedeck:${name}`', '`storedeck/${name}`'));
    const problems = await exposureProblems(runPreload(file));
    expect(problems).toContain('getAppInfo invokes storedeck/getAppInfo, want storedeck:getAppInfo');
  });

  it('a generic bridge added beside the contract', async () => {
    const file = brokenCopy((s) =>
      s.replace('api.on = on;', 'api.on = on; api.invoke = (c, ...a) => ipc.invoke(c, ...a);'),
    );
    expect((await exposureProblems(runPreload(file)))[0]).toMatch(/^methods .*invoke/);
  });

  it('a Node module bundled as a require (a sandboxed preload cannot load it)', () => {
    const file = brokenCopy((s) =>
      s.replace('require("electron")', 'require("electron"); require("node:fs")'),
    );
    expect(() => runPreload(file)).toThrow(/node:fs \(a sandboxed preload cannot load it\)/);
  });
});
