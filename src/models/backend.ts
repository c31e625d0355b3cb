/**
 * The tfjs backend for the trace and inference: wasm (XNNPACK with SIMD, one thread) where it
 * starts, else cpu, with no error either way. Without a GPU, Chromium runs WebGL in software
 * (SwiftShader) and tfjs' default webgl backend is about 14x slower than cpu there, so webgl is
 * never registered. wasm runs a photo CNN's Conv2D about 10-20x faster than cpu; it has no
 * Conv2DBackpropFilter, so training never runs on it (the training engines are Layer Lens' own,
 * and the tfjs oracle engine runs in the worker, on cpu).
 */
import { loadWasmBackend, tf } from './tf';
import { modelsTrain } from '../i18n/messages/models-train';

export type InferenceBackend = 'wasm' | 'cpu';

/**
 * Selects the wasm backend (or cpu, when `prefer` is 'cpu' or wasm cannot start) and returns the
 * name to show, e.g. "tfjs wasm" or "tfjs cpu".
 */
export async function initInferenceBackend(prefer: InferenceBackend = 'wasm'): Promise<string> {
  if (prefer === 'wasm' && (await tryWasm())) return `tfjs ${tf.getBackend()}`;
  const ok = await tf.setBackend('cpu');
  if (!ok) throw new Error(modelsTrain.engines.cpuFailed);
  await tf.ready();
  return `tfjs ${tf.getBackend()}`;
}

async function tryWasm(): Promise<boolean> {
  try {
    await loadWasmBackend();
    if (!(await tf.setBackend('wasm'))) return false;
    await tf.ready();
    // One small op proves the module runs (a .wasm that failed to load rejects or throws here).
    const probe = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).dataSync());
    return tf.getBackend() === 'wasm' && probe[0] === 4 && probe[1] === 6;
  } catch {
    return false;
  }
}
