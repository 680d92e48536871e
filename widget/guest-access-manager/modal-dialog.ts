// The native <dialog> behaviour the three windows share: showModal() (the page goes inert, Escape
// closes), and focus back where it was when the window closes, or to a fallback when that control
// is gone (a deleted row) or disabled (the create button at the link limit).

/** The focused element, looking inside shadow roots (document.activeElement stops at a host). */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

export class ModalDialog {
  private opener?: HTMLElement;
  /** The control that last opened this window, kept after it closed (the knock alert gives focus back to it). */
  lastOpener?: HTMLElement;

  /** `selector` finds the rendered <dialog> in the host's shadow root. */
  constructor(
    private readonly host: { renderRoot: ParentNode },
    private readonly selector: string,
  ) {}

  get element(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>(this.selector);
  }

  open(): void {
    const dialog = this.element;
    // Not on the page (taken off while the window's part was loading): nothing to open.
    if (!dialog?.isConnected || dialog.open) return;
    this.opener = deepActiveElement();
    this.lastOpener = this.opener;
    dialog.showModal();
    // Not the autofocus attribute: in a cross-origin iframe Chromium logs an error for each one rendered.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  close(): void {
    this.element?.close();
  }

  /**
   * `handler` as the dialog's `close` listener, skipped when the window was opened again before the event
   * came (it is queued as a task): the window then belongs to the new opening, whose state must stay.
   */
  whenClosed(handler: () => unknown): () => void {
    return () => {
      if (!this.element?.open) void handler();
    };
  }

  /** Call from the dialog's `close` event. */
  restoreFocus(fallback?: () => HTMLElement | null | undefined): void {
    const opener = this.opener;
    this.opener = undefined;
    const usable = opener?.isConnected && !opener.matches(':disabled');
    (usable ? opener : fallback?.())?.focus();
  }
}
