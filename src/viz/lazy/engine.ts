/**
 * TensorFlow.js and what runs on it (building a course's tfjs model, the trace, evaluate) load
 * beside the page, not in front of it: the page's shell paints while they arrive, and AppState's
 * init waits for them before the first model is shown.
 */
import { lazy } from './load';

export const loadEngine = lazy('TensorFlow.js', () => import('./engine-parts'));
export type Engine = Awaited<ReturnType<typeof loadEngine>>;
