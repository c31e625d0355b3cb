/**
 * Pictures: a digit pad, tensors drawn as images, a Dense unit's weights as a picture, the
 * confusion matrix and the gallery of mistakes. Plain data in, user intent out through callbacks;
 * none imports tfjs or the app state.
 */
export { default as DigitCanvas } from './DigitCanvas.svelte';
export { default as ImageTensor } from './ImageTensor.svelte';
export { default as KernelUnitImage } from './KernelUnitImage.svelte';
export { default as ConfusionMatrix } from './ConfusionMatrix.svelte';
export { default as MistakesGallery } from './MistakesGallery.svelte';
export { default as Thumbnail } from './Thumbnail.svelte';
export { default as TestImagePicker } from './TestImagePicker.svelte';
export type { DrawnDigit, Mistake } from './types';
export type { ImageScale, PixelPoint } from './pixels';
export { paintPixels, kernelColumn, defaultRange } from './pixels';
export { inputPictureShape, densePictureShape } from './picture-shape';
export { readImageFile, FILE_MESSAGES } from './image-file';
