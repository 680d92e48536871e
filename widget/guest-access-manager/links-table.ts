// The table of guest links as the article shows it: Link name · Expiration date · # of clicks · Actions.
// Below ~640 px of width (a container query, so also inline in a narrow column) each row is a card.
import { html, nothing } from 'lit';
import type { Link } from '../internal/api-client.ts';
import { isolate } from '../internal/bidi.ts';
import { dateTime, type LocalizeController, relativeTime } from '../internal/localize.ts';
import { checkIcon, copyIcon, editIcon, mailIcon, trashIcon } from './icons.ts';
import { type CopyWhat, copiedKey, type LinkFeedback } from './link-feedback.ts';

export interface LinksTableOptions {
  links: Link[];
  canManage: boolean;
  feedback: LinkFeedback;
  onCopy: (link: Link, what: CopyWhat) => void;
  onPause: (link: Link, paused: boolean) => void;
  onEdit: (link: Link, click: Event) => void;
  onDelete: (link: Link, click: Event) => void;
  busy: boolean;
}

type Localize = LocalizeController<'content'>;

/**
 * Elements that read "a · b" on one line. One that wraps starts its own line, its dot hanging outside the
 * outer span's clip, so no line starts or ends with "·" (window-view.styles.ts).
 */
const pieces = (kind: string, elements: unknown[]) =>
  html`<span class="pieces ${kind}"><span class="pieces-line">${elements}</span></span>`;

/** The expiry date with its time, and how far away it is; or Never. */
export function renderExpiry(localize: Localize, expiresAt: string | null, now = Date.now()) {
  if (!expiresAt) return localize.t.common.never;
  return pieces('when', [
    html`<time
      datetime=${expiresAt}
      title=${dateTime(localize.language, expiresAt, { dateStyle: 'full', timeStyle: 'short' })}
      >${dateTime(localize.language, expiresAt, { dateStyle: 'medium', timeStyle: 'short' })}</time
    > `,
    html`<span class="relative">${relativeTime(localize.language, expiresAt, now)}</span>`,
  ]);
}

/** The labels a card shows before its values (the table's headings say it on a wide window). */
const cardLabel = (text: string) => html`<span class="card-label" aria-hidden="true">${text}</span>`;

export function renderLinksTable(localize: Localize, options: LinksTableOptions) {
  const m = localize.t.content;
  // Explicit roles: a table whose rows are drawn as cards (display: grid) keeps its table semantics.
  return html`<table part="table" class="links" role="table">
    <caption class="visually-hidden">${m.linksCaption}</caption>
    <thead role="rowgroup">
      <tr role="row">
        <th scope="col" role="columnheader">${m.linkName}</th>
        <th scope="col" role="columnheader">${m.expirationDate}</th>
        <th scope="col" role="columnheader">${m.clicks}</th>
        <th scope="col" role="columnheader" class="actions">${m.actions}</th>
      </tr>
    </thead>
    <tbody role="rowgroup">
      ${
        options.links.length === 0
          ? html`<tr role="row"><td role="cell" colspan="4" class="empty">${m.noLinks}</td></tr>`
          : options.links.map((link) => renderRow(localize, link, options))
      }
    </tbody>
  </table>`;
}

function renderRow(localize: Localize, link: Link, options: LinksTableOptions) {
  const m = localize.t.content;
  const number = new Intl.NumberFormat(localize.language);
  const uses = number.format(link.uses);
  const created = options.feedback.created === link.id;
  // "Link created" is seen, not said (aria-hidden): the polite live region announces it, and the row
  // header stays just the name.
  const copied = (what: CopyWhat) => options.feedback.copied === copiedKey(link.id, what);
  return html`<tr part="row" role="row" data-link-id=${link.id} class="${link.status} ${created ? 'created' : ''}">
    <th scope="row" role="rowheader" class="name">
      <span class="name-line">
        <bdi class="link-name">${link.name}</bdi>
        ${
          link.status === 'active'
            ? nothing
            : html`<span part="status" class="chip ${link.status}" id="status-${link.id}"
                >${m.status[link.status]}</span
              >`
        }
        ${
          // A link's own admission, when it does not follow the room's: who skips the lobby matters.
          link.admission === 'room'
            ? nothing
            : html`<span part="admission" class="chip">${m.admissionChip[link.admission]}</span>`
        }
      </span>
      <!-- Seen and selectable; screen readers hear it as the Copy button's description, not in the row
        header before every cell. -->
      <span part="url" class="link-url" id="url-${link.id}" dir="ltr" title=${link.url} aria-hidden="true"
        >${link.url}</span
      >
      ${created ? html`<span class="created-hint" aria-hidden="true">${m.createdHint}</span>` : nothing}
    </th>
    <td role="cell" class="expires">
      ${cardLabel(m.expirationDate)}${renderExpiry(localize, link.expiresAt)}
    </td>
    <td role="cell" class="uses">
      ${cardLabel(m.clicks)}${
        link.maxUses === null
          ? pieces(
              'used',
              m.usedUnlimited(uses).map((part) => html`<span>${part}</span> `),
            )
          : m.used(uses, number.format(link.maxUses))
      }
    </td>
    <td role="cell" class="actions">
      <!-- Two groups: sharing (Copy, Invitation) and, for managers, the switch, Edit and Delete; stacked
        in the wide table so the column stays narrow, side by side on a card. -->
      <span class="action-group">
      ${copyButton(m.copyShort, copyIcon, copied('link'), {
        part: 'copy-button',
        label: copied('link') ? m.copiedLink(link.name) : m.copy(link.name),
        title: m.copy(isolate(link.name)),
        copiedText: m.copiedShort,
        describedBy: `url-${link.id}`,
        onClick: () => options.onCopy(link, 'link'),
      })}
      ${copyButton(m.invitationShort, mailIcon, copied('invitation'), {
        part: 'invitation-button',
        label: copied('invitation') ? m.copiedInvitation(link.name) : m.copyInvitation(link.name),
        title: m.copyInvitation(isolate(link.name)),
        copiedText: m.copiedShort,
        onClick: () => options.onCopy(link, 'invitation'),
      })}
      </span>
      ${
        options.canManage
          ? html`<span class="action-group">
            <label class="row-switch" title=${m.enableLinkSwitch(isolate(link.name))}>
            <input
              type="checkbox"
              role="switch"
              class="switch"
              part="switch pause-switch"
              aria-label=${m.enableLinkSwitch(link.name)}
              aria-describedby=${link.status === 'active' ? nothing : `status-${link.id}`}
              .checked=${!link.paused}
              ?disabled=${options.busy}
              @change=${(event: Event) => options.onPause(link, !(event.target as HTMLInputElement).checked)}
            /><span aria-hidden="true">${m.enableLink}</span>
          </label>
            <button
              type="button"
              class="icon-button"
              part="edit-button"
              aria-label=${m.edit(link.name)}
              title=${m.edit(isolate(link.name))}
              @click=${(click: Event) => options.onEdit(link, click)}
            >
              ${editIcon}
            </button><button
              type="button"
              class="icon-button danger"
              part="delete-button"
              aria-label=${m.delete(link.name)}
              title=${m.delete(isolate(link.name))}
              @click=${(click: Event) => options.onDelete(link, click)}
            >
              ${trashIcon}
            </button>
          </span>`
          : nothing
      }
    </td>
  </tr>`;
}

/**
 * A copy button whose two labels share one grid cell, so it keeps its width when it says "Copied" (its
 * name then says so too, keeping the visible word in it).
 */
function copyButton(
  text: string,
  icon: unknown,
  copied: boolean,
  options: {
    part: string;
    label: string;
    title: string;
    copiedText: string;
    describedBy?: string;
    onClick: () => void;
  },
) {
  return html`<button
    type="button"
    class="button small ghost copy-button ${copied ? 'copied' : ''}"
    part=${options.part}
    aria-label=${options.label}
    aria-describedby=${options.describedBy ?? nothing}
    title=${options.title}
    @click=${options.onClick}
  >
    <span class="swap">
      <span class=${copied ? 'off' : ''}>${icon}${text}</span>
      <span part=${copied ? 'copied' : nothing} class=${copied ? '' : 'off'} aria-hidden="true"
        >${checkIcon}${options.copiedText}</span
      >
    </span>
  </button>`;
}
