/**
 * The whole-model and trace exports (.npz and its zip writer, the TensorFlow.js files, the Python
 * script) load when one of them is asked for, not with the page.
 */
import { lazyLoad } from '../../i18n/messages/lazy-load';
import { lazy } from './load';

export const loadExports = lazy(() => lazyLoad.exports, () => import('./export-files'));
export type ExportMakers = Awaited<ReturnType<typeof loadExports>>;
