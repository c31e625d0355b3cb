/** Models kept in IndexedDB (fake-indexeddb in Node): save, list, reopen after a "reload", rename, delete. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { tf, tfl, type LayersModel } from '../../src/models/tf';
import { ModelStore, ModelStoreError } from '../../src/models/store/model-store';
import { openModelFiles } from '../../src/models/formats';
import type { ModelBundle } from '../../src/models/types';
import { fixtures } from '../fixtures';

const FIX = fixtures('models');
const DIR = FIX.dir;

function bits(model: LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(new Uint32Array(Float32Array.from(w.dataSync()).buffer)));
}

function smallBundle(): ModelBundle {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 5, inputShape: [3], activation: 'relu', name: 'hidden' }), tfl.layers.dense({ units: 2, activation: 'softmax', name: 'out' })],
  });
  // awkward float32 values: subnormals, negative zero, extremes
  model.getLayer('hidden').setWeights([
    tf.tensor2d(Float32Array.from({ length: 15 }, (_, i) => (i === 3 ? -0 : i === 4 ? 1.4e-45 : Math.fround(Math.sin(i) * 1e3))), [3, 5]),
    tf.tensor1d(Float32Array.from([3.4028234663852886e38, -1, 0.1, 1e-7, 2])),
  ]);
  return {
    model,
    info: { title: 'Test net', featureNames: ['a', 'b', 'c'], classNames: ['no', 'yes'], scaler: { mean: [1, 2, 3], scale: [0.5, 1, 2] }, featureRanges: null },
  };
}

describe('ModelStore', () => {
  it('saves, lists, and reopens after a reload with bit-identical weights and the same info', async () => {
    const factory = new IDBFactory();
    const bundle = smallBundle();
    const store = await ModelStore.open(factory);
    const saved = await store.save('  My net  ', bundle, new Date('2026-01-02T03:04:05Z'));
    expect(saved.name).toBe('My net');
    expect(saved.paramCount).toBe(3 * 5 + 5 + 5 * 2 + 2);
    store.close();

    const reloaded = await ModelStore.open(factory); // a new page load: same database, fresh connection
    const list = await reloaded.list();
    expect(list).toEqual([saved]);
    const back = await reloaded.load(saved.id);
    expect(bits(back.model)).toEqual(bits(bundle.model));
    expect(back.info).toEqual(bundle.info);
    expect(back.model.layers.map((l) => l.name)).toEqual(['hidden', 'out']);
    const x = tf.tensor2d([[0.5, -1, 2]]);
    expect(Array.from((back.model.predict(x) as ReturnType<typeof tf.tensor2d>).dataSync())).toEqual(
      Array.from((bundle.model.predict(x) as ReturnType<typeof tf.tensor2d>).dataSync()),
    );
    reloaded.close();
  });

  it('lists newest first, renames and deletes', async () => {
    const store = await ModelStore.open(new IDBFactory());
    const a = await store.save('first', smallBundle(), new Date('2026-01-01T00:00:00Z'));
    const b = await store.save('second', smallBundle(), new Date('2026-01-03T00:00:00Z'));
    expect((await store.list()).map((s) => s.name)).toEqual(['second', 'first']);
    const renamed = await store.rename(a.id, 'renamed', new Date('2026-01-05T00:00:00Z'));
    expect(renamed.name).toBe('renamed');
    expect((await store.list()).map((s) => s.name)).toEqual(['renamed', 'second']);
    await store.delete(b.id);
    expect((await store.list()).map((s) => s.id)).toEqual([a.id]);
    await expect(store.load(b.id)).rejects.toThrow(/no longer exists/);
    await expect(store.rename(a.id, '   ')).rejects.toBeInstanceOf(ModelStoreError);
    await expect(store.save('', smallBundle())).rejects.toThrow('Give the model a name.');
    store.close();
  });

  it.skipIf(!FIX.present)(`keeps an opened Keras 3 model bit-identically${FIX.skipNote}`, async () => {
    const opened = await openModelFiles([{ name: 'iris_model.keras', bytes: new Uint8Array(readFileSync(join(DIR, 'keras3-iris-dropout/iris_model.keras'))) }]);
    const factory = new IDBFactory();
    const store = await ModelStore.open(factory);
    const saved = await store.save('iris', opened);
    store.close();
    const again = await (await ModelStore.open(factory)).load(saved.id);
    expect(bits(again.model)).toEqual(bits(opened.model));
    expect(again.model.layers.map((l) => l.getClassName())).toEqual(['Dense', 'Dropout', 'Dense', 'Dense']);
  });
});
