/**
 * What the photo helpers say (src/inspector/photo.ts): why a file cannot be opened as a photo,
 * and how a classifier's output was read as classes. Numbers come in formatted.
 */
import { defineMessages } from '../define';

export const inspectorPhoto = defineMessages(
  'inspector-photo',
  {
    thisFile: 'This file',
    nearest: 'nearest neighbour',
    bilinear: 'bilinear',
    nearestKeras: 'keras.utils.load_img / flow_from_directory (default)',
    bilinearKeras: 'keras.utils.image_dataset_from_directory (default)',
    empty: (file: string) => `${file} is empty (0 bytes): it holds no image.`,
    notImage: (file: string) => `${file} is not an image Layer Lens can read: choose a JPEG or PNG photo.`,
    noPixels: (file: string, width: number, height: number) => `${file} says its image is ${width} × ${height} px: it has no pixels.`,
    tooLarge: (file: string, width: string, height: string, maxSide: string, megapixels: string) =>
      `${file} is ${width} × ${height} px, too large to open here ` +
      `(at most ${maxSide} px on a side and ${megapixels} million pixels). Make it smaller first: ` +
      'the model sees it resized anyway.',
    cmyk: (file: string) => `${file} is a CMYK JPEG, which this browser cannot decode. Save it as an RGB JPEG or a PNG and try again.`,
    undecodable: (file: string) => `${file} could not be decoded as an image (damaged or unsupported). Try another JPEG or PNG.`,
    className: (index: number) => `class ${index}`,
    sigmoid: (one: string, p: string, zero: string, q: string) => `One sigmoid unit: P(${one}) = p = ${p}, P(${zero}) = 1 − p = ${q}.`,
    score: (activation: string, score: string, threshold: string, one: string) =>
      `One ${activation} unit: the score ${score} is not a probability; above ${threshold} reads as ${one}.`,
    softmax: (count: number) => `${count} softmax units: one probability per class.`,
    scores: (count: number, activation: string) => `${count} ${activation} units: the largest score is the class.`,
    rgbaBytes: (expected: number, got: number) => `expected ${expected} RGBA bytes, got ${got}`,
    noPixelsImage: 'the image has no pixels',
    cannotResize: (width: number, height: number) => `cannot resize to ${width} × ${height}`,
    imageValues: (expected: number, got: number) => `expected ${expected} values, got ${got}`,
    bitmapSides: (width: number, height: number) => `A bitmap needs whole, non-negative sides, got ${width} x ${height}`,
    bitmapValues: (width: number, height: number, channels: number, expected: number, got: number) =>
      `A ${width} x ${height} bitmap with ${channels} channel(s) needs ${expected} values, got ${got}`,
  },
  {
    thisFile: 'Diese Datei',
    nearest: 'nächster Nachbar',
    bilinear: 'bilinear',
    nearestKeras: 'keras.utils.load_img / flow_from_directory (Standard)',
    bilinearKeras: 'keras.utils.image_dataset_from_directory (Standard)',
    empty: (file) => `${file} ist leer (0 Bytes) und enthält kein Bild.`,
    notImage: (file) => `${file} ist kein Bild, das Layer Lens lesen kann: Bitte ein JPEG- oder PNG-Foto wählen.`,
    noPixels: (file, width, height) => `${file} gibt als Bildgröße ${width} × ${height} px an: Das Bild hat keine Pixel.`,
    tooLarge: (file, width, height, maxSide, megapixels) =>
      `${file} ist ${width} × ${height} px groß, zu groß zum Öffnen ` +
      `(höchstens ${maxSide} px pro Seite und ${megapixels} Millionen Pixel). Bitte das Bild zuerst verkleinern: ` +
      'Das Modell sieht es ohnehin verkleinert.',
    cmyk: (file) =>
      `${file} ist ein CMYK-JPEG, das dieser Browser nicht dekodieren kann. Bitte als RGB-JPEG oder PNG speichern und erneut versuchen.`,
    undecodable: (file) =>
      `${file} ließ sich nicht als Bild dekodieren (beschädigt oder nicht unterstützt). Bitte ein anderes JPEG oder PNG versuchen.`,
    className: (index) => `Klasse ${index}`,
    sigmoid: (one, p, zero, q) => `Ein sigmoid-Neuron: P(${one}) = p = ${p}, P(${zero}) = 1 − p = ${q}.`,
    score: (activation, score, threshold, one) =>
      `Ein ${activation}-Neuron: Der Wert ${score} ist keine Wahrscheinlichkeit; über ${threshold} gilt er als ${one}.`,
    softmax: (count) => `${count} softmax-Neuronen: eine Wahrscheinlichkeit pro Klasse.`,
    scores: (count, activation) => `${count} ${activation}-Neuronen: Der größte Wert ist die Klasse.`,
    rgbaBytes: (expected, got) => `${expected} RGBA-Bytes erwartet, ${got} erhalten`,
    noPixelsImage: 'Das Bild hat keine Pixel',
    cannotResize: (width, height) => `Auf ${width} × ${height} lässt sich nicht skalieren`,
    imageValues: (expected, got) => `${expected} Werte erwartet, ${got} erhalten`,
    bitmapSides: (width, height) => `Ein Bild braucht ganzzahlige, nicht negative Seitenlängen, erhalten: ${width} × ${height}`,
    bitmapValues: (width, height, channels, expected, got) =>
      `Ein Bild mit ${width} × ${height} Pixeln und ${channels} ${channels === 1 ? 'Kanal' : 'Kanälen'} braucht ${expected} Werte, erhalten: ${got}`,
  },
);
