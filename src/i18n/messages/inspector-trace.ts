/**
 * What the trace says when it cannot run (src/inspector/trace.ts) and the layer references'
 * common complaints (src/inspector/layers/util.ts).
 */
import { defineMessages } from '../define';

export const inspectorTrace = defineMessages(
  'inspector-trace',
  {
    noInputShape: 'The model has no input shape yet: give its first layer an input shape (or build it) before tracing.',
    oneInput: (count: number) => `The trace supports models with one input; this model has ${count}.`,
    unknownSize: (dims: string) => `The model's input shape (None, ${dims}) has an unknown size.`,
    scalerSize: (scaler: number, input: number) => `The scaler has ${scaler} features, the input ${input}.`,
    inputSize: (expected: number, got: number) => `The model expects ${expected} input values, got ${got}.`,
    notFinite: 'The input contains a value that is not a finite number.',
    layerInputs: (layer: string, expected: number, got: number) => `${layer} expects ${expected} input(s), got ${got}`,
  },
  {
    noInputShape:
      'Das Modell hat noch keine Eingabeform: Bitte der ersten Schicht eine Eingabeform geben (oder das Modell bauen), bevor es Schicht für Schicht durchlaufen wird.',
    oneInput: (count) => `Der Durchlauf Schicht für Schicht unterstützt Modelle mit einer Eingabe; dieses Modell hat ${count}.`,
    unknownSize: (dims) => `Die Eingabeform des Modells (None, ${dims}) hat eine unbekannte Größe.`,
    scalerSize: (scaler, input) => `Der Scaler hat ${scaler} Merkmale, die Eingabe ${input}.`,
    inputSize: (expected, got) => `Das Modell erwartet ${expected} Eingabewerte, erhalten hat es ${got}.`,
    notFinite: 'Die Eingabe enthält einen Wert, der keine endliche Zahl ist.',
    layerInputs: (layer, expected, got) => `${layer} erwartet ${expected} ${expected === 1 ? 'Eingabe' : 'Eingaben'}, erhalten hat es ${got}`,
  },
);
