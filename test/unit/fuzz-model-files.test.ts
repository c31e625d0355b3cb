/**
 * Fuzz: mutated versions of the fixture files (truncated, bytes flipped, JSON fields and shapes
 * changed, inside and outside the zip, Iris models and a real MNIST CNN), drawn until at least
 * 1,000 DIFFERENT inputs (by SHA-256 of names and bytes) have been tried. Each must
 *  - open, and then trace on a zero input to finite values (or be refused by the trace in words), or
 *  - be refused with a ModelFileError whose message names the problem in the user's words: never a
 *    JavaScript-internal text ("Offset is outside the bounds of the DataView", "undefined is not
 *    iterable", ...), never the last-resort "cannot explain" message (a loader bug), never the text
 *    of a JavaScript engine error kept as its cause;
 *  - and never hang (each gets a time budget via Promise.race).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { openModelFiles, ModelFileError, UNEXPECTED, type FileLike } from '../../src/models/formats';
import { createTracer } from '../../src/inspector/trace';
import { buildModel } from '../../src/models/formats/build-model';
import { toTfjsModelConfig } from '../../src/models/formats/keras3-config';
import { modelToArtifacts } from '../../src/models/formats/artifacts';
import type { LayersModel } from '../../src/models/tf';
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

/** A fixed date in the zip entries: the same mutant gives the same bytes (and hash) on every run. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');
const enc = (x: unknown) => strToU8(JSON.stringify(x));
const dec = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b));

type Maker = (r: Rng) => FileLike[];

/** A Keras 2 style layer entry of a functional config. */
const node = (class_name: string, name: string, config: object, from: [string, number][]) => ({
  class_name, name, config: { name, ...config }, inbound_nodes: [from.map(([l, k]) => [l, k, 0, {}])],
});

/**
 * A small image network shaped like keras.io's "image classification from scratch", as a tfjs
 * model.json + shard: a nested augmentation Sequential called as node 1 (Keras 2), Rescaling,
 * Conv2D, BatchNormalization (axis [3]), SeparableConv2D with the kernel_* keys Keras writes,
 * MaxPooling 'same', a 1x1 stride-2 residual Add, GlobalAveragePooling2D, Dense with an L2
 * regularizer. Its config is what the JSON mutations below change.
 */
async function smallImageNet(): Promise<{ json: Uint8Array; bin: Uint8Array }> {
  const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
  const topology = {
    class_name: 'Functional',
    config: {
      name: 'model',
      layers: [
        { class_name: 'InputLayer', name: 'input_1', config: { name: 'input_1', batch_input_shape: [null, 8, 8, 3], dtype: 'float32' }, inbound_nodes: [] },
        node('Sequential', 'sequential', { layers: [
          { class_name: 'InputLayer', config: { name: 'random_flip_input', batch_input_shape: [null, 8, 8, 3] } },
          { class_name: 'RandomFlip', config: { name: 'random_flip', mode: 'horizontal', seed: null } },
          { class_name: 'RandomRotation', config: { name: 'random_rotation', factor: 0.1, fill_mode: 'reflect' } },
        ] }, [['input_1', 0]]),
        node('Rescaling', 'rescaling', { scale: 1 / 255, offset: 0 }, [['sequential', 1]]),
        node('Conv2D', 'conv2d', { filters: 4, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu', groups: 1, kernel_initializer: glorot }, [['rescaling', 0]]),
        node('BatchNormalization', 'batch_normalization', { axis: [3], momentum: 0.99, epsilon: 0.001 }, [['conv2d', 0]]),
        node('SeparableConv2D', 'separable_conv2d', { filters: 4, kernel_size: [3, 3], padding: 'same', depth_multiplier: 1, kernel_initializer: glorot, kernel_regularizer: null, kernel_constraint: null, depthwise_initializer: glorot, pointwise_initializer: glorot }, [['batch_normalization', 0]]),
        node('MaxPooling2D', 'max_pooling2d', { pool_size: [3, 3], strides: [2, 2], padding: 'same' }, [['separable_conv2d', 0]]),
        node('Conv2D', 'conv2d_1', { filters: 4, kernel_size: [1, 1], strides: [2, 2], padding: 'same' }, [['batch_normalization', 0]]),
        node('Add', 'add', {}, [['max_pooling2d', 0], ['conv2d_1', 0]]),
        node('GlobalAveragePooling2D', 'global_average_pooling2d', { data_format: 'channels_last' }, [['add', 0]]),
        node('Dense', 'dense', { units: 1, activation: 'sigmoid', kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } } }, [['global_average_pooling2d', 0]]),
      ],
      input_layers: [['input_1', 0, 0]],
      output_layers: [['dense', 0, 0]],
    },
  };
  const model = await buildModel(toTfjsModelConfig(topology));
  const a = await modelToArtifacts(model);
  model.dispose();
  const json = { format: 'layers-model', modelTopology: { keras_version: '2.4.0', backend: 'tensorflow', model_config: topology }, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: a.weightSpecs }] };
  return { json: enc(json), bin: new Uint8Array(a.weightData) };
}

function makers(imageNet: { json: Uint8Array; bin: Uint8Array }): Record<string, Maker> {
  const keras = read('keras3-iris-dropout/iris_model.keras');
  const kerasEntries = unzipSync(keras);
  const h5k2 = read('keras2-iris-sigmoid16/iris_model.h5');
  const h5k3 = read('keras3-iris-dropout/iris_model.h5');
  const tfjsJson = read('tfjs-iris-dense100/model.json');
  const tfjsBin = read('tfjs-iris-dense100/group1-shard1of1.bin');
  const brokenJson = read('keras3-tfjs-json-broken/model.json');
  const brokenBin = read('keras3-tfjs-json-broken/group1-shard1of1.bin');
  const mnist = read('keras3-mnist-cnn-bn/mnist_model.keras');
  const mnistEntries = unzipSync(mnist);
  const mnistConfig = dec(mnistEntries['config.json']);
  const ecg = read('keras3-h5-ecg-conv1d/ecg_model.h5');
  const rezip = (edit: Partial<Record<string, Uint8Array | null>>) => {
    const e: Record<string, Uint8Array> = { ...kerasEntries };
    for (const [k, v] of Object.entries(edit)) v === null ? delete e[k] : (e[k] = v!);
    return zipSync(e, { mtime: ZIP_TIME });
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
    'mnist cnn config field changed': (r) => [{ name: 'm.keras', bytes: zipSync({ ...mnistEntries, 'config.json': enc(mutateJson(mnistConfig, r)) }, { level: 0, mtime: ZIP_TIME }) }],
    'ecg h5 truncated': (r) => [{ name: 'ecg.h5', bytes: truncate(ecg, r) }],
    'ecg h5 config digits': (r) => [{ name: 'ecg.h5', bytes: mutateEmbeddedDigits(ecg, r) }],
    'image net json changed': (r) => [{ name: 'model.json', bytes: enc(mutateJson(dec(imageNet.json), r)) }, { name: 'group1-shard1of1.bin', bytes: imageNet.bin }],
    'image net shard flipped': (r) => [{ name: 'model.json', bytes: imageNet.json }, { name: 'group1-shard1of1.bin', bytes: flip(imageNet.bin, r) }],
    'keras3 tfjs json flipped': (r) => [{ name: 'model.json', bytes: flip(brokenJson, r) }, { name: 'group1-shard1of1.bin', bytes: brokenBin }],
  };
}


/** How often each kind is drawn (the MNIST CNN and the ECG file are large: opening them is slow). */
const WEIGHT: Record<string, number> = { 'image net json changed': 3, 'mnist cnn config field changed': 0.4, 'ecg h5 truncated': 0.15, 'ecg h5 config digits': 0.25 };

/** Written here, independently of the loaders: texts of JavaScript's and libraries' internals. */
const RAW = [
  'outside the bounds', 'is not iterable', 'Cannot read propert', 'is not a function', 'is not defined', 'undefined',
  '(reading', 'Invalid typed array length', 'Invalid array length', 'Maximum call stack', 'Unexpected token',
  'Unexpected end of JSON', 'Array buffer allocation', '[object ', 'NaN', 'TypeError', 'RangeError', 'DataView',
];

/** Why a refusal's message is not in the user's words, or null when it is. */
export function rawReason(err: ModelFileError): string | null {
  const hit = RAW.find((t) => err.message.includes(t));
  if (hit) return `shows the internal text "${hit}"`;
  if (err.message.startsWith(UNEXPECTED)) return 'is the last-resort message: no loader explained the failure';
  const cause = err.cause;
  const engine = cause instanceof TypeError || cause instanceof RangeError || cause instanceof ReferenceError || cause instanceof SyntaxError;
  if (engine && cause.message && err.message.includes(cause.message)) return `quotes the ${cause.name} underneath ("${cause.message}")`;
  // a JavaScript error underneath and a message that names no file, layer or setting: an unexplained loader bug
  if (engine && !/"[^"]+"/.test(err.message)) return `hides a ${cause.name} ("${cause.message}") behind a message that names nothing`;
  if (err.message.trim().length < 20) return 'says too little';
  return null;
}

type Outcome = 'traced' | 'trace refused' | 'refused' | 'bad';

/** Opens the files; if they open, traces the model on a zero input. */
async function attempt(files: FileLike[]): Promise<{ outcome: Outcome; detail?: string; cause?: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ outcome: Outcome; detail: string }>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'bad', detail: `no answer within ${BUDGET_MS} ms` }), BUDGET_MS);
  });
  const run = openModelFiles(files).then(
    (b) => {
      try {
        return traceZero(b.model);
      } finally {
        b.model.dispose();
      }
    },
    (e) => {
      if (!(e instanceof ModelFileError)) return { outcome: 'bad' as Outcome, detail: `not a ModelFileError: ${e?.constructor?.name}: ${e?.message}` };
      const why = rawReason(e);
      if (process.env.FUZZ_LOG) console.log(`[refusal] ${e.message} <<CAUSE ${e.cause instanceof Error ? `${e.cause.name}: ${e.cause.message.slice(0, 160)}` : ""}>>`);
      return why ? { outcome: 'bad' as Outcome, detail: `refusal "${e.message}" ${why}` } : { outcome: 'refused' as Outcome, cause: e.cause };
    },
  );
  const result = await Promise.race([run, timeout]);
  clearTimeout(timer);
  return result;
}

function traceZero(model: LayersModel): { outcome: Outcome; detail?: string } {
  let trace;
  try {
    const width = (model.inputs[0]?.shape ?? []).slice(1).reduce<number>((a, d) => a * (d ?? 1), 1);
    trace = createTracer(model)(new Float32Array(width));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const hit = RAW.find((t) => msg.includes(t));
    return hit || !(e instanceof Error) ? { outcome: 'bad', detail: `the trace failed with "${msg}"` } : { outcome: 'trace refused' };
  }
  const bad = trace.values.findIndex((v) => v.values.some((x) => !Number.isFinite(x)));
  return bad >= 0 ? { outcome: 'bad', detail: `opened, but values_${bad} of the trace on a zero input is not finite` } : { outcome: 'traced' };
}

function hashOf(files: FileLike[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.name).update('\0').update(f.bytes).update('\0');
  return h.digest('hex');
}

const DISTINCT = 1_000;

describe.skipIf(!HAVE)(`fuzzing the model loaders${FIX.skipNote}`, () => {
  it('1,000+ different mutated files: each opens and traces to finite values, or is refused in words; none hangs', async () => {
    const net = await smallImageNet();
    const clean = await attempt([{ name: 'model.json', bytes: net.json }, { name: 'group1-shard1of1.bin', bytes: net.bin }]);
    expect(clean.outcome, 'the unmutated image network opens and traces').toBe('traced');
    const all = makers(net);
    const names = Object.keys(all);
    const weights = names.map((n) => WEIGHT[n] ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const only = process.env.FUZZ_ONLY?.match(/^(.+):(\d+)$/); // replay one case: FUZZ_ONLY="kind:seed"
    if (only) {
      const files = all[only[1]](rng(Number(only[2])));
      if (process.env.FUZZ_DUMP) files.forEach((f) => writeFileSync(join(process.env.FUZZ_DUMP!, f.name), f.bytes));
      const out = await attempt(files);
      console.log(`[replay] ${JSON.stringify(out)}`);
      return;
    }
    const master = rng(20261127);
    const pickKind = () => {
      let x = master.next() * total;
      for (let i = 0; i < names.length; i++) if ((x -= weights[i]) < 0) return names[i];
      return names[names.length - 1];
    };
    const seen = new Set<string>();
    const counts: Record<Outcome, number> = { traced: 0, 'trace refused': 0, refused: 0, bad: 0 };
    const perKind: Record<string, number> = {};
    const bad: string[] = [];
    let draws = 0;
    let truncationCauses = 0;
    while (seen.size < DISTINCT && draws < DISTINCT * 4) {
      draws++;
      const kind = pickKind();
      const seed = master.int(2 ** 31);
      const files = all[kind](rng(seed));
      const hash = hashOf(files);
      if (seen.has(hash)) continue;
      seen.add(hash);
      perKind[kind] = (perKind[kind] ?? 0) + 1;
      if (process.env.FUZZ_LOG) process.stderr.write(`[try] ${kind} seed ${seed}\n`);
      const { outcome, detail, cause } = await attempt(files);
      counts[outcome]++;
      if (cause instanceof RangeError) truncationCauses++;
      if (outcome === 'bad') bad.push(`${kind} (seed ${seed}): ${detail}`);
    }
    console.log(`[fuzz] ${seen.size} distinct inputs in ${draws} draws: ${JSON.stringify(counts)}; per kind ${JSON.stringify(perKind)}`);
    expect(seen.size).toBeGreaterThanOrEqual(DISTINCT);
    expect(bad).toEqual([]);
    // both paths are really exercised, every kind is drawn, and the error underneath is kept
    expect(counts.refused).toBeGreaterThan(300);
    expect(counts.traced).toBeGreaterThan(50);
    expect(Object.keys(perKind).sort()).toEqual([...names].sort());
    expect(truncationCauses).toBeGreaterThan(10);
  }, 600_000);

  it('cases the fuzz once found stay fixed', async () => {
    const all = makers(await smallImageNet());
    const found: [string, number, RegExp][] = [
      // a flipped dataspace byte made jsfive allocate 2,147,483,652 attribute values: out of memory
      ['keras2 h5 flipped', 1110718875, /"m\.h5" ends before the HDF5 data it promises \(cannot read the attributes of "model_weights"\)/],
      // a layer's config replaced by a number: tfjs failed with a TypeError
      ['image net json changed', 1753670554, /Layer number \d+ \(\w+\) has settings that are not a list of named values/],
      // a flipped sign bit in a moving variance: the trace gave NaN
      ['image net shard flipped', 1466378473, /moving variance holds -[\d.e+-]+ .*never negative|far beyond any trained weight/],
    ];
    for (const [kind, seed, message] of found) {
      const err = await openModelFiles(all[kind](rng(seed))).then((b) => (b.model.dispose(), null), (e) => e);
      expect(err, `${kind} ${seed}`).toBeInstanceOf(ModelFileError);
      expect(err.message).toMatch(message);
    }
  });

  it('the check catches a raw message: a refusal that shows internals or the last resort is flagged', () => {
    expect(rawReason(new ModelFileError('"m.h5" is damaged (Offset is outside the bounds of the DataView).'))).toMatch(/outside the bounds/);
    expect(rawReason(new ModelFileError(`${UNEXPECTED}.`, null, { cause: new TypeError('x') }))).toMatch(/last-resort/);
    const cause = new TypeError('foo is not a thing');
    expect(rawReason(new ModelFileError('The model could not be built (foo is not a thing).', null, { cause }))).toMatch(/quotes the TypeError/);
    expect(rawReason(new ModelFileError('TensorFlow.js could not build the model from its configuration.', null, { cause: new TypeError('name.match is not a function') }))).toMatch(/names nothing/);
    expect(rawReason(new ModelFileError('"m.h5" ends before the HDF5 data it promises: it is truncated or damaged.', null, { cause: new RangeError('Offset is outside the bounds of the DataView') }))).toBeNull();
  });
});
