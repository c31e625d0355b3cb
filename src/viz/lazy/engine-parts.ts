/** What `loadEngine` brings: everything AppState calls that runs on tfjs. */
export { buildModel, getWeights, setWeights } from '../../models/recipes';
export { initInferenceBackend } from '../../models/backend';
export { createTracer, completeChecks, withStepsChecked } from '../../inspector/trace';
export { evaluateModel, evaluateRecipe } from '../../models/evaluate';
