// The element's polite live region: what changed, said to screen readers without moving focus. It is
// rendered whether the window is open or not, so a knock is announced while the window is closed too.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

export class AnnouncerController implements ReactiveController {
  private text = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Taken off the page: nothing stale is said when it comes back. */
  hostDisconnected(): void {
    this.text = '';
  }

  /** Says `text` (emptied first, so a repeated message is said again). */
  async say(text: string): Promise<void> {
    this.text = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.text = text;
    this.host.requestUpdate();
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }
}
