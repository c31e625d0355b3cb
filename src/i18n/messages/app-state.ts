/**
 * What the app state says (src/viz/state/*): loading, errors, the model's title on screen, the
 * names of a picture's pixels, finished runs, where the Keras code comes from, the library's
 * availability.
 */
import { defineMessages } from '../define';
import { formatInteger, formatNumber } from '../format';

/** A setting as the user typed it (0.01, 0.001), shortest, in the language on screen ("0,01"). */
function short(x: number): string {
  return formatNumber(x, 6).replace(/([.,]\d*?)0+(?=e|$)/, '$1').replace(/[.,](?=e|$)/, '');
}

export const appState = defineMessages(
  'app-state',
  {
    loadingTf: 'Loading TensorFlow.js…',
    loadingData: (title: string) => `Loading the ${title} data…`,
    dataFailed: (title: string, message: string) => `The ${title} data could not be loaded: ${message}`,
    runFailed: (message: string) => `This model could not be run on the input: ${message}`,
    trainingFailed: (message: string) => `Training failed: ${message}`,
    buildFailed: (message: string) => `The trained model could not be built: ${message}`,
    scalerNotUniform: 'the scaler differs from pixel to pixel; evaluate takes one factor for every pixel',
    evaluateFailed: (message: string) => `The model could not be evaluated: ${message}`,
    cannotShow: 'This model cannot be shown.',
    cannotStep: (message: string) => `Layer Lens cannot step through this model: ${message}`,
    tfNotLoaded: 'TensorFlow.js has not loaded yet.',
    courseModel: (title: string) => `${title} (course model)`,
    nounImage: 'image',
    nounInput: 'input',
    pixel: (row: number, col: number) => `pixel (${row}, ${col})`,
    channel: (pixel: string, channel: number) => `${pixel} ch ${channel}`,
    run: {
      label: (id: number) => `run ${id}`,
      detail: (recipe: string, lr: number, units: number, seed: number, epochs: number) =>
        `${recipe}, lr ${short(lr)}, ${formatInteger(units)} units, seed ${seed}, ${formatInteger(epochs)} epochs`,
    },
    codeNote: {
      trained: (epochs: number, lr: number, seed: number) =>
        `The course's code with the settings this model was trained with (epochs ${formatInteger(epochs)}, learning rate ${short(lr)}, seed ${seed}). Keras draws other initial weights for the same seed.`,
      untrained: (epochs: number, lr: number, seed: number) =>
        `The course's code with the settings shown (epochs ${formatInteger(epochs)}, learning rate ${short(lr)}, seed ${seed}); the model on screen is not trained yet.`,
      fileWithCompile: (note: string) =>
        `Written from the layers of the file, with the training settings it carries${note ? ` (${note})` : ''}. Model files do not keep fit's settings (epochs, data), and the weights are not in the code.`,
      file: 'Written from the layers of the file. The file carries no training settings, so compile and fit are left for you to add; the weights are not in the code.',
    },
    noStorage: 'This browser does not let pages keep data (IndexedDB is unavailable), so models cannot be saved here. Downloads still work.',
  },
  {
    loadingTf: 'TensorFlow.js wird geladen…',
    loadingData: (title) => `Die Daten „${title}“ werden geladen…`,
    dataFailed: (title, message) => `Die Daten „${title}“ konnten nicht geladen werden: ${message}`,
    runFailed: (message) => `Das Modell ließ sich mit dieser Eingabe nicht ausführen: ${message}`,
    trainingFailed: (message) => `Das Training ist fehlgeschlagen: ${message}`,
    buildFailed: (message) => `Das trainierte Modell konnte nicht aufgebaut werden: ${message}`,
    scalerNotUniform: 'Der Scaler unterscheidet sich von Pixel zu Pixel; die Auswertung braucht einen Faktor für alle Pixel',
    evaluateFailed: (message) => `Das Modell konnte nicht ausgewertet werden: ${message}`,
    cannotShow: 'Dieses Modell kann nicht angezeigt werden.',
    cannotStep: (message) => `Layer Lens kann dieses Modell nicht Schritt für Schritt durchlaufen: ${message}`,
    tfNotLoaded: 'TensorFlow.js ist noch nicht geladen.',
    courseModel: (title) => `${title} (Kursmodell)`,
    nounImage: 'Bild',
    nounInput: 'Eingabe',
    pixel: (row, col) => `Pixel (${row}, ${col})`,
    channel: (pixel, channel) => `${pixel} Kanal ${channel}`,
    run: {
      label: (id) => `Lauf ${id}`,
      detail: (recipe, lr, units, seed, epochs) =>
        `${recipe}, Lernrate ${short(lr)}, ${formatInteger(units)} Neuronen, Seed ${seed}, ${formatInteger(epochs)} Epochen`,
    },
    codeNote: {
      trained: (epochs, lr, seed) =>
        `Der Code des Kurses mit den Einstellungen, mit denen dieses Modell trainiert wurde (Epochen ${formatInteger(epochs)}, Lernrate ${short(lr)}, Seed ${seed}). Keras zieht beim selben Seed andere Anfangsgewichte.`,
      untrained: (epochs, lr, seed) =>
        `Der Code des Kurses mit den gezeigten Einstellungen (Epochen ${formatInteger(epochs)}, Lernrate ${short(lr)}, Seed ${seed}); das Modell auf dem Bildschirm ist noch nicht trainiert.`,
      fileWithCompile: (note) =>
        `Aus den Schichten der Datei geschrieben, mit den Trainingseinstellungen, die sie enthält${note ? ` (${note})` : ''}. Modelldateien speichern die Einstellungen von fit nicht (Epochen, Daten), und die Gewichte stehen nicht im Code.`,
      file: 'Aus den Schichten der Datei geschrieben. Die Datei enthält keine Trainingseinstellungen; compile und fit müssen Sie selbst ergänzen. Die Gewichte stehen nicht im Code.',
    },
    noStorage: 'Dieser Browser erlaubt Seiten nicht, Daten zu speichern (IndexedDB ist nicht verfügbar), daher können hier keine Modelle gespeichert werden. Herunterladen funktioniert weiterhin.',
  },
);
