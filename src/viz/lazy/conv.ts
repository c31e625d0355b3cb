/**
 * The picture views of image networks (feature-map grids, a Dense unit's weights as a picture, the
 * overview of stacked feature maps; the arithmetic of Conv2D, pooling and BatchNormalization) load
 * when a model with such layers is on screen, not with the page.
 */
import { lazyLoad } from '../../i18n/messages/lazy-load';
import { lazy } from './load';

export const loadConvViews = lazy(() => lazyLoad.convViews, () => import('./conv-views'));
