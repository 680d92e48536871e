// The parts the elements load on demand: a failed load is reported and tried again on the next ask, and a
// loaded part's styles reach the element's shadow root once.
import { expect } from '@open-wc/testing';
import { css } from 'lit';
import { addStyles, LazyPart } from '../../widget/internal/lazy.ts';

const host = () => {
  let updates = 0;
  return {
    requested: () => updates,
    addController() {},
    removeController() {},
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
};

describe('LazyPart', () => {
  it('reports a failed load, then loads on the next ask', async () => {
    const element = host();
    let attempts = 0;
    const part = new LazyPart(element, async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    });
    let error: unknown;
    await part.get().catch((caught) => {
      error = caught;
    });
    expect(error).to.be.instanceOf(TypeError);
    expect(part.failed).to.equal(true);
    expect(part.value).to.equal(undefined);
    expect(element.requested()).to.equal(1);
    expect(await part.get()).to.equal('loaded');
    expect(part.failed).to.equal(false);
    expect(part.value).to.equal('loaded');
    expect(await part.get()).to.equal('loaded');
    expect(attempts).to.equal(2);
  });
});

describe('addStyles', () => {
  it("adds a part's styles to the shadow root once, after the element's own", () => {
    const element = document.createElement('div');
    const root = element.attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    root.adoptedStyleSheets = [own];
    const styles = css`
      p {
        color: red;
      }
    `;
    addStyles({ renderRoot: root }, styles);
    addStyles({ renderRoot: root }, styles);
    expect(root.adoptedStyleSheets).to.deep.equal([own, styles.styleSheet]);
  });
});
