import { expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import NamesForm from '../../src/viz/library/NamesForm.svelte';

const props = () => ({ featureNames: ['x0', 'x1', 'x2', 'x3'], classNames: null, outputCount: 3, onchange: vi.fn() });

it('names the inputs and the classes', async () => {
  const p = props();
  const screen = await render(NamesForm, p);
  await screen.getByLabelText(/Input names/).fill('sepal length; sepal width; petal length; petal width');
  await screen.getByLabelText(/Class names/).fill('setosa, versicolor, virginica');
  await screen.getByRole('button', { name: 'Use these names' }).click();
  expect(p.onchange).toHaveBeenCalledWith(['sepal length', 'sepal width', 'petal length', 'petal width'], ['setosa', 'versicolor', 'virginica']);
});

it('says what is wrong at the field, and changes nothing', async () => {
  const p = props();
  const screen = await render(NamesForm, p);
  await screen.getByLabelText(/Class names/).fill('setosa; versicolor');
  await screen.getByRole('button', { name: 'Use these names' }).click();
  await expect.element(screen.getByText('Expected 3 class names, got 2.')).toBeVisible();
  await expect.element(screen.getByLabelText(/Class names/)).toHaveAttribute('aria-invalid', 'true');
  expect(p.onchange).not.toHaveBeenCalled();
});

it('an empty class field means a regression: no class names', async () => {
  const p = props();
  const screen = await render(NamesForm, p);
  await screen.getByRole('button', { name: 'Use these names' }).click();
  expect(p.onchange).toHaveBeenCalledWith(['x0', 'x1', 'x2', 'x3'], null);
});

it('a picture model names only its classes: no field for its thousands of pixels', async () => {
  const pixels = Array.from({ length: 150 * 150 * 3 }, (_, i) => `x${i}`);
  const p = { ...props(), featureNames: pixels, outputCount: 2, namedInputs: false };
  const screen = await render(NamesForm, p);
  expect(screen.container.querySelectorAll('input')).toHaveLength(1);
  await screen.getByLabelText(/Class names/).fill('cat; dog');
  await screen.getByRole('button', { name: 'Use these names' }).click();
  expect(p.onchange).toHaveBeenCalledWith(pixels, ['cat', 'dog']);
});
