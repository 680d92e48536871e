// Issue 7: a bounded soak. 60 s of mixed traffic (link page loads, redemptions, host lists from 10
// connections; a moderator admitting waiting guests one by one) while 500 event streams stay open (490
// guests, 10 hosts). Reports errors (target 0), memory growth and latency percentiles.
import http from 'node:http';
import type { Figure } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import { redeemGuests, request } from '../lib/http.ts';
import { formatStatusCodes } from '../lib/load.ts';
import { startProduct, withServer } from '../lib/processes.ts';
import { clientAddress, openStream, type SseStream } from '../lib/sse.ts';
import { fixed, ms } from '../lib/stats.ts';

const SECONDS = 60;
const GUEST_STREAMS = 490;
const HOST_STREAMS = 10;

export const soak: Figure = {
  id: 'soak',
  title: 'Soak',
  async measure(context) {
    const folder = tempFolder();
    try {
      const dbFile = folder.file('soak.db');
      const room = await seedRoom(dbFile, { admission: 'moderator' });
      const token = room.links[0]?.token as string;
      const host = { authorization: `Bearer ${room.hostToken}` };
      const starting = startProduct(context.servers.product, dbFile, { profileDir: context.profileDir });
      return await withServer(starting, async (server) => {
        const guests = await redeemGuests(server.url, token, GUEST_STREAMS);
        let dropped = 0;
        let ending = false;
        const track = (stream: SseStream) => {
          void stream.closed.then(() => {
            if (!ending) dropped++;
          });
          return stream;
        };
        const streams = await Promise.all([
          ...guests.map((guest, index) =>
            openStream(`${server.url}/v1/guest/events`, guest.session, () => {}, {
              localAddress: clientAddress(index),
            }).then(track),
          ),
          ...Array.from({ length: HOST_STREAMS }, (_, index) =>
            openStream(`${server.url}/v1/rooms/${room.roomId}/events`, room.hostToken, () => {}, {
              localAddress: clientAddress(GUEST_STREAMS + index),
            }).then(track),
          ),
        ]);

        const rss = [server.rssMb()];
        const sampler = setInterval(() => rss.push(server.rssMb()), 5000);
        let admitted = 0;
        const moderatorErrors: string[] = [];
        const moderator = async () => {
          const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
          while (!ending) {
            const list = await request(`${server.url}/v1/rooms/${room.roomId}/guests?status=waiting`, {
              agent,
              headers: host,
            });
            if (list.status !== 200) moderatorErrors.push(`list ${list.status}`);
            const waiting =
              list.status === 200 ? (JSON.parse(list.body) as { guests: Array<{ id: string }> }).guests : [];
            for (const guest of waiting.slice(0, 5)) {
              const answer = await request(`${server.url}/v1/rooms/${room.roomId}/guests/${guest.id}/admit`, {
                method: 'POST',
                agent,
                headers: host,
              });
              if (answer.status === 200) admitted++;
              else moderatorErrors.push(`admit ${answer.status}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          agent.destroy();
        };
        const moderating = moderator();
        const traffic = await context.load.run(
          {
            url: server.url,
            connections: 10,
            requests: [
              { method: 'GET', path: `/v1/links/${token}` },
              {
                method: 'POST',
                path: `/v1/links/${token}/guests`,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ name: 'Soak Guest', email: 'soak@example.com' }),
              },
              { method: 'GET', path: `/v1/rooms/${room.roomId}/guest-access`, headers: host },
            ],
          },
          SECONDS,
        );
        ending = true;
        clearInterval(sampler);
        rss.push(server.rssMb());
        await moderating;
        for (const stream of streams) stream.close();

        const failures =
          traffic.errors +
          Object.entries(traffic.statusCodes).reduce(
            (sum, [code, count]) => sum + (code.startsWith('2') ? 0 : count),
            0,
          ) +
          moderatorErrors.length +
          dropped;
        const growth = (rss.at(-1) as number) - (rss[0] as number);
        return {
          rows: [
            {
              figure: `Soak: ${SECONDS} s mixed traffic, ${GUEST_STREAMS + HOST_STREAMS} open streams`,
              ours: `${failures} errors; ${Math.round(traffic.rps)} req/s, p50 ${ms(traffic.p50)}, p99 ${ms(traffic.p99)}; RSS ${fixed(rss[0] as number, 0)} → ${fixed(rss.at(-1) as number, 0)} MB (max ${fixed(Math.max(...rss), 0)})`,
              baseline: '—',
              ratio: '—',
              target: '0 errors',
              met: failures === 0,
            },
          ],
          notes: [
            `Soak: ${traffic.requests} requests (${formatStatusCodes(traffic.statusCodes)}), connection errors ${traffic.errors}; ${admitted} guests admitted one by one${moderatorErrors.length ? `, moderator errors: ${moderatorErrors.slice(0, 5).join(', ')}` : ''}; streams dropped early ${dropped}; RSS growth ${fixed(growth, 0)} MB, samples every 5 s: ${rss.map((value) => fixed(value, 0)).join(', ')} MB.`,
          ],
        };
      });
    } finally {
      folder.remove();
    }
  },
};
