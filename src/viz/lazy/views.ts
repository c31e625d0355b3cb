/**
 * Views only some models need load when such a model is on screen, not with the page: for image
 * models the drawing pad, test image picker and photo input, and an evaluation's confusion matrix
 * and mistakes gallery; for a course that predicts a value (housing) its regression views.
 */
import { lazy } from './load';

export const loadImageInput = lazy('the image input', () => import('../sections/ImageInputPanel.svelte'));
export const loadEvaluationViews = lazy('the evaluation views', () => import('./evaluation-views'));
export const loadRegressionViews = lazy('the regression views', () => import('../regression/RegressionSection.svelte'));
