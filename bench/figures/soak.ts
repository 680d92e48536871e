// Issue 16 target 4: memory flat. 10 minutes (SOAK_SECONDS for a trial) of mixed traffic at a steady rate
// (link page loads, redemptions, host lists; a moderator admitting waiting guests, a request each) while 500 event
// streams, guests' and hosts', come and go at 10 a second: closed by socket destroy, by a clean FIN, or by the
// guest leaving, with HEAD requests on the stream routes between. Server RSS every 5 s: from minute 2 to the end
// it grows ≤ 10%. Heap snapshots of the server at the start, at the end and after every stream has closed: no
// stream object is retained once its stream is gone.
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { cpuMeter, formatShare } from '../lib/cpu.ts';
import type { Figure } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import {
  countOf,
  type HeapReading,
  largestGrowth,
  readHeapSnapshot,
  takeHeapSnapshot,
} from '../lib/heap-snapshot.ts';
import { moreHostTokens } from '../lib/host-tokens.ts';
import { request } from '../lib/http.ts';
import { formatStatusCodes } from '../lib/load.ts';
import { type ServerProcess, startProduct, withServer } from '../lib/processes.ts';
import { fixed, ms } from '../lib/stats.ts';
import { startStreamChurn } from '../lib/stream-churn.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const GUEST_STREAMS = 450;
const HOST_STREAMS = 50;
/** Hosts of the room the host streams are spread over (10 streams each at most). */
const HOSTS = 10;
const CHURN_PER_SECOND = 10;
/**
 * The mixed traffic's requests per second, a third of them redemptions: a steady day that the moderator keeps up
 * with. A lobby that only grows makes every room event re-read a longer waiting line, and the server falls behind
 * for good (a first 10-minute run: 12,000 waiting, streams piling up unserved).
 */
const TRAFFIC_RATE = 90;
/** Admission requests the moderator has in flight at once, one guest each. */
const MODERATOR_CONNECTIONS = 4;
const SAMPLE_SECONDS = 5;
/** Minute 2 of 10: where the growth is measured from, once the server has warmed up. */
const MARK_SECONDS = SECONDS * 0.2;
const MAX_GROWTH = 0.1;
const METRICS_TOKEN = 'bench-soak-metrics-token';
/** Per-stream objects: hono's SSE writer, Node's request, response and socket, hono's context, and closures
 * one of which each stream of ours holds (sse.ts's writer loop, host-stream.ts's expiry timer). */
const STREAM_OBJECTS = [
  'SSEStreamingApi',
  'ServerResponse',
  'IncomingMessage',
  'Socket',
  'Context',
  'drain()',
  'endAtExpiry()',
];

/** A gauge of the server's /metrics, e.g. `guest_access_open_streams`. */
async function gauge(server: ServerProcess, name: string): Promise<number> {
  const answer = await request(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(answer.body)?.[1] ?? Number.NaN);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

export const soak: Figure = {
  id: 'soak',
  title: 'Soak',
  async measure(context) {
    const folder = tempFolder();
    try {
      const dbFile = folder.file('soak.db');
      const heapDir = folder.file('heap');
      mkdirSync(heapDir);
      const room = await seedRoom(dbFile, { admission: 'moderator' });
      const token = room.links[0]?.token as string;
      const host = { authorization: `Bearer ${room.hostToken}` };
      const hostTokens = [room.hostToken, ...(await moreHostTokens(dbFile, room.hostToken, HOSTS - 1))];
      const starting = startProduct(context.servers.product, dbFile, {
        profileDir: context.profileDir,
        heapSnapshotDir: heapDir,
        env: { GUEST_ACCESS_METRICS_TOKEN: METRICS_TOKEN },
      });
      return await withServer(starting, async (server) => {
        const churn = await startStreamChurn({
          url: server.url,
          roomId: room.roomId,
          linkToken: token,
          hostTokens,
          guestStreams: GUEST_STREAMS,
          hostStreams: HOST_STREAMS,
          perSecond: CHURN_PER_SECOND,
        });
        // The first snapshot, with every stream open, before the clock starts: V8 keeps a snapshot's bookkeeping
        // (its object-id map and names, ~120 MB of RSS here) for the rest of the process, and the snapshot's full
        // collections shrink the heap, which then grows back. Both settle in the first two minutes, outside the
        // span whose growth is measured.
        const rssBeforeFirst = server.rssMb();
        const first = {
          streams: await gauge(server, 'guest_access_open_streams'),
          file: await takeHeapSnapshot(server, heapDir),
          rssBefore: rssBeforeFirst,
          rssAfter: server.rssMb(),
        };
        context.log(`  ${churn.open} streams open; churning and loading for ${SECONDS} s`);

        let ending = false;
        const startedAt = Date.now();
        const samples: Array<{
          at: number;
          rss: number;
          heapUsed: number;
          heapTotal: number;
          external: number;
          waiting: number;
        }> = [];
        const sample = async () => {
          const at = (Date.now() - startedAt) / 1000;
          const rss = server.rssMb();
          const [heapUsed, heapTotal, external] = await Promise.all(
            [
              'nodejs_heap_size_used_bytes',
              'nodejs_heap_size_total_bytes',
              'nodejs_external_memory_bytes',
            ].map(async (name) => (await gauge(server, name)) / 1024 / 1024),
          );
          const waiting = await gauge(server, 'guest_access_guests_waiting');
          samples.push({
            at,
            rss,
            heapUsed: heapUsed ?? 0,
            heapTotal: heapTotal ?? 0,
            external: external ?? 0,
            waiting,
          });
        };
        let sampling = Promise.resolve();
        const samplerErrors: string[] = [];
        const sampler = setInterval(() => {
          sampling = sampling.then(sample).catch((error: Error) => {
            samplerErrors.push(error.message);
          });
        }, SAMPLE_SECONDS * 1000);

        let admitted = 0;
        let alreadyDecided = 0;
        const moderatorErrors: string[] = [];
        const moderator = async () => {
          const agent = new http.Agent({ keepAlive: true, maxSockets: MODERATOR_CONNECTIONS });
          const call = (path: string, method = 'GET') =>
            request(`${server.url}/v1/rooms/${room.roomId}${path}`, { method, agent, headers: host }).catch(
              (error: Error) => ({ status: 0, body: error.message }),
            );
          const admit = async (guest: { id: string }) => {
            const answer = await call(`/guests/${guest.id}/admit`, 'POST');
            if (answer.status === 200) admitted++;
            // A guest who left (the churn's leaving guests) since the list was read.
            else if (answer.status === 409) alreadyDecided++;
            else moderatorErrors.push(`admit ${answer.status || answer.body}`);
          };
          while (!ending) {
            const list = await call('/guests?status=waiting');
            if (list.status !== 200) moderatorErrors.push(`list ${list.status || list.body}`);
            const waiting =
              list.status === 200 ? (JSON.parse(list.body) as { guests: Array<{ id: string }> }).guests : [];
            let next = 0;
            await Promise.all(
              Array.from({ length: MODERATOR_CONNECTIONS }, async () => {
                while (!ending && next < waiting.length) await admit(waiting[next++] as { id: string });
              }),
            );
            if (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
          }
          agent.destroy();
        };
        const moderating = moderator();
        churn.start();
        const meter = cpuMeter();
        const stopMeter = meter.start('soak', {
          servers: [server.pid],
          idleServers: [],
          loadGenerator: context.load.pid,
        });
        const traffic = await context.load.run(
          {
            url: server.url,
            connections: 10,
            rate: TRAFFIC_RATE,
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
        stopMeter();
        ending = true;
        clearInterval(sampler);
        await sampling;
        await sample();
        await moderating;

        // Traffic over, the streams still open: what the heap holds after 10 minutes, against the start.
        await churn.pause();
        const openAtEnd = await gauge(server, 'guest_access_open_streams');
        const openByClients = churn.open;
        const atEnd = readHeapSnapshot(await takeHeapSnapshot(server, heapDir));
        await churn.stop();
        // The server notices each close on its own; give it a moment, then every stream must be gone.
        let streamsLeft = await gauge(server, 'guest_access_open_streams');
        for (let waited = 0; streamsLeft > 0 && waited < 15_000; waited += 500) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          streamsLeft = await gauge(server, 'guest_access_open_streams');
        }
        const rssClosed = server.rssMb();
        const afterClose = readHeapSnapshot(await takeHeapSnapshot(server, heapDir));
        const atStart = readHeapSnapshot(first.file);

        const trafficFailures =
          traffic.errors +
          Object.entries(traffic.statusCodes).reduce(
            (sum, [code, count]) => sum + (code.startsWith('2') ? 0 : count),
            0,
          ) +
          moderatorErrors.length +
          samplerErrors.length;
        const failures = trafficFailures + churn.report.failures.length;
        const window = (from: number, to: number, pick = (entry: (typeof samples)[number]) => entry.rss) =>
          median(samples.filter(({ at }) => at > from && at <= to).map(pick));
        const rssAtMark = window(MARK_SECONDS - 30, MARK_SECONDS + 1);
        const rssAtEnd = window(SECONDS - 30, SECONDS + 5);
        // What V8's heap sizing does not explain: RSS less the heap V8 has committed.
        const beyondHeap = (entry: (typeof samples)[number]) => entry.rss - entry.heapTotal;
        const beyondHeapAtMark = window(MARK_SECONDS - 30, MARK_SECONDS + 1, beyondHeap);
        const beyondHeapAtEnd = window(SECONDS - 30, SECONDS + 5, beyondHeap);
        // The heap used after collections: the lowest reading of each minute.
        const heapFloors = Array.from({ length: Math.ceil(SECONDS / 60) }, (_, minute) =>
          Math.min(
            ...samples
              .filter(({ at }) => at > minute * 60 && at <= (minute + 1) * 60)
              .map((entry) => entry.heapUsed),
          ),
        );
        const growth = rssAtEnd / rssAtMark - 1;
        // What each stream holds alone: hono's SSE writer and context, Node's response.
        const retained = Math.max(
          ...['SSEStreamingApi', 'Context', 'ServerResponse'].map((name) => countOf(afterClose.counts, name)),
        );
        const counts = (heap: HeapReading) =>
          `live heap ${fixed(heap.reachableBytes / 1024 / 1024, 1)} MB, ${STREAM_OBJECTS.map((name) => `${name} ${countOf(heap.counts, name)}`).join(', ')}`;
        const series = (pick: (entry: (typeof samples)[number]) => number) =>
          samples.map((entry) => fixed(pick(entry), 0)).join(', ');
        return {
          rows: [
            {
              figure: `Soak: ${SECONDS} s, ${GUEST_STREAMS + HOST_STREAMS} streams coming and going at ${CHURN_PER_SECOND}/s, ${TRAFFIC_RATE} req/s mixed traffic`,
              ours: `RSS ${fixed(rssAtMark, 0)} MB at ${fixed(MARK_SECONDS, 0)} s, ${fixed(rssAtEnd, 0)} MB at ${SECONDS} s (${growth >= 0 ? '+' : ''}${fixed(growth * 100, 1)}%); ${retained} streams retained after close; ${failures} errors`,
              baseline: '—',
              ratio: '—',
              target: `RSS growth ≤ ${MAX_GROWTH * 100}% from minute 2, no stream retained, 0 errors`,
              met: growth <= MAX_GROWTH && retained <= streamsLeft && failures === 0,
            },
          ],
          notes: [
            `Soak traffic: ${traffic.requests} requests at ${Math.round(traffic.rps)}/s (${formatStatusCodes(traffic.statusCodes)}), p50 ${ms(traffic.p50)}, p99 ${ms(traffic.p99)}, connection errors ${traffic.errors}; ${admitted} guests admitted one request each, ${MODERATOR_CONNECTIONS} at a time (${alreadyDecided} had left first); guests waiting every ${SAMPLE_SECONDS} s: ${samples.map((entry) => entry.waiting).join(', ')}${moderatorErrors.length ? `, moderator errors: ${moderatorErrors.slice(0, 5).join(', ')}` : ''}${samplerErrors.length ? `; memory samples failed: ${samplerErrors.slice(0, 5).join(', ')}` : ''}. CPU: ${formatShare(meter.share('soak'))}.`,
            `Soak streams: ${churn.report.opened} opened; closed by socket destroy ${churn.report.closed.abort}, by FIN ${churn.report.closed.finish}, by leaving ${churn.report.closed.leave}; ${churn.report.heads} HEADs; ${churn.report.events} events received; failures ${churn.report.failures.length}${churn.report.failures.length ? ` (${[...new Set(churn.report.failures)].slice(0, 5).join('; ')})` : ''}.`,
            `Soak memory every ${SAMPLE_SECONDS} s (MB) — RSS: ${series((entry) => entry.rss)}; after every stream closed ${fixed(rssClosed, 0)}. V8 heap used: ${series((entry) => entry.heapUsed)}; heap total: ${series((entry) => entry.heapTotal)}; external: ${series((entry) => entry.external)}. RSS at a time is the median of the 30 s up to it. RSS less heap total ${fixed(beyondHeapAtMark, 0)} → ${fixed(beyondHeapAtEnd, 0)} MB; heap used after collections, lowest each minute: ${heapFloors.map((mb) => fixed(mb, 0)).join(', ')}. The first heap snapshot (before the clock started) took RSS from ${fixed(first.rssBefore, 0)} to ${fixed(first.rssAfter, 0)} MB.`,
            `Soak heap snapshots, objects reachable by constructor — at the start with ${first.streams} streams open: ${counts(atStart)}; at the end with ${openAtEnd} open (${openByClients} by the clients' count): ${counts(atEnd)}; after close with ${streamsLeft} open: ${counts(afterClose)}. Grown most from the start to the end: ${largestGrowth(atStart.counts, atEnd.counts).join(', ') || 'nothing'}; left after close beyond the start: ${largestGrowth(atStart.counts, afterClose.counts).join(', ') || 'nothing'}.`,
          ],
        };
      });
    } finally {
      folder.remove();
    }
  },
};
