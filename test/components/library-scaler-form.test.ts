import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import ScalerForm from '../../src/viz/library/ScalerForm.svelte';

describe('ScalerForm', () => {
  it('typed mean and scale go out as a Scaler', async () => {
    const onchange = vi.fn();
    const screen = await render(ScalerForm, { featureCount: 2, scaler: null, onchange });
    await screen.getByLabelText('Mean', { exact: true }).fill('5,8; 3,1');
    await screen.getByLabelText('Scale', { exact: true }).fill('0.8 0.4');
    await screen.getByRole('button', { name: 'Use these values' }).click();
    expect(onchange).toHaveBeenLastCalledWith({ mean: [5.8, 3.1], scale: [0.8, 0.4] });
  });

  it('shows an error at the field it belongs to', async () => {
    const onchange = vi.fn();
    const screen = await render(ScalerForm, { featureCount: 2, scaler: null, onchange });
    await screen.getByLabelText('Mean', { exact: true }).fill('1, 2');
    await screen.getByLabelText('Scale', { exact: true }).fill('1, 0');
    await screen.getByRole('button', { name: 'Use these values' }).click();
    const scale = screen.getByLabelText('Scale', { exact: true });
    await expect.element(scale).toHaveAttribute('aria-invalid', 'true');
    await expect.element(scale).toHaveAccessibleDescription(/value 2 is 0/);
    await expect.element(screen.getByLabelText('Mean', { exact: true })).not.toHaveAttribute('aria-invalid');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('pasted sklearn-style JSON is accepted; bad JSON is explained at the text area', async () => {
    const onchange = vi.fn();
    const screen = await render(ScalerForm, { featureCount: 2, scaler: null, onchange });
    const area = screen.getByLabelText('Paste JSON');
    await area.fill('{"mean_": [1, 2]');
    await screen.getByRole('button', { name: 'Use pasted JSON' }).click();
    await expect.element(area).toHaveAccessibleDescription(/not valid JSON/);
    await area.fill('{"mean_": [1, 2], "scale_": [3, 4]}');
    await screen.getByRole('button', { name: 'Use pasted JSON' }).click();
    expect(onchange).toHaveBeenLastCalledWith({ mean: [1, 2], scale: [3, 4] });
  });

  it('a picked JSON file with the wrong length gets its message at the file field', async () => {
    const onchange = vi.fn();
    const screen = await render(ScalerForm, { featureCount: 4, scaler: null, onchange });
    const input = screen.getByLabelText('Scaler JSON file');
    await input.upload(new File(['{"mean": [1, 2, 3], "scale": [1, 1, 1]}'], 'scaler.json', { type: 'application/json' }));
    await expect.element(input).toHaveAccessibleDescription(/4 input features, but 3 values/);
    expect(onchange).not.toHaveBeenCalled();
  });

  it('shows the current scaler and can remove it', async () => {
    const onchange = vi.fn();
    const screen = await render(ScalerForm, { featureCount: 2, scaler: { mean: [1.5, 2], scale: [0.5, 4] }, onchange });
    await expect.element(screen.getByLabelText('Mean', { exact: true })).toHaveValue('1.5, 2');
    await screen.getByRole('button', { name: 'No scaling' }).click();
    expect(onchange).toHaveBeenLastCalledWith(null);
  });
});
