/**
 * The one door to TensorFlow.js. Every module that needs tfjs imports it from here, so the
 * choice of packages is made in one place: core + layers + the cpu backend, and the wasm backend
 * (XNNPACK, SIMD, one thread) loaded on demand by `loadWasmBackend` for inference. No webgl: it
 * runs in software on machines without a GPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
// The wasm backend's three binaries, shipped by Vite as assets of the build (no CDN). tfjs picks
// one at run time; setWasmPaths wants all three names even though threads stay off.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export { tf, tfl };
export type LayersModel = tfl.LayersModel;
export type Layer = tfl.layers.Layer;

/**
 * Loads and registers tfjs' wasm backend (its JavaScript is a separate chunk, its .wasm files
 * assets of the build), single-threaded: threaded wasm breaks in a minified Vite build. In a
 * browser the .wasm files come from the build; in Node the package finds its own files.
 * Rejects when the module cannot load; selecting the backend is the caller's part.
 */
export async function loadWasmBackend(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // the flag exists once the module has loaded
  if (typeof document !== 'undefined' || typeof WorkerGlobalScope !== 'undefined') {
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
  }
}
