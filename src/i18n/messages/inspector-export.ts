/**
 * The user-visible words of the exports (src/inspector/export/*): the CSV dialects' names, the
 * notes beside the generated compile line, and errors. The generated files themselves (Python,
 * Keras code, CSV, JSON) stay as Python and Keras write them.
 */
import { defineMessages } from '../define';

export const inspectorExport = defineMessages(
  'inspector-export',
  {
    csvComma: 'Comma separator, decimal point (English Excel, Python, R)',
    csvSemicolon: 'Semicolon separator, decimal comma (German Excel)',
    optimizerNotWritten: (name: string) => `the optimizer ${name} is not written here`,
    scheduleNotWritten: 'its learning-rate schedule is not written here',
    noOptimizer: 'the file does not say which optimizer it was trained with',
    lossWeightsNotWritten: 'its loss weights are not written here',
    noInput: 'The trace has no input (values_0): nothing to reproduce.',
    notSizes: (what: string, shape: string) => `${what}: the shape [${shape}] is not a list of sizes`,
    sizeMismatch: (what: string, shape: string, expected: number, got: number) =>
      `${what}: the shape [${shape}] needs ${expected} values but there are ${got}`,
  },
  {
    csvComma: 'Komma als Trennzeichen, Dezimalpunkt (englisches Excel, Python, R)',
    csvSemicolon: 'Semikolon als Trennzeichen, Dezimalkomma (deutsches Excel)',
    optimizerNotWritten: (name) => `der Optimierer ${name} steht hier nicht`,
    scheduleNotWritten: 'der Zeitplan seiner Lernrate steht hier nicht',
    noOptimizer: 'die Datei sagt nicht, mit welchem Optimierer das Modell trainiert wurde',
    lossWeightsNotWritten: 'die Gewichtung der Loss-Anteile (loss_weights) steht hier nicht',
    noInput: 'Der Durchlauf hat keine Eingabe (values_0): Es gibt nichts nachzurechnen.',
    notSizes: (what, shape) => `${what}: Die Form [${shape}] ist keine Liste von Größen`,
    sizeMismatch: (what, shape, expected, got) => `${what}: Die Form [${shape}] braucht ${expected} Werte, es sind aber ${got}`,
  },
);
