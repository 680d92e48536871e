// Figure 4: 1,000 guests wait with open event streams; a moderator admits them one by one. Latency is from
// the admit call's response to that guest's `admitted` event (0 when the event came first). Targets: p50 ≤ 2 ms,
// p99 ≤ 10 ms, server RSS with the 1,000 streams open ≤ 150 MB.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Figure } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import { redeemGuests, request } from '../lib/http.ts';
import { startProduct, withServer } from '../lib/processes.ts';
import { clientAddress, openStream, type SseStream } from '../lib/sse.ts';
import { fixed, ms, percentile } from '../lib/stats.ts';

const GUESTS = 1000;
const OPEN_AT_ONCE = 100;

export const pushLatency: Figure = {
  id: 'push-latency',
  title: 'Push latency',
  async measure(context) {
    const folder = tempFolder();
    try {
      const dbFile = folder.file('push.db');
      const room = await seedRoom(dbFile, { admission: 'moderator' });
      const starting = startProduct(context.servers.product, dbFile, { profileDir: context.profileDir });
      return await withServer(starting, async (server) => {
        const guests = await redeemGuests(server.url, room.links[0]?.token as string, GUESTS);
        const admittedAt = new Map<string, number>();
        const waiting = new Set<string>();
        const streams: SseStream[] = [];
        for (let start = 0; start < guests.length; start += OPEN_AT_ONCE) {
          const batch = guests.slice(start, start + OPEN_AT_ONCE).map((guest, offset) =>
            openStream(
              `${server.url}/v1/guest/events`,
              guest.session,
              (event) => {
                if (event.event !== 'status') return;
                const { status } = JSON.parse(event.data) as { status: string };
                if (status === 'waiting') waiting.add(guest.id);
                if (status === 'admitted') admittedAt.set(guest.id, event.at);
              },
              { localAddress: clientAddress(start + offset) },
            ),
          );
          streams.push(...(await Promise.all(batch)));
        }
        while (waiting.size < GUESTS) await new Promise((resolve) => setTimeout(resolve, 10));
        const rssMb = server.rssMb();

        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const fromResponse: number[] = [];
        const fromRequest: number[] = [];
        for (const guest of guests) {
          const sentAt = performance.now();
          const answer = await request(`${server.url}/v1/rooms/${room.roomId}/guests/${guest.id}/admit`, {
            method: 'POST',
            agent,
            headers: { authorization: `Bearer ${room.hostToken}` },
          });
          const answeredAt = performance.now();
          if (answer.status !== 200) throw new Error(`admit answered ${answer.status}: ${answer.body}`);
          while (!admittedAt.has(guest.id)) await new Promise((resolve) => setImmediate(resolve));
          const eventAt = admittedAt.get(guest.id) as number;
          fromResponse.push(Math.max(0, eventAt - answeredAt));
          fromRequest.push(eventAt - sentAt);
        }
        agent.destroy();
        for (const stream of streams) stream.close();

        const p50 = percentile(fromResponse, 50);
        const p99 = percentile(fromResponse, 99);
        const eventFirst = fromResponse.filter((latency) => latency === 0).length;
        return {
          rows: [
            {
              figure: '4. Push latency p50, admit answered → `admitted` event (1,000 streams)',
              ours: ms(p50),
              baseline: '—',
              ratio: '—',
              target: '≤ 2 ms',
              met: p50 <= 2,
            },
            {
              figure: '4. Push latency p99',
              ours: ms(p99),
              baseline: '—',
              ratio: '—',
              target: '≤ 10 ms',
              met: p99 <= 10,
            },
            {
              figure: '4. Server RSS with 1,000 open streams',
              ours: `${fixed(rssMb, 0)} MB`,
              baseline: '—',
              ratio: '—',
              target: '≤ 150 MB',
              met: rssMb <= 150,
            },
          ],
          notes: [
            `Push latency: ${eventFirst} of ${GUESTS} events arrived before the admit call's answer (counted as 0 ms); from sending the admit call to the event: p50 ${ms(percentile(fromRequest, 50))}, p99 ${ms(percentile(fromRequest, 99))}.`,
          ],
        };
      });
    } finally {
      folder.remove();
    }
  },
};
