import type { SignedScale } from '../colour';
import type { MatrixLayout } from './matrix-layout';

/** Props shared by the matrix views. */
export interface MatrixTensor {
  shape: number[];
  values: Float32Array;
}

export interface Cell {
  row: number;
  col: number;
}

export interface MatrixHighlight {
  row?: number;
  col?: number;
}

/** One edge of the neuron diagram: unit `from` of the layer's input to unit `to` of its output. */
export interface Edge {
  /** The Dense layer's name, e.g. "dense". */
  layer: string;
  /** The trace step index of that layer. */
  step: number;
  from: number;
  to: number;
  weight: number;
}

/** The form values of the train panel. */
export interface TrainPanelConfig {
  epochs: number;
  learningRate: number;
  hiddenUnits: number;
  seed: number;
}

/** What both renderings of a matrix (table and canvas heatmap) get from Matrix.svelte. */
export interface MatrixViewProps {
  tensor: MatrixTensor;
  layout: MatrixLayout;
  title: string;
  colour: SignedScale;
  digits: number;
  highlight: MatrixHighlight | null;
  onhover?: (cell: Cell | null) => void;
  onselect?: (cell: Cell) => void;
}
