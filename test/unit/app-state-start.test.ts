/**
 * The page paints before TensorFlow.js has loaded (it is not in the first page load): AppState's
 * init says what it loads, and a Train asked meanwhile is not lost.
 */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/viz/state/app.svelte';
import { findCourse } from '../../src/models/courses';

const iris = findCourse('iris')!;

describe('AppState before TensorFlow.js has loaded', () => {
  it('says it is loading TensorFlow.js, then shows the course model', async () => {
    const app = new AppState();
    const starting = app.init(null);
    expect(app.loading?.message).toBe('Loading TensorFlow.js…');
    expect(app.bundle).toBeNull();
    await starting;
    expect(app.loading).toBeNull();
    expect(app.trace?.steps.map((s) => s.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
  });

  it('trains when Train is asked before the start has finished', async () => {
    const app = new AppState();
    const starting = app.init(null);
    const training = app.train({ ...iris.defaults, epochs: 5 });
    await starting;
    await training;
    expect(app.source).toMatchObject({ kind: 'course', trained: true });
    expect(app.progress.history).toHaveLength(5);
  });

  it('opens the course picked while the app starts, not the starting one', async () => {
    const app = new AppState();
    const starting = app.init(null);
    const housing = findCourse('housing')!;
    const opening = app.openCourse(housing);
    await starting;
    await opening;
    expect(app.course.id).toBe('housing');
  });
});
