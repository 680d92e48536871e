// The title badge of several managers on one page (one per room): one "(N) " with their sum.
import { expect } from '@open-wc/testing';
import { TitleBadge } from '../../widget/guest-access-manager/title-badge.ts';

describe('title badge', () => {
  it('adds the counts of several managers into one prefix and restores the title', () => {
    document.title = 'Rooms';
    const [first, second] = [new TitleBadge(), new TitleBadge()];
    first.show(1);
    second.show(2);
    expect(document.title).to.equal('(3) Rooms');
    first.clear();
    expect(document.title).to.equal('(2) Rooms');
    second.clear();
    expect(document.title).to.equal('Rooms');
  });
});
