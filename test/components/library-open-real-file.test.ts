/**
 * In Chromium, through the real loaders (fflate, jsfive, tfjs): a .keras written by our exporter is
 * picked in OpenModel, opens with bit-identical weights; a truncated copy shows a message.
 * (The shared fixtures lie outside Vite's allowed folders, so the browser test makes its own file;
 * the fixtures themselves are covered by the Node tests in test/unit/formats-*.test.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import OpenModel from '../../src/viz/library/OpenModel.svelte';
import { openModelFiles, type FileLike } from '../../src/models/formats';
import { exportKerasFile } from '../../src/models/formats/keras-export';
import type { ModelBundle } from '../../src/models/types';
import { tf, tfl } from '../../src/models/tf';

function course(): ModelBundle {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 8, inputShape: [4], activation: 'relu', name: 'dense' }),
      tfl.layers.dropout({ rate: 0.2, name: 'dropout' }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'dense_1' }),
    ],
  });
  return { model, info: { title: 'course', featureNames: ['a', 'b', 'c', 'd'], classNames: ['x', 'y', 'z'], scaler: null, featureRanges: null } };
}

const bits = (m: ModelBundle['model']) => m.getWeights().map((w) => Array.from(new Uint32Array(Float32Array.from(w.dataSync()).buffer)));

describe('opening a model file in the browser', () => {
  it('a picked .keras opens bit-identically; a truncated one shows a message and nothing opens', async () => {
    const original = course();
    const bytes = exportKerasFile(original);
    let opened: ModelBundle | null = null;
    const onopen = vi.fn(async (files: FileLike[]) => {
      opened = await openModelFiles(files);
    });
    const screen = await render(OpenModel, { onopen });
    const input = screen.getByLabelText('Open model file');
    await input.upload(new File([bytes.slice()], 'course.keras'));
    await vi.waitFor(() => expect(opened).not.toBeNull(), { timeout: 10_000 });
    const bundle = opened as unknown as ModelBundle;
    expect(bits(bundle.model)).toEqual(bits(original.model));
    expect(bundle.info.classNames).toEqual(['x', 'y', 'z']);
    const x = tf.tensor2d([[5.1, 3.5, 1.4, 0.2]]);
    expect(Array.from((bundle.model.predict(x) as typeof x).dataSync())).toEqual(Array.from((original.model.predict(x) as typeof x).dataSync()));

    opened = null;
    await input.upload(new File([bytes.slice(0, bytes.length >> 1)], 'course.keras'));
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/damaged or truncated/);
    expect(opened).toBeNull();
  });
});
