/**
 * The inference backend: tfjs' wasm backend (SIMD) where it starts, cpu with no error where it does
 * not; a trace on wasm agrees with the plain-TypeScript references (the check of every step).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import * as tfModule from '../../src/models/tf';
import { initInferenceBackend } from '../../src/models/backend';
import { createTracer } from '../../src/inspector/trace';
import { traceCheck } from '../../src/inspector/check';

afterEach(() => vi.restoreAllMocks());

describe('initInferenceBackend', () => {
  it('runs on wasm with SIMD when it loads', async () => {
    expect(await initInferenceBackend()).toBe('tfjs wasm');
    expect(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')).toBe(true);
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('falls back to cpu, without an error, when the wasm module cannot load', async () => {
    await tf.setBackend('cpu');
    vi.spyOn(tfModule, 'loadWasmBackend').mockRejectedValue(new Error('failed to fetch tfjs-backend-wasm-simd.wasm'));
    expect(await initInferenceBackend()).toBe('tfjs cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('falls back to cpu when tfjs cannot start the wasm backend', async () => {
    await tf.setBackend('cpu');
    const engine = tf.engine();
    const original = engine.setBackend.bind(engine);
    vi.spyOn(engine, 'setBackend').mockImplementation(async (name: string) => (name === 'wasm' ? false : original(name)));
    expect(await initInferenceBackend()).toBe('tfjs cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('a photo-sized CNN traced on wasm', () => {
  it('matches the references of every step (strides, same padding, dilation, pooling, BatchNormalization)', async () => {
    expect(await initInferenceBackend()).toBe('tfjs wasm');
    const model = tfl.sequential({
      layers: [
        tfl.layers.rescaling({ scale: 1 / 255, inputShape: [37, 41, 3] }),
        tfl.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', seed: 1 } as never),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
        tfl.layers.batchNormalization(),
        tfl.layers.conv2d({ filters: 6, kernelSize: 3, dilationRate: 2, padding: 'same' }),
        tfl.layers.averagePooling2d({ poolSize: 2 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const photo = Array.from({ length: 37 * 41 * 3 }, (_, i) => (i * 37) % 256);
    const trace = createTracer(model)(photo);
    const check = traceCheck(trace);
    expect(check.failed).toEqual([]);
    expect(check.pending).toEqual([]);
    expect(check.checked).toHaveLength(9);
    expect(check.ok).toBe(true);
    // wasm (XNNPACK) sums in another order than the float32 reference: close, not bit-equal.
    expect(trace.maxAbsDiff).toBeLessThan(1e-5);
    // The captured values are the trace's own: another trace (another input) leaves them as they were.
    const kept = trace.values.map((v) => v.values.slice());
    createTracer(model)(photo.map((v) => 255 - v));
    trace.values.forEach((v, i) => expect(v.values).toEqual(kept[i]));
    model.dispose();
    await tf.setBackend('cpu');
  });
});
