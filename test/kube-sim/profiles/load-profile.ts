import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SimProfile } from '../types.js';
import { simProfileSchema } from './profile.schema.js';

export const BUILT_IN_PROFILES = ['kind', 'fast', 'realistic'] as const;
/** What a sim runs when no profile is named: a Kind node as `storedeck cluster create` makes it. */
export const DEFAULT_PROFILE = 'kind';

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

function readJson(file: string | URL, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`kube-sim profile ${label}: cannot read the file (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`kube-sim profile ${label}: not valid JSON (${(err as Error).message})`);
  }
}

/** Validates a profile object; throws an Error naming every bad field. */
export function parseProfile(value: unknown, label = 'object'): SimProfile {
  const result = simProfileSchema.safeParse(value);
  if (!result.success) throw new Error(`kube-sim profile ${label} is invalid: ${describe(result.error)}`);
  return result.data as SimProfile;
}

/** 'kind' | 'fast' | 'realistic' | a path to a JSON file | a profile object → a validated SimProfile (a fresh copy). */
export function loadProfile(nameOrFileOrObject: string | SimProfile | Record<string, unknown>): SimProfile {
  if (typeof nameOrFileOrObject !== 'string') return parseProfile(structuredClone(nameOrFileOrObject));
  const input = nameOrFileOrObject;
  if ((BUILT_IN_PROFILES as readonly string[]).includes(input)) {
    return parseProfile(readJson(new URL(`./${input}.json`, import.meta.url), `"${input}"`), `"${input}"`);
  }
  if (!input.endsWith('.json') && !input.includes('/')) {
    throw new Error(
      `kube-sim profile "${input}": not a built-in profile (${BUILT_IN_PROFILES.join(', ')}) nor a path to a .json file`,
    );
  }
  return parseProfile(readJson(input, `file ${input}`), `file ${input}`);
}
