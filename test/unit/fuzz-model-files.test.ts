/**
 * Fuzz: at least 1,000 mutated versions of the fixture files (truncated, bytes flipped, JSON fields
 * and shapes changed, inside and outside the zip). Every open must either succeed or reject with a
 * ModelFileError: never another error type, never a hang (each gets a time budget via Promise.race).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { openModelFiles, ModelFileError, type FileLike } from '../../src/models/formats';
import { fixtures } from '../fixtures';

const FIX = fixtures('models');
const DIR = FIX.dir;
const HAVE = FIX.present;
const BUDGET_MS = 5_000;
const read = (rel: string) => new Uint8Array(readFileSync(join(DIR, rel)));

/** mulberry32: a seeded generator, so every run fuzzes the same cases and a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}
type Rng = ReturnType<typeof rng>;

function truncate(b: Uint8Array, r: Rng): Uint8Array {
  return b.slice(0, r.int(b.length));
}

function flip(b: Uint8Array, r: Rng): Uint8Array {
  const out = b.slice();
  const n = 1 + r.int(12);
  for (let i = 0; i < n; i++) out[r.int(out.length)] ^= 1 << r.int(8);
  return out;
}

/** Changes one thing somewhere in a JSON value: a number, a string, a shape, a deleted or nulled key. */
function mutateJson(v: any, r: Rng): any {
  const paths: (string | number)[][] = [];
  const walk = (x: any, p: (string | number)[]) => {
    if (paths.length > 5000) return;
    paths.push(p);
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, [...p, i]));
    else if (x && typeof x === 'object') Object.keys(x).forEach((k) => walk(x[k], [...p, k]));
  };
  const root = structuredClone(v);
  walk(root, []);
  const path = r.pick(paths.slice(1));
  if (!path) return root;
  const parent = path.slice(0, -1).reduce((o: any, k) => o[k], root);
  const key = path[path.length - 1];
  const cur = parent[key];
  const choice = r.int(8);
  if (choice === 0) Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
  else if (choice === 1) parent[key] = null;
  else if (choice === 2) parent[key] = typeof cur === 'number' ? cur + r.pick([1, -1, 7, -cur, 1e9, 0.5]) : r.int(100);
  else if (choice === 3) parent[key] = r.pick(['', 'Dense', 'relu', 'float64', 'x'.repeat(50), 'InputLayer']);
  else if (choice === 4) parent[key] = [r.int(5), r.int(5)];
  else if (choice === 5) parent[key] = { class_name: r.pick(['Dense', 'Unknown', '__keras_tensor__']), config: {} };
  else if (choice === 6 && Array.isArray(cur)) parent[key] = cur.slice(0, -1);
  else parent[key] = Array.isArray(cur) ? [...cur, ...cur] : typeof cur === 'string' ? cur.slice(1) : -1;
  return root;
}

/** Rewrites digits inside the JSON text that sits in an HDF5 attribute (same length, so offsets stay valid). */
function mutateEmbeddedDigits(b: Uint8Array, r: Rng): Uint8Array {
  const out = b.slice();
  const text = new TextDecoder('latin1').decode(out);
  const at = text.indexOf('"units": ');
  if (at < 0) return flip(b, r);
  const digits: number[] = [];
  for (let i = at; i < Math.min(out.length, at + 4000); i++) if (out[i] >= 0x30 && out[i] <= 0x39) digits.push(i);
  for (let k = 0; k < 1 + r.int(3); k++) out[r.pick(digits)] = 0x30 + r.int(10);
  return out;
}

const enc = (x: unknown) => strToU8(JSON.stringify(x));
const dec = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b));

type Maker = (r: Rng) => FileLike[];

function makers(): Record<string, Maker> {
  const keras = read('keras3-iris-dropout/iris_model.keras');
  const kerasEntries = unzipSync(keras);
  const h5k2 = read('keras2-iris-sigmoid16/iris_model.h5');
  const h5k3 = read('keras3-iris-dropout/iris_model.h5');
  const tfjsJson = read('tfjs-iris-dense100/model.json');
  const tfjsBin = read('tfjs-iris-dense100/group1-shard1of1.bin');
  const brokenJson = read('keras3-tfjs-json-broken/model.json');
  const brokenBin = read('keras3-tfjs-json-broken/group1-shard1of1.bin');
  const rezip = (edit: Partial<Record<string, Uint8Array | null>>) => {
    const e: Record<string, Uint8Array> = { ...kerasEntries };
    for (const [k, v] of Object.entries(edit)) v === null ? delete e[k] : (e[k] = v!);
    return zipSync(e);
  };
  return {
    'keras truncated': (r) => [{ name: 'm.keras', bytes: truncate(keras, r) }],
    'keras bytes flipped': (r) => [{ name: 'm.keras', bytes: flip(keras, r) }],
    'keras config field changed': (r) => [{ name: 'm.keras', bytes: rezip({ 'config.json': enc(mutateJson(dec(kerasEntries['config.json']), r)) }) }],
    'keras weights h5 flipped': (r) => [{ name: 'm.keras', bytes: rezip({ 'model.weights.h5': flip(kerasEntries['model.weights.h5'], r) }) }],
    'keras weights h5 truncated': (r) => [{ name: 'm.keras', bytes: rezip({ 'model.weights.h5': truncate(kerasEntries['model.weights.h5'], r) }) }],
    'keras entry missing': (r) => [{ name: 'm.keras', bytes: rezip({ [r.pick(['config.json', 'model.weights.h5', 'metadata.json'])]: null }) }],
    'keras2 h5 truncated': (r) => [{ name: 'm.h5', bytes: truncate(h5k2, r) }],
    'keras2 h5 flipped': (r) => [{ name: 'm.h5', bytes: flip(h5k2, r) }],
    'keras2 h5 config digits': (r) => [{ name: 'm.h5', bytes: mutateEmbeddedDigits(h5k2, r) }],
    'keras3 h5 flipped': (r) => [{ name: 'm.h5', bytes: flip(h5k3, r) }],
    'keras3 h5 truncated': (r) => [{ name: 'm.h5', bytes: truncate(h5k3, r) }],
    'keras3 h5 config digits': (r) => [{ name: 'm.h5', bytes: mutateEmbeddedDigits(h5k3, r) }],
    'tfjs json field changed': (r) => [{ name: 'model.json', bytes: enc(mutateJson(dec(tfjsJson), r)) }, { name: 'group1-shard1of1.bin', bytes: tfjsBin }],
    'tfjs json truncated': (r) => [{ name: 'model.json', bytes: truncate(tfjsJson, r) }, { name: 'group1-shard1of1.bin', bytes: tfjsBin }],
    'tfjs bin truncated or flipped': (r) => [{ name: 'model.json', bytes: tfjsJson }, { name: 'group1-shard1of1.bin', bytes: r.next() < 0.5 ? truncate(tfjsBin, r) : flip(tfjsBin, r) }],
    'keras3 tfjs json changed': (r) => [{ name: 'model.json', bytes: enc(mutateJson(dec(brokenJson), r)) }, { name: 'group1-shard1of1.bin', bytes: brokenBin }],
    'keras3 tfjs json flipped': (r) => [{ name: 'model.json', bytes: flip(brokenJson, r) }, { name: 'group1-shard1of1.bin', bytes: brokenBin }],
  };
}

type Outcome = 'opened' | 'refused' | 'other error' | 'timeout';

async function attempt(files: FileLike[]): Promise<{ outcome: Outcome; detail?: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ outcome: Outcome }>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'timeout' }), BUDGET_MS);
  });
  const run = openModelFiles(files).then(
    (b) => {
      b.model.dispose();
      return { outcome: 'opened' as Outcome };
    },
    (e) => (e instanceof ModelFileError ? { outcome: 'refused' as Outcome } : { outcome: 'other error' as Outcome, detail: `${e?.constructor?.name}: ${e?.message}` }),
  );
  const result = await Promise.race([run, timeout]);
  clearTimeout(timer);
  return result;
}

describe.skipIf(!HAVE)(`fuzzing the model loaders${FIX.skipNote}`, () => {
  it('1,000+ mutated files: each opens or is refused with a ModelFileError, none hangs', async () => {
    const all = makers();
    const names = Object.keys(all);
    const PER = 64; // 17 kinds x 64 = 1,088 cases
    const counts: Record<Outcome, number> = { opened: 0, refused: 0, 'other error': 0, timeout: 0 };
    const bad: string[] = [];
    for (const name of names) {
      for (let i = 0; i < PER; i++) {
        const seed = names.indexOf(name) * 1000 + i;
        const files = all[name](rng(seed));
        const { outcome, detail } = await attempt(files);
        counts[outcome]++;
        if (outcome === 'other error' || outcome === 'timeout') bad.push(`${name} #${i} (seed ${seed}): ${outcome} ${detail ?? ''}`);
      }
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(bad).toEqual([]);
    // the fuzz really exercises both paths
    expect(counts.refused).toBeGreaterThan(300);
    expect(counts.opened).toBeGreaterThan(50);
  }, 120_000);
});
