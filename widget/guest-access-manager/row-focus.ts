// Keyboard focus when a guest's row goes away (admitted, denied, removed): the button pressed in it
// goes too, and without this focus would fall back to the page.
import type { HostGuest } from '../internal/api-client.ts';

export class RowFocus {
  constructor(private readonly host: { renderRoot: ParentNode; updateComplete: Promise<boolean> }) {}

  /**
   * Runs `action` on `guest`'s row (no guest: Admit all, in the waiting room), then focuses the row now
   * in its place (or the one before), else the list's heading, unless focus is still somewhere usable.
   */
  async around<T>(guest: HostGuest | undefined, action: () => Promise<T>): Promise<T> {
    const root = this.host.renderRoot;
    const row = guest && root.querySelector(`[data-guest-id="${CSS.escape(guest.id)}"]`);
    const section = row ? row.closest('section') : root.querySelector('section[part="waiting-room"]');
    const index = row?.parentElement ? [...row.parentElement.children].indexOf(row) : 0;
    const result = await action();
    await this.host.updateComplete;
    const focused = (root as ShadowRoot).activeElement;
    if (section?.isConnected && !(focused && !(focused as HTMLButtonElement).disabled)) {
      const rows = section.querySelectorAll('li[data-guest-id]');
      const next = rows[Math.min(index, rows.length - 1)]?.querySelector('button');
      (next ?? section.querySelector<HTMLElement>('h3'))?.focus();
    }
    return result;
  }
}
