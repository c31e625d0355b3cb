/**
 * The tfjs backend for the trace and inference: always 'cpu'. Without a GPU, Chromium runs WebGL
 * in software (SwiftShader) and tfjs' default webgl backend is about 14x slower than cpu there;
 * src/models/tf.ts registers only the cpu backend for the same reason.
 */
import { tf } from './tf';

/** Selects the cpu backend and returns the name to show, e.g. "tfjs cpu". */
export async function initInferenceBackend(): Promise<string> {
  const ok = await tf.setBackend('cpu');
  if (!ok) throw new Error('TensorFlow.js could not start its cpu backend.');
  await tf.ready();
  return `tfjs ${tf.getBackend()}`;
}
