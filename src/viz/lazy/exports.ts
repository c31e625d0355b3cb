/**
 * The whole-model and trace exports (.npz and its zip writer, the TensorFlow.js files, the Python
 * script) load when one of them is asked for, not with the page.
 */
import { lazy } from './load';

export const loadExports = lazy('the exports', () => import('./export-files'));
export type ExportMakers = Awaited<ReturnType<typeof loadExports>>;
