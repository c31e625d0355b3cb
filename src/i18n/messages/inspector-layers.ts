/**
 * The inspector's explanations of the layer kinds (src/inspector/layers/*): titles and notes.
 * Formulas stay as numpy writes them; numbers come in formatted (decimal comma in German).
 */
import { defineMessages } from '../define';

const pairsEn = (pairs: readonly (readonly [number, number])[]) => pairs.map(([a, b]) => `${a} before, ${b} after`).join('; ');
const pairsDe = (pairs: readonly (readonly [number, number])[]) => pairs.map(([a, b]) => `${a} davor, ${b} danach`).join('; ');

export const inspectorLayers = defineMessages(
  'inspector-layers',
  {
    /** "Dense layer dense_1" */
    title: (className: string, name: string) => `${className} layer ${name}`,
    activationTitle: (name: string, fn: string) => `Activation layer ${name} (${fn})`,
    dropoutTitle: (name: string, rate: string) => `Dropout layer ${name} (rate ${rate})`,
    inputTitle: (name: string) => `Input ${name}`,
    inputValuesTitle: 'Input values_0',
    unsupported: (className: string) => `no reference implementation for ${className} yet`,
    cannotExplain: (className: string, message: string) => `could not explain ${className}: ${message}`,
    /** "1 before, 2 after; 0 before, 1 after" for padding per axis. */
    beforeAfter: (pairs: readonly (readonly [number, number])[]) => pairsEn(pairs),
    dense: {
      weightedSum: (units: number, inputs: number, bias: boolean) =>
        `Each of the ${units} outputs is a weighted sum of all ${inputs} inputs` +
        `${bias ? ' plus its bias' : ''}: column j of the kernel holds the weights of output neuron j.`,
      ownActivation: (act: string) => `The Dense layer applies its own activation, ${act}, to the sums.`,
    },
    activation: {
      linearFormula: 'y = x (identity)',
      reluZeroed: (zeroed: number, total: number) => `${zeroed} of ${total} values were negative and became 0.`,
      softmaxStable:
        'The largest x is subtracted before exp so no exp overflows; this does not change the result, ' +
        'because exp(x_i - m) / Σ exp(x_j - m) = exp(x_i) / Σ exp(x_j).',
      softmaxSum: 'The outputs are positive and add up to 1: probabilities.',
      softmaxSumLastAxis: 'The outputs along the last axis are positive and add up to 1: probabilities.',
      softmaxOtherAxis: (axis: number) => `softmax over axis ${axis} (not the last) is computed but not itemised`,
      softmaxAlongAxis: (axis: number) => `exp(x - max) / sum(exp(x - max)) along axis ${axis}.`,
      noReference: (name: string) => `no reference implementation for activation "${name}" yet`,
      softmaxSeveralAxes: 'no reference implementation for Softmax over several axes yet',
    },
    input: {
      entersFirst: 'The model input as it enters the first layer.',
      rawFormula: 'values_0 = raw input',
      scaled:
        'The model was trained on standardised features (StandardScaler), so each raw value is shifted by the training mean and divided by the training standard deviation.',
      unchanged: 'The numbers you entered go into the first layer unchanged.',
    },
    add: 'Element by element: output[k] is the sum of the inputs\u2019 k-th values.',
    concatenate: 'The inputs are placed side by side in the order listed; no arithmetic happens.',
    flatten: 'The numbers do not change; they are laid out in one row, last axis fastest (as numpy does).',
    flattenChannelsFirst: 'data_format channels_first: the channels are moved last first, so each position\u2019s channels sit side by side.',
    reshape: 'The numbers do not change; they are read in order (last axis fastest, as numpy) and laid out in the new shape.',
    dropout: {
      inference: 'At prediction time Dropout passes its input through unchanged.',
      training: (percent: number, rate: string) =>
        `Only during training does it set a random ${percent}% of the values to 0 ` +
        `(and scales the rest by 1/(1 - ${rate})), so the network cannot rely on any single neuron.`,
    },
    rescaling: {
      what: 'Every value is multiplied by the scale and the offset is added; nothing is learned.',
      by255: 'scale 1/255 turns pixel values 0..255 into 0..1.',
      by127: 'scale 1/127.5 with offset -1 turns pixel values 0..255 into -1..1.',
      perChannel: 'A list holds one value per channel (the last axis).',
    },
    zeroPadding: (pairs: readonly (readonly [number, number])[]) =>
      `Rows and columns of zeros are added around each channel (${pairsEn(pairs)}); the values inside do not change.`,
    cropping: (pairs: readonly (readonly [number, number])[]) =>
      `Rows and columns are cut off the edges (${pairsEn(pairs)}); the values that stay do not change.`,
    upsampling: (size: readonly number[], interpolation: string) =>
      `Each value is repeated ${size.join(' x ')} times (${interpolation}): the map gets bigger, no new information.`,
    upsamplingNoReference: (className: string, interpolation: string) =>
      `no reference implementation for ${className} with ${interpolation} interpolation yet`,
    augmentation: {
      what: (className: string) =>
        `${className} is data augmentation: it changes the image at random only while the model trains, so the model sees varied pictures.`,
      cropInference:
        'At prediction time it passes the image through unchanged when the image already has the crop size (otherwise Keras resizes and crops the centre).',
      inference: 'At prediction time it passes the image through unchanged.',
      reason: 'augmentation only acts while training',
      cropNoReference: (target: readonly number[], size: readonly number[]) =>
        `RandomCrop to ${target.join(' x ')} on a ${size.join(' x ')} image resizes and centre-crops at inference (Keras' smart_resize); no reference for that yet`,
    },
  },
  {
    title: (className, name) => `${className}-Schicht ${name}`,
    activationTitle: (name, fn) => `Activation-Schicht ${name} (${fn})`,
    dropoutTitle: (name, rate) => `Dropout-Schicht ${name} (rate ${rate})`,
    inputTitle: (name) => `Eingabe ${name}`,
    inputValuesTitle: 'Eingabe values_0',
    unsupported: (className) => `Für ${className} gibt es noch keine Referenzimplementierung`,
    cannotExplain: (className, message) => `${className} konnte nicht erklärt werden: ${message}`,
    beforeAfter: (pairs) => pairsDe(pairs),
    dense: {
      weightedSum: (units, inputs, bias) =>
        `${units === 1 ? 'Die eine Ausgabe' : `Jede der ${units} Ausgaben`} ist eine gewichtete Summe ` +
        `${inputs === 1 ? 'der einen Eingabe' : `aller ${inputs} Eingaben`}${bias ? ' plus ihr Bias' : ''}: ` +
        (units === 1 ? 'Die eine Spalte des Kernels enthält die Gewichte dieses Ausgabeneurons.' : 'Spalte j des Kernels enthält die Gewichte von Ausgabeneuron j.'),
      ownActivation: (act) => `Die Dense-Schicht wendet ihre eigene Aktivierung, ${act}, auf die Summen an.`,
    },
    activation: {
      linearFormula: 'y = x (Identität)',
      reluZeroed: (zeroed, total) => `${zeroed} von ${total} Werten waren negativ und wurden zu 0.`,
      softmaxStable:
        'Vor exp wird das größte x abgezogen, damit kein exp überläuft; am Ergebnis ändert das nichts, ' +
        'denn exp(x_i - m) / Σ exp(x_j - m) = exp(x_i) / Σ exp(x_j).',
      softmaxSum: 'Die Ausgaben sind positiv und ergeben zusammen 1: Wahrscheinlichkeiten.',
      softmaxSumLastAxis: 'Die Ausgaben entlang der letzten Achse sind positiv und ergeben zusammen 1: Wahrscheinlichkeiten.',
      softmaxOtherAxis: (axis) => `softmax über Achse ${axis} (nicht die letzte) wird berechnet, aber nicht einzeln aufgeschlüsselt`,
      softmaxAlongAxis: (axis) => `exp(x - max) / sum(exp(x - max)) entlang Achse ${axis}.`,
      noReference: (name) => `Für die Aktivierung "${name}" gibt es noch keine Referenzimplementierung`,
      softmaxSeveralAxes: 'Für Softmax über mehrere Achsen gibt es noch keine Referenzimplementierung',
    },
    input: {
      entersFirst: 'Die Eingabe des Modells, so wie sie in die erste Schicht geht.',
      rawFormula: 'values_0 = rohe Eingabe',
      scaled:
        'Das Modell wurde mit standardisierten Merkmalen trainiert (StandardScaler): Jeder Rohwert wird daher um den Mittelwert der Trainingsdaten verschoben und durch deren Standardabweichung geteilt.',
      unchanged: 'Die eingegebenen Zahlen gehen unverändert in die erste Schicht.',
    },
    add: 'Element für Element: output[k] ist die Summe der k-ten Werte aller Eingaben.',
    concatenate: 'Die Eingaben werden in der angegebenen Reihenfolge aneinandergehängt; gerechnet wird nichts.',
    flatten: 'Die Zahlen ändern sich nicht; sie werden in eine Zeile gelegt, die letzte Achse läuft am schnellsten (wie bei numpy).',
    flattenChannelsFirst:
      'data_format channels_first: Die Kanäle werden zuerst ans Ende verschoben, sodass die Kanäle jeder Position nebeneinanderstehen.',
    reshape:
      'Die Zahlen ändern sich nicht; sie werden der Reihe nach gelesen (letzte Achse am schnellsten, wie bei numpy) und in die neue Form gelegt.',
    dropout: {
      inference: 'Bei der Vorhersage gibt Dropout seine Eingabe unverändert weiter.',
      training: (percent, rate) =>
        `Nur im Training setzt Dropout zufällig ${percent} % der Werte auf 0 ` +
        `(und skaliert den Rest mit 1/(1 - ${rate})), damit sich das Netz auf kein einzelnes Neuron verlassen kann.`,
    },
    rescaling: {
      what: 'Jeder Wert wird mit scale multipliziert, dann wird offset addiert; gelernt wird nichts.',
      by255: 'scale 1/255 macht aus Pixelwerten 0..255 Werte von 0 bis 1.',
      by127: 'scale 1/127,5 mit offset −1 macht aus Pixelwerten 0..255 Werte von −1 bis 1.',
      perChannel: 'Eine Liste enthält einen Wert pro Kanal (die letzte Achse).',
    },
    zeroPadding: (pairs) =>
      `Um jeden Kanal werden Zeilen und Spalten aus Nullen gelegt (${pairsDe(pairs)}); die Werte innen ändern sich nicht.`,
    cropping: (pairs) => `An den Rändern werden Zeilen und Spalten abgeschnitten (${pairsDe(pairs)}); die übrigen Werte ändern sich nicht.`,
    upsampling: (size, interpolation) =>
      `Jeder Wert wird ${size.join(' × ')}-mal wiederholt (${interpolation}): Die Feature-Map wird größer, enthält aber keine neue Information.`,
    upsamplingNoReference: (className, interpolation) =>
      `Für ${className} mit Interpolation ${interpolation} gibt es noch keine Referenzimplementierung`,
    augmentation: {
      what: (className) =>
        `${className} ist Datenaugmentation: Die Schicht verändert das Bild nur während des Trainings zufällig, damit das Modell abwechslungsreiche Bilder sieht.`,
      cropInference:
        'Bei der Vorhersage gibt sie das Bild unverändert weiter, wenn es schon die Zielgröße hat (sonst skaliert Keras es und schneidet die Mitte aus).',
      inference: 'Bei der Vorhersage gibt sie das Bild unverändert weiter.',
      reason: 'Augmentation wirkt nur im Training',
      cropNoReference: (target, size) =>
        `RandomCrop auf ${target.join(' × ')} skaliert ein ${size.join(' × ')}-Bild bei der Vorhersage und schneidet die Mitte aus (Keras' smart_resize); dafür gibt es noch keine Referenz`,
    },
  },
);
