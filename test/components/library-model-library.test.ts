import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import ModelLibrary from '../../src/viz/library/ModelLibrary.svelte';
import type { SavedModelSummary } from '../../src/models/store/model-store';

const models: SavedModelSummary[] = [
  { id: 'a', name: 'Iris 300 epochs', savedAt: '2026-11-20T10:00:00.000Z', title: 'Iris (course)', layerCount: 4, paramCount: 67 },
  { id: 'b', name: 'From Python', savedAt: '2026-11-19T09:30:00.000Z', title: 'iris_model.keras', layerCount: 4, paramCount: 2499 },
];

function setup(extra: Record<string, unknown> = {}) {
  const props = { models, onopen: vi.fn(), onrename: vi.fn(), ondelete: vi.fn(), ...extra };
  return props;
}

describe('ModelLibrary', () => {
  it('lists each saved model with its name, date and size', async () => {
    const screen = await render(ModelLibrary, setup());
    const items = screen.getByRole('listitem');
    expect(items.elements().length).toBe(2);
    await expect.element(screen.getByText('Iris 300 epochs')).toBeVisible();
    await expect.element(screen.getByText('4 layers, 2,499 weights')).toBeVisible();
    expect(screen.container.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-20T10:00:00.000Z');
  });

  it('says so when nothing is saved', async () => {
    const screen = await render(ModelLibrary, setup({ models: [] }));
    await expect.element(screen.getByText('No saved models yet.')).toBeVisible();
  });

  it('open calls onopen with the id', async () => {
    const props = setup();
    const screen = await render(ModelLibrary, props);
    await screen.getByRole('button', { name: 'Open From Python' }).click();
    expect(props.onopen).toHaveBeenCalledWith('b');
  });

  it('rename edits the name in place and calls onrename with the trimmed name', async () => {
    const props = setup();
    const screen = await render(ModelLibrary, props);
    await screen.getByRole('button', { name: 'Rename Iris 300 epochs' }).click();
    const field = screen.getByLabelText('New name for “Iris 300 epochs”');
    await expect.element(field).toHaveValue('Iris 300 epochs');
    await field.fill('  Iris, good run ');
    await screen.getByRole('button', { name: 'Save name' }).click();
    expect(props.onrename).toHaveBeenCalledWith('a', 'Iris, good run');
    await expect.element(screen.getByRole('button', { name: 'Save name' })).not.toBeInTheDocument();
  });

  it('delete asks once more, then calls ondelete; "Keep" cancels', async () => {
    const props = setup();
    const screen = await render(ModelLibrary, props);
    await screen.getByRole('button', { name: 'Delete From Python' }).click();
    await screen.getByRole('button', { name: 'Keep' }).click();
    expect(props.ondelete).not.toHaveBeenCalled();
    await screen.getByRole('button', { name: 'Delete From Python' }).click();
    await screen.getByRole('button', { name: 'Really delete “From Python”' }).click();
    expect(props.ondelete).toHaveBeenCalledWith('b');
  });

  it('shows a failing action\'s message at its row', async () => {
    const props = setup({ onopen: vi.fn(async () => Promise.reject(new Error('This saved model no longer exists.'))) });
    const screen = await render(ModelLibrary, props);
    await screen.getByRole('button', { name: 'Open Iris 300 epochs' }).click();
    const alert = screen.getByRole('alert');
    await expect.element(alert).toHaveTextContent('This saved model no longer exists.');
    expect(alert.element().closest('li')?.getAttribute('aria-label')).toBe('Iris 300 epochs');
  });

  it('saves the current model under a typed or suggested name', async () => {
    const onsave = vi.fn(async () => {});
    const screen = await render(ModelLibrary, setup({ onsave, suggestedName: 'iris_model.keras' }));
    await screen.getByRole('button', { name: 'Save', exact: true }).click();
    expect(onsave).toHaveBeenLastCalledWith('iris_model.keras');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Saved as “iris_model.keras”.');
    await screen.getByLabelText('Save current model as').fill('Mine');
    await screen.getByRole('button', { name: 'Save', exact: true }).click();
    expect(onsave).toHaveBeenLastCalledWith('Mine');
  });
});
