/**
 * Copy text to the clipboard: the Clipboard API where the page may use it, else the old
 * `execCommand("copy")` on a hidden text area (http pages, older browsers, a denied permission).
 * Resolves to how it went, so the view can say "Copied" or ask the user to copy by hand.
 */
export type CopyResult = 'copied' | 'failed';

export async function copyText(text: string): Promise<CopyResult> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // fall through to the fallback
  }
  return copyWithTextArea(text) ? 'copied' : 'failed';
}

/** The fallback: select the text in an off-screen text area and run the copy command. */
export function copyWithTextArea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.left = '-10000px';
  area.style.top = '0';
  const focused = document.activeElement as HTMLElement | null;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus();
  return ok;
}
