// What a correct main bundle does at start, as lists of problems (empty = fine), so the smoke
// test can show the same checks catching a deliberately broken copy of the bundle.
import { existsSync } from 'node:fs';
import { REQUEST_NAMES, ipcChannel } from '../../preload/contract';
import type { CallRecord } from './main-process';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const;

type WindowOptions = { webPreferences?: Record<string, unknown>; show?: boolean };

export function windowProblems(records: CallRecord[], packaged: boolean): string[] {
  const created = records.filter((r) => r.api === 'BrowserWindow.new');
  if (created.length !== 1) return [`expected one window at start, saw ${created.length}`];
  const options = created[0]!.args[1] as WindowOptions;
  const prefs = options.webPreferences ?? {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(SECURE_WEB_PREFERENCES)) {
    if (prefs[key] !== value) problems.push(`webPreferences.${key} is ${String(prefs[key])}, want ${value}`);
  }
  if (packaged && prefs.devTools !== false) problems.push('devTools is not off in a packaged build');
  const preload = String(prefs.preload ?? '');
  if (!preload.endsWith('.cjs') || !existsSync(preload))
    problems.push(`preload ${preload || '(none)'} does not exist as a CommonJS bundle`);
  const loaded = records.find((r) => r.api === 'BrowserWindow.loadURL')?.args[1];
  if (loaded !== 'app://storedeck/index.html') problems.push(`window loads ${String(loaded)}, not app://`);
  return problems;
}

export function channelProblems(records: CallRecord[]): string[] {
  const registered = records.filter((r) => r.api === 'ipcMain.handle').map((r) => String(r.args[0]));
  const expected = REQUEST_NAMES.map(ipcChannel);
  const missing = expected.filter((c) => !registered.includes(c));
  const extra = registered.filter((c) => !expected.includes(c));
  const problems = [];
  if (missing.length) problems.push(`channels not registered: ${missing.join(', ')}`);
  if (extra.length) problems.push(`channels outside the contract: ${extra.join(', ')}`);
  if (new Set(registered).size !== registered.length) problems.push('a channel is registered twice');
  return problems;
}
