/**
 * The inspector's explanations of convolution, pooling and BatchNormalization
 * (src/inspector/layers/conv.ts, pooling.ts, batchnorm.ts). Index expressions such as
 * "i*1 + di" and numbers come in ready-made (numbers with the decimal comma in German).
 */
import { defineMessages } from '../define';

type Pairs = readonly (readonly [number, number])[];
const pairsEn = (pairs: Pairs) => pairs.map(([a, b]) => `${a} before, ${b} after`).join('; ');
const pairsDe = (pairs: Pairs) => pairs.map(([a, b]) => `${a} davor, ${b} danach`).join('; ');
const by = (v: readonly number[]) => v.join(' x ');
const mal = (v: readonly number[]) => v.join(' × ');

export const inspectorConv = defineMessages(
  'inspector-conv',
  {
    conv: {
      /** "y[i, j, f] = sum over (di, dj, c) of x[...] * kernel[di, dj, c, f] + bias[f], then relu" */
      sum: (idx: string, dIdx: string, at: string, bias: boolean, activation: string) =>
        `y[${idx}, f] = sum over (${dIdx}, c) of x[${at}, c] * kernel[${dIdx}, c, f]${bias ? ' + bias[f]' : ''}` +
        (activation === 'linear' ? '' : `, then ${activation}`),
      filters: (filters: number, size: readonly number[], channels: number, bias: boolean) =>
        `Each of the ${filters} filters slides a ${by(size)} window over all ${channels} input channel(s); one output value is the sum of the window's values times the filter's weights${bias ? ', plus the filter\u2019s bias' : ''}.`,
      depthwiseSum: (idx: string, multiplier: number, dIdx: string, at: string, bias: boolean) =>
        `y[${idx}, c*${multiplier} + m] = sum over (${dIdx}) of x[${at}, c] * depthwise_kernel[${dIdx}, c, m]${bias ? ' + bias' : ''}`,
      depthwise: (multiplier: number) =>
        `Depthwise: each input channel gets its own ${multiplier} kernel(s) (depth_multiplier ${multiplier}); channels are not mixed.`,
      separable: (channels: number, multiplier: number, filters: number, bias: boolean) =>
        `Separable: first a depthwise convolution (each of the ${channels} channels with its own ${multiplier} kernel(s), no bias), then a 1 x 1 convolution (pointwise_kernel) mixes the ${channels * multiplier} results into ${filters} filters${bias ? ' and adds the bias' : ''}.`,
      same: (pairs: Pairs, uneven: boolean) =>
        `padding='same': the input is surrounded by zeros (${pairsEn(pairs)}) so the output has ceil(input / stride) positions per axis.` +
        (uneven ? ' TensorFlow puts the odd zero after (bottom/right), not before.' : ''),
      causal: (zeros: number) => `padding='causal': ${zeros} zeros before the signal, so no output looks at a later step.`,
      valid: (input: readonly number[], output: readonly number[]) =>
        `padding='valid': the window stays inside the input, so the output is smaller (${by(input)} -> ${by(output)}).`,
      stride: (tuple: string, strides: readonly number[]) => `Stride ${tuple}: the window moves ${by(strides)} cells between outputs.`,
      dilation: (tuple: string, dilation: readonly number[]) => `Dilation ${tuple}: the window's taps are ${by(dilation)} cells apart.`,
      channelsFirst: 'data_format channels_first: the channels come before the spatial axes; the arithmetic is the same.',
      overLastAxis: 'over the last axis',
    },
    pool: {
      global: (channels: number, max: boolean, size: readonly number[]) =>
        `Each of the ${channels} channels becomes one number: ${max ? 'the largest value' : 'the mean'} over all ${by(size)} positions.`,
      window: (size: readonly number[], strides: readonly number[], max: boolean) =>
        `A ${by(size)} window moves ${by(strides)} cells at a time over each channel separately; each output is ${max ? 'the largest value' : 'the mean'} of the values in its window. No weights are learned.`,
      same: (pairs: Pairs, average: boolean) =>
        `padding='same': windows at the edge reach past the input (${pairsEn(pairs)}); those cells are ignored` +
        (average ? ', and the mean divides by the number of cells inside the input.' : '.'),
      values: (count: number) => `${count} values`,
    },
    batchnorm: {
      inference: (channels: number, axis: number) =>
        `At prediction time each of the ${channels} channel(s) (axis ${axis}) is shifted and scaled with the moving statistics learnt in training: y = x * multiplier + shift per channel.`,
      training: (momentum: string) =>
        `In training the layer uses the batch's own mean and variance instead, and moves the moving statistics: moving * ${momentum} + batch * (1 - ${momentum}).`,
      samePerPosition: 'The same constants apply at every position of a channel.',
      trainingBatch: (count: number) =>
        `While training, each channel is normalised with the mean and variance of the current batch (${count} value(s) per channel), not the moving statistics.`,
      trainingMove: (momentum: string) =>
        `After the step the moving statistics move towards the batch's: moving = moving * ${momentum} + batch * (1 - ${momentum}).`,
      singleValue: 'With a single value per channel the batch variance is 0 and every output equals beta: batch statistics need more than one example.',
      severalAxes: (axes: string) => `no reference implementation for BatchNormalization over several axes (${axes}) yet`,
    },
  },
  {
    conv: {
      sum: (idx, dIdx, at, bias, activation) =>
        `y[${idx}, f] = Summe über (${dIdx}, c) von x[${at}, c] * kernel[${dIdx}, c, f]${bias ? ' + bias[f]' : ''}` +
        (activation === 'linear' ? '' : `, dann ${activation}`),
      filters: (filters, size, channels, bias) =>
        `${filters === 1 ? 'Der eine Filter' : `Jeder der ${filters} Filter`} gleitet mit einem ${mal(size)}-Fenster über ${channels === 1 ? 'den einen Eingabekanal' : `alle ${channels} Eingabekanäle`}; ein Ausgabewert ist die Summe der Fensterwerte mal die Gewichte des Filters${bias ? ', plus der Bias des Filters' : ''}.`,
      depthwiseSum: (idx, multiplier, dIdx, at, bias) =>
        `y[${idx}, c*${multiplier} + m] = Summe über (${dIdx}) von x[${at}, c] * depthwise_kernel[${dIdx}, c, m]${bias ? ' + bias' : ''}`,
      depthwise: (multiplier) =>
        `Depthwise: Jeder Eingabekanal bekommt ${multiplier === 1 ? 'seinen eigenen Kernel' : `seine eigenen ${multiplier} Kernel`} (depth_multiplier ${multiplier}); die Kanäle werden nicht gemischt.`,
      separable: (channels, multiplier, filters, bias) =>
        `Separable: zuerst eine Depthwise-Faltung (${channels === 1 ? 'der eine Kanal' : `jeder der ${channels} Kanäle`} mit ${multiplier === 1 ? 'seinem eigenen Kernel' : `seinen eigenen ${multiplier} Kerneln`}, ohne Bias), dann mischt eine 1×1-Faltung (pointwise_kernel) die ${channels * multiplier} Ergebnisse zu ${filters} Filtern${bias ? ' und addiert den Bias' : ''}.`,
      same: (pairs, uneven) =>
        `padding='same': Die Eingabe wird mit Nullen umgeben (${pairsDe(pairs)}), sodass die Ausgabe ceil(Eingabe / Schrittweite) Positionen pro Achse hat.` +
        (uneven ? ' TensorFlow setzt die überzählige Null ans Ende (unten/rechts), nicht an den Anfang.' : ''),
      causal: (zeros) => `padding='causal': ${zeros} Nullen vor dem Signal, sodass keine Ausgabe auf einen späteren Schritt schaut.`,
      valid: (input, output) =>
        `padding='valid': Das Fenster bleibt innerhalb der Eingabe, daher ist die Ausgabe kleiner (${mal(input)} -> ${mal(output)}).`,
      stride: (tuple, strides) => `Schrittweite ${tuple} (stride): Das Fenster rückt von Ausgabe zu Ausgabe um ${mal(strides)} Zellen weiter.`,
      dilation: (tuple, dilation) => `Dilation ${tuple}: Die Abtastpunkte des Fensters liegen ${mal(dilation)} Zellen auseinander.`,
      channelsFirst: 'data_format channels_first: Die Kanäle stehen vor den räumlichen Achsen; die Rechnung bleibt dieselbe.',
      overLastAxis: 'über die letzte Achse',
    },
    pool: {
      global: (channels, max, size) =>
        `${channels === 1 ? 'Der eine Kanal' : `Jeder der ${channels} Kanäle`} wird zu einer Zahl: ${max ? 'dem größten Wert' : 'dem Mittelwert'} über alle ${mal(size)} Positionen.`,
      window: (size, strides, max) =>
        `Ein ${mal(size)}-Fenster wandert in Schritten von ${mal(strides)} Zellen über jeden Kanal einzeln; jede Ausgabe ist ${max ? 'das Maximum' : 'der Mittelwert'} der Werte in ihrem Fenster. Gewichte werden keine gelernt.`,
      same: (pairs, average) =>
        `padding='same': Fenster am Rand ragen über die Eingabe hinaus (${pairsDe(pairs)}); diese Zellen werden ignoriert` +
        (average ? ', und der Mittelwert teilt durch die Zahl der Zellen innerhalb der Eingabe.' : '.'),
      values: (count) => `${count} Werte`,
    },
    batchnorm: {
      inference: (channels, axis) =>
        `Bei der Vorhersage wird ${channels === 1 ? 'der eine Kanal' : `jeder der ${channels} Kanäle`} (Achse ${axis}) mit den im Training gelernten gleitenden Statistiken verschoben und skaliert: y = x * multiplier + shift pro Kanal.`,
      training: (momentum) =>
        `Im Training nutzt die Schicht stattdessen Mittelwert und Varianz des Batches selbst und verschiebt die gleitenden Statistiken: moving * ${momentum} + batch * (1 - ${momentum}).`,
      samePerPosition: 'An jeder Position eines Kanals gelten dieselben Konstanten.',
      trainingBatch: (count) =>
        `Im Training wird jeder Kanal mit Mittelwert und Varianz des aktuellen Batches normalisiert (${count} ${count === 1 ? 'Wert' : 'Werte'} pro Kanal), nicht mit den gleitenden Statistiken.`,
      trainingMove: (momentum) =>
        `Nach dem Schritt rücken die gleitenden Statistiken auf die des Batches zu: moving = moving * ${momentum} + batch * (1 - ${momentum}).`,
      singleValue:
        'Mit nur einem Wert pro Kanal ist die Varianz des Batches 0 und jede Ausgabe gleich beta: Batch-Statistiken brauchen mehr als ein Beispiel.',
      severalAxes: (axes) => `Für BatchNormalization über mehrere Achsen (${axes}) gibt es noch keine Referenzimplementierung`,
    },
  },
);
