// One template for every state a guest can end up in (and the waiting room): an icon, a title, one
// sentence and at most one action. <guest-entry-form> renders it, and so does the demo's media page (in a
// shadow root of its own with these styles and the theme), so a guest sees the same page on both.
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { StatusTranslation } from '../locales/en.ts';

export type GuestState =
  | 'waiting'
  | 'admitted'
  | 'denied'
  | 'removed'
  | 'left'
  /** Left the session from the media page (the entry page's `left` is leaving the waiting room). */
  | 'session_left'
  | 'access_removed'
  | 'offline'
  | 'rate_limited';

export interface StatusAction {
  label: string;
  /** Its CSS part name, e.g. `retry-button`. */
  part: string;
  run: () => void;
  /** Shown but not yet usable (a Retry-After running): aria-disabled, so it stays focusable. */
  disabled?: boolean;
}

export interface Status {
  state: GuestState;
  title: string;
  message?: string;
  action?: StatusAction;
  /** More of the view after its sentence (the lobby while waiting). */
  details?: TemplateResult | typeof nothing;
  /** `h1` where the status is the page's heading (no room title above it), else `h2`. */
  heading?: 'h1' | 'h2';
}

/** Each state's title and sentence, in the guest's language. */
export function statusWords(t: StatusTranslation, state: GuestState): { title: string; message?: string } {
  const e = t.status;
  switch (state) {
    case 'waiting':
      return { title: e.waitingTitle };
    case 'admitted':
      return { title: e.admittedTitle, message: e.admitted };
    case 'denied':
      return { title: e.deniedTitle, message: e.denied };
    case 'removed':
      return { title: e.removedTitle, message: e.removed };
    case 'left':
      return { title: e.leftTitle, message: e.leftMessage };
    case 'session_left':
      return { title: e.sessionLeftTitle, message: e.sessionLeft };
    case 'access_removed':
      return { title: e.unavailableTitle, message: e.accessRemoved };
    case 'offline':
      return { title: e.offlineTitle, message: e.offline };
    case 'rate_limited':
      return { title: e.rateLimitedTitle, message: e.rateLimitedWait };
  }
}

// 24×24 outline icons, drawn with currentColor.
const paths: Record<GuestState, TemplateResult> = {
  waiting: svg`<circle cx="12" cy="12" r="8.5"/><path d="M12 7.5V12l3 2"/>`,
  admitted: svg`<path d="m5.5 12.5 4 4 9-9"/>`,
  denied: svg`<circle cx="12" cy="12" r="8.5"/><path d="m6 6 12 12"/>`,
  removed: svg`<circle cx="10" cy="8" r="3.5"/><path d="M3.5 20a6.5 6.5 0 0 1 11.5-4M16 15l5 5M21 15l-5 5"/>`,
  left: svg`<path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10"/>`,
  session_left: svg`<path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10"/>`,
  access_removed: svg`<path d="M9.5 14.5 8 16a3.5 3.5 0 0 1-5-5l1.5-1.5M14.5 9.5 16 8a3.5 3.5 0 0 1 5 5l-1.5 1.5M4 4l16 16"/>`,
  offline: svg`<path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M3 3l18 18"/><circle cx="12" cy="19" r="1"/>`,
  rate_limited: svg`<path d="M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9"/>`,
};

export function statusIcon(state: GuestState) {
  return html`<div class="status-icon" part="status-icon" aria-hidden="true">
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths[state]}</svg>
  </div>`;
}

export function statusTemplate(status: Status) {
  const { state, title, message, action, details = nothing } = status;
  const heading =
    status.heading === 'h1'
      ? html`<h1 class="status-title view-title" part="status-title" tabindex="-1">${title}</h1>`
      : html`<h2 class="status-title view-title" part="status-title" tabindex="-1">${title}</h2>`;
  return html`<section part="status" class="status" data-outcome=${state}>
    ${statusIcon(state)} ${heading} ${message ? html`<p part="message" class="message">${message}</p>` : nothing}
    ${details}
    ${
      action
        ? html`<button
            part=${action.part}
            class="secondary"
            type="button"
            aria-disabled=${action.disabled ? 'true' : 'false'}
            @click=${() => action.disabled || action.run()}
          >
            ${action.label}
          </button>`
        : nothing
    }
  </section>`;
}

/** The template's look; needs the theme's tokens (widget/internal/theme.ts) around it. */
export const statusStyles = css`
  .status {
    display: grid;
    gap: 0.5rem;
    justify-items: center;
    text-align: center;
    padding-block: 0.5rem;
  }
  .status-icon {
    --_tone: var(--_accent);
    display: grid;
    place-items: center;
    inline-size: 3.5rem;
    block-size: 3.5rem;
    margin-block-end: 0.5rem;
    border-radius: 50%;
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 14%, var(--_background));
  }
  .status-icon svg {
    inline-size: 1.75rem;
    block-size: 1.75rem;
  }
  /* Leaving goes toward the start edge: mirrored in right-to-left pages. */
  [data-outcome$='left'] .status-icon svg:dir(rtl) {
    transform: scaleX(-1);
  }
  [data-outcome='admitted'] .status-icon {
    --_tone: var(--_success);
  }
  [data-outcome='denied'] .status-icon,
  [data-outcome='removed'] .status-icon,
  [data-outcome='access_removed'] .status-icon {
    --_tone: var(--_danger);
  }
  [data-outcome='waiting'] .status-icon {
    animation: guest-access-pulse 2s ease-in-out infinite;
  }
  @keyframes guest-access-pulse {
    0%,
    100% {
      box-shadow: 0 0 0 0 color-mix(in srgb, var(--_tone) 35%, transparent);
    }
    50% {
      box-shadow: 0 0 0 0.6rem color-mix(in srgb, var(--_tone) 0%, transparent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [data-outcome='waiting'] .status-icon {
      animation: none;
    }
  }
  .status-title {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
    text-wrap: balance;
  }
  .status-title:focus {
    outline: none;
  }
  .status .message {
    margin: 0;
    max-inline-size: 34ch;
    color: var(--_muted);
    text-wrap: pretty;
  }
  .status button {
    margin-block-start: 0.75rem;
  }
`;
