/**
 * The reusable views. Each takes plain data (Tensor, Trace, EpochLog) as props and reports user
 * intent through callback props; none imports tfjs.
 */
export { default as Matrix } from './Matrix.svelte';
export { default as ColourLegend } from './ColourLegend.svelte';
export { default as NeuronDiagram } from './NeuronDiagram.svelte';
export { default as TrainingCurves } from './TrainingCurves.svelte';
export { default as LineChart } from './LineChart.svelte';
export { default as ProbabilityBars } from './ProbabilityBars.svelte';
export { default as LayerStepper } from './LayerStepper.svelte';
export { default as TrainPanel } from './TrainPanel.svelte';
export type { Cell, Edge, MatrixHighlight, MatrixTensor, TrainPanelConfig } from './types';
export type { StepperStep } from './stepper';
export { stepperItems, stepperKey, isTypingTarget } from './stepper';
export { COURSE_DEFAULTS, parseConfig } from './train-config';
export { CANVAS_THRESHOLD, matrixLayout } from './matrix-layout';
export { NODE_CAP, neuronLayout } from './neuron-layout';
export { formatNumber, formatPercent, formatShape, formatTimeLeft, MISSING } from './format';
