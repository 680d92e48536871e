// The table of guest links as the article shows it: Link name · Expiration date · # of clicks · Actions.
import { html, nothing } from 'lit';
import type { Link } from '../internal/api-client.ts';
import { isolate } from '../internal/bidi.ts';
import type { LocalizeController } from '../internal/localize.ts';
import { copyIcon, trashIcon } from './icons.ts';

export interface LinksTableOptions {
  links: Link[];
  canManage: boolean;
  onCopy: (link: Link) => void;
  onDelete: (link: Link) => void;
}

export function renderLinksTable(localize: LocalizeController<'manager'>, options: LinksTableOptions) {
  const m = localize.t.manager;
  return html`<div class="table-scroll"><table part="table" class="links">
    <caption class="visually-hidden">${m.linksCaption}</caption>
    <thead>
      <tr>
        <th scope="col">${m.linkName}</th>
        <th scope="col">${m.expirationDate}</th>
        <th scope="col">${m.clicks}</th>
        <th scope="col" class="actions">${m.actions}</th>
      </tr>
    </thead>
    <tbody>
      ${
        options.links.length === 0
          ? html`<tr><td colspan="4" class="empty">${m.noLinks}</td></tr>`
          : options.links.map((link) => renderRow(localize, link, options))
      }
    </tbody>
  </table></div>`;
}

function renderRow(localize: LocalizeController<'manager'>, link: Link, options: LinksTableOptions) {
  const m = localize.t.manager;
  return html`<tr part="row" data-link-id=${link.id} class=${link.status}>
    <th scope="row">
      <bdi class="link-name">${link.name}</bdi>
      ${
        link.status === 'active'
          ? nothing
          : html`<span part="status" class="chip ${link.status}">${m.status[link.status]}</span>`
      }
    </th>
    <td>
      ${
        link.expiresAt
          ? html`<time
            datetime=${link.expiresAt}
            title=${localize.dateTime(link.expiresAt, { dateStyle: 'full', timeStyle: 'short' })}
            >${localize.dateTime(link.expiresAt)}</time
          >`
          : localize.t.common.never
      }
    </td>
    <td class="uses">${m.uses(link.uses, link.maxUses === null ? m.unlimited : String(link.maxUses))}</td>
    <td class="actions">
      <button
        type="button"
        class="icon-button"
        part="copy-button"
        aria-label=${m.copy(link.name)}
        title=${m.copy(isolate(link.name))}
        @click=${() => options.onCopy(link)}
      >
        ${copyIcon}
      </button>
      ${
        options.canManage
          ? html`<button
            type="button"
            class="icon-button danger"
            part="delete-button"
            aria-label=${m.delete(link.name)}
            title=${m.delete(isolate(link.name))}
            @click=${() => options.onDelete(link)}
          >
            ${trashIcon}
          </button>`
          : nothing
      }
    </td>
  </tr>`;
}
