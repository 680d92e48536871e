// "(N) " before the page's title while guests wait, as mail and chat tabs do; the title is restored
// exactly as the page had it (a title the page set meanwhile is kept, without the prefix).
// One prefix for the page: several managers (one per room) add their counts rather than stack "(1) (1) ".

/** Each badge's count, and the prefix the page's title carries for their sum. */
const counts = new Map<TitleBadge, number>();
let prefix: string | undefined;

export class TitleBadge {
  show(count: number): void {
    const own = pageTitle();
    if (count > 0) counts.set(this, count);
    else counts.delete(this);
    const total = [...counts.values()].reduce((sum, each) => sum + each, 0);
    prefix = total > 0 ? `(${total}) ` : undefined;
    const wanted = (prefix ?? '') + own;
    if (document.title !== wanted) document.title = wanted;
  }

  clear(): void {
    this.show(0);
  }
}

/** The title without our prefix. */
function pageTitle(): string {
  const title = document.title;
  return prefix && title.startsWith(prefix) ? title.slice(prefix.length) : title;
}
