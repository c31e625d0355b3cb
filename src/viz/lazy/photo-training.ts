/** "Train on your photos" (its panel, the folder reading and the training client) loads on demand. */
import { lazy } from './load';

export const loadPhotoTraining = lazy('“Train on your photos”', () => import('../training/PhotoFolderTraining.svelte'));
