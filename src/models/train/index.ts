/** Training with Keras' fit semantics: the public door to src/models/train. */
export { train, chooseEngine, type TrainOptions } from './train';
export { startTraining, createTrainingClient, type TrainingRun, type TrainingClient } from './client';
export { splitRows, batchRanges, type Split } from './split';
export { FAST_ENGINE_LABEL } from './engine';
export { predictRows } from './forward';
