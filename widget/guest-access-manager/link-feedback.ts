// What the rows say about the host's last actions, kept by the element (it outlives the table's chunk:
// the create window marks the link it created).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a copy button shows "Copied". */
export const COPIED_MS = 2000;

export type CopyWhat = 'link' | 'invitation';
export const copiedKey = (linkId: string, what: CopyWhat) => (what === 'link' ? linkId : `${what}:${linkId}`);

/**
 * What the rows say about the host's last actions: the link just created (highlighted until copied),
 * and the link copied in the last two seconds.
 */
export class LinkFeedback implements ReactiveController {
  created?: string;
  copied?: string;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.timer);
    this.copied = undefined;
  }

  markCreated(linkId: string) {
    this.created = linkId;
    this.host.requestUpdate();
  }

  /** `what`: the link's URL or its invitation, each button says "Copied" on its own. */
  markCopied(linkId: string, what: CopyWhat = 'link') {
    if (this.created === linkId) this.created = undefined;
    this.copied = copiedKey(linkId, what);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.copied = undefined;
      this.host.requestUpdate();
    }, COPIED_MS);
    this.host.requestUpdate();
  }
}
