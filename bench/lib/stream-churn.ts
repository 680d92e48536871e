// Event streams that come and go, as a day of browser tabs does: a set number of guest and host streams open,
// and every tick one of them (at random) goes — its socket destroyed, its side ended cleanly, or, for a guest,
// by leaving (DELETE /v1/guest/session, after which the server ends the stream) — while another opens, and a
// HEAD request asks a stream route for its headers only. Each stream from an address of its own and guests from
// sessions of their own, so the server's per-address and per-session caps count them as separate clients.
import http from 'node:http';
import { redeemGuests, request } from './http.ts';
import { clientAddress, openStream, type SseStream } from './sse.ts';

export interface ChurnOptions {
  url: string;
  roomId: string;
  linkToken: string;
  /** Tokens of different hosts of the room (each host may hold 10 streams at once). */
  hostTokens: string[];
  guestStreams: number;
  hostStreams: number;
  /** Streams closed (and as many opened) per second. */
  perSecond: number;
}

type Kind = 'guest' | 'host';
type Ending = 'abort' | 'finish' | 'leave';

interface Session {
  id: string;
  session: string;
}

interface OpenStream {
  kind: Kind;
  stream: SseStream;
  session?: Session;
  host?: number;
  /** Set when this side closes it; a stream closed while unset was dropped by the server. */
  ending?: Ending;
}

/** How long the server may take to close a stream whose client ended its side or left. */
const CLOSE_WITHIN_MS = 10_000;

export interface ChurnReport {
  opened: number;
  closed: Record<Ending, number>;
  heads: number;
  events: number;
  /** Each failure, briefly: a refused stream, a stream the server dropped, a close it never noticed. */
  failures: string[];
}

export async function startStreamChurn(options: ChurnOptions) {
  const { url, roomId } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const open = new Set<OpenStream>();
  const idleSessions: Session[] = [];
  const hostLoad = options.hostTokens.map(() => 0);
  const report: ChurnReport = {
    opened: 0,
    closed: { abort: 0, finish: 0, leave: 0 },
    heads: 0,
    events: 0,
    failures: [],
  };
  const fail = (what: string) => {
    if (report.failures.length < 1000) report.failures.push(what);
  };
  const pending = new Set<Promise<unknown>>();
  /** Runs `work` in the background: awaited by `stop`, its failure reported. */
  const track = (what: string, work: Promise<unknown>) => {
    const settled = work
      .catch((error: unknown) => fail(`${what}: ${(error as Error).message}`))
      .finally(() => pending.delete(settled));
    pending.add(settled);
  };
  let nextAddress = 0;
  const opening: Record<Kind, number> = { guest: 0, host: 0 };
  /** Streams of a kind open or opening, but for those being closed. */
  const countOpen = (kind: Kind) =>
    [...open].filter((entry) => entry.kind === kind && !entry.ending).length + opening[kind];

  const session = async (): Promise<Session> => {
    const idle = idleSessions.shift();
    if (idle) return idle;
    const [fresh] = await redeemGuests(url, options.linkToken, 1, 1);
    return fresh as Session;
  };

  const openOne = async (kind: Kind) => {
    opening[kind]++;
    const localAddress = clientAddress(nextAddress++ % 60_000);
    let entry: OpenStream | undefined;
    try {
      if (kind === 'guest') {
        const guest = await session();
        entry = { kind, session: guest } as OpenStream;
        entry.stream = await openStream(`${url}/v1/guest/events`, guest.session, countEvent, {
          localAddress,
        });
      } else {
        const host = hostLoad.indexOf(Math.min(...hostLoad));
        hostLoad[host] = (hostLoad[host] as number) + 1;
        entry = { kind, host } as OpenStream;
        entry.stream = await openStream(
          `${url}/v1/rooms/${roomId}/events`,
          options.hostTokens[host] as string,
          countEvent,
          { localAddress },
        );
      }
      const opened = entry;
      open.add(opened);
      report.opened++;
      void opened.stream.closed.then(() => {
        open.delete(opened);
        if (opened.host !== undefined) hostLoad[opened.host] = (hostLoad[opened.host] as number) - 1;
        if (!opened.ending) fail(`${kind} stream dropped by the server`);
        else if (opened.ending !== 'leave' && opened.session) idleSessions.push(opened.session);
      });
    } catch (error) {
      fail(`${kind} stream not opened: ${(error as Error).message}`);
      if (entry?.host !== undefined) hostLoad[entry.host] = (hostLoad[entry.host] as number) - 1;
      if (entry?.session) idleSessions.push(entry.session);
    } finally {
      opening[kind]--;
    }
  };
  const countEvent = () => {
    report.events++;
  };

  const closeOne = async (entry: OpenStream, ending: Ending) => {
    entry.ending = ending;
    report.closed[ending]++;
    if (ending === 'abort') return entry.stream.close();
    if (ending === 'finish') entry.stream.finish();
    else {
      const left = await request(`${url}/v1/guest/session`, {
        method: 'DELETE',
        agent,
        headers: { authorization: `Bearer ${entry.session?.session}` },
      });
      if (left.status !== 204) fail(`leave answered ${left.status}`);
    }
    const closedInTime = await Promise.race([
      entry.stream.closed.then(() => true),
      new Promise<false>((resolve) => setTimeout(resolve, CLOSE_WITHIN_MS, false)),
    ]);
    if (!closedInTime) {
      fail(`${entry.kind} stream still open ${CLOSE_WITHIN_MS / 1000} s after ${ending}`);
      entry.stream.close();
    }
  };

  const head = async (kind: Kind) => {
    const target =
      kind === 'guest'
        ? { path: '/v1/guest/events', token: (idleSessions[0] ?? (await session())).session }
        : { path: `/v1/rooms/${roomId}/events`, token: options.hostTokens[0] as string };
    const answer = await request(`${url}${target.path}`, {
      method: 'HEAD',
      agent,
      headers: { authorization: `Bearer ${target.token}` },
    });
    report.heads++;
    if (answer.status !== 200) fail(`HEAD ${kind} answered ${answer.status}`);
  };

  let tick = 0;
  const step = () => {
    tick++;
    const streams = [...open].filter((entry) => !entry.ending);
    const victim = streams[Math.floor(Math.random() * streams.length)];
    if (victim) {
      const endings: Ending[] = victim.kind === 'guest' ? ['abort', 'finish', 'leave'] : ['abort', 'finish'];
      track('close', closeOne(victim, endings[tick % endings.length] as Ending));
    }
    for (const kind of ['guest', 'host'] as const) {
      const target = kind === 'guest' ? options.guestStreams : options.hostStreams;
      // The server may need a moment to release a closed stream's slot: at most two opens a tick.
      for (let more = 0; more < 2 && countOpen(kind) < target; more++) track('open', openOne(kind));
    }
    if (tick % 2 === 0) track('HEAD', head(tick % 4 === 0 ? 'guest' : 'host'));
  };

  // The first streams all open before the clock starts, 25 at a time.
  idleSessions.push(...(await redeemGuests(url, options.linkToken, options.guestStreams)));
  const first = [
    ...Array.from({ length: options.guestStreams }, () => 'guest' as const),
    ...Array.from({ length: options.hostStreams }, () => 'host' as const),
  ];
  for (let index = 0; index < first.length; index += 25)
    await Promise.all(first.slice(index, index + 25).map(openOne));
  let timer: ReturnType<typeof setInterval> | undefined;

  return {
    report,
    /** Streams open now, as this client sees them. */
    get open() {
      return open.size;
    },
    start() {
      timer = setInterval(step, 1000 / options.perSecond);
    },
    /** Stops opening and closing streams, once what is under way has finished; the open ones stay open. */
    async pause() {
      clearInterval(timer);
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    /** Stops the churn, then closes every stream still open (its socket destroyed) and waits for each. */
    async stop() {
      await this.pause();
      const closing = [...open].map((entry) => {
        entry.ending = 'abort';
        entry.stream.close();
        return entry.stream.closed;
      });
      await Promise.all(closing);
      agent.destroy();
    },
  };
}
