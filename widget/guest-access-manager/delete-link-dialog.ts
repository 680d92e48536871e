// The confirmation before a link is deleted: deleting is immediate and final, so the host is told so.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ApiRequestError, Link } from '../internal/api-client.ts';
import { sentenceWithName } from '../internal/bidi.ts';
import { addStyles } from '../internal/lazy.ts';
import type { LocalizeController } from '../internal/localize.ts';
import { failureStrings } from './failure-strings.ts';
import { busyButton } from './icons.ts';
import { ModalDialog } from './modal-dialog.ts';
import { asApiError, describeRefusal } from './refusal.ts';
import { windowStyles } from './window.styles.ts';
import { windowStrings } from './window-strings.ts';

export interface DeleteLinkHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  readonly renderRoot: ParentNode;
  deleteLink(link: Link, removeGuests: boolean): Promise<void>;
  focusFallback(): HTMLElement | null;
}

export class DeleteLinkDialog implements ReactiveController {
  readonly dialog: ModalDialog;
  /** The dialog's `close` listener. */
  private readonly closed: () => void;
  private link?: Link;
  /** Whether the host may remove guests (guests:admit): only then is "also remove the guests" offered. */
  private canRemoveGuests = false;
  private sending = false;
  private refusal?: ApiRequestError;

  constructor(private readonly host: DeleteLinkHost) {
    host.addController(this);
    addStyles(host, ...windowStyles);
    this.dialog = new ModalDialog(host, '[part~="confirm-dialog"]');
    this.closed = this.dialog.whenClosed(this.onClose);
  }

  hostDisconnected() {
    this.dialog.close();
  }

  async open(link: Link, canRemoveGuests: boolean) {
    this.link = link;
    this.canRemoveGuests = canRemoveGuests;
    this.refusal = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    // Unchecked each time: removing guests is never carried over from another link.
    const box = this.dialog.element?.querySelector<HTMLInputElement>('[part~="remove-guests"]');
    if (box) box.checked = false;
    this.dialog.open();
  }

  private onClose = () => {
    this.link = undefined;
    this.host.requestUpdate();
    this.dialog.restoreFocus(() => this.host.focusFallback());
  };

  private confirm = async () => {
    if (!this.link || this.sending) return;
    this.sending = true;
    this.refusal = undefined;
    this.host.requestUpdate();
    try {
      const box = this.dialog.element?.querySelector<HTMLInputElement>('[part~="remove-guests"]');
      await this.host.deleteLink(this.link, !!box?.checked);
      this.dialog.close();
    } catch (error) {
      this.refusal = asApiError(error);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  };

  render() {
    const c = windowStrings(this.host).confirmDelete;
    return html`<dialog
      part="dialog confirm-dialog"
      class="window"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @close=${this.closed}
    >
      <h3 id="confirm-title">${c.title}</h3>
      <div id="confirm-body">
        <p>${this.link ? sentenceWithName(c.body, this.link.name) : nothing}</p>
        <p class="muted">${c.guestsStay}</p>
      </div>
      ${
        this.canRemoveGuests && this.link
          ? html`<label class="check-row"
            ><input type="checkbox" part="remove-guests" /><span>${c.removeGuests}</span></label
          >`
          : nothing
      }
      ${
        this.refusal
          ? html`<p part="error" class="error" role="alert">${describeRefusal(this.refusal, failureStrings(this.host))}</p>`
          : nothing
      }
      <div class="window-foot">
        <button type="button" class="button" part="cancel-button" data-autofocus @click=${() => this.dialog.close()}>
          ${c.cancel}
        </button>
        ${busyButton(c.submit, this.sending, { type: 'button', kind: 'danger', onClick: this.confirm })}
      </div>
    </dialog>`;
  }
}
