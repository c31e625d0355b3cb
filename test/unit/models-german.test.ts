/**
 * What src/models says to a learner, in German: a broken or unsupported model file, the courses'
 * titles and training settings, a run's diagnosis, training's refusals, the housing glossary and
 * prices. The same objects answer in English again after a switch back (text fields are read in
 * the language on screen, not frozen when the module loaded).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { setLanguage } from '../../src/i18n/language';
import { openModelFiles, ModelFileError } from '../../src/models/formats';
import { isRawErrorText } from '../../src/models/formats/errors';
import { irisCourse } from '../../src/models/courses/iris';
import { mnistCourse } from '../../src/models/courses/mnist';
import { housingCourse, HOUSING_PRESET_ROWS } from '../../src/models/courses/housing';
import { formatDollars, HOUSING_FEATURES } from '../../src/models/data/housing';
import { loadIris } from '../../src/models/iris';
import { irisRecipe, IRIS_COURSE_CONFIG, mnistRecipe } from '../../src/models/recipe-specs';
import { initialWeights } from '../../src/models/train/recipe-weights';
import { diagnose, validationMix } from '../../src/models/diagnostics';
import { checkTrainingInputs } from '../../src/models/train/checks';
import { train } from '../../src/models/train/train';
import { parseScalerFields } from '../../src/models/scaler';
import { parseIdxImages } from '../../src/models/data/idx';
import { fixtures } from '../fixtures';

const FIX = fixtures('models');

/** A one-layer Keras 3 .keras file whose Conv2D has `groups` groups (Keras 3 writes groups for every conv). */
function kerasWithGroups(groups: number): Uint8Array {
  const config = {
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 8, 8, 4], dtype: 'float32', name: 'input_layer' } },
        {
          module: 'keras.layers',
          class_name: 'Conv2D',
          config: { name: 'grouped_conv', filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', groups, activation: 'linear', use_bias: true },
        },
      ],
    },
  };
  return zipSync({ 'config.json': strToU8(JSON.stringify(config)), 'metadata.json': strToU8('{}'), 'model.weights.h5': new Uint8Array([1, 2, 3]) });
}

/** The refusal, or null when the file opens. */
async function attempt(name: string, bytes: Uint8Array): Promise<ModelFileError | null> {
  return openModelFiles([{ name, bytes }]).then(
    () => null,
    (x: unknown) => x as ModelFileError,
  );
}

async function refusal(name: string, bytes: Uint8Array): Promise<ModelFileError> {
  const e = await attempt(name, bytes);
  expect(e).toBeInstanceOf(ModelFileError);
  return e as ModelFileError;
}

afterEach(() => setLanguage('en'));

describe('model files refused in German', () => {
  it('a model with grouped convolution (groups = 2) names the layer, in German; English again after the switch back', async () => {
    setLanguage('de');
    const de = await refusal('grouped.keras', kerasWithGroups(2));
    expect(de.message).toBe(
      'Die Schicht „grouped_conv“ (Conv2D) verwendet eine gruppierte Faltung (groups = 2); TensorFlow.js, das die Modelle hier ausführt, kann sie nicht berechnen.',
    );
    expect(de.layer).toBe('grouped_conv');
    setLanguage('en');
    const en = await refusal('grouped.keras', kerasWithGroups(2));
    expect(en.message).toMatch(/^Layer "grouped_conv" \(Conv2D\) uses grouped convolution \(groups = 2\)/);
  });

  it('a file that is no model, an empty file and a zip without config.json', async () => {
    setLanguage('de');
    expect((await refusal('notes.txt', strToU8('hello'))).message).toBe(
      '„notes.txt“ ist keine Modelldatei, die diese App kennt: Erwartet wird eine Keras-Datei (.keras oder .h5) oder eine TensorFlow.js-model.json mit ihren .bin-Dateien.',
    );
    expect((await refusal('leer.h5', new Uint8Array(0))).message).toBe('Die Datei „leer.h5“ ist leer (0 Byte) und enthält kein Modell.');
    const zip = zipSync({ 'readme.txt': strToU8('x') });
    expect((await refusal('m.keras', zip)).message).toBe('„m.keras“ ist eine Zip-Datei ohne config.json und damit kein Keras-Modell im .keras-Format.');
  });

  it.skipIf(!FIX.present)(`a truncated .h5 says in German that it ends early, keeps the RangeError as cause, and no raw text${FIX.skipNote}`, async () => {
    setLanguage('de');
    const bytes = new Uint8Array(readFileSync(FIX.path('keras2-iris-sigmoid16/iris_model.h5'))).slice(0, 5000);
    const e = await refusal('iris.h5', bytes);
    expect(e.message).toMatch(/^„iris\.h5“ endet vor den HDF5-Daten, die sie ankündigt \(.*\): Die Datei ist abgeschnitten oder beschädigt\.$/);
    expect(e.message).not.toMatch(/\b(cannot|the|file)\b/);
    expect(e.cause).toBeInstanceOf(RangeError);
    expect(isRawErrorText(e.message)).toBe(false);
  });
});

describe('damaged copies of real model files, in German', () => {
  it.skipIf(!FIX.present)(`each cut of a .keras and an .h5 is refused in German words, never raw JavaScript text${FIX.skipNote}`, async () => {
    const files = [
      ['iris.keras', new Uint8Array(readFileSync(FIX.path('keras3-iris-dropout/iris_model.keras')))],
      ['iris.h5', new Uint8Array(readFileSync(FIX.path('keras3-iris-dropout/iris_model.h5')))],
    ] as const;
    let refused = 0;
    for (const [name, whole] of files) {
      for (const fraction of [0.02, 0.2, 0.5, 0.9, 0.99]) {
        const bytes = whole.slice(0, Math.floor(whole.length * fraction));
        setLanguage('en');
        const en = await attempt(name, bytes);
        if (en === null) continue; // the cut left everything the model needs
        setLanguage('de');
        const de = await refusal(name, bytes);
        refused++;
        const where = `${name} cut at ${fraction}: ${de.message}`;
        expect(isRawErrorText(de.message), where).toBe(false);
        expect(de.message, where).not.toBe(en.message);
        expect(de.message, where).toMatch(/„|\b(Die|Das|Der|ist|nicht|Datei|Schicht)\b/);
      }
    }
    expect(refused).toBeGreaterThanOrEqual(6);
  });
});

describe('the courses in German', () => {
  it('titles, summaries, nouns and recipes follow the language at read time', () => {
    setLanguage('de');
    expect(irisCourse.title).toBe('Iris-Blüten');
    expect(irisCourse.nouns).toEqual({ one: 'Blüte', many: 'Blüten' });
    expect(mnistCourse.summary).toBe('Handgeschriebene Ziffern lesen: 60.000 Trainings- und 10.000 Testbilder aus 28 × 28 Graustufen.');
    expect(mnistCourse.recipes.map((r) => r.title)).toEqual([
      'Sequential, rohe Pixel 0..255',
      'Functional API, rohe Pixel 0..255',
      'Sequential mit Rescaling(1/255)',
      'Faltungsnetz (CNN)',
    ]);
    expect(housingCourse.title).toBe('Kalifornische Immobilienpreise');
    setLanguage('en');
    expect(irisCourse.title).toBe('Iris flowers');
    expect(mnistCourse.summary).toBe('Read handwritten digits: 60,000 training and 10,000 test images of 28 × 28 grey levels.');
  });

  it("the settings' labels and hints, with a decimal comma in German", () => {
    setLanguage('de');
    const s = irisCourse.settings;
    expect([s.epochs.label, s.epochs.hint]).toEqual(['Epochen', 'Kurs: 300']);
    expect([s.learningRate.label, s.learningRate.hint]).toEqual(['Lernrate', 'RMSprop-Standard: 0,001']);
    expect(s.hiddenUnits.label).toBe('Neuronen (verborgene Schicht)');
    expect(s.seed.hint).toBe('gleicher Seed, gleicher Lauf');
    expect(housingCourse.settings.hiddenUnits.label).toBe('Neuronen (je verborgene Dense-Schicht)');
    // The limits stay the course's own.
    expect([housingCourse.settings.hiddenUnits.max, housingCourse.settings.epochs.max]).toEqual([256, 2000]);
    setLanguage('en');
    expect([s.learningRate.label, s.learningRate.hint, housingCourse.settings.hiddenUnits.label]).toEqual(['Learning rate', 'RMSprop default: 0.001', 'Hidden units (each Dense)']);
  });

  it("Iris' inputs and presets: German feature names, species kept", () => {
    setLanguage('de');
    const input = irisCourse.input;
    if (input.kind !== 'table') throw new Error('Iris takes a table row');
    expect(input.featureNames).toEqual(['Kelchblattlänge (cm)', 'Kelchblattbreite (cm)', 'Kronblattlänge (cm)', 'Kronblattbreite (cm)']);
    const presets = input.presets({ train: loadIris(), test: null }).map((p) => p.label);
    expect(presets).toContain('Blüte 1 aus dem Kurs');
    expect(presets).toContain('Eine Iris setosa (Zeile 0)');
    expect(irisCourse.output).toEqual({ kind: 'classes', classNames: ['setosa', 'versicolor', 'virginica'] });
  });

  it('housing: prices as German writes them, the glossary and the presets', () => {
    setLanguage('de');
    expect(formatDollars(2.063)).toBe('206.300 $');
    expect(formatDollars(-0.05)).toBe('\u22125.000 $');
    expect(formatDollars(NaN)).toBe('—');
    expect(HOUSING_PRESET_ROWS[0].label).toBe('Zeile 0: Berkeley Hills (452.600 $)');
    expect(HOUSING_FEATURES[0].label).toBe('MedInc (Medianeinkommen, in 10.000 $)');
    const out = housingCourse.output;
    if (out.kind !== 'value') throw new Error('housing predicts a value');
    expect([out.name, out.unit]).toEqual(['mittlerer Hauswert (Median)', '100.000 $']);
    expect(out.glossary?.at(-1)?.term).toBe('MedHouseVal (die Ausgabe, in 100.000 $)');
    setLanguage('en');
    expect(formatDollars(2.063)).toBe('$206,300');
    expect(out.glossary?.at(-1)?.term).toBe('MedHouseVal (the output, $100,000s)');
  });

  it('the loading progress of a course speaks German', async () => {
    setLanguage('de');
    const messages: string[] = [];
    await irisCourse.load((_, message) => messages.push(message));
    expect(messages).toEqual(['Iris geladen']);
  });
});

describe('a run explained in German', () => {
  const iris = loadIris();
  const recipe = irisRecipe();

  /** Every hidden unit switched off, the output bias favouring virginica: all 150 flowers predicted as virginica. */
  function deadRun() {
    const w = initialWeights(recipe, 1);
    w[1].values.fill(-100);
    w[3].values.set([0, 0, 1]);
    return w;
  }

  it('a stuck run: every flower one class, dead ReLU units, the accuracy with a decimal comma', () => {
    const d = diagnose(recipe, deadRun(), iris);
    setLanguage('de');
    expect(d.message).toBe(
      'Alle 150 Blüten werden als virginica vorhergesagt: 8 von 8 verborgenen Neuronen feuern nie (ihre ReLU-Ausgabe ist für alle Blüten 0), daher kann das Netz die Blüten nicht unterscheiden (Genauigkeit 33,3 %). Der zufällige Start hat zu wenige Neuronen am Leben gelassen. Bitte mit einem neuen Seed neu trainieren.',
    );
    // The same diagnosis reads English after a switch back.
    setLanguage('en');
    expect(d.message).toMatch(/^All 150 flowers are predicted as virginica: 8 of 8 hidden units never fire/);
  });

  it("what validation_split holds out of Iris, sorted by class", () => {
    setLanguage('de');
    expect(validationMix(iris, 0.1).message).toBe(
      'Die letzten 15 Zeilen, alle virginica, werden für die Validierung zurückgehalten: Keras nimmt validation_split vor dem Mischen vom Ende der Daten, und dieser Datensatz ist nach Klassen sortiert. Daher misst val_accuracy nur virginica, und das Training sieht 50 setosa, 50 versicolor und 35 virginica.',
    );
  });

  it("training's refusals and the engine's name", async () => {
    setLanguage('de');
    expect(() => checkTrainingInputs(recipe, iris, { ...IRIS_COURSE_CONFIG, epochs: 0 })).toThrow('epochs muss eine ganze Zahl von mindestens 1 sein, erhalten: 0.');
    expect(() => checkTrainingInputs(recipe, iris, { ...IRIS_COURSE_CONFIG, learningRate: -0.5 })).toThrow('Die Lernrate muss eine positive Zahl sein, erhalten: -0,5.');
    expect(() => mnistRecipe('sequential', 0)).toThrow('Die verborgene Schicht braucht eine ganze Zahl von Neuronen (mindestens 1), erhalten: 0.');
    const result = await train(recipe, iris, { ...IRIS_COURSE_CONFIG, epochs: 1 });
    expect(result.engine).toBe('float32-Engine von Layer Lens (reines TypeScript)');
  });

  it('a StandardScaler typed wrong, and a broken IDX file', () => {
    setLanguage('de');
    expect(() => parseScalerFields('5,8; 3,1', '1; 0', 2)).toThrow('Skala (scale): Wert 2 ist 0; durch 0 lässt sich nicht teilen (sklearn nimmt 1 für ein konstantes Merkmal).');
    expect(() => parseIdxImages(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]))).toThrow(
      'Die Bilddatei ist abgeschnitten: 8 Byte, zu kurz selbst für den 16-Byte-IDX-Kopf.',
    );
  });
});

describe('an engine name after a language switch', () => {
  it("engineLabel gives a run's engine name in the language on screen, whichever language the run started in", async () => {
    const { engineLabel } = await import('../../src/models/train/engine-label');
    const german = 'float32-Engine von Layer Lens (reines TypeScript)';
    const english = 'Layer Lens float32 engine (plain TypeScript)';
    expect(engineLabel(german)).toBe(english);
    expect(engineLabel('Layer Lens convolution engine (im2col, WebAssembly SIMD where available)')).toMatch(/^Layer Lens convolution engine/);
    setLanguage('de');
    expect(engineLabel(english)).toBe(german);
    expect(engineLabel('tfjs cpu')).toBe('tfjs cpu');
  });
});
