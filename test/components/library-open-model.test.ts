import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import OpenModel from '../../src/viz/library/OpenModel.svelte';
import { ModelFileError } from '../../src/models/formats/errors';
import type { FileLike } from '../../src/models/formats/file-like';

const file = (name: string, bytes: number[]) => new File([new Uint8Array(bytes)], name);

describe('OpenModel', () => {
  it('has a file picker labelled "Open model file" that accepts several files', async () => {
    const screen = await render(OpenModel, { onopen: vi.fn(async () => {}) });
    const input = screen.getByLabelText('Open model file');
    await expect.element(input).toHaveAttribute('type', 'file');
    await expect.element(input).toHaveAttribute('multiple');
  });

  it('hands the picked files to onopen as names and bytes', async () => {
    const onopen = vi.fn(async (_files: FileLike[]) => {});
    const screen = await render(OpenModel, { onopen });
    await screen.getByLabelText('Open model file').upload([file('model.json', [123, 125]), file('group1-shard1of1.bin', [1, 2, 3])]);
    await vi.waitFor(() => expect(onopen).toHaveBeenCalledTimes(1));
    const files = onopen.mock.calls[0][0];
    expect(files.map((f) => f.name)).toEqual(['model.json', 'group1-shard1of1.bin']);
    expect(Array.from(files[1].bytes)).toEqual([1, 2, 3]);
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows the loader\'s message where the user is when opening fails, and clears it on the next try', async () => {
    let fail = true;
    const onopen = vi.fn(async () => {
      if (fail) throw new ModelFileError('Layer "dense_1": the weight "kernel" should have shape [4, 16], the file has [4, 15].', 'dense_1');
    });
    const screen = await render(OpenModel, { onopen });
    const input = screen.getByLabelText('Open model file');
    await input.upload(file('iris.h5', [0x89, 0x48]));
    const alert = screen.getByRole('alert');
    await expect.element(alert).toHaveTextContent('Layer "dense_1": the weight "kernel" should have shape [4, 16], the file has [4, 15].');
    await expect.element(input).toHaveAccessibleDescription('Layer "dense_1": the weight "kernel" should have shape [4, 16], the file has [4, 15].');
    fail = false;
    await input.upload(file('iris.keras', [0x50, 0x4b]));
    await vi.waitFor(() => expect(onopen).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(screen.container.querySelector('[role="alert"]')).toBeNull());
  });

  it('opens dropped files', async () => {
    const onopen = vi.fn(async (_files: FileLike[]) => {
      throw new ModelFileError('"notes.zip" is a zip file without config.json, so it is not a Keras .keras model.');
    });
    const screen = await render(OpenModel, { onopen });
    const zone = screen.getByRole('region', { name: 'Drop model files here' }).element();
    const dt = new DataTransfer();
    dt.items.add(file('notes.zip', [0x50, 0x4b, 3, 4]));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(onopen).toHaveBeenCalledTimes(1));
    expect(onopen.mock.calls[0][0][0].name).toBe('notes.zip');
    await expect.element(screen.getByRole('alert')).toHaveTextContent('without config.json');
  });
});
