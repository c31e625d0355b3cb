/**
 * "Train on your photos" in Chromium: a folder of generated PNGs picked, what Keras would find
 * shown (classes in sorted order, counts, unreadable files), trained off the main thread with live
 * curves, Stop keeping the weights, and the trained model handed over with the folder's class names.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import PhotoFolderTraining from '../../src/viz/training/PhotoFolderTraining.svelte';
import type { Recipe, WeightTensor } from '../../src/models/types';
import { indexImageFolder } from '../../src/models/data/image-folder';

/** A PNG of w x h: class "bright" is light with a dark bar, "dark" the other way round. */
async function pngFile(name: string, w: number, h: number, light: boolean, shift: number): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = light ? `rgb(${230 - shift},${220 - shift},200)` : `rgb(${20 + shift},30,${40 + shift})`;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = light ? '#222' : '#eee';
  ctx.fillRect(shift % 5, 2, 3, h - 4);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** Files as a webkitdirectory pick gives them: each with its path inside the picked folder. */
function withPath(file: File, path: string): File {
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

async function folder(): Promise<File[]> {
  const files: File[] = [];
  for (let i = 0; i < 12; i++) files.push(withPath(await pngFile(`b${i}.png`, 20 + i, 16, true, i), `pets/bright/b${i}.png`));
  for (let i = 0; i < 10; i++) files.push(withPath(await pngFile(`d${i}.png`, 18, 14 + i, false, i), `pets/dark/d${i}.png`));
  files.push(withPath(new File(['notes'], 'notes.txt'), 'pets/dark/notes.txt'));
  files.push(withPath(new File([new Uint8Array([1, 2, 3])], 'broken.png', { type: 'image/png' }), 'pets/bright/broken.png'));
  return files;
}

function pick(input: HTMLInputElement, files: File[]) {
  // A real pick sets input.files; the same File objects (with their paths) go through a change event.
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('PhotoFolderTraining', () => {
  beforeEach(async () => {
    await page.viewport(900, 900);
  });

  it('shows what the folder holds, trains with live curves and hands over the trained model', async () => {
    const show = vi.fn((_r: Recipe, _w: WeightTensor[], _t: string, _c: string[]) => true);
    const screen = await render(PhotoFolderTraining, { show });
    await expect.element(screen.getByRole('button', { name: 'Train on these photos' })).toBeDisabled();
    const input = screen.getByLabelText('Choose a folder of photos').element() as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.webkitdirectory).toBe(true);
    await userEvent.fill(screen.getByLabelText('Image height'), '16');
    await userEvent.fill(screen.getByLabelText('Image width'), '16');
    await userEvent.fill(screen.getByLabelText('Epochs'), '3');
    const files = await folder();
    pick(input, files);
    // Per class, the counts Keras' listing gives (its order and seeded split), the broken file left out.
    const index = indexImageFolder(files.map((file) => ({ path: file.webkitRelativePath, file })), 1337, 0.2);
    const count = (part: typeof index.training, label: number) => part.filter((e) => e.label === label && !e.file.path.endsWith('broken.png')).length;
    // 22 images + 1 broken file = 23 in Keras' list; floor(0.2 * 23) = 4 validate.
    const found = screen.getByRole('group', { name: 'What was found in the folder' });
    await expect.element(found).toHaveTextContent('pets: Found 23 files belonging to 2 classes. Using 19 files for training. Using 4 files for validation.');
    await expect.element(found).toHaveTextContent('Read: 18 training and 4 validation images (1 unreadable left out).');
    const rows = found.getByRole('row');
    await expect.element(rows.nth(1)).toHaveTextContent(`0bright${count(index.training, 0)}${count(index.validation, 0)}`);
    await expect.element(rows.nth(2)).toHaveTextContent(`1dark${count(index.training, 1)}${count(index.validation, 1)}`);
    await expect.element(found.getByText(/notes\.txt: not an image/)).toBeVisible();
    await expect.element(found.getByText(/broken\.png/)).toBeVisible();
    await expect.element(screen.getByText(/image_size=\(16, 16\)\)/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Train on these photos' }));
    await expect.element(screen.getByText('epoch 3/3', { exact: true }).first(), { timeout: 60_000 }).toBeVisible();
    await expect.element(screen.getByRole('status'), { timeout: 20_000 }).toHaveTextContent('Trained 3 epochs.');
    await expect.element(screen.getByRole('region', { name: 'Training curves' })).toBeVisible();
    expect(show).toHaveBeenCalledTimes(1);
    const [recipe, weights, title, classNames] = show.mock.calls[0];
    expect(recipe.inputShape).toEqual([16, 16, 3]);
    expect(recipe.layers.at(-1)).toMatchObject({ className: 'Dense', units: 2 });
    expect(weights.map((w) => `${w.layer}/${w.name}`)).toContain('batch_normalization/moving_mean');
    expect(title).toBe('Your photos (bright, dark)');
    expect(classNames).toEqual(['bright', 'dark']);
    await expect.element(screen.getByText(/The model is on screen now/)).toBeVisible();
    await page.screenshot({ path: '__screenshots__/training/photo-folder-trained.png', element: screen.container });
  });

  it('checks the settings at their fields and says when a folder has no class subfolders', async () => {
    const screen = await render(PhotoFolderTraining, { show: () => true });
    const split = screen.getByLabelText('validation_split');
    await userEvent.fill(split, '1,5');
    await expect.element(split).toHaveAttribute('aria-invalid', 'true');
    await expect.element(split).toHaveAccessibleDescription('validation_split must be between 0.01 and 0.9.');
    await userEvent.fill(screen.getByLabelText('Image width'), 'abc');
    await expect.element(screen.getByText('Image width must be a number, not "abc".')).toBeVisible();
    await userEvent.fill(split, '0,25');
    await expect.element(split).not.toHaveAttribute('aria-invalid');
    const input = screen.getByLabelText('Choose a folder of photos').element() as HTMLInputElement;
    pick(input, [withPath(await pngFile('a.png', 12, 12, true, 0), 'flat/a.png')]);
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/The folder needs one subfolder per class, at least two/);
    await expect.element(screen.getByRole('button', { name: 'Train on these photos' })).toBeDisabled();
  });

  it('Stop ends a long run early and keeps the weights reached so far', async () => {
    const show = vi.fn(() => true);
    const screen = await render(PhotoFolderTraining, { show });
    await userEvent.fill(screen.getByLabelText('Epochs'), '1000');
    pick(screen.getByLabelText('Choose a folder of photos').element() as HTMLInputElement, await folder());
    await expect.element(screen.getByText(/Using 19 files for training/)).toBeVisible();
    // A new split reads the folder again: floor(0.5 * 23) = 11 validate.
    await userEvent.fill(screen.getByLabelText('validation_split'), '0,5');
    await expect.element(screen.getByText(/Using 12 files for training\. Using 11 files for validation\./)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Train on these photos' }));
    await expect.element(screen.getByText(/^epoch [1-9]\d*\/1000/).first(), { timeout: 60_000 }).toBeVisible();
    // the progress line with the time left, as the course's train panel shows it
    await expect.element(screen.getByText(/^epoch \d+\/1000 · ~[\d.]+ (s|min) left$/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Stop photo training' }));
    await expect.element(screen.getByRole('status'), { timeout: 20_000 }).toHaveTextContent(/Stopped after \d+ epochs; the weights reached so far are kept\./);
    expect(show).toHaveBeenCalledTimes(1);
    const [, weights] = show.mock.calls[0] as unknown as [Recipe, WeightTensor[]];
    expect(weights.find((w) => w.layer === 'dense' && w.name === 'kernel')!.shape).toEqual([6272, 2]);
    const text = screen.getByRole('status').element().textContent!;
    const epochs = Number(/Stopped after (\d+)/.exec(text)![1]);
    expect(epochs).toBeGreaterThan(0);
    expect(epochs).toBeLessThan(1000);
  });
});
