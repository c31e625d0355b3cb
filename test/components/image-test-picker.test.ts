import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import TestImagePicker from '../../src/viz/image/TestImagePicker.svelte';

const classNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** 100 test rows, row i has class (i * 3) % 10. */
const labels = Int32Array.from({ length: 100 }, (_, i) => (i * 3) % 10);

describe('TestImagePicker', () => {
  it('by index (Enter), previous/next wrapping round, and a bad index gets a message', async () => {
    const onpick = vi.fn();
    const screen = await render(TestImagePicker, { rows: 100, labels, classNames, current: 5, onpick });
    const field = screen.getByRole('textbox', { name: 'Test image' });
    await expect.element(field).toHaveValue('5');
    await userEvent.fill(field, '42');
    await userEvent.keyboard('{Enter}');
    expect(onpick).toHaveBeenLastCalledWith(42);
    await userEvent.click(screen.getByRole('button', { name: 'Next', exact: true }));
    expect(onpick).toHaveBeenLastCalledWith(6);
    await screen.rerender({ rows: 100, labels, classNames, current: 0, onpick });
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onpick).toHaveBeenLastCalledWith(99);
    const calls = onpick.mock.calls.length;
    await userEvent.fill(field, '100');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('A test image is a whole number from 0 to 99.');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await userEvent.fill(field, '-3');
    await userEvent.keyboard('{Enter}');
    expect(onpick.mock.calls.length).toBe(calls);
    await page.screenshot({ path: '__screenshots__/image/test-picker.png', element: screen.container });
  });

  it('next of a class and next mistake', async () => {
    const onpick = vi.fn();
    const screen = await render(TestImagePicker, { rows: 100, labels, classNames, current: 10, onpick, mistakeRows: null });
    await userEvent.click(screen.getByRole('button', { name: 'Next mistake' }));
    await expect.element(screen.getByRole('status')).toHaveTextContent('Evaluate the model first to find its mistakes.');
    expect(onpick).not.toHaveBeenCalled();
    await screen.getByRole('combobox', { name: 'Class' }).selectOptions('7');
    await userEvent.click(screen.getByRole('button', { name: 'Next of class' }));
    // after row 10, the first row with (i * 3) % 10 === 7 is 19
    expect(onpick).toHaveBeenLastCalledWith(19);
    await screen.rerender({ rows: 100, labels, classNames, current: 10, onpick, mistakeRows: [3, 17, 60] });
    await userEvent.click(screen.getByRole('button', { name: 'Next mistake' }));
    expect(onpick).toHaveBeenLastCalledWith(17);
    await screen.rerender({ rows: 100, labels, classNames, current: 60, onpick, mistakeRows: [3, 17, 60] });
    await userEvent.click(screen.getByRole('button', { name: 'Next mistake' }));
    expect(onpick).toHaveBeenLastCalledWith(3); // wraps round
  });
});
