// The window's first part: the guest-access switch, the create button (disabled with its reason), the
// last refusal, and the table of links.
import { html, nothing } from 'lit';
import type { GuestAccess, Link } from '../internal/api-client.ts';
import type { LocalizeController } from '../internal/localize.ts';
import type { FailuresTranslation } from '../locales/en.ts';
import type { LinkFeedback } from './link-feedback.ts';
import { renderLinksTable } from './links-table.ts';
import { describeRefusal } from './refusal.ts';
import type { RoomController } from './room-controller.ts';

export function renderLinkSettings(
  /** The content's own wording (window-view.ts's chunk). */
  content: LocalizeController<'content'>,
  room: RoomController,
  access: GuestAccess,
  options: {
    /** Why the host cannot create a link or an action was refused (failure-strings.ts, loaded with this). */
    failures: FailuresTranslation;
    feedback: LinkFeedback;
    /** Above the URL when the browser refused to copy it (in the windows' wording, loaded by then). */
    copyByHand: string | undefined;
    /** Each gets the click, whose button shows it is busy while its window's code loads. */
    onCreate: (click: Event) => void;
    onEdit: (link: Link, click: Event) => void;
    /** Opens the guest history; none for hosts who may not read it. */
    onHistory?: (click: Event) => void;
    onDelete: (link: Link, click: Event) => void;
  },
) {
  const c = content.t.content;
  const canManage = access.permissions.includes('guest-access:manage');
  const f = options.failures.failures;
  const cannotCreate = !access.enabled
    ? f.createNeedsAccess
    : access.links.length >= access.maxLinks
      ? f.createAtLimit(access.maxLinks)
      : undefined;
  return html`
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          class="switch"
          part="switch access-switch"
          ?disabled=${!canManage || room.busy}
          @change=${(event: Event) => room.changeAccess({ enabled: (event.target as HTMLInputElement).checked })}
        />
        <span>${c.enable}</span>
      </label>
      ${access.enabled ? nothing : html`<p part="note" class="note">${c.offNote}</p>`}
      ${canManage ? nothing : html`<p part="note" class="note">${c.readOnly}</p>`}
      <div class="toolbar">
        <span class="count">${c.linkCount(access.links.length)}</span>
        ${
          options.onHistory
            ? html`<button type="button" class="button" part="history-button" @click=${options.onHistory}>
              ${c.historyButton}
            </button>`
            : nothing
        }
        ${
          canManage
            ? html`<button
              type="button"
              class="button primary"
              part="create-button"
              ?disabled=${cannotCreate !== undefined}
              aria-describedby=${cannotCreate ? 'create-reason' : nothing}
              @click=${options.onCreate}
            >
              ${c.createLink}
            </button>`
            : nothing
        }
      </div>
      ${canManage && cannotCreate ? html`<p id="create-reason" class="muted small reason">${cannotCreate}</p>` : nothing}
      ${
        room.actionRefusal
          ? html`<p part="error" class="error" role="alert">${describeRefusal(room.actionRefusal, options.failures, access.maxLinks)}</p>`
          : nothing
      }
      ${
        room.manualCopy
          ? html`<label class="note manual-copy"
            >${options.copyByHand}
            <textarea part="input" readonly rows=${room.manualCopy.split('\n').length} .value=${room.manualCopy} @focus=${(event: Event) => (event.target as HTMLTextAreaElement).select()}
          ></textarea></label>`
          : nothing
      }
      ${renderLinksTable(content, {
        links: access.links,
        canManage,
        feedback: options.feedback,
        busy: room.busy,
        onCopy: async (link, what) => {
          const copied = await (what === 'link' ? room.copy(link) : room.copyInvitation(link));
          if (copied) options.feedback.markCopied(link.id, what);
        },
        onPause: (link, paused) => void room.setPaused(link, paused),
        onEdit: options.onEdit,
        onDelete: options.onDelete,
      })}`;
}
