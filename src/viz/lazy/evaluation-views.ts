/** What `loadEvaluationViews` brings. */
export { default as ConfusionMatrix } from '../image/ConfusionMatrix.svelte';
export { default as MistakesGallery } from '../image/MistakesGallery.svelte';
