// A part of an element that its first view does not show (a window a button opens, a view reached after
// a submit or a later event): a chunk of its own, fetched when the browser is idle or on the first sign
// that it is wanted, its styles added to the element's shadow root once it has arrived. A part that
// failed to load is fetched again on the next ask; the element says why meanwhile (`failed`).
import type { CSSResult, ReactiveControllerHost } from 'lit';

export class LazyPart<T> {
  /** The part, once loaded. */
  value?: T;
  /** The last load failed (offline, or the chunk gone after a deploy). */
  failed = false;
  private pending?: Promise<T>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The part, loading it first if need be; the element renders again once it is there (or failed). */
  get(): Promise<T> {
    if (this.pending) return this.pending;
    this.failed = false;
    this.pending = this.load().then(
      (value) => {
        this.value = value;
        this.failed = false;
        this.host.requestUpdate();
        return value;
      },
      (error) => {
        this.pending = undefined;
        this.failed = true;
        this.host.requestUpdate();
        throw error;
      },
    );
    return this.pending;
  }

  /** Starts loading (or loading again after a failure) without waiting for it; `failed` says how it went. */
  prefetch = (): void => {
    this.get().catch(() => undefined);
  };
}

/** Runs `task` once the browser is idle (a timeout where there is no requestIdleCallback). */
export const whenIdle = (task: () => void): void =>
  void (globalThis.requestIdleCallback ?? setTimeout)(() => task());

/** Adds a loaded part's styles to the element's shadow root, once each. */
export function addStyles(host: { readonly renderRoot: ParentNode }, ...styles: CSSResult[]): void {
  const root = host.renderRoot as ShadowRoot;
  for (const style of styles) {
    const sheet = style.styleSheet;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else if (
      ![...root.querySelectorAll('style')].some((element) => element.textContent === style.cssText)
    ) {
      // Without constructable style sheets (as Lit does then): before the rendered content, which Lit owns.
      const element = document.createElement('style');
      element.textContent = style.cssText;
      root.prepend(element);
    }
  }
}
