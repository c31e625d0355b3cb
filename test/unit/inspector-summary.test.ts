import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { modelSummary, readableMemorySize, summaryText, groupThousands } from '../../src/inspector/summary';

// What Keras 3.x printed for Sequential([Input((3,)), Dense(4), Dense(3), Dense(1)]) in a terminal
// (a learner's notebook output, kept verbatim: column widths, borders and the totals).
const KERAS_PRINTED = `Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ dense (Dense)                        │ (None, 4)                   │              16 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense_1 (Dense)                      │ (None, 3)                   │              15 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense_2 (Dense)                      │ (None, 1)                   │               4 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 35 (140.00 B)
 Trainable params: 35 (140.00 B)
 Non-trainable params: 0 (0.00 B)`;

describe('model.summary() as Keras prints it', () => {
  it('reproduces a Sequential summary Keras printed, character for character', () => {
    const model = tfl.sequential({
      name: 'sequential',
      layers: [
        tfl.layers.dense({ units: 4, inputShape: [3], name: 'dense' }),
        tfl.layers.dense({ units: 3, name: 'dense_1' }),
        tfl.layers.dense({ units: 1, name: 'dense_2' }),
      ],
    });
    expect(summaryText(modelSummary(model))).toBe(KERAS_PRINTED);
    model.dispose();
  });

  it('narrows to the terminal like Keras (80 columns -> 76 wide)', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [4], name: 'dense_10' })] });
    const lines = summaryText(modelSummary(model), 80).split('\n');
    expect(lines[1]).toBe('┏' + '━'.repeat(33) + '┳' + '━'.repeat(24) + '┳' + '━'.repeat(15) + '┓');
    expect(lines[4]).toBe('│ dense_10 (Dense)                │ (None, 2)              │            10 │');
    model.dispose();
  });

  it('counts BatchNormalization moving statistics as non-trainable, and MNIST-size numbers with commas', () => {
    const model = tfl.sequential({
      name: 'mnist',
      layers: [
        tfl.layers.flatten({ inputShape: [28, 28], name: 'flatten' }),
        tfl.layers.dense({ units: 128, activation: 'relu', name: 'dense' }),
        tfl.layers.batchNormalization({ name: 'batch_normalization' }),
        tfl.layers.dense({ units: 10, activation: 'softmax', name: 'dense_1' }),
      ],
    });
    const s = modelSummary(model);
    expect(s.rows.map((r) => [r.layer, r.outputShape, r.params])).toEqual([
      ['flatten (Flatten)', '(None, 784)', 0],
      ['dense (Dense)', '(None, 128)', 100480],
      ['batch_normalization (BatchNormalization)', '(None, 128)', 512],
      ['dense_1 (Dense)', '(None, 10)', 1290],
    ]);
    expect(s.trainable).toBe(100480 + 256 + 1290);
    expect(s.nonTrainable).toBe(256);
    const text = summaryText(s);
    expect(text).toContain(' Total params: 102,282 (399.54 KB)');
    expect(text).toContain(' Trainable params: 102,026 (398.54 KB)');
    expect(text).toContain(' Non-trainable params: 256 (1.00 KB)');
    expect(text).toContain('│         100,480 │');
    model.dispose();
  });

  it('adds "Connected to" for a functional model with a merge, and the InputLayer row', () => {
    const input = tfl.input({ shape: [4], name: 'input_layer' });
    const a = tfl.layers.dense({ units: 3, name: 'dense' }).apply(input) as ReturnType<typeof tfl.input>;
    const b = tfl.layers.dense({ units: 3, name: 'dense_1' }).apply(input) as ReturnType<typeof tfl.input>;
    const sum = tfl.layers.add({ name: 'add' }).apply([a, b]) as ReturnType<typeof tfl.input>;
    const model = tfl.model({ inputs: input, outputs: sum, name: 'functional' });
    const s = modelSummary(model);
    expect(s.sequentialLike).toBe(false);
    expect(s.rows.map((r) => [r.layer, r.connectedTo])).toEqual([
      ['input_layer (InputLayer)', '-'],
      ['dense (Dense)', 'input_layer[0][0]'],
      ['dense_1 (Dense)', 'input_layer[0][0]'],
      ['add (Add)', 'dense[0][0], dense_1[0][0]'],
    ]);
    const lines = summaryText(s).split('\n');
    expect(lines.every((l, i) => i === 0 || l.startsWith(' ') || l.length === 108)).toBe(true);
    expect(lines[2]).toMatch(/^┃ Layer \(type\) +┃ Output Shape +┃ +Param # ┃ Connected to +┃$/);
    model.dispose();
  });

  it('a functional chain prints like a Sequential (Keras calls it sequential-like)', () => {
    const input = tfl.input({ shape: [28, 28], name: 'input_layer' });
    const x = tfl.layers.flatten({ name: 'flatten' }).apply(input) as ReturnType<typeof tfl.input>;
    const y = tfl.layers.dense({ units: 10, name: 'dense' }).apply(x) as ReturnType<typeof tfl.input>;
    const model = tfl.model({ inputs: input, outputs: y, name: 'functional_1' });
    const s = modelSummary(model);
    expect(s.sequentialLike).toBe(true);
    expect(s.rows[0]).toMatchObject({ layer: 'input_layer (InputLayer)', outputShape: '(None, 28, 28)', params: 0 });
    model.dispose();
  });

  it('writes sizes and counts as Python does', () => {
    expect(readableMemorySize(268)).toBe('268.00 B');
    expect(readableMemorySize(1024)).toBe('1.00 KB');
    expect(readableMemorySize(5 * 1024 * 1024 + 1)).toBe('5.00 MB');
    expect(groupThousands(1234567)).toBe('1,234,567');
    expect(groupThousands(999)).toBe('999');
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3] })] });
    summaryText(modelSummary(model));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
