// The typed client's link and history methods (issue 15) in a real browser against the real server, and the
// invitation text the manager copies.
import { expect } from '@open-wc/testing';
import { ApiClient, ApiRequestError, invitationText } from '../../widget/internal/api-client.ts';
import { callApi, setupRoom } from './guest-entry-form.helpers.ts';

async function clientRoom() {
  const room = await setupRoom({ links: [{ name: 'Press' }, { name: 'Speakers' }] });
  return { room, client: new ApiClient(room.url, () => room.hostToken) };
}

const arrive = (token: string, name: string) =>
  callApi({
    method: 'POST',
    path: `/v1/links/${token}/guests`,
    body: { name, email: `${name.toLowerCase()}@example.com` },
  });

describe('ApiClient links and history', () => {
  it('edits, pauses, resumes and rotates a link', async () => {
    const { room, client } = await clientRoom();
    const [press] = room.links;
    const edited = await client.updateLink(room.roomId, press?.id as string, {
      name: 'Crew',
      maxUses: 3,
      admission: 'auto',
    });
    expect([edited.name, edited.maxUses, edited.admission]).to.deep.equal(['Crew', 3, 'auto']);
    expect((await client.setLinkPaused(room.roomId, edited.id, true)).status).to.equal('paused');
    expect((await client.setLinkPaused(room.roomId, edited.id, false)).status).to.equal('active');
    const rotated = await client.rotateLink(room.roomId, edited.id);
    expect(rotated.url).to.not.equal(edited.url);
    expect(rotated.name).to.equal('Crew');
  });

  it('answers a refused edit with the contract error', async () => {
    const { room, client } = await clientRoom();
    await arrive(room.tokens[0] as string, 'Ada');
    await arrive(room.tokens[0] as string, 'Bo');
    const refusal = await client.updateLink(room.roomId, room.links[0]?.id as string, { maxUses: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).to.be.instanceOf(ApiRequestError);
    expect((refusal as ApiRequestError).code).to.equal('max_uses_below_uses');
    expect((refusal as ApiRequestError).fields).to.have.property('maxUses');
  });

  it('lists the history by link and downloads it as CSV', async () => {
    const { room, client } = await clientRoom();
    await arrive(room.tokens[0] as string, 'Ada');
    await arrive(room.tokens[1] as string, 'Bo');
    const speakers = room.links[1]?.id as string;
    const page = await client.listGuestHistory(room.roomId, { linkId: speakers });
    expect(page.guests.map((guest) => guest.name)).to.deep.equal(['Bo']);
    expect(page.nextCursor).to.equal(null);
    const url = new URL(client.guestHistoryCsvUrl(room.roomId, { linkId: speakers, status: 'waiting' }));
    expect(url.pathname).to.equal(`/v1/rooms/${room.roomId}/guests.csv`);
    expect([url.searchParams.get('linkId'), url.searchParams.get('status')]).to.deep.equal([
      speakers,
      'waiting',
    ]);
    const csv = await client.downloadGuestHistoryCsv(room.roomId, { linkId: speakers });
    expect(csv.type).to.match(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines).to.have.length(2);
    expect(lines[1]).to.contain(',Bo,bo@example.com,waiting,');
  });

  it('deletes a link with its guests removed', async () => {
    const { room, client } = await clientRoom();
    await arrive(room.tokens[0] as string, 'Ada');
    await client.deleteLink(room.roomId, room.links[0]?.id as string, { removeGuests: true });
    const history = await client.listGuestHistory(room.roomId);
    expect(history.guests.map((guest) => guest.status)).to.deep.equal(['removed']);
  });
});

describe('invitationText', () => {
  const room = {
    title: 'Launch day',
    startsAt: '2026-06-12T14:00:00.000Z',
    endsAt: '2026-06-12T14:45:00.000Z',
    timeZone: 'America/New_York',
  };
  const url = 'https://media.example/g/abc';

  it("gives the title, the schedule in the host's language and time zone, and the link", () => {
    const text = invitationText({ room, url, locale: 'en-US', timeZone: 'Europe/Paris' });
    const [title, schedule, link] = text.split('\n');
    expect(title).to.equal('Launch day');
    expect(schedule).to.contain('June 12, 2026');
    expect(schedule).to.match(/4:00\s?(–|-)\s?4:45\s?PM/);
    expect(schedule).to.contain('GMT+2');
    expect(link).to.equal(url);
  });

  it('follows the language and time zone given', () => {
    const text = invitationText({ room, url, locale: 'es', timeZone: 'Asia/Tokyo' });
    expect(text.split('\n')[1]).to.contain('13 de junio de 2026');
  });

  it('leaves the schedule out when the room has none', () => {
    const text = invitationText({ room: { ...room, startsAt: null, endsAt: null }, url, locale: 'en' });
    expect(text).to.equal(`Launch day\n${url}`);
  });
});
