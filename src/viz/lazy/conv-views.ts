/** What `loadConvViews` brings. */
export { default as ConvOverview } from '../conv/ConvOverview.svelte';
export { default as ConvArithmetic } from '../conv/ConvArithmetic.svelte';
export { default as PoolArithmetic } from '../conv/PoolArithmetic.svelte';
export { default as BatchNormArithmetic } from '../conv/BatchNormArithmetic.svelte';
export { default as FeatureMapGrid } from '../conv/FeatureMapGrid.svelte';
export { default as KernelUnitImage } from '../image/KernelUnitImage.svelte';
