/**
 * Views only image models need (the drawing pad, test image picker and photo input; the confusion
 * matrix and mistakes gallery of an evaluation) load when such a model is on screen, not with the page.
 */
import { lazy } from './load';

export const loadImageInput = lazy('the image input', () => import('../sections/ImageInputPanel.svelte'));
export const loadEvaluationViews = lazy('the evaluation views', () => import('./evaluation-views'));
