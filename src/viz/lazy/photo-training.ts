/** "Train on your photos" (its panel, the folder reading and the training client) loads on demand. */
import { lazyLoad } from '../../i18n/messages/lazy-load';
import { lazy } from './load';

export const loadPhotoTraining = lazy(() => lazyLoad.photoTraining, () => import('../training/PhotoFolderTraining.svelte'));
