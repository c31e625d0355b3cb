/**
 * The convolution views (the feature-map overview of an image network; the arithmetic of Conv2D,
 * pooling and BatchNormalization) load when a model with such layers is on screen, not with the page.
 */
import { lazy } from './load';

export const loadConvViews = lazy('the convolution views', () => import('./conv-views'));
