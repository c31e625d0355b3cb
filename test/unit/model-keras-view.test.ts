/**
 * The "model in Keras" panel's content for every course model: model.summary() with the rows and
 * totals Keras prints for the same model, and the course code with the settings a model was
 * trained with, run through the Keras 3 stand-in (test/python) to see that it builds the same
 * layers and compiles and fits with those settings.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from '../../src/models/recipes';
import { COURSES, type Course, type CourseSettings } from '../../src/models/courses';
import { kerasView, courseCode } from '../../src/viz/state/keras-view';
import { tfl } from '../../src/models/tf';
import { compileLine, float32Text } from '../../src/inspector/export/compileLine';
import { openModelFiles } from '../../src/models/formats';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fixtures } from '../fixtures';

const CHECKER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'python', 'check_keras_code.py');

/** Data names the course code uses, and a stand-in for the two scikit-learn imports housing's code makes. */
const PRELUDE = `
import sys, types
X = y = x_train = y_train = None
class _Bunch:
    data = None
    target = None
class _Scaler:
    def fit(self, x): return self
    def transform(self, x): return x
_sk = types.ModuleType("sklearn"); _ds = types.ModuleType("sklearn.datasets"); _pp = types.ModuleType("sklearn.preprocessing")
_ds.fetch_california_housing = lambda: _Bunch(); _pp.StandardScaler = _Scaler
sys.modules.update({"sklearn": _sk, "sklearn.datasets": _ds, "sklearn.preprocessing": _pp})
`;

interface Built {
  inputs: { shape: number[] }[];
  models: { kind: string; layers?: { class: string; args: Record<string, unknown> }[] }[];
  calls: { class: string; args: Record<string, unknown> }[];
  compile?: { optimizer: { class: string; learning_rate?: number }; loss: string | { class: string; from_logits: boolean }; metrics: string[] | null };
  fit?: { epochs: number; batch_size: number | null; validation_split: number };
  seed?: number;
}

function run(code: string): Built {
  return JSON.parse(execFileSync('python3', [CHECKER], { input: PRELUDE + code, encoding: 'utf8' })) as Built;
}

const course = (id: string): Course => COURSES.find((c) => c.id === id)!;

/** The panel's view of a course recipe's model, as the app shows it after training with `settings`. */
function viewOf(c: Course, recipeId: string, settings: CourseSettings = c.defaults) {
  const recipe = c.recipes.find((r) => r.id === recipeId)!.build(settings.hiddenUnits, c.fit);
  const model = buildModel(recipe);
  const view = kerasView({ model, info: { title: '', featureNames: [], classNames: null, scaler: null, featureRanges: null } }, { kind: 'course', trained: true, settings, recipe: recipeId }, c)!;
  model.dispose();
  return view;
}

const rows = (v: ReturnType<typeof viewOf>) => v.summary.rows.map((r) => [r.layer, r.outputShape, r.params]);
const totals = (v: ReturnType<typeof viewOf>) => v.summaryText.split('\n').slice(-3);

describe('model.summary() of the course models, as Keras prints it', () => {
  it('Iris: sequential, Dense(8) relu Dense(3) softmax, 67 params', () => {
    const v = viewOf(course('iris'), 'sequential');
    expect(v.summaryText.split('\n')[0]).toBe('Model: "sequential"');
    expect(rows(v)).toEqual([
      ['dense (Dense)', '(None, 8)', 40],
      ['activation (Activation)', '(None, 8)', 0],
      ['dense_1 (Dense)', '(None, 3)', 27],
      ['activation_1 (Activation)', '(None, 3)', 0],
    ]);
    expect(totals(v)).toEqual([' Total params: 67 (268.00 B)', ' Trainable params: 67 (268.00 B)', ' Non-trainable params: 0 (0.00 B)']);
  });

  it('MNIST Sequential: Flatten, Dense 128, Dense 10: 101,770 params (397.54 KB), the table Keras prints', () => {
    const v = viewOf(course('mnist'), 'sequential');
    expect(v.summaryText).toBe(
      [
        'Model: "sequential"',
        '┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓',
        '┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃',
        '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩',
        '│ flatten (Flatten)                    │ (None, 784)                 │               0 │',
        '├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤',
        '│ dense (Dense)                        │ (None, 128)                 │         100,480 │',
        '├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤',
        '│ dense_1 (Dense)                      │ (None, 10)                  │           1,290 │',
        '└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘',
        ' Total params: 101,770 (397.54 KB)',
        ' Trainable params: 101,770 (397.54 KB)',
        ' Non-trainable params: 0 (0.00 B)',
      ].join('\n'),
    );
  });

  it('MNIST functional: "functional", with the InputLayer row Keras prints', () => {
    const v = viewOf(course('mnist'), 'functional');
    expect(v.summaryText.split('\n')[0]).toBe('Model: "functional"');
    expect(rows(v)).toEqual([
      ['input_layer (InputLayer)', '(None, 28, 28)', 0],
      ['flatten (Flatten)', '(None, 784)', 0],
      ['dense (Dense)', '(None, 128)', 100480],
      ['dense_1 (Dense)', '(None, 10)', 1290],
    ]);
    // A chain: Keras prints the three-column table for it too.
    expect(v.summary.sequentialLike).toBe(true);
    expect(totals(v)[0]).toBe(' Total params: 101,770 (397.54 KB)');
  });

  it('MNIST with Rescaling: the rescaling row first, same totals', () => {
    const v = viewOf(course('mnist'), 'rescaling');
    expect(rows(v)).toEqual([
      ['rescaling (Rescaling)', '(None, 28, 28)', 0],
      ['flatten (Flatten)', '(None, 784)', 0],
      ['dense (Dense)', '(None, 128)', 100480],
      ['dense_1 (Dense)', '(None, 10)', 1290],
    ]);
    expect(totals(v)[0]).toBe(' Total params: 101,770 (397.54 KB)');
  });

  it('housing: Dense 16, Dropout, Dense 16, Dropout, Dense 1: 433 params', () => {
    const v = viewOf(course('housing'), 'sequential');
    expect(rows(v)).toEqual([
      ['dense (Dense)', '(None, 16)', 144],
      ['dropout (Dropout)', '(None, 16)', 0],
      ['dense_1 (Dense)', '(None, 16)', 272],
      ['dropout_1 (Dropout)', '(None, 16)', 0],
      ['dense_2 (Dense)', '(None, 1)', 17],
    ]);
    expect(totals(v)[0]).toBe(' Total params: 433 (1.69 KB)');
  });
});

describe('the course code with the settings a model was trained with', () => {
  const cases: [string, string, string[]][] = [
    ['iris', 'sequential', ['Dense', 'Activation', 'Dense', 'Activation']],
    ['mnist', 'sequential', ['Flatten', 'Dense', 'Dense']],
    ['mnist', 'functional', ['Flatten', 'Dense', 'Dense']],
    ['mnist', 'rescaling', ['Rescaling', 'Flatten', 'Dense', 'Dense']],
    ['housing', 'sequential', ['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']],
  ];

  for (const [id, recipeId, classes] of cases) {
    it(`${id} ${recipeId}: runs in Keras 3 (stand-in), with the course's settings and with a learner's`, () => {
      const c = course(id);
      // The course's own settings: no optimizer argument (RMSprop's default), fit with its epochs.
      const plain = run(viewOf(c, recipeId).code);
      expect(plain.compile!.optimizer).toEqual({ class: 'rmsprop' });
      expect(plain.fit!.epochs).toBe(c.fit.epochs);
      expect(plain.fit!.validation_split).toBe(c.fit.validationSplit);
      expect(plain.seed).toBe(c.defaults.seed);

      const settings: CourseSettings = { epochs: 7, learningRate: 0.005, hiddenUnits: 12, seed: 42 };
      const code = viewOf(c, recipeId, settings).code;
      expect(code).toContain('keras.utils.set_random_seed(42)');
      const built = run(code);
      expect(built.compile).toMatchObject({ optimizer: { class: 'RMSprop', learning_rate: 0.005 }, loss: c.id === 'housing' ? 'mean_squared_error' : 'sparse_categorical_crossentropy' });
      expect(built.fit).toMatchObject({ epochs: 7, validation_split: c.fit.validationSplit });
      expect(built.seed).toBe(42);
      const layers = recipeId === 'functional' ? built.calls : built.models.at(-1)!.layers!;
      expect(layers.map((l) => l.class)).toEqual(classes);
      // The hidden Dense layers have the learner's units; the output layer the course's.
      const dense = layers.filter((l) => l.class === 'Dense').map((l) => l.args.units);
      expect(dense.slice(0, -1).every((u) => u === 12)).toBe(true);
      expect(dense.at(-1)).toBe(id === 'iris' ? 3 : id === 'mnist' ? 10 : 1);
    });
  }

  it('sets the seed before the model is built and keeps the course lines', () => {
    const code = courseCode(course('mnist'), 'sequential', { epochs: 3, learningRate: 0.001, hiddenUnits: 128, seed: 5 });
    const lines = code.split('\n');
    expect(lines.indexOf('keras.utils.set_random_seed(5)')).toBeLessThan(lines.indexOf('model = keras.Sequential(['));
    expect(code).toContain('model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])');
    expect(code).toContain('history = model.fit(x_train, y_train, epochs=3, validation_split=0.1)');
  });
});

describe('a model from a file', () => {
  it('gets generated code without compile, and says why', () => {
    const model = tfl.sequential({ name: 'mine', layers: [tfl.layers.dense({ units: 2, inputShape: [3], name: 'dense' })] });
    const v = kerasView({ model, info: { title: 'mine.keras', featureNames: [], classNames: null, scaler: null, featureRanges: null } }, { kind: 'file' }, course('iris'))!;
    expect(v.summaryText.split('\n')[0]).toBe('Model: "mine"');
    expect(v.code).toContain('layers.Dense(2)');
    expect(v.code).not.toContain('compile');
    expect(v.codeNote).toMatch(/carries no training settings/);
    expect(run(v.code).models.at(-1)!.layers!.map((l) => l.class)).toEqual(['Dense']);
    model.dispose();
  });
});

describe('long cells wrap as rich wraps them in Keras', () => {
  it('moves "(BatchNormalization)" to its own line, and ends a name longer than the column in "…"', () => {
    const model = tfl.sequential({
      name: 'cnn',
      layers: [
        tfl.layers.conv2d({ filters: 32, kernelSize: 3, inputShape: [28, 28, 1], name: 'conv2d' }),
        tfl.layers.batchNormalization({ name: 'batch_normalization' }),
        tfl.layers.flatten({ name: 'a_layer_name_longer_than_the_first_column_x' }),
      ],
    });
    const v = kerasView({ model, info: { title: 'cnn.keras', featureNames: [], classNames: null, scaler: null, featureRanges: null } }, { kind: 'file' }, course('iris'))!;
    const lines = v.summaryText.split('\n');
    // As Keras 3 prints a BatchNormalization row (88 columns).
    expect(lines).toContain('│ batch_normalization                  │ (None, 26, 26, 32)          │             128 │');
    expect(lines[lines.indexOf('│ batch_normalization                  │ (None, 26, 26, 32)          │             128 │') + 1]).toBe(
      '│ (BatchNormalization)                 │                             │                 │',
    );
    expect(lines).toContain('│ a_layer_name_longer_than_the_first_… │ (None, 21632)               │               0 │');
    expect(lines).toContain('│ (Flatten)                            │                             │                 │');
    model.dispose();
  });
});

describe("a file's training settings as a compile line", () => {
  it('writes Keras 3 compile_config: the optimizer with its learning rate as float32 stored it, loss, metrics', () => {
    expect(float32Text(0.0010000000474974513)).toBe('0.001');
    expect(float32Text(0.009999999776482582)).toBe('0.01');
    const keras3 = {
      optimizer: { module: 'keras.optimizers', class_name: 'Adam', config: { name: 'adam', learning_rate: 0.0010000000474974513, beta_1: 0.9 } },
      loss: 'sparse_categorical_crossentropy',
      loss_weights: null,
      metrics: ['accuracy'],
    };
    expect(compileLine(keras3)).toEqual({
      line: 'model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
      note: null,
    });
  });

  it("writes a legacy .h5 training_config (optimizer_config, nested metrics, a loss object with from_logits)", () => {
    const legacy = {
      loss: { class_name: 'SparseCategoricalCrossentropy', config: { from_logits: true, name: 'sparse_categorical_crossentropy' } },
      metrics: [[{ class_name: 'MeanMetricWrapper', config: { name: 'accuracy' } }]],
      optimizer_config: { class_name: 'RMSprop', config: { learning_rate: 0.009999999776482582 } },
    };
    const c = compileLine(legacy)!;
    expect(c.line).toBe('model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])');
    const built = run(`import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)])\n${c.line}\n`);
    expect(built.compile).toEqual({ optimizer: { class: 'RMSprop', learning_rate: 0.01 }, loss: { class: 'SparseCategoricalCrossentropy', from_logits: true }, metrics: ['accuracy'] });
  });

  it('says when the file names no optimizer, and gives no line without a loss', () => {
    expect(compileLine({ loss: 'hinge', metrics: ['accuracy'] })).toEqual({
      line: 'model.compile(loss="hinge", metrics=["accuracy"])',
      note: 'the file does not say which optimizer it was trained with',
    });
    expect(compileLine({ optimizer: 'adam' })).toBeNull();
    expect(compileLine(undefined)).toBeNull();
    expect(compileLine('nonsense')).toBeNull();
  });
});

const FIX = fixtures('models');
describe.skipIf(!FIX.present)(`the code for real model files, with their training settings${FIX.skipNote}`, () => {
  const files: [string, string][] = [
    ['keras3-mnist-cnn-bn/mnist_model.keras', 'model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="sparse_categorical_crossentropy", metrics=["accuracy"])'],
    ['keras3-iris-dropout/iris_model.keras', 'model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="categorical_crossentropy", metrics=["accuracy"])'],
    ['keras3-catdog-bn-gap/cat_dog_model.keras', 'model.compile(loss="binary_crossentropy", metrics=["accuracy"])'],
    ['keras3-iris-dropout/iris_model.h5', 'model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="categorical_crossentropy", metrics=["accuracy"])'],
    // Keras 2's training_config: optimizer_config with "lr".
    ['keras2-iris-sigmoid16/iris_model.h5', 'model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="categorical_crossentropy", metrics=["accuracy"])'],
    ['keras3-h5-ecg-conv1d/ecg_model.h5', 'model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="sparse_categorical_crossentropy", metrics=["accuracy"])'],
    // tensorflowjs_converter keeps the training_config in model.json's topology.
    ['tfjs-iris-dense100/model.json', 'model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])'],
  ];
  for (const [rel, expected] of files) {
    it(`${rel}: compile as the file says, and the code runs`, async () => {
      const path = FIX.path(rel);
      // A model.json comes with the .bin shards beside it.
      const names = rel.endsWith('model.json') ? readdirSync(dirname(path)).filter((n) => n === 'model.json' || n.endsWith('.bin')).map((n) => join(dirname(path), n)) : [path];
      const bundle = await openModelFiles(names.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) })));
      try {
        const v = kerasView(bundle, { kind: 'file' }, course('iris'))!;
        const compile = v.code.split('\n').find((l) => l.startsWith('model.compile('));
        expect(compile).toBe(expected);
        expect(v.codeNote).toMatch(/with the training settings it carries/);
        // The code with its compile line runs through Keras 3 (stand-in).
        expect(run(v.code).compile).toBeDefined();
      } finally {
        bundle.model.dispose();
      }
    }, 60_000);
  }
});

