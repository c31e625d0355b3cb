/**
 * What Node tests need from outside the repository: the shared fixtures (`../shared/fixtures`
 * beside the checkout, resolved from this file's location, never from process.cwd()) and a
 * python3 with a given module (h5py).
 *
 * In CI (`CI=true`, as `.ci/run` sets) both are required: a test file that asks for a missing one
 * fails to load, with a message that says what is missing and where it was looked for. Outside CI
 * the tests that need it are skipped, and say so in their title and on stderr.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when the tests run in CI (`CI=true` or `CI=1`), where nothing may be skipped for lack of files. */
export const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** `<checkout>/../shared/fixtures`, from this file (test/fixtures.ts), whatever the working directory. */
export const FIXTURES_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');

export interface Requirement {
  /** True when the tests can run. */
  present: boolean;
  /** '' when present, else " (SKIPPED: ...)" to append to a describe/it title. */
  skipNote: string;
}

export interface FixtureDir extends Requirement {
  /** Absolute path of the fixture folder or file. */
  dir: string;
  /** An absolute path inside it. */
  path: (...parts: string[]) => string;
}

function missing(what: string, why: string, env: NodeJS.ProcessEnv = process.env): Requirement {
  const inCi = /^(1|true|yes)$/i.test(env.CI ?? '');
  if (inCi) {
    throw new Error(`CI requires ${what}, but ${why}. CI must not skip these tests: provide it (see README, "Test it") and run again.`);
  }
  const skipNote = ` (SKIPPED: ${why}; in CI this fails)`;
  console.warn(`[layer-lens tests] skipping tests that need ${what}: ${why}.`);
  return { present: false, skipNote };
}

/**
 * A folder (or file) under ../shared/fixtures, e.g. `fixtures('models/tfjs-iris-dense100')`.
 * Throws in CI when it is absent; outside CI returns present: false and a skip note.
 */
export function fixtures(sub = '', env: NodeJS.ProcessEnv = process.env, root = FIXTURES_ROOT): FixtureDir {
  const dir = resolve(root, sub);
  const path = (...parts: string[]) => resolve(dir, ...parts);
  if (existsSync(dir)) return { dir, path, present: true, skipNote: '' };
  return { dir, path, ...missing(`the shared fixtures at ${dir}`, `${dir} does not exist (../shared/fixtures must sit beside the checkout)`, env) };
}

export interface PythonWith extends Requirement {
  /** The python executable that imports the module, or null. */
  python: string | null;
}

/**
 * A python3 that can import `module` (pyenv's python3 may lack it; Debian's python3-h5py installs
 * into /usr/bin/python3). Throws in CI when none can.
 */
export function pythonWith(module: string, env: NodeJS.ProcessEnv = process.env, candidates = ['python3', '/usr/bin/python3']): PythonWith {
  const python = candidates.find((exe) => spawnSync(exe, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0) ?? null;
  if (python) return { python, present: true, skipNote: '' };
  return { python: null, ...missing(`python3 with ${module}`, `no python3 here can import ${module} (tried ${candidates.join(', ')})`, env) };
}
