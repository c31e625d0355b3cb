/**
 * What loading a data set can say (src/models/data, src/models/iris.ts, src/models/scaler.ts):
 * MNIST's IDX files, the shipped housing file, a folder of photos, and a StandardScaler typed or
 * pasted by the user. Keras' and sklearn's names (validation_split, mean_, scale_, var_) stay as code.
 */
import { defineMessages } from '../define';
import { formatInteger } from '../format';

const n = (x: number) => String(x).replace('.', ',');

export const modelsData = defineMessages(
  'models-data',
  {
    idx: {
      imageFile: 'The image file',
      labelFile: 'The label file',
      gzip: (name: string) => `${name} is gzip-compressed; unpack it before reading it as IDX.`,
      tooShort: (name: string, bytes: number, headerBytes: number) =>
        `${name} is truncated: ${bytes} bytes, too short even for its ${headerBytes}-byte IDX header.`,
      truncated: (name: string, what: string, expected: number, got: number) =>
        `${name} is truncated: its header announces ${what} (${expected} bytes), but only ${got} bytes follow.`,
      tooLong: (name: string, extra: number, what: string) => `${name} has ${extra} bytes more than its header announces (${what}); it is not a clean IDX file.`,
      images: (count: number, rows: number, cols: number) => `${count} images of ${rows} x ${cols} pixels`,
      labels: (count: number) => `${count} labels`,
      isImageFile: 'an IDX image file',
      isLabelFile: 'an IDX label file',
      notIdx: (hex: string) => `not an IDX file of unsigned bytes (it starts with 0x${hex})`,
      shouldBeImages: (name: string, is: string) => `${name} should be an IDX image file (magic 0x00000803), but it is ${is}.`,
      shouldBeLabels: (name: string, is: string) => `${name} should be an IDX label file (magic 0x00000801), but it is ${is}.`,
      noPixels: (name: string, rows: number, cols: number) => `${name} announces images of ${rows} x ${cols} pixels.`,
    },
    mnist: {
      countMismatch: (imageFile: string, images: number, labelFile: string, labels: number) =>
        `${imageFile} holds ${images} images but ${labelFile} holds ${labels} labels; they do not belong together.`,
      badLabel: (labelFile: string, image: number, label: number) => `${labelFile} gives image ${image} the label ${label}; MNIST labels are the digits 0 to 9.`,
      noAnswer: (name: string) => `The MNIST file ${name} could not be loaded (the page's server did not answer).`,
      status: (name: string, status: number) => `The MNIST file ${name} could not be loaded (the server answered ${status}).`,
      trainTitle: 'MNIST training images',
      testTitle: 'MNIST test images',
    },
    housing: {
      badHeader: 'The housing data file is not the one Layer Lens ships (its header is wrong).',
      truncated: (bytes: number, rows: number) => `The housing data file is truncated: ${bytes} bytes for ${rows} rows.`,
      notLoaded: (status: number, text: string) => `The housing data could not be loaded (${status} ${text}).`,
    },
    iris: {
      unknownSpecies: (row: number, species: string) => `Iris row ${row} has an unknown species "${species}".`,
      noSpecies: (species: string) => `Iris has no row of species ${species}.`,
    },
    folder: {
      seed: (seed: number) => `A seed must be a whole number from 0 to 4294967295, got ${seed}.`,
      validationSplit: (split: number) => `validation_split must be at least 0 and below 1, got ${split}.`,
      noClasses: 'The folder needs one subfolder per class, at least two; found none.',
      oneClass: (name: string) => `The folder needs one subfolder per class, at least two; found only "${name}".`,
      noImages: (formats: string) => `No images (${formats}) in the class folders.`,
      needsBoth: (train: number, validation: number) => `Training needs at least one training and one validation image, got ${train} and ${validation}.`,
      noSplit: (validation: number, rows: number) => `No validation_split takes exactly the last ${validation} of ${rows} rows.`,
    },
    scaler: {
      mean: 'Mean',
      scale: 'Scale',
      empty: (label: string) => `${label}: enter one number per feature.`,
      notNumber: (label: string, i: number, text: string) => `${label}: value ${i} ("${text}") is not a number.`,
      needList: (label: string, count: number) => `${label}: a list of ${count} numbers is needed.`,
      wrongCount: (label: string, features: number, given: number) =>
        `${label}: the model has ${features} input features, but ${given} value${given === 1 ? ' was' : 's were'} given.`,
      notFinite: (label: string, i: number, json: string) => `${label}: value ${i} (${json}) is not a finite number.`,
      zero: (i: number) => `Scale: value ${i} is 0; dividing by 0 is impossible (sklearn uses 1 for a constant feature).`,
      invalidJson: 'This is not valid JSON. Expected e.g. {"mean": [5.8, 3.1, 3.7, 1.2], "scale": [0.8, 0.4, 1.7, 0.7]}.',
      notObject: 'Expected a JSON object with "mean" and "scale" lists.',
      noMean: 'The JSON has no "mean" (or sklearn\'s "mean_") list.',
      noScale: 'The JSON has no "scale" (or sklearn\'s "scale_" / "var_") list.',
    },
  },
  {
    idx: {
      imageFile: 'Die Bilddatei',
      labelFile: 'Die Label-Datei',
      gzip: (name) => `${name} ist mit gzip komprimiert; bitte vor dem Lesen als IDX entpacken.`,
      tooShort: (name, bytes, headerBytes) => `${name} ist abgeschnitten: ${formatInteger(bytes)} Byte, zu kurz selbst für den ${headerBytes}-Byte-IDX-Kopf.`,
      truncated: (name, what, expected, got) =>
        `${name} ist abgeschnitten: Der Kopf kündigt ${what} an (${formatInteger(expected)} Byte), es folgen aber nur ${formatInteger(got)} Byte.`,
      tooLong: (name, extra, what) => `${name} hat ${formatInteger(extra)} Byte mehr, als der Kopf ankündigt (${what}); es ist keine saubere IDX-Datei.`,
      images: (count, rows, cols) => `${formatInteger(count)} Bilder aus ${rows} x ${cols} Pixeln`,
      labels: (count) => `${formatInteger(count)} Labels`,
      isImageFile: 'eine IDX-Bilddatei',
      isLabelFile: 'eine IDX-Label-Datei',
      notIdx: (hex) => `keine IDX-Datei aus vorzeichenlosen Bytes (sie beginnt mit 0x${hex})`,
      shouldBeImages: (name, is) => `${name} sollte eine IDX-Bilddatei sein (Kennung 0x00000803), ist aber ${is}.`,
      shouldBeLabels: (name, is) => `${name} sollte eine IDX-Label-Datei sein (Kennung 0x00000801), ist aber ${is}.`,
      noPixels: (name, rows, cols) => `${name} kündigt Bilder aus ${rows} x ${cols} Pixeln an.`,
    },
    mnist: {
      countMismatch: (imageFile, images, labelFile, labels) =>
        `${imageFile} enthält ${formatInteger(images)} Bilder, aber ${labelFile} ${formatInteger(labels)} Labels; die beiden gehören nicht zusammen.`,
      badLabel: (labelFile, image, label) => `${labelFile} gibt Bild ${image} das Label ${label}; MNIST-Labels sind die Ziffern 0 bis 9.`,
      noAnswer: (name) => `Die MNIST-Datei ${name} konnte nicht geladen werden (der Server der Seite hat nicht geantwortet).`,
      status: (name, status) => `Die MNIST-Datei ${name} konnte nicht geladen werden (der Server antwortete mit ${status}).`,
      trainTitle: 'MNIST-Trainingsbilder',
      testTitle: 'MNIST-Testbilder',
    },
    housing: {
      badHeader: 'Die Datei mit den Immobiliendaten ist nicht die mitgelieferte (ihr Kopf stimmt nicht).',
      truncated: (bytes, rows) => `Die Datei mit den Immobiliendaten ist abgeschnitten: ${formatInteger(bytes)} Byte für ${formatInteger(rows)} Zeilen.`,
      notLoaded: (status, text) => `Die Immobiliendaten konnten nicht geladen werden (${status} ${text}).`,
    },
    iris: {
      unknownSpecies: (row, species) => `Iris-Zeile ${row} hat eine unbekannte Art „${species}“.`,
      noSpecies: (species) => `Iris hat keine Zeile der Art ${species}.`,
    },
    folder: {
      seed: (seed) => `Ein Seed muss eine ganze Zahl von 0 bis 4294967295 sein, erhalten: ${n(seed)}.`,
      validationSplit: (split) => `validation_split muss mindestens 0 und kleiner als 1 sein, erhalten: ${n(split)}.`,
      noClasses: 'Der Ordner braucht einen Unterordner je Klasse, mindestens zwei; gefunden wurde keiner.',
      oneClass: (name) => `Der Ordner braucht einen Unterordner je Klasse, mindestens zwei; gefunden wurde nur „${name}“.`,
      noImages: (formats) => `Keine Bilder (${formats}) in den Klassenordnern.`,
      needsBoth: (train, validation) =>
        `Das Training braucht mindestens ein Trainings- und ein Validierungsbild, erhalten: ${train} und ${validation}.`,
      noSplit: (validation, rows) => `Kein validation_split nimmt genau die letzten ${validation} von ${rows} Zeilen.`,
    },
    scaler: {
      mean: 'Mittelwert (mean)',
      scale: 'Skala (scale)',
      empty: (label) => `${label}: bitte eine Zahl je Merkmal eingeben.`,
      notNumber: (label, i, text) => `${label}: Wert ${i} („${text}“) ist keine Zahl.`,
      needList: (label, count) => `${label}: Es wird eine Liste aus ${count} Zahlen gebraucht.`,
      wrongCount: (label, features, given) =>
        `${label}: Das Modell hat ${features} Eingabemerkmale, angegeben ${given === 1 ? 'wurde aber 1 Wert' : `wurden aber ${given} Werte`}.`,
      notFinite: (label, i, json) => `${label}: Wert ${i} (${json}) ist keine endliche Zahl.`,
      zero: (i) => `Skala (scale): Wert ${i} ist 0; durch 0 lässt sich nicht teilen (sklearn nimmt 1 für ein konstantes Merkmal).`,
      invalidJson: 'Das ist kein gültiges JSON. Erwartet wird z. B. {"mean": [5.8, 3.1, 3.7, 1.2], "scale": [0.8, 0.4, 1.7, 0.7]}.',
      notObject: 'Erwartet wird ein JSON-Objekt mit den Listen „mean“ und „scale“.',
      noMean: 'Das JSON enthält keine Liste „mean“ (oder „mean_“ wie bei sklearn).',
      noScale: 'Das JSON enthält keine Liste „scale“ (oder „scale_“ / „var_“ wie bei sklearn).',
    },
  },
);
