// Asked before admission turns automatic while guests wait: everyone waiting would be let in at once,
// so the host confirms ("Admit the 3 guests waiting?"); Cancel changes nothing.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { addStyles } from '../internal/lazy.ts';
import type { LocalizeController } from '../internal/localize.ts';
import { ModalDialog } from './modal-dialog.ts';
import type { RoomController } from './room-controller.ts';
import { windowStyles } from './window.styles.ts';
import { windowStrings } from './window-strings.ts';

export interface AutoAdmitHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  readonly renderRoot: ParentNode;
  focusFallback(): HTMLElement | null;
}

export class AutoAdmitDialog implements ReactiveController {
  private readonly dialog: ModalDialog;
  private readonly closed: () => void;
  private count = 0;

  constructor(
    private readonly host: AutoAdmitHost,
    private readonly room: RoomController,
  ) {
    host.addController(this);
    addStyles(host, ...windowStyles);
    this.dialog = new ModalDialog(host, '[part~="auto-admit-dialog"]');
    this.closed = this.dialog.whenClosed(() => this.dialog.restoreFocus(() => this.host.focusFallback()));
  }

  hostDisconnected(): void {
    this.dialog.close();
  }

  /** The admission switch was turned to automatic: ask first while guests wait, else switch. */
  async request(): Promise<void> {
    this.count = this.room.waiting.length;
    if (this.count === 0) {
      await this.room.changeAccess({ admission: 'auto' });
      return;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog.open();
  }

  private confirm = async () => {
    this.dialog.close();
    const switched = await this.room.changeAccess({ admission: 'auto' });
    if (switched && this.room.waiting.length > 0 && this.room.access?.enabled)
      await this.room.admit(undefined);
  };

  render() {
    const n = windowStrings(this.host).knock;
    return html`<dialog
      part="dialog auto-admit-dialog"
      class="window"
      role="alertdialog"
      aria-labelledby="auto-admit-title"
      aria-describedby="auto-admit-body"
      @close=${this.closed}
    >
      <h3 id="auto-admit-title">${n.confirmAutoTitle(this.count)}</h3>
      <p id="auto-admit-body">${n.confirmAutoBody}</p>
      <div class="window-foot">
        <button type="button" class="button" part="cancel-button" data-autofocus @click=${() => this.dialog.close()}>
          ${n.cancel}
        </button>
        <button type="button" class="button primary" part="submit-button" @click=${this.confirm}>
          ${n.confirmAutoSubmit}
        </button>
      </div>
    </dialog>`;
  }
}
