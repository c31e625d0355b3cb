import { expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import GuardedThrower from './harness/GuardedThrower.svelte';

it('a view that fails to render shows its error in place and leaves the rest of the page alone', async () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  const screen = await render(GuardedThrower);
  await expect.element(screen.getByRole('alert')).toHaveTextContent('This view could not be drawn: unexpected kernel shape');
  await expect.element(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect.element(screen.getByText('The rest of the app')).toBeVisible();
  expect(log).toHaveBeenCalled();
  log.mockRestore();
});
