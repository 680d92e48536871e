// "(N) " before the page's title while guests wait, as mail and chat tabs do; the title is restored
// exactly as the page had it (a title the page set meanwhile is kept, without the prefix).

export class TitleBadge {
  /** The prefix we put there; undefined when the title is the page's own. */
  private prefix?: string;

  show(count: number): void {
    const own = this.pageTitle();
    this.prefix = count > 0 ? `(${count}) ` : undefined;
    const wanted = (this.prefix ?? '') + own;
    if (document.title !== wanted) document.title = wanted;
  }

  clear(): void {
    this.show(0);
  }

  /** The title without our prefix. */
  private pageTitle(): string {
    const title = document.title;
    return this.prefix && title.startsWith(this.prefix) ? title.slice(this.prefix.length) : title;
  }
}
