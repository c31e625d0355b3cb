import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import LayerStepper from '../../src/viz/components/LayerStepper.svelte';
import Host from './ViewStepperHost.svelte';

const steps = [
  { name: 'dense', className: 'Dense' },
  { name: 'dense_1', className: 'Dense' },
];

describe('LayerStepper', () => {
  it("shows values_0 and the course's layer names, the selected one marked", async () => {
    const screen = await render(LayerStepper, { steps, selected: 1, onselect: () => {} });
    await expect.element(screen.getByRole('button', { name: /values_0 · input/ })).toBeVisible();
    const layer0 = screen.getByRole('button', { name: /layer_0 · Dense \(dense\)/ });
    await expect.element(layer0).toHaveAttribute('aria-current', 'step');
    await expect.element(screen.getByRole('button', { name: /layer_1 · Dense \(dense_1\)/ })).toHaveTextContent('values_2');
    await page.viewport(900, 200);
    await page.screenshot({ path: '__screenshots__/viz/stepper.png', element: screen.container });
  });

  it('arrow keys, Home and End move the selection', async () => {
    const screen = await render(Host, { steps });
    await userEvent.click(screen.getByRole('button', { name: /values_0/ }));
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(screen.getByRole('button', { name: /layer_0/ })).toHaveAttribute('aria-current', 'step');
    await expect.element(screen.getByRole('button', { name: /layer_0/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect.element(screen.getByRole('button', { name: /layer_1/ })).toHaveAttribute('aria-current', 'step');
    await userEvent.keyboard('{Home}');
    await expect.element(screen.getByRole('button', { name: /values_0/ })).toHaveAttribute('aria-current', 'step');
    await userEvent.keyboard('{End}{ArrowLeft}');
    await expect.element(screen.getByRole('button', { name: /layer_0/ })).toHaveAttribute('aria-current', 'step');
  });

  it('listens on the page when windowKeys is set, but not while typing in a field', async () => {
    const onselect = vi.fn();
    const screen = await render(LayerStepper, { steps, selected: 0, onselect, windowKeys: true });
    document.body.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(onselect).toHaveBeenLastCalledWith(1);
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    onselect.mockClear();
    await userEvent.keyboard('{ArrowRight}');
    expect(onselect).not.toHaveBeenCalled();
    input.remove();
    screen.unmount();
  });
});
