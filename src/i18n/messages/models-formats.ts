/**
 * Why a model file cannot be opened (src/models/formats): every ModelFileError's message, in the
 * user's words. Keras' and tfjs' own names (model.json, config.json, weightsManifest, class names,
 * `groups`, `keepdims=True`) stay as code. A file or layer name arrives unquoted; each language
 * quotes it its own way ("name" / „name“).
 */
import { defineMessages } from '../define';
import { formatInteger } from '../format';

/** German decimal comma in a number JavaScript wrote ("1.5e+38" -> "1,5e+38"). */
const comma = (text: string) => text.replace('.', ',');

export const modelsFormats = defineMessages(
  'models-formats',
  {
    quote: (name: string) => `"${name}"`,
    and: 'and',
    unexpected: 'The model could not be opened: Layer Lens met a problem in the file that it cannot explain yet',
    // index.ts: which format a file is
    zipDamaged: (names: string) => `${names} is a damaged or truncated zip file: its list of contents cannot be read.`,
    zipNoConfig: (names: string) => `${names} is a zip file without config.json, so it is not a Keras .keras model.`,
    openAlone: 'Open a .keras or .h5 model on its own; only a TensorFlow.js model.json comes with other files (its .bin shards).',
    jsonInvalid: (name: string) => `"${name}" is not valid JSON (it may be truncated).`,
    jsonNotTfjs: (name: string) => `"${name}" is JSON, but not a TensorFlow.js model.json (it has no "modelTopology").`,
    shardsAlone: (names: string) => `${names}: weight shards alone are not a model; pick model.json together with them.`,
    unknownFile: (names: string) =>
      `${names} is not a model file this app knows: expected a Keras .keras or .h5 file, or a TensorFlow.js model.json with its .bin files.`,
    // file-like.ts
    noFile: 'No file was given. Pick or drop a model file.',
    emptyFile: (name: string) => `The file "${name}" is empty (0 bytes): it holds no model.`,
    tooLarge: (mb: number, max: number) => `The files are ${mb} MB together: far too large for a model to open here (at most ${max} MB).`,
    // hdf5-read.ts
    notHdf5: (name: string) => `"${name}" is not an HDF5 file (its first bytes are not the HDF5 signature).`,
    hdf5Truncated: (name: string, what: string) => `"${name}" ends before the HDF5 data it promises (${what}): it is truncated or damaged.`,
    hdf5Damaged: (name: string, what: string) => `"${name}" is damaged: ${what} (its HDF5 structure is not what an HDF5 file holds there).`,
    hdf5: {
      structure: 'cannot read the HDF5 structure',
      open: (path: string) => `cannot open "${path}"`,
      list: (path: string) => `cannot list "${path}"`,
      attributes: (path: string) => `cannot read the attributes of "${path}"`,
      attribute: (name: string) => `cannot read attribute "${name}"`,
      shape: (path: string) => `cannot read the shape of "${path}"`,
      type: (path: string) => `cannot read the type of "${path}"`,
      numbers: (path: string) => `cannot read the numbers of "${path}"`,
    },
    implausibleEntries: (name: string, path: string) => `"${name}" has an implausible number of entries in "${path}".`,
    groupNotWeight: (name: string, path: string) => `"${name}": "${path}" is a group where a weight array was expected.`,
    invalidShape: (name: string, path: string) => `"${name}": the weight "${path}" has an invalid shape.`,
    shapeTooLarge: (name: string, path: string, shape: string) =>
      `"${name}": the weight "${path}" claims shape [${shape}], more numbers than the file can hold: the file is damaged.`,
    notNumbers: (name: string, path: string, dtype: string) => `"${name}": the weight "${path}" is not stored as numbers (type ${dtype}).`,
    countMismatch: (name: string, path: string, held: number | null, shape: string, count: number) =>
      `"${name}": the weight "${path}" holds ${held ?? 'no'} numbers, its shape [${shape}] needs ${count}.`,
    // keras-h5.ts
    weightsOnly: (name: string) =>
      `"${name}" holds only weights, no model (it was saved with save_weights). Save the whole model with model.save("model.keras") and open that.`,
    noModelConfig: (name: string) => `"${name}" is an HDF5 file, but holds no Keras model (it has no "model_config").`,
    configNotJson: (name: string) => `"${name}": the model configuration inside is not valid JSON; the file is damaged.`,
    noLayerNames: (name: string) => `"${name}" has a model but no weights (no "layer_names" in model_weights).`,
    tooManyWeights: (name: string, layer: string, n: number) => `"${name}": layer "${layer}" lists ${n} weights, implausibly many.`,
    weightNoName: (name: string, layer: string) => `"${name}": layer "${layer}" has a weight without a name.`,
    weightListedMissing: (name: string, weight: string, layer: string) =>
      `"${name}": the weight "${weight}" of layer "${layer}" is listed but missing; the file is damaged.`,
    // keras-zip.ts
    innerTooLarge: (name: string, inner: string) => `"${name}": "${inner}" inside is far too large for a model.`,
    zipUnpack: (name: string) => `"${name}" is a damaged or truncated zip file: it cannot be unpacked.`,
    configJsonInvalid: (name: string) => `"${name}": config.json is not valid JSON; the file is damaged.`,
    npzWeights: (name: string) => `"${name}" stores its weights as model.weights.npz; only the default model.weights.h5 can be opened here.`,
    noWeightsH5: (name: string) => `"${name}" has no model.weights.h5: the model's weights are missing.`,
    keras3WeightMissing: (layer: string, index: number) => `Layer "${layer}": weight number ${index} is missing in model.weights.h5; the file is damaged.`,
    // artifacts.ts, augmentation-layers.ts, keras-export.ts
    rebuildFailed: 'The saved model could not be rebuilt',
    randomCrop: (layer: string, height: string, width: string, h: string, w: string) =>
      `Layer "${layer}" (RandomCrop to ${height}x${width}) crops the ${h}x${w} image at inference too; Layer Lens cannot run that layer.`,
    exportOneInOut: 'Only models with one input and one output can be saved as .keras here.',
    exportChain: (layer: string) => `Layer "${layer}" does not simply follow the layer before it; only chains of layers can be saved as .keras here.`,
    // build-model.ts
    noLayerList: 'The model configuration has no list of layers.',
    tooManyLayers: (n: number) => `The model claims ${n} layers: too many to be a real model here.`,
    layerNoClass: (i: number) => `Layer number ${i} in the model configuration has no class name.`,
    layerConfigNotDict: (i: number, cls: string, config: string) =>
      `Layer number ${i} (${cls}) has settings that are not a list of named values (its "config" is ${config}).`,
    nestedModel: (name: string, cls: string) => `Layer "${name}" is itself a whole model (${cls}); models nested inside models cannot be opened here.`,
    unknownClass: (name: string, cls: string) =>
      `Layer "${name}" has the class "${cls}", which Layer Lens (TensorFlow.js) does not know, so this model cannot run here.`,
    badLayerName: (cls: string, json: string) => `A ${cls} layer has the name ${json}, which is not a layer name (text without commas or slashes).`,
    missingKey: (name: string, cls: string, key: string) => `Layer "${name}" (${cls}) has no "${key}" in its configuration.`,
    unknownActivation: (name: string, activation: string, known: string) =>
      `Layer "${name}" uses the activation ${activation}, which TensorFlow.js does not have (it knows ${known}), so this model cannot run here.`,
    invalidInputShape: (name: string, shape: string) => `Layer "${name}" has an invalid input shape ${shape}.`,
    badUnits: (name: string, key: string, value: string, max: number) => `Layer "${name}" has ${key} = ${value}; it must be a whole number from 1 to ${max}.`,
    impossibleShape: (name: string, cls: string, shape: string) =>
      `Layer "${name}" (${cls}) would produce the impossible shape (${shape}): its input is too small for its kernel, pool or crop.`,
    moreThanFile: (name: string, params: number) =>
      `Layer "${name}" makes the model need ${params} weights, more than the file holds: the configuration does not match the weights.`,
    tooManyParams: (max: number) => `The model would have more than ${max} weights: too large to open here.`,
    twoNames: (name: string) => `Layer "${name}" carries two different names in the model configuration.`,
    duplicateName: (name: string) => `Two layers are called "${name}"; layer names must be unique.`,
    malformedInbound: (name: string) => `Layer "${name}" has malformed connections (inbound_nodes).`,
    calledTooOften: (name: string, n: number) => `Layer "${name}" is called ${n} times: implausibly many.`,
    connectionNoInput: (name: string) => `Layer "${name}" has a connection with no input.`,
    malformedConnection: (name: string, json: string) => `Layer "${name}" has a malformed connection ${json}.`,
    inputNotALayer: (name: string, from: string) => `Layer "${name}" takes its input from "${from}", which is not a layer of this model.`,
    callMissing: (name: string, call: number, from: string) => `Layer "${name}" takes its input from call ${call} of "${from}", which does not exist.`,
    refsMalformed: (key: string) => `The model configuration's ${key} are missing or malformed.`,
    inputNotInputLayer: (name: string) => `The model's input "${name}" is not an InputLayer.`,
    unreachable: (name: string) => `Layer "${name}" cannot be reached from the model's input (its connections form a loop or start nowhere).`,
    outputUnreachable: (name: string) => `The model's output "${name}" cannot be reached from its input.`,
    buildFailed: 'TensorFlow.js could not build the model from its configuration',
    noWeightsFor: (layer: string, cls: string, names: readonly string[]) =>
      `The file has no weights for layer "${layer}" (${cls}), which needs ${names.join(' and ')}.`,
    weightCount: (layer: string, cls: string, expected: number, names: readonly string[], found: number) =>
      `Layer "${layer}" (${cls}) needs ${expected} weight arrays (${names.join(', ')}), the file has ${found}.`,
    weightShape: (layer: string, name: string, want: string, got: string) =>
      `Layer "${layer}": the weight "${name}" should have shape [${want}], the file has [${got}].`,
    weightNonFinite: (layer: string, name: string, value: number, index: number) =>
      `Layer "${layer}": the weight "${name}" contains ${value} (number ${index}); a model with such weights cannot compute.`,
    weightHuge: (layer: string, name: string, value: string, index: number) =>
      `Layer "${layer}": the weight "${name}" holds ${value} (number ${index}), far beyond any trained weight; the file is damaged.`,
    negativeVariance: (layer: string, value: number, index: number) =>
      `Layer "${layer}": the moving variance holds ${value} (number ${index}), but a variance is never negative; the file is damaged.`,
    // keras3-config.ts
    notKerasConfig: 'The model configuration is not a Keras model config (it lacks "class_name").',
    notSequentialOrFunctional: (cls: string) => `The file holds a "${cls}", not a Sequential or Functional Keras model.`,
    configTooDeep: 'The model configuration is nested too deeply to be a Keras model.',
    modelsTooDeep: 'The model nests models inside models too deeply to be opened here.',
    quantized: (name: string, cls: string) => `Layer "${name}" (${cls}) is quantized (its weights are stored as integers); Layer Lens can open only float models.`,
    grouped: (name: string, cls: string, groups: string) =>
      `Layer "${name}" (${cls}) uses grouped convolution (groups = ${groups}); TensorFlow.js, which runs the models here, cannot compute it.`,
    severalAxes: (name: string, axes: string) => `Layer "${name}" normalizes over several axes (${axes}); TensorFlow.js handles one axis only.`,
    keepdims: (name: string, cls: string) => `Layer "${name}" (${cls}) keeps the pooled axes (keepdims=True); TensorFlow.js cannot compute that form.`,
    noLayers: 'The model has no layers besides its input.',
    nestedEmpty: (outer: string) => `The nested model "${outer}" has no layers.`,
    nestedNameClash: (outer: string, name: string) =>
      `The nested model "${outer}" has a layer called "${name}", a name the outer model uses too; it cannot be opened here.`,
    inboundMalformed: 'A layer connection (inbound node) in the model configuration is malformed.',
    // tfjs-json.ts
    weightTypeNamed: (name: string, dtype: string) =>
      `The weight "${name}" in the weightsManifest has the type "${dtype}"; only float32, int32, float16, uint8, uint16 and bool weights can be read here.`,
    weightTypeNone: (name: string) =>
      `The weight "${name}" in the weightsManifest has no readable type; only float32, int32, float16, uint8, uint16 and bool weights can be read here.`,
    noModelJson: 'No model.json with a "modelTopology" was found among the files.',
    graphModel: (name: string) => `"${name}" is a TensorFlow.js graph model (converted from a SavedModel); only layers models can be opened here.`,
    noManifest: (name: string) => `"${name}" has no weightsManifest: it lists no weights.`,
    manifestMalformed: (name: string) => `"${name}": its weightsManifest is malformed.`,
    shardMissing: (name: string, json: string) => `The weights file "${name}" is missing: pick or drop "${json}" together with its .bin file(s).`,
    entryMalformed: (name: string) => `"${name}": a weight entry in its weightsManifest is malformed.`,
    shardBytes: (paths: string, bytes: number, json: string, need: number) =>
      `The weights file(s) ${paths} hold ${bytes} bytes, but "${json}" describes ${need}: ${need > bytes ? 'the .bin file is truncated or belongs to another model' : 'the .bin file belongs to another model'}.`,
    decodeFailed: (json: string) => `"${json}": its weights cannot be decoded`,
  },
  {
    quote: (name) => `„${name}“`,
    and: 'und',
    unexpected: 'Das Modell konnte nicht geöffnet werden: Die Datei enthält ein Problem, das die App noch nicht erklären kann',
    zipDamaged: (names) => `${names} ist eine beschädigte oder unvollständige Zip-Datei: Das Inhaltsverzeichnis lässt sich nicht lesen.`,
    zipNoConfig: (names) => `${names} ist eine Zip-Datei ohne config.json und damit kein Keras-Modell im .keras-Format.`,
    openAlone: 'Bitte ein .keras- oder .h5-Modell allein öffnen; nur eine TensorFlow.js-model.json kommt mit weiteren Dateien (ihren .bin-Teilen).',
    jsonInvalid: (name) => `„${name}“ ist kein gültiges JSON (die Datei ist vielleicht abgeschnitten).`,
    jsonNotTfjs: (name) => `„${name}“ ist JSON, aber keine TensorFlow.js-model.json (es fehlt „modelTopology“).`,
    shardsAlone: (names) => `${names}: Gewichtsdateien allein sind kein Modell; bitte die model.json zusammen mit ihnen wählen.`,
    unknownFile: (names) =>
      `${names} ist keine Modelldatei, die diese App kennt: Erwartet wird eine Keras-Datei (.keras oder .h5) oder eine TensorFlow.js-model.json mit ihren .bin-Dateien.`,
    noFile: 'Es wurde keine Datei übergeben. Bitte eine Modelldatei wählen oder hierher ziehen.',
    emptyFile: (name) => `Die Datei „${name}“ ist leer (0 Byte) und enthält kein Modell.`,
    tooLarge: (mb, max) => `Die Dateien sind zusammen ${formatInteger(mb)} MB groß: viel zu groß, um hier ein Modell zu öffnen (höchstens ${formatInteger(max)} MB).`,
    notHdf5: (name) => `„${name}“ ist keine HDF5-Datei (die ersten Bytes sind nicht die HDF5-Signatur).`,
    hdf5Truncated: (name, what) => `„${name}“ endet vor den HDF5-Daten, die sie ankündigt (${what}): Die Datei ist abgeschnitten oder beschädigt.`,
    hdf5Damaged: (name, what) => `„${name}“ ist beschädigt: ${what} (die HDF5-Struktur ist an dieser Stelle nicht die einer HDF5-Datei).`,
    hdf5: {
      structure: 'die HDF5-Struktur lässt sich nicht lesen',
      open: (path) => `„${path}“ lässt sich nicht öffnen`,
      list: (path) => `der Inhalt von „${path}“ lässt sich nicht auflisten`,
      attributes: (path) => `die Attribute von „${path}“ lassen sich nicht lesen`,
      attribute: (name) => `das Attribut „${name}“ lässt sich nicht lesen`,
      shape: (path) => `die Form von „${path}“ lässt sich nicht lesen`,
      type: (path) => `der Datentyp von „${path}“ lässt sich nicht lesen`,
      numbers: (path) => `die Zahlen von „${path}“ lassen sich nicht lesen`,
    },
    implausibleEntries: (name, path) => `„${name}“ hat unplausibel viele Einträge in „${path}“.`,
    groupNotWeight: (name, path) => `„${name}“: „${path}“ ist eine Gruppe, wo ein Gewichts-Array erwartet wurde.`,
    invalidShape: (name, path) => `„${name}“: Das Gewicht „${path}“ hat eine ungültige Form.`,
    shapeTooLarge: (name, path, shape) =>
      `„${name}“: Das Gewicht „${path}“ gibt die Form [${shape}] an, mehr Zahlen, als die Datei fassen kann: Die Datei ist beschädigt.`,
    notNumbers: (name, path, dtype) => `„${name}“: Das Gewicht „${path}“ ist nicht als Zahlen gespeichert (Typ ${dtype}).`,
    countMismatch: (name, path, held, shape, count) =>
      `„${name}“: Das Gewicht „${path}“ enthält ${held === null ? 'keine' : formatInteger(held)} Zahlen, seine Form [${shape}] braucht ${formatInteger(count)}.`,
    weightsOnly: (name) =>
      `„${name}“ enthält nur Gewichte, kein Modell (gespeichert mit save_weights). Bitte das ganze Modell mit model.save("model.keras") speichern und diese Datei öffnen.`,
    noModelConfig: (name) => `„${name}“ ist eine HDF5-Datei, enthält aber kein Keras-Modell (es fehlt „model_config“).`,
    configNotJson: (name) => `„${name}“: Die enthaltene Modellkonfiguration ist kein gültiges JSON; die Datei ist beschädigt.`,
    noLayerNames: (name) => `„${name}“ enthält ein Modell, aber keine Gewichte (kein „layer_names“ in model_weights).`,
    tooManyWeights: (name, layer, n) => `„${name}“: Die Schicht „${layer}“ führt ${formatInteger(n)} Gewichte auf, unplausibel viele.`,
    weightNoName: (name, layer) => `„${name}“: Die Schicht „${layer}“ hat ein Gewicht ohne Namen.`,
    weightListedMissing: (name, weight, layer) =>
      `„${name}“: Das Gewicht „${weight}“ der Schicht „${layer}“ ist aufgeführt, fehlt aber; die Datei ist beschädigt.`,
    innerTooLarge: (name, inner) => `„${name}“: Die enthaltene Datei „${inner}“ ist für ein Modell viel zu groß.`,
    zipUnpack: (name) => `„${name}“ ist eine beschädigte oder unvollständige Zip-Datei und lässt sich nicht entpacken.`,
    configJsonInvalid: (name) => `„${name}“: config.json ist kein gültiges JSON; die Datei ist beschädigt.`,
    npzWeights: (name) => `„${name}“ speichert seine Gewichte als model.weights.npz; hier lässt sich nur das übliche model.weights.h5 öffnen.`,
    noWeightsH5: (name) => `„${name}“ hat keine model.weights.h5: Die Gewichte des Modells fehlen.`,
    keras3WeightMissing: (layer, index) => `Schicht „${layer}“: Gewicht Nummer ${index} fehlt in model.weights.h5; die Datei ist beschädigt.`,
    rebuildFailed: 'Das gespeicherte Modell ließ sich nicht wiederherstellen',
    randomCrop: (layer, height, width, h, w) =>
      `Die Schicht „${layer}“ (RandomCrop auf ${height}x${width}) schneidet das ${h}x${w}-Bild auch bei der Vorhersage zu; diese Schicht kann hier nicht ausgeführt werden.`,
    exportOneInOut: 'Nur Modelle mit einer Eingabe und einer Ausgabe lassen sich hier als .keras speichern.',
    exportChain: (layer) => `Die Schicht „${layer}“ folgt nicht einfach auf die Schicht davor; nur Ketten von Schichten lassen sich hier als .keras speichern.`,
    noLayerList: 'Die Modellkonfiguration enthält keine Liste von Schichten.',
    tooManyLayers: (n) => `Das Modell gibt ${formatInteger(n)} Schichten an: zu viele für ein echtes Modell.`,
    layerNoClass: (i) => `Schicht Nummer ${i} in der Modellkonfiguration hat keinen Klassennamen.`,
    layerConfigNotDict: (i, cls, config) =>
      `Schicht Nummer ${i} (${cls}) hat Einstellungen, die keine Liste benannter Werte sind (ihre „config“ ist ${config}).`,
    nestedModel: (name, cls) => `Die Schicht „${name}“ ist selbst ein ganzes Modell (${cls}); ineinander verschachtelte Modelle lassen sich hier nicht öffnen.`,
    unknownClass: (name, cls) =>
      `Die Schicht „${name}“ hat die Klasse „${cls}“, die Layer Lens (TensorFlow.js) nicht kennt; dieses Modell kann hier daher nicht laufen.`,
    badLayerName: (cls, json) => `Eine ${cls}-Schicht hat den Namen ${json}, der kein Schichtname ist (Text ohne Kommas oder Schrägstriche).`,
    missingKey: (name, cls, key) => `Die Schicht „${name}“ (${cls}) hat kein „${key}“ in ihrer Konfiguration.`,
    unknownActivation: (name, activation, known) =>
      `Die Schicht „${name}“ verwendet die Aktivierung ${activation}, die TensorFlow.js nicht hat (es kennt ${known}); dieses Modell kann hier daher nicht laufen.`,
    invalidInputShape: (name, shape) => `Die Schicht „${name}“ hat eine ungültige Eingabeform ${shape}.`,
    badUnits: (name, key, value, max) => `Die Schicht „${name}“ hat ${key} = ${value}; erlaubt ist eine ganze Zahl von 1 bis ${formatInteger(max)}.`,
    impossibleShape: (name, cls, shape) =>
      `Die Schicht „${name}“ (${cls}) ergäbe die unmögliche Form (${shape}): Die Eingabe ist zu klein für den Kernel, das Pooling-Fenster oder den Zuschnitt.`,
    moreThanFile: (name, params) =>
      `Mit der Schicht „${name}“ bräuchte das Modell ${formatInteger(params)} Gewichte, mehr als die Datei enthält: Die Konfiguration passt nicht zu den Gewichten.`,
    tooManyParams: (max) => `Das Modell hätte mehr als ${formatInteger(max)} Gewichte: zu groß, um es hier zu öffnen.`,
    twoNames: (name) => `Die Schicht „${name}“ trägt in der Modellkonfiguration zwei verschiedene Namen.`,
    duplicateName: (name) => `Zwei Schichten heißen „${name}“; Schichtnamen müssen eindeutig sein.`,
    malformedInbound: (name) => `Die Schicht „${name}“ hat fehlerhafte Verbindungen (inbound_nodes).`,
    calledTooOften: (name, n) => `Die Schicht „${name}“ wird ${formatInteger(n)}-mal aufgerufen: unplausibel oft.`,
    connectionNoInput: (name) => `Die Schicht „${name}“ hat eine Verbindung ohne Eingabe.`,
    malformedConnection: (name, json) => `Die Schicht „${name}“ hat eine fehlerhafte Verbindung ${json}.`,
    inputNotALayer: (name, from) => `Die Schicht „${name}“ erhält ihre Eingabe von „${from}“, das keine Schicht dieses Modells ist.`,
    callMissing: (name, call, from) => `Die Schicht „${name}“ erhält ihre Eingabe aus Aufruf ${call} von „${from}“, den es nicht gibt.`,
    refsMalformed: (key) => `In der Modellkonfiguration fehlen die ${key} oder sind fehlerhaft.`,
    inputNotInputLayer: (name) => `Die Eingabe „${name}“ des Modells ist kein InputLayer.`,
    unreachable: (name) =>
      `Die Schicht „${name}“ ist von der Eingabe des Modells aus nicht erreichbar (ihre Verbindungen bilden eine Schleife oder beginnen nirgends).`,
    outputUnreachable: (name) => `Die Ausgabe „${name}“ des Modells ist von seiner Eingabe aus nicht erreichbar.`,
    buildFailed: 'TensorFlow.js konnte das Modell nicht aus seiner Konfiguration aufbauen',
    noWeightsFor: (layer, cls, names) =>
      `Die Datei enthält keine Gewichte für die Schicht „${layer}“ (${cls}), die ${names.join(' und ')} braucht.`,
    weightCount: (layer, cls, expected, names, found) =>
      `Die Schicht „${layer}“ (${cls}) braucht ${expected} Gewichts-Arrays (${names.join(', ')}), die Datei hat ${found}.`,
    weightShape: (layer, name, want, got) => `Schicht „${layer}“: Das Gewicht „${name}“ sollte die Form [${want}] haben, die Datei hat [${got}].`,
    weightNonFinite: (layer, name, value, index) =>
      `Schicht „${layer}“: Das Gewicht „${name}“ enthält ${comma(String(value))} (Nummer ${index}); mit solchen Gewichten kann ein Modell nicht rechnen.`,
    weightHuge: (layer, name, value, index) =>
      `Schicht „${layer}“: Das Gewicht „${name}“ enthält ${comma(value)} (Nummer ${index}), weit jenseits jedes trainierten Gewichts; die Datei ist beschädigt.`,
    negativeVariance: (layer, value, index) =>
      `Schicht „${layer}“: Die gleitende Varianz (moving_variance) enthält ${comma(String(value))} (Nummer ${index}), aber eine Varianz ist nie negativ; die Datei ist beschädigt.`,
    notKerasConfig: 'Die Modellkonfiguration ist keine Keras-Modellkonfiguration (es fehlt „class_name“).',
    notSequentialOrFunctional: (cls) => `Die Datei enthält ein „${cls}“, kein Sequential- oder Functional-Modell von Keras.`,
    configTooDeep: 'Die Modellkonfiguration ist zu tief verschachtelt, um ein Keras-Modell zu sein.',
    modelsTooDeep: 'Das Modell verschachtelt Modelle in Modellen zu tief, um hier geöffnet zu werden.',
    quantized: (name, cls) =>
      `Die Schicht „${name}“ (${cls}) ist quantisiert (ihre Gewichte sind als ganze Zahlen gespeichert); Layer Lens kann nur Modelle mit Gleitkommagewichten öffnen.`,
    grouped: (name, cls, groups) =>
      `Die Schicht „${name}“ (${cls}) verwendet eine gruppierte Faltung (groups = ${groups}); TensorFlow.js, das die Modelle hier ausführt, kann sie nicht berechnen.`,
    severalAxes: (name, axes) => `Die Schicht „${name}“ normalisiert über mehrere Achsen (${axes}); TensorFlow.js kann nur eine Achse.`,
    keepdims: (name, cls) => `Die Schicht „${name}“ (${cls}) behält die gepoolten Achsen (keepdims=True); diese Form kann TensorFlow.js nicht berechnen.`,
    noLayers: 'Das Modell hat außer seiner Eingabe keine Schichten.',
    nestedEmpty: (outer) => `Das verschachtelte Modell „${outer}“ hat keine Schichten.`,
    nestedNameClash: (outer, name) =>
      `Das verschachtelte Modell „${outer}“ hat eine Schicht namens „${name}“, einen Namen, den auch das äußere Modell verwendet; es lässt sich hier nicht öffnen.`,
    inboundMalformed: 'Eine Schichtverbindung (inbound node) in der Modellkonfiguration ist fehlerhaft.',
    weightTypeNamed: (name, dtype) =>
      `Das Gewicht „${name}“ im weightsManifest hat den Typ „${dtype}“; lesen lassen sich hier nur Gewichte vom Typ float32, int32, float16, uint8, uint16 und bool.`,
    weightTypeNone: (name) =>
      `Das Gewicht „${name}“ im weightsManifest hat keinen lesbaren Typ; lesen lassen sich hier nur Gewichte vom Typ float32, int32, float16, uint8, uint16 und bool.`,
    noModelJson: 'Unter den Dateien ist keine model.json mit „modelTopology“.',
    graphModel: (name) =>
      `„${name}“ ist ein TensorFlow.js-Graph-Modell (aus einem SavedModel konvertiert); hier lassen sich nur Layers-Modelle öffnen.`,
    noManifest: (name) => `„${name}“ hat kein weightsManifest und führt damit keine Gewichte auf.`,
    manifestMalformed: (name) => `„${name}“: Das weightsManifest ist fehlerhaft.`,
    shardMissing: (name, json) => `Die Gewichtsdatei „${name}“ fehlt: Bitte „${json}“ zusammen mit den zugehörigen .bin-Dateien wählen oder hierher ziehen.`,
    entryMalformed: (name) => `„${name}“: Ein Gewichtseintrag im weightsManifest ist fehlerhaft.`,
    shardBytes: (paths, bytes, json, need) =>
      `Die Gewichtsdatei(en) ${paths} enthalten ${formatInteger(bytes)} Byte, aber „${json}“ beschreibt ${formatInteger(need)}: ${need > bytes ? 'Die .bin-Datei ist abgeschnitten oder gehört zu einem anderen Modell' : 'Die .bin-Datei gehört zu einem anderen Modell'}.`,
    decodeFailed: (json) => `„${json}“: Die Gewichte lassen sich nicht dekodieren`,
  },
);
