/**
 * Views only some models need load when such a model is on screen, not with the page: for image
 * models the drawing pad, test image picker and photo input, and an evaluation's confusion matrix
 * and mistakes gallery; for a course that predicts a value (housing) its regression views.
 */
import { lazyLoad } from '../../i18n/messages/lazy-load';
import { lazy } from './load';

export const loadImageInput = lazy(() => lazyLoad.imageInput, () => import('../sections/ImageInputPanel.svelte'));
export const loadEvaluationViews = lazy(() => lazyLoad.evaluationViews, () => import('./evaluation-views'));
export const loadRegressionViews = lazy(() => lazyLoad.regressionViews, () => import('../regression/RegressionSection.svelte'));
