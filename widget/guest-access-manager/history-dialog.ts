// "History": every guest the room ever had (waiting, admitted, denied, left, removed), newest first, page
// by page with "Load more", for one link or all, and the same list as a CSV download.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ApiRequestError, GuestHistoryFilter, HostGuest, Link } from '../internal/api-client.ts';
import { emailAddress } from '../internal/bidi.ts';
import { addStyles } from '../internal/lazy.ts';
import { dateTime, type LocalizeController } from '../internal/localize.ts';
import { failureStrings } from './failure-strings.ts';
import { closeIcon } from './icons.ts';
import { ModalDialog } from './modal-dialog.ts';
import { asApiError, describeRefusal } from './refusal.ts';
import { windowStyles } from './window.styles.ts';
import { windowStrings } from './window-strings.ts';

export interface HistorySource {
  history(
    filter: GuestHistoryFilter,
    signal: AbortSignal,
  ): Promise<{ guests: HostGuest[]; nextCursor: string | null }>;
  historyCsv(filter: GuestHistoryFilter): Promise<Blob>;
}

export interface HistoryHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  readonly renderRoot: ParentNode;
}

export class HistoryDialog implements ReactiveController {
  readonly dialog: ModalDialog;
  /** The dialog's `close` listener. */
  private readonly closed: () => void;
  private guests: HostGuest[] = [];
  private nextCursor: string | null = null;
  private linkId = '';
  private loading = false;
  private downloading = false;
  private refusal?: ApiRequestError;
  /** Aborts the page on its way when the filter changes or the window closes. */
  private pending?: AbortController;

  constructor(
    private readonly host: HistoryHost,
    private readonly source: HistorySource,
  ) {
    host.addController(this);
    addStyles(host, ...windowStyles);
    this.dialog = new ModalDialog(host, '[part~="history-dialog"]');
    this.closed = this.dialog.whenClosed(this.onClose);
  }

  hostDisconnected() {
    this.pending?.abort();
    this.dialog.close();
  }

  /** Opens the history of the room, or (`linkId`) of one link. */
  open(linkId = '') {
    this.linkId = linkId;
    this.dialog.open();
    void this.load(false);
  }

  private onClose = () => {
    this.pending?.abort();
    this.guests = [];
    this.nextCursor = null;
    this.refusal = undefined;
    this.host.requestUpdate();
    this.dialog.restoreFocus();
  };

  /** The first page (`more` false: a new filter) or the next one. */
  private async load(more: boolean) {
    this.pending?.abort();
    const pending = new AbortController();
    this.pending = pending;
    this.loading = true;
    this.refusal = undefined;
    if (!more) {
      this.guests = [];
      this.nextCursor = null;
    }
    this.host.requestUpdate();
    try {
      const page = await this.source.history(
        { linkId: this.linkId || undefined, cursor: (more && this.nextCursor) || undefined },
        pending.signal,
      );
      if (pending.signal.aborted) return;
      this.guests = [...this.guests, ...page.guests];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (!pending.signal.aborted) this.refusal = asApiError(error);
    } finally {
      if (this.pending === pending) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  private download = async () => {
    if (this.downloading) return;
    this.downloading = true;
    this.refusal = undefined;
    this.host.requestUpdate();
    try {
      const blob = await this.source.historyCsv({ linkId: this.linkId || undefined });
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'guest-history.csv';
      anchor.click();
      // The click has handed the file to the browser; the object URL is no longer needed.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      this.refusal = asApiError(error);
    } finally {
      this.downloading = false;
      this.host.requestUpdate();
    }
  };

  render(links: Link[]) {
    const localize = this.host.localize;
    const t = localize.t;
    const h = windowStrings(this.host).history;
    // The date and the time of day each keep together, and may go on two lines: three such columns on one
    // line each made the table wider than the window, hiding its last column.
    const time = (iso: string | null) =>
      iso
        ? html`<time datetime=${iso}
            ><span>${dateTime(localize.language, iso, { dateStyle: 'medium' })}</span>
            <span>${dateTime(localize.language, iso, { timeStyle: 'short' })}</span></time
          >`
        : '—';
    return html`<dialog part="dialog history-dialog" class="window wide" aria-labelledby="history-title" @close=${this.closed}>
      <div class="window-head">
        <h3 id="history-title">${h.title}</h3>
        <button type="button" class="icon-button" part="close-button" aria-label=${t.common.close} @click=${() => this.dialog.close()}>
          ${closeIcon}
        </button>
      </div>
      <div class="history-tools">
        <label class="history-filter"
          >${h.link}
          <select
            part="history-link"
            .value=${this.linkId}
            @change=${(event: Event) => {
              this.linkId = (event.target as HTMLSelectElement).value;
              void this.load(false);
            }}
          >
            <option value="" ?selected=${this.linkId === ''}>${h.allLinks}</option>
            ${links.map((link) => html`<option value=${link.id} ?selected=${this.linkId === link.id}>${link.name}</option>`)}
          </select></label
        >
        <button type="button" class="button" part="csv-button" ?disabled=${this.downloading} @click=${this.download}>
          ${h.downloadCsv}
        </button>
      </div>
      ${this.refusal ? html`<p part="error" class="error" role="alert">${describeRefusal(this.refusal, failureStrings(this.host))}</p>` : nothing}
      <!-- Focusable: a wide table in a window narrower than it scrolls sideways, and keyboard users scroll it
        too. Explicit roles: rows drawn as cards on a phone (display: grid) keep their table semantics; a
        card's labels are the cells' data-label, drawn by CSS and not read (the column headers are). -->
      <div class="history-scroll" tabindex="0" role="region" aria-labelledby="history-title">
        <table part="history-table" class="history" role="table">
          <caption class="visually-hidden">${h.title}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${h.name}</th>
              <th scope="col" role="columnheader">${h.link}</th>
              <th scope="col" role="columnheader">${h.status}</th>
              <th scope="col" role="columnheader">${h.arrived}</th>
              <th scope="col" role="columnheader">${h.admitted}</th>
              <th scope="col" role="columnheader">${h.left}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${
              this.guests.length === 0 && !this.loading
                ? html`<tr role="row"><td role="cell" colspan="6" class="empty">${h.empty}</td></tr>`
                : this.guests.map(
                    (guest) => html`<tr part="history-row" role="row">
                      <th scope="row" role="rowheader"><bdi>${guest.name || h.erased}</bdi> <span class="muted small email">${emailAddress(guest.email)}</span></th>
                      <td role="cell" data-label=${h.link}><bdi>${guest.linkName}</bdi></td>
                      <td role="cell" data-label=${h.status}>${h.statuses[guest.status]}</td>
                      <td role="cell" data-label=${h.arrived} class=${guest.createdAt ? '' : 'unset'}>${time(guest.createdAt)}</td>
                      <td role="cell" data-label=${h.admitted} class=${guest.admittedAt ? '' : 'unset'}>${time(guest.admittedAt)}</td>
                      <td role="cell" data-label=${h.left} class=${guest.leftAt ? '' : 'unset'}>${time(guest.leftAt)}</td>
                    </tr>`,
                  )
            }
          </tbody>
        </table>
      </div>
      <p class="visually-hidden" role="status">${this.loading ? t.common.loading : ''}</p>
      ${
        this.nextCursor
          ? html`<div class="window-foot">
            <button type="button" class="button" part="more-button" ?disabled=${this.loading} @click=${() => void this.load(true)}>
              ${h.loadMore}
            </button>
          </div>`
          : nothing
      }
    </dialog>`;
  }
}
