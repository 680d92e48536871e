// Issue 11: push latency across instances. Three instances on one PostgreSQL database; 1,000 guests, guest i
// redeemed and its event stream opened on instance i % 3, all waiting; a moderator admits them one by one,
// each admit sent to the next instance ((i + 1) % 3), so every `admitted` event crosses instances through
// LISTEN/NOTIFY. Latency is from sending the admit call to the guest's `admitted` event. Target: p99 ≤ 50 ms.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { cpuMeter, formatShare } from '../lib/cpu.ts';
import type { Figure } from '../lib/figure.ts';
import { seedRoom } from '../lib/fixture.ts';
import { redeemGuests, request } from '../lib/http.ts';
import { BENCH_DATABASE_PREFIX, createBenchDatabase } from '../lib/postgres.ts';
import { type ServerProcess, startProduct } from '../lib/processes.ts';
import { clientAddress, openStream, type SseStream } from '../lib/sse.ts';
import { fixed, ms, percentile } from '../lib/stats.ts';
import { POSTGRES_SECTION } from './postgres-throughput.ts';

const GUESTS = 1000;
const INSTANCES = 3;
const OPEN_AT_ONCE = 100;

/** The closing paragraph of the section: what this 2-core machine cannot show. */
const DEPLOYMENT =
  '**On a real deployment.** An instance is one Node process: at full load it uses about one core. Here the ' +
  'instances, PostgreSQL and the load generator (and any other work on the machine, counted above) share two ' +
  'cores, so more instances cannot add throughput ' +
  'and only add processes and connections to schedule. With a core (or a small VM) per instance and PostgreSQL on ' +
  "a machine of its own (a managed PostgreSQL), a request's own work (parsing, validation, host-token checks, " +
  'JSON) spreads over the instances, so reads such as the host list grow about with the number of instances until ' +
  "PostgreSQL's CPU or its connection count is the limit (each instance holds a pool of 10 plus the event bus's two " +
  'connections; a pooler such as PgBouncer, or smaller pools, keeps that in bounds). Redemptions spread over many ' +
  "links and rooms scale the same way. Redemptions on one link do not: they take turns on that link row's lock, " +
  "each holding it for its transaction's round trips and its commit, so one link's rate is bounded by one over " +
  'that time whatever the number of instances, and a managed PostgreSQL lengthens it (a network round trip per ' +
  'statement, a commit that waits for replicated storage). For a busy link the part to change is that ' +
  'transaction (count the use in the last statement before COMMIT, or redeem in one statement), not the number ' +
  'of instances. Events cost one NOTIFY each, which PostgreSQL delivers to every instance: cheap at the rate ' +
  'moderators admit guests, and a load that grows with the number of instances.';

export const postgresPushLatency: Figure = {
  id: 'postgres-push-latency',
  title: 'Push latency across 3 instances on PostgreSQL',
  async measure(context) {
    const database = await createBenchDatabase();
    const servers: ServerProcess[] = [];
    const streams: SseStream[] = [];
    try {
      const room = await seedRoom(database.url, { admission: 'moderator' });
      const token = room.links[0]?.token as string;
      for (let index = 0; index < INSTANCES; index++)
        servers.push(
          await startProduct(context.servers.product, database.url, { profileDir: context.profileDir }),
        );
      const instance = (index: number) => servers[index % INSTANCES] as ServerProcess;

      // Guest i on instance i % 3: redeemed there, its stream opened there.
      const perInstance = await Promise.all(
        servers.map((server, at) =>
          redeemGuests(server.url, token, Math.floor(GUESTS / INSTANCES) + (at < GUESTS % INSTANCES ? 1 : 0)),
        ),
      );
      const guests = Array.from({ length: GUESTS }, (_, index) => {
        const guest = perInstance[index % INSTANCES]?.[Math.floor(index / INSTANCES)];
        if (!guest) throw new Error(`guest ${index} was not redeemed`);
        return guest;
      });
      const admittedAt = new Map<string, number>();
      const waiting = new Set<string>();
      // Resolved by the guest's stream; waiting on it rather than polling keeps the bench off the cores.
      const admittedEvents = new Map<string, () => void>();
      for (let start = 0; start < GUESTS; start += OPEN_AT_ONCE) {
        const batch = guests.slice(start, start + OPEN_AT_ONCE).map((guest, offset) =>
          openStream(
            `${instance(start + offset).url}/v1/guest/events`,
            guest.session,
            (event) => {
              if (event.event !== 'status') return;
              const { status } = JSON.parse(event.data) as { status: string };
              if (status === 'waiting') waiting.add(guest.id);
              if (status === 'admitted') {
                admittedAt.set(guest.id, event.at);
                admittedEvents.get(guest.id)?.();
              }
            },
            { localAddress: clientAddress(start + offset) },
          ),
        );
        streams.push(...(await Promise.all(batch)));
      }
      while (waiting.size < GUESTS) await new Promise((resolve) => setTimeout(resolve, 10));
      const rssMb = servers.map((server) => server.rssMb());

      const agents = servers.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      const fromRequest: number[] = [];
      const afterResponse: number[] = [];
      const meter = cpuMeter(BENCH_DATABASE_PREFIX);
      const stopMeter = meter.start('admits', {
        servers: servers.map((server) => server.pid),
        idleServers: [],
        loadGenerator: context.load.pid,
      });
      const admitsStarted = performance.now();
      for (const [index, guest] of guests.entries()) {
        const target = (index + 1) % INSTANCES;
        const admitted = new Promise<void>((resolve) => admittedEvents.set(guest.id, resolve));
        const sentAt = performance.now();
        const answer = await request(
          `${instance(target).url}/v1/rooms/${room.roomId}/guests/${guest.id}/admit`,
          {
            method: 'POST',
            agent: agents[target],
            headers: { authorization: `Bearer ${room.hostToken}` },
          },
        );
        const answeredAt = performance.now();
        if (answer.status !== 200) throw new Error(`admit answered ${answer.status}: ${answer.body}`);
        await admitted;
        const eventAt = admittedAt.get(guest.id) as number;
        fromRequest.push(eventAt - sentAt);
        afterResponse.push(Math.max(0, eventAt - answeredAt));
      }
      const admitSeconds = (performance.now() - admitsStarted) / 1000;
      stopMeter();
      for (const agent of agents) agent.destroy();

      const p50 = percentile(fromRequest, 50);
      const p99 = percentile(fromRequest, 99);
      return {
        rows: [
          {
            figure: `Push latency across instances p50, admit sent → \`admitted\` event (1,000 streams over ${INSTANCES} instances, PostgreSQL)`,
            ours: ms(p50),
            baseline: '—',
            ratio: '—',
            target: '(reported)',
          },
          {
            figure: 'Push latency across instances p99',
            ours: ms(p99),
            baseline: '—',
            ratio: '—',
            target: '≤ 50 ms',
            met: p99 <= 50,
          },
        ],
        notes: [
          `Push latency across instances: every admit went to another instance than the guest's stream; after the admit call's answer the event took p50 ${ms(percentile(afterResponse, 50))}, p99 ${ms(percentile(afterResponse, 99))}, max ${ms(Math.max(...afterResponse))}; max from sending ${ms(Math.max(...fromRequest))}. RSS of the instances with the streams open: ${rssMb.map((value) => fixed(value, 0)).join(', ')} MB. ${GUESTS} admits one by one took ${fixed(admitSeconds, 1)} s; cores used meanwhile: ${formatShare(meter.share('admits'))}.`,
        ],
        sections: [
          {
            title: POSTGRES_SECTION,
            paragraphs: [
              `**Push across instances.** With ${GUESTS} guest streams over ${INSTANCES} instances and every admit sent to an instance other than the guest's, the \`admitted\` event arrived p50 ${ms(p50)} and p99 ${ms(p99)} after the admit was sent (p50 ${ms(percentile(afterResponse, 50))} after its answer): the admitting instance commits the decision, publishes it with a NOTIFY, and PostgreSQL delivers it to every instance's listening connection; the guest's instance writes it to the stream.`,
              DEPLOYMENT,
            ],
          },
        ],
      };
    } finally {
      for (const stream of streams) stream.close();
      await Promise.all(servers.map((server) => server.stop()));
      await database.drop();
    }
  },
};
