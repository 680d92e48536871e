// The delivery worker: sends the outbox's pending deliveries, signed as Standard Webhooks says, and retries a
// failed one with exponential backoff until 24 h after its event (then it is failed for good). Instances share
// the outbox: each claims due rows with a lease (see WebhookTable.claimDue), so one that dies mid-send leaves
// them to be sent again (at least once, never lost). `close` ends its timer and aborts the sends in flight.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import type { Clock } from '../context.ts';
import { type Logger, repeatedWorkLog } from '../logging.ts';
import { decryptCached, type ServerSecret } from '../secrets.ts';
import type { Store } from '../store/contract.ts';
import type { ClaimedDelivery, WebhookAttempt } from '../store/types.ts';
import { iso } from '../views.ts';
import { recordExpiredLinks } from './record.ts';
import { isPrivateLiteral, PrivateTargetError, publicOnlyLookup } from './targets.ts';

export interface WebhookConfig {
  /** Lets endpoints on loopback and private networks through (GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
  /** The wait after the first failed attempt; it doubles after each further one, up to `maxDelayMs`. */
  retryBaseMs: number;
  maxDelayMs: number;
  /** How long after its event a delivery is still tried. */
  retryWindowMs: number;
  /** How often the outbox and the link expiries are looked at. */
  pollMs: number;
  /** An endpoint that has not answered by then counts as failed. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
  allowPrivate: false,
  retryBaseMs: 5_000,
  maxDelayMs: 60 * 60 * 1000,
  retryWindowMs: 24 * 60 * 60 * 1000,
  pollMs: 1_000,
  timeoutMs: 10_000,
};

/** Deliveries claimed at a time; a full batch is followed at once by the next. */
const BATCH = 20;
/** Expired links announced per transaction. */
const EXPIRY_BATCH = 100;
/** Longer than any send takes, so a live instance finishes before another may claim the row again. */
const leaseOf = (config: WebhookConfig) => config.timeoutMs + 20_000;

/** A Standard Webhooks secret: `whsec_` and 256 random bits in standard base64 (what the package decodes). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export const retryDelay = (config: WebhookConfig, attempts: number) =>
  Math.min(config.retryBaseMs * 2 ** Math.max(attempts - 1, 0), config.maxDelayMs);

/** The body of a delivery: the same bytes on every attempt. */
export const webhookBody = (delivery: ClaimedDelivery) =>
  JSON.stringify({
    type: delivery.type,
    timestamp: iso(delivery.createdAt),
    data: { roomId: delivery.roomId, ...JSON.parse(delivery.data) },
  });

interface SendResult {
  statusCode: number | null;
  error: string | null;
}

/** One POST; resolves with the status code or why there was none, never rejects. */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  config: WebhookConfig,
  signal: AbortSignal,
) {
  return new Promise<SendResult>((resolve) => {
    if (!config.allowPrivate && isPrivateLiteral(url)) {
      resolve({ statusCode: null, error: `${url.hostname} is a private address` });
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: config.allowPrivate ? undefined : publicOnlyLookup,
      timeout: config.timeoutMs,
      signal,
    });
    request.once('response', (response: IncomingMessage) => {
      // The answer's body is not read: only the status counts (redirects are not followed).
      response.resume();
      response.once('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
      response.on('error', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
    });
    request.once('timeout', () => request.destroy(new Error(`no answer within ${config.timeoutMs} ms`)));
    // `on`, not `once`: a second error (a timeout, then the abort of shutdown) must not go unheard.
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error instanceof PrivateTargetError ? error.message : (error.code ?? error.message);
      resolve({ statusCode: null, error: String(reason).slice(0, 200) });
    });
    request.end(body);
  });
}

export function createWebhookWorker(deps: {
  store: Store;
  clock: Clock;
  serverSecret: ServerSecret;
  config: WebhookConfig;
  logger: Logger;
}) {
  const { store, clock, serverSecret, config, logger } = deps;
  const aborter = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  async function attempt(delivery: ClaimedDelivery): Promise<WebhookAttempt> {
    const attemptedAt = clock.now();
    const body = webhookBody(delivery);
    // Receivers check the signed time against their own clock, so it is the wall clock's, not the injected one.
    const sentAt = new Date();
    const result: SendResult = delivery.secretSealed
      ? await post(
          new URL(delivery.url),
          {
            'content-type': 'application/json',
            'user-agent': 'guest-access-webhooks',
            'webhook-id': delivery.messageId,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': new Webhook(decryptCached(serverSecret, delivery.secretSealed)).sign(
              delivery.messageId,
              sentAt,
              body,
            ),
          },
          body,
          config,
          aborter.signal,
        )
      : { statusCode: null, error: 'endpoint removed' };
    const delivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const next = attemptedAt + retryDelay(config, delivery.attempts + 1);
    const givesUp = !delivery.secretSealed || next > delivery.createdAt + config.retryWindowMs;
    return {
      status: delivered ? 'delivered' : givesUp ? 'failed' : 'pending',
      attemptedAt,
      statusCode: result.statusCode,
      error: delivered ? null : (result.error ?? `HTTP ${result.statusCode}`),
      nextAttemptAt: delivered || givesUp ? null : next,
    };
  }

  /** Announces passed link expiries, then sends what is due, batch after batch. */
  async function runOnce(): Promise<void> {
    // Expiries older than the retry window are not announced any more (e.g. after a long outage).
    const now = clock.now();
    await store.transaction((tx) => recordExpiredLinks(tx, now - config.retryWindowMs, now, EXPIRY_BATCH));
    for (;;) {
      if (closed) return;
      const due = await store.webhooks.claimDue(clock.now(), leaseOf(config), BATCH);
      await Promise.all(
        due.map(async (delivery) => {
          const outcome = await attempt(delivery).catch(
            (error: unknown): WebhookAttempt => ({
              status: 'failed',
              attemptedAt: clock.now(),
              statusCode: null,
              error: `cannot send: ${(error as Error).message}`.slice(0, 200),
              nextAttemptAt: null,
            }),
          );
          // A send cut off by shutdown is left to its lease: it is sent again after a restart.
          if (closed) return;
          await store.webhooks.finishAttempt(delivery.id, outcome);
        }),
      );
      if (due.length < BATCH) return;
    }
  }

  const log = repeatedWorkLog(logger, {
    failed: 'webhook delivery failed',
    recovered: 'webhook delivery works again',
  });
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then(log.succeeded, (error: unknown) => {
          if (!closed) log.failed(error);
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, config.pollMs);
  };

  return {
    start: schedule,
    /** Ends the timer and the sends in flight; resolves once the worker touches the store no more. */
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      aborter.abort();
      await running;
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
