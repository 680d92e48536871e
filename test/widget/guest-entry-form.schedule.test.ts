// One schedule formatter (issue 13, item 9) for the entry card and the demo's media page, in the
// article's shape, the date and the time range each kept whole, the range reading start to end in Hebrew.
import { expect, waitUntil } from '@open-wc/testing';
import { showRoomHeading } from '../../demo/src/page.ts';
import { scheduleParts, scheduleText } from '../../widget/internal/schedule.ts';
import { entryForm, find, setupRoom, viewShown } from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

// The fixture's room: 14:00–14:45 UTC on June 12, 2026, in New York.
const ROOM = {
  title: 'Town hall',
  startsAt: '2026-06-12T14:00:00.000Z',
  endsAt: '2026-06-12T14:45:00.000Z',
  timeZone: 'America/New_York',
};
const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Where a piece of a text node is drawn. */
function boxOf(text: Text, piece: string): DOMRect {
  const range = document.createRange();
  const start = (text.textContent ?? '').indexOf(piece);
  range.setStart(text, start);
  range.setEnd(text, start + piece.length);
  return range.getBoundingClientRect();
}

describe('schedule', () => {
  it("reads as the article's line, the date and the time range each unbroken", async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    const schedule = find(element, '[part=schedule]');
    expect(flat(schedule.textContent)).to.equal('Friday, June 12, 2026 · 10:00 AM – 10:45 AM EDT');
    const [date, time] = [...schedule.querySelectorAll('bdi')];
    expect(flat(date?.textContent)).to.equal('Friday, June 12, 2026');
    expect(flat(time?.textContent)).to.equal('10:00 AM – 10:45 AM EDT');
    for (const segment of [date, time])
      expect(getComputedStyle(segment as Element).whiteSpace).to.equal('nowrap');
  });

  it('keeps the range start to end in Hebrew', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string, 'he');
    await viewShown(element, 'form');
    await waitUntil(() => find(element, '[part=base]').getAttribute('dir') === 'rtl', 'not Hebrew');
    const time = find(element, '[part=schedule] bdi[dir=ltr]');
    expect(flat(time.textContent)).to.match(/^10:00 – 10:45/);
    const text = [...time.childNodes].find(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
    ) as Text;
    expect(boxOf(text, '10:00').left).to.be.below(boxOf(text, '10:45').left);
    expect(flat(find(element, '[part=schedule] bdi').textContent)).to.contain('12 ביוני 2026');
  });

  it('is the same on the demo media page', () => {
    const title = document.createElement('h1');
    const line = document.createElement('p');
    Object.assign(title, { id: 'room-title' });
    Object.assign(line, { id: 'room-schedule' });
    document.body.append(title, line);
    try {
      showRoomHeading(ROOM, 'en');
      expect(flat(line.textContent)).to.equal('Friday, June 12, 2026 · 10:00 AM – 10:45 AM EDT');
      expect(line.querySelectorAll('bdi')).to.have.length(2);
      expect(line.querySelectorAll('.nowrap')).to.have.length(2);
    } finally {
      title.remove();
      line.remove();
    }
  });

  it("shows the start alone without an end, and the viewer's zone for an unknown one", () => {
    const parts = scheduleParts({ ...ROOM, endsAt: null }, 'en');
    expect(parts?.times).to.equal('10:00 AM');
    const unknown = scheduleParts({ ...ROOM, timeZone: 'Mars/Olympus_Mons' }, 'en');
    expect(unknown?.date).to.match(/June 12, 2026/);
    expect(scheduleText(parts as NonNullable<typeof parts>)).to.equal(
      '\u2068Friday, June 12, 2026\u2069 · \u206610:00 AM EDT\u2069',
    );
  });
});
