/** Parts of the app that load on demand (src/viz/lazy): their names and the message when one cannot load. */
import { defineMessages } from '../define';

export const lazyLoad = defineMessages(
  'lazy-load',
  {
    failed: (what: string) => `Layer Lens could not load ${what}. Check the connection and try again, or reload the page.`,
    convViews: 'the convolution views',
    engine: 'TensorFlow.js',
    exports: 'the exports',
    formats: 'the part that reads and writes model files',
    modelStore: 'the model library',
    photoTraining: '“Train on your photos”',
    imageInput: 'the image input',
    evaluationViews: 'the evaluation views',
    regressionViews: 'the regression views',
  },
  {
    failed: (what) => `Layer Lens konnte ${what} nicht laden. Bitte die Verbindung prüfen und es erneut versuchen oder die Seite neu laden.`,
    convViews: 'die Ansichten der Faltung',
    engine: 'TensorFlow.js',
    exports: 'die Exporte',
    formats: 'den Teil zum Lesen und Schreiben von Modelldateien',
    modelStore: 'die Modellbibliothek',
    photoTraining: '„Mit eigenen Fotos trainieren“',
    imageInput: 'die Bildeingabe',
    evaluationViews: 'die Ansichten der Auswertung',
    regressionViews: 'die Ansichten der Regression',
  },
);
