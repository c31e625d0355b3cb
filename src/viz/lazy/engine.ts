/**
 * TensorFlow.js and what runs on it (building a course's tfjs model, the trace, evaluate) load
 * beside the page, not in front of it: the page's shell paints while they arrive, and AppState's
 * init waits for them before the first model is shown.
 */
import { lazyLoad } from '../../i18n/messages/lazy-load';
import { lazy } from './load';

export const loadEngine = lazy(() => lazyLoad.engine, () => import('./engine-parts'));
export type Engine = Awaited<ReturnType<typeof loadEngine>>;
