/**
 * What training and evaluating say (src/models/train, src/models/recipe-specs.ts,
 * src/models/evaluate*.ts, src/models/random.ts): why a recipe, data set or setting cannot train,
 * and the training engines' names. Keras' argument names (epochs, batch_size, validation_split)
 * and loss names stay as code.
 */
import { defineMessages } from '../define';

/** A number exactly as JavaScript writes it, with a decimal comma in German (0,5). */
const n = (x: number) => String(x).replace('.', ',');

export const modelsTrain = defineMessages(
  'models-train',
  {
    engines: {
      /** `app` is the product's name, "Layer Lens". */
      fast: (app: string) => `${app} float32 engine (plain TypeScript)`,
      cnn: (app: string) => `${app} convolution engine (im2col, WebAssembly SIMD where available)`,
      tfjs: (backend: string) => `tfjs ${backend}`,
      cpuFailed: 'TensorFlow.js could not start its cpu backend.',
    },
    recipe: {
      hiddenUnit: (units: number) => `The hidden layer needs a whole number of units (at least 1), got ${units}.`,
      hiddenUnits: (units: number) => `The hidden layers need a whole number of units (at least 1), got ${units}.`,
      imageSide: (side: string, value: number) => `The image ${side} must be a whole number of at least 10 pixels, got ${value}.`,
      height: 'height',
      width: 'width',
      classes: (classes: number) => `A classifier needs at least 2 classes (one folder each), got ${classes}.`,
      inputShape: (shape: string) => `A recipe's input shape needs whole numbers of at least 1, got [${shape}].`,
      denseNeedsFlat: (layer: string, shape: string) => `Dense layer ${layer} gets input of shape (${shape}); put a Flatten layer before it.`,
      denseFlatInput: (layer: string) => `Dense layer ${layer} needs a flat input: put a Flatten layer before it.`,
      needsImage: (className: string, layer: string) => `${className} layer ${layer} needs an image input (height, width, channels).`,
      convWindow: (layer: string, kernel: string, h: number, w: number) => `Conv2D layer ${layer}: its ${kernel} window does not fit a ${h}x${w} input.`,
      poolWindow: (layer: string, h: number, w: number) => `MaxPooling2D layer ${layer}: its window does not fit a ${h}x${w} input.`,
      fastEngineKind: (className: string) => `The plain-TypeScript engine cannot run layer kind ${className}.`,
    },
    checks: {
      inputFeatures: (width: number, title: string, features: number) =>
        `The model expects ${width} input features, the data set "${title}" has ${features}.`,
      malformed: (title: string, rows: number, featureRows: number, targets: number) =>
        `The data set "${title}" is malformed: ${rows} rows but ${featureRows} feature rows and ${targets} targets.`,
      missingValue: (row: number, title: string, feature: string) => `Row ${row} of "${title}" has a missing or non-numeric value in ${feature}.`,
      feature: (index: number) => `feature ${index}`,
      needsClasses: 'sparse_categorical_crossentropy needs a classification data set (a class per row).',
      classOutOfRange: (row: number, cls: number, units: number) =>
        `Row ${row} has class ${cls}, but the model's last layer has ${units} units (classes 0 to ${units - 1}).`,
      mseOneUnit: (units: number) => `mean_squared_error here needs one output unit; the model's last layer has ${units}.`,
      missingTarget: (row: number) => `Row ${row} has a missing or non-numeric target.`,
      epochs: (epochs: number) => `epochs must be a whole number of at least 1, got ${epochs}.`,
      learningRate: (rate: number) => `The learning rate must be a positive number, got ${rate}.`,
      batchSize: (size: number) => `batch_size must be a whole number of at least 1, got ${size}.`,
      batchSizeWords: (size: number) => `The batch size must be a whole number of at least 1, got ${size}.`,
      seed: (seed: number) => `The seed must be a number, got ${seed}.`,
      seedFinite: (seed: number) => `The seed must be a finite number, got ${seed}.`,
      dropoutRate: (layer: string, rate: number) => `Dropout layer ${layer} needs a rate of at least 0 and below 1, got ${rate}.`,
      validationSplit: (split: number) => `validation_split must be at least 0 and below 1, got ${split}.`,
      tooFewRows: (rows: number, split: number) =>
        `${rows} rows are not enough to split into training and validation rows with validation_split=${split}.`,
    },
    worker: {
      lostData: 'The training worker lost its data set; please train again.',
      sendFailed: (detail: string) => `The data could not be sent to the training worker: ${detail}`,
      failed: (detail: string) => `The training worker failed: ${detail}`,
      couldNotStart: 'it could not start',
      cancelled: 'Training was cancelled.',
    },
    evaluate: {
      notClassification: (title: string) => `"${title}" is no classification data set; evaluate needs a class per row.`,
      noRows: (title: string) => `"${title}" has no rows to evaluate.`,
      classOutOfRange: (row: number, cls: number, k: number) => `Row ${row} has class ${cls}, but the model has ${k} outputs (classes 0 to ${k - 1}).`,
      outputNaN: (row: number) => `The model's output for row ${row} is not a number (NaN); it cannot be evaluated.`,
      inputWidth: (width: number, title: string, features: number) => `The model takes ${width} values per input, the data set "${title}" has ${features}.`,
      shapeNotFixed: (shape: string, title: string) => `The model's input shape (${shape}) is not fixed; it cannot be evaluated on "${title}".`,
      shapeWidth: (shape: string, width: number, title: string, features: number) =>
        `The model takes inputs of shape (${shape}) = ${width} values; the data set "${title}" has ${features} per row.`,
      outputShape: (shape: string) => `The model's output has shape (${shape}); evaluate needs one value per class.`,
      regressionOutputs: (outputs: number) => `The model has ${outputs} outputs per row; a regression has one.`,
    },
  },
  {
    engines: {
      fast: (app) => `float32-Engine von ${app} (reines TypeScript)`,
      cnn: (app) => `Faltungs-Engine von ${app} (im2col, WebAssembly SIMD, wo verfügbar)`,
      tfjs: (backend) => `tfjs ${backend}`,
      cpuFailed: 'TensorFlow.js konnte sein cpu-Backend nicht starten.',
    },
    recipe: {
      hiddenUnit: (units) => `Die verborgene Schicht braucht eine ganze Zahl von Neuronen (mindestens 1), erhalten: ${n(units)}.`,
      hiddenUnits: (units) => `Die verborgenen Schichten brauchen eine ganze Zahl von Neuronen (mindestens 1), erhalten: ${n(units)}.`,
      imageSide: (side, value) => `Die Bild${side} muss eine ganze Zahl von mindestens 10 Pixeln sein, erhalten: ${n(value)}.`,
      height: 'höhe',
      width: 'breite',
      classes: (classes) => `Ein Klassifikator braucht mindestens 2 Klassen (je ein Ordner), erhalten: ${n(classes)}.`,
      inputShape: (shape) => `Die Eingabeform eines Rezepts braucht ganze Zahlen von mindestens 1, erhalten: [${shape}].`,
      denseNeedsFlat: (layer, shape) => `Die Dense-Schicht ${layer} erhält eine Eingabe der Form (${shape}); bitte eine Flatten-Schicht davor setzen.`,
      denseFlatInput: (layer) => `Die Dense-Schicht ${layer} braucht eine flache Eingabe: bitte eine Flatten-Schicht davor setzen.`,
      needsImage: (className, layer) => `Die ${className}-Schicht ${layer} braucht ein Bild als Eingabe (Höhe, Breite, Kanäle).`,
      convWindow: (layer, kernel, h, w) => `Conv2D-Schicht ${layer}: Das ${kernel}-Fenster passt nicht in eine Eingabe von ${h}x${w}.`,
      poolWindow: (layer, h, w) => `MaxPooling2D-Schicht ${layer}: Das Fenster passt nicht in eine Eingabe von ${h}x${w}.`,
      fastEngineKind: (className) => `Die Engine in reinem TypeScript kann die Schichtart ${className} nicht ausführen.`,
    },
    checks: {
      inputFeatures: (width, title, features) => `Das Modell erwartet ${width} Eingabemerkmale, der Datensatz „${title}“ hat ${features}.`,
      malformed: (title, rows, featureRows, targets) =>
        `Der Datensatz „${title}“ ist fehlerhaft: ${rows} Zeilen, aber ${n(featureRows)} Merkmalszeilen und ${targets} Zielwerte.`,
      missingValue: (row, title, feature) => `Zeile ${row} von „${title}“ hat in ${feature} einen fehlenden oder nicht numerischen Wert.`,
      feature: (index) => `Merkmal ${index}`,
      needsClasses: 'sparse_categorical_crossentropy braucht einen Klassifikationsdatensatz (eine Klasse je Zeile).',
      classOutOfRange: (row, cls, units) =>
        `Zeile ${row} hat die Klasse ${n(cls)}, aber die letzte Schicht des Modells hat ${units} Neuronen (Klassen 0 bis ${units - 1}).`,
      mseOneUnit: (units) => `mean_squared_error braucht hier ein Ausgabeneuron; die letzte Schicht des Modells hat ${units}.`,
      missingTarget: (row) => `Zeile ${row} hat einen fehlenden oder nicht numerischen Zielwert.`,
      epochs: (epochs) => `epochs muss eine ganze Zahl von mindestens 1 sein, erhalten: ${n(epochs)}.`,
      learningRate: (rate) => `Die Lernrate muss eine positive Zahl sein, erhalten: ${n(rate)}.`,
      batchSize: (size) => `batch_size muss eine ganze Zahl von mindestens 1 sein, erhalten: ${n(size)}.`,
      batchSizeWords: (size) => `Die Batchgröße muss eine ganze Zahl von mindestens 1 sein, erhalten: ${n(size)}.`,
      seed: (seed) => `Der Seed muss eine Zahl sein, erhalten: ${n(seed)}.`,
      seedFinite: (seed) => `Der Seed muss eine endliche Zahl sein, erhalten: ${n(seed)}.`,
      dropoutRate: (layer, rate) => `Die Dropout-Schicht ${layer} braucht eine Rate von mindestens 0 und unter 1, erhalten: ${n(rate)}.`,
      validationSplit: (split) => `validation_split muss mindestens 0 und kleiner als 1 sein, erhalten: ${n(split)}.`,
      tooFewRows: (rows, split) =>
        `${rows} Zeilen reichen nicht, um sie mit validation_split=${split} in Trainings- und Validierungszeilen aufzuteilen.`,
    },
    worker: {
      lostData: 'Der Trainings-Worker hat seinen Datensatz verloren; bitte erneut trainieren.',
      sendFailed: (detail) => `Die Daten konnten nicht an den Trainings-Worker gesendet werden: ${detail}`,
      failed: (detail) => `Der Trainings-Worker ist ausgefallen: ${detail}`,
      couldNotStart: 'er konnte nicht starten',
      cancelled: 'Das Training wurde abgebrochen.',
    },
    evaluate: {
      notClassification: (title) => `„${title}“ ist kein Klassifikationsdatensatz; die Auswertung braucht eine Klasse je Zeile.`,
      noRows: (title) => `„${title}“ hat keine Zeilen zum Auswerten.`,
      classOutOfRange: (row, cls, k) => `Zeile ${row} hat die Klasse ${n(cls)}, aber das Modell hat ${k} Ausgaben (Klassen 0 bis ${k - 1}).`,
      outputNaN: (row) => `Die Ausgabe des Modells für Zeile ${row} ist keine Zahl (NaN); sie lässt sich nicht auswerten.`,
      inputWidth: (width, title, features) => `Das Modell nimmt ${width} Werte je Eingabe, der Datensatz „${title}“ hat ${features}.`,
      shapeNotFixed: (shape, title) => `Die Eingabeform des Modells (${shape}) ist nicht fest; es lässt sich nicht auf „${title}“ auswerten.`,
      shapeWidth: (shape, width, title, features) =>
        `Das Modell nimmt Eingaben der Form (${shape}) = ${width} Werte; der Datensatz „${title}“ hat ${features} je Zeile.`,
      outputShape: (shape) => `Die Ausgabe des Modells hat die Form (${shape}); die Auswertung braucht einen Wert je Klasse.`,
      regressionOutputs: (outputs) => `Das Modell hat ${n(outputs)} Ausgaben je Zeile; eine Regression hat eine.`,
    },
  },
);
