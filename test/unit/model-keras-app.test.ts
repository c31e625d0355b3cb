/**
 * The app state's `keras` (what the model panel shows): the course code follows the settings the
 * model on screen was trained with, a file's model gets its own code, and an input change does not
 * recompute it (computed once per model).
 */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/viz/state/app.svelte';
import { findCourse } from '../../src/models/courses';
import { tfl } from '../../src/models/tf';

const iris = findCourse('iris')!;

describe('app.keras', () => {
  it("shows the course's code with the settings trained with, once per model", async () => {
    const app = new AppState();
    await app.init(null);
    const before = app.keras!;
    expect(before.summaryText).toContain(' Total params: 67 (268.00 B)');
    expect(before.code).toContain('history = model.fit(X, y, epochs=300, validation_split=0.1)');
    expect(before.code).toContain('keras.utils.set_random_seed(1)');
    // An input change leaves the view as it was (same object: nothing recomputed).
    app.setInput([6.1, 2.8, 4.7, 1.2]);
    expect(app.keras).toBe(before);

    await app.train({ ...iris.defaults, epochs: 5, learningRate: 0.01, seed: 3, hiddenUnits: 6 });
    const after = app.keras!;
    expect(after.code).toContain('keras.utils.set_random_seed(3)');
    expect(after.code).toContain('model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])');
    expect(after.code).toContain('history = model.fit(X, y, epochs=5, validation_split=0.1)');
    expect(after.code).toContain('layers.Dense(6),');
    expect(after.summaryText).toContain('│ dense (Dense)                        │ (None, 6)                   │              30 │');
    // The training panel's code says the same epochs and learning rate.
    expect(app.recipe.python).toContain('epochs=5');
    expect(app.recipe.python).toContain('learning_rate=0.01');

    const model = tfl.sequential({ name: 'mine', layers: [tfl.layers.dense({ units: 2, inputShape: [4], name: 'only' })] });
    app.openBundle({ model, info: { title: 'a file', featureNames: ['a', 'b', 'c', 'd'], classNames: null, scaler: null, featureRanges: null } });
    expect(app.keras!.summaryText.split('\n')[0]).toBe('Model: "mine"');
    expect(app.keras!.code).toContain('layers.Dense(2)');
    expect(app.keras!.code).not.toContain('set_random_seed');
  }, 60_000);
});
