import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import InputForm from '../../src/viz/InputForm.svelte';

const names = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];
const ranges = [
  { min: 4.3, max: 7.9 },
  { min: 2, max: 4.4 },
  { min: 1, max: 6.9 },
  { min: 0.1, max: 2.5 },
];
const presets = [{ label: 'A setosa (row 0)', values: [5.1, 3.5, 1.4, 0.2] }];

function setup(extra: Record<string, unknown> = {}) {
  const onchange = vi.fn();
  const oninvalid = vi.fn();
  const props = { names, ranges, values: [5.8, 3, 4.35, 1.3], presets, onchange, oninvalid, ...extra };
  return { onchange, oninvalid, props };
}

describe('InputForm', () => {
  it('labels one text field per feature with its current value', async () => {
    const { props } = setup();
    const screen = await render(InputForm, props);
    for (const [i, name] of names.entries()) {
      await expect.element(screen.getByLabelText(name, { exact: true })).toHaveValue(String(props.values[i]));
    }
  });

  it('typing "5,3" calls onchange with 5.3 and all other values', async () => {
    const { props, onchange } = setup();
    const screen = await render(InputForm, props);
    await screen.getByLabelText('sepal length (cm)', { exact: true }).fill('5,3');
    expect(onchange).toHaveBeenLastCalledWith([5.3, 3, 4.35, 1.3]);
  });

  it('typing "abc" shows the message, sets aria-invalid and does not call onchange', async () => {
    const { props, onchange, oninvalid } = setup();
    const screen = await render(InputForm, props);
    const field = screen.getByLabelText('petal width (cm)', { exact: true });
    await field.fill('abc');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    const message = screen.getByText('"abc" is not a number; enter a value such as 5,3 or 5.3');
    await expect.element(message).toBeVisible();
    const id = (field.element() as HTMLElement).getAttribute('aria-describedby');
    expect(id && document.getElementById(id)?.textContent).toBe('"abc" is not a number; enter a value such as 5,3 or 5.3');
    await expect.element(field).toHaveAccessibleDescription('"abc" is not a number; enter a value such as 5,3 or 5.3');
    expect(onchange).not.toHaveBeenCalled();
    expect(oninvalid).toHaveBeenLastCalledWith([{ index: 3, name: 'petal width (cm)', message: '"abc" is not a number; enter a value such as 5,3 or 5.3' }]);

    await field.fill('');
    await expect.element(screen.getByText('Enter a number')).toBeVisible();
    await field.fill('0,4');
    await expect.element(field).not.toHaveAttribute('aria-invalid');
    expect(onchange).toHaveBeenLastCalledWith([5.8, 3, 4.35, 0.4]);
  });

  it('enforces a minimum when given', async () => {
    const { props, onchange } = setup({ minimums: [0, 0, 0, 0] });
    const screen = await render(InputForm, props);
    await screen.getByLabelText('sepal width (cm)', { exact: true }).fill('-1');
    await expect.element(screen.getByText('Must be at least 0 (a measurement cannot be negative)')).toBeVisible();
    expect(onchange).not.toHaveBeenCalled();
  });

  it('warns at the field when a value is far outside the data, and still predicts', async () => {
    const { props, onchange } = setup();
    const screen = await render(InputForm, props);
    const field = screen.getByLabelText('sepal length (cm)', { exact: true });
    await field.fill('20');
    await expect.element(screen.getByText(/sepal length \(cm\) = 20 is far above the training data \(4\.3 to 7\.9\): the model is extrapolating/)).toBeVisible();
    await expect.element(field).not.toHaveAttribute('aria-invalid');
    expect(onchange).toHaveBeenLastCalledWith([20, 3, 4.35, 1.3]);
  });

  it('the slider and the field stay in sync', async () => {
    const { props, onchange } = setup();
    const screen = await render(InputForm, props);
    const slider = screen.getByRole('slider', { name: 'petal length (cm) (slider)' });
    await expect.element(slider).toHaveValue('4.35');
    const el = slider.element() as HTMLInputElement;
    el.value = '6.2';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await expect.element(screen.getByLabelText('petal length (cm)', { exact: true })).toHaveValue('6.2');
    expect(onchange).toHaveBeenLastCalledWith([5.8, 3, 6.2, 1.3]);
    await screen.getByLabelText('petal length (cm)', { exact: true }).fill('2,5');
    await expect.element(slider).toHaveValue('2.5');
  });

  it('a preset fills every field and calls onchange', async () => {
    const { props, onchange } = setup();
    const screen = await render(InputForm, props);
    await screen.getByRole('button', { name: 'A setosa (row 0)' }).click();
    expect(onchange).toHaveBeenLastCalledWith([5.1, 3.5, 1.4, 0.2]);
    await expect.element(screen.getByLabelText('petal width (cm)', { exact: true })).toHaveValue('0.2');
  });

  it('a pasted row fills the fields; a bad one explains why', async () => {
    const { props, onchange } = setup();
    const screen = await render(InputForm, props);
    const paste = screen.getByLabelText('Paste a row');
    await paste.fill('5,3;3,4;1,9;0,6');
    await screen.getByRole('button', { name: 'Use row' }).click();
    expect(onchange).toHaveBeenLastCalledWith([5.3, 3.4, 1.9, 0.6]);
    await expect.element(screen.getByLabelText('sepal width (cm)', { exact: true })).toHaveValue('3.4');
    await paste.fill('5,3 3,4 1,9');
    await screen.getByRole('button', { name: 'Use row' }).click();
    await expect.element(screen.getByText('Expected 4 values, got 3')).toBeVisible();
    await expect.element(paste).toHaveAttribute('aria-invalid', 'true');
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('new values from the caller refresh the fields', async () => {
    const { props } = setup();
    const screen = await render(InputForm, props);
    await screen.rerender({ values: [6.1, 2.8, 4.7, 1.2] });
    await expect.element(screen.getByLabelText('sepal length (cm)', { exact: true })).toHaveValue('6.1');
    await expect.element(screen.getByLabelText('petal width (cm)', { exact: true })).toHaveValue('1.2');
  });

  it('keeps what the user typed when the caller echoes the value back', async () => {
    const { props } = setup();
    const screen = await render(InputForm, props);
    const field = screen.getByLabelText('sepal length (cm)', { exact: true });
    await field.fill('5,3');
    await screen.rerender({ values: [5.3, 3, 4.35, 1.3] });
    await expect.element(field).toHaveValue('5,3');
  });
});

it('the paste field shows an example row from the first preset, with decimal commas', async () => {
  const district = { label: 'row 0', values: [8.3252, 41, 6.98412698, 1.02380952, 322, 2.55555556, 37.88, -122.23] };
  const names8 = ['MedInc', 'HouseAge', 'AveRooms', 'AveBedrms', 'Population', 'AveOccup', 'Latitude', 'Longitude'];
  const screen = await render(InputForm, { names: names8, ranges: null, values: district.values, presets: [district], onchange: vi.fn(), oninvalid: vi.fn() });
  await expect.element(screen.getByLabelText('Paste a row')).toHaveAttribute('placeholder', '8,325 41 6,984 1,024 322 2,556 37,88 -122,23');
});
