import { expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import App from '../../src/viz/App.svelte';

it('renders the title', async () => {
  const screen = await render(App);
  await expect.element(screen.getByRole('heading', { name: 'Layer Lens' })).toBeVisible();
});
