// Prometheus metrics (prom-client) on a registry of this app's own, served at GET /metrics only when
// GUEST_ACCESS_METRICS_TOKEN is set, and then only to a bearer of that token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { bearerToken } from './auth.ts';
import { unauthorized } from './errors.ts';
import type { EventHub } from './events.ts';
import type { RequestOutcome } from './logging.ts';
import type { Store } from './store/contract.ts';

/** The route of a redemption: its answers count as redemptions accepted (2xx) or refused. */
const REDEMPTION_ROUTE = '/v1/links/:token/guests';

export interface Metrics {
  observe(outcome: RequestOutcome): void;
  /** The text exposition of every metric. */
  render(): Promise<{ contentType: string; text: string }>;
}

export function createMetrics(store: Store, events: EventHub): Metrics {
  const registry = new Registry();
  // Process metrics, among them the event-loop lag (nodejs_eventloop_lag_seconds and its percentiles).
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'guest_access_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const redemptions = new Counter({
    name: 'guest_access_redemptions_total',
    help: 'Entry-form submits on a guest link, accepted or refused.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  // Both outcomes are present from the start, so a rate over them never starts from a missing series.
  redemptions.inc({ outcome: 'accepted' }, 0);
  redemptions.inc({ outcome: 'refused' }, 0);
  new Gauge({
    name: 'guest_access_guests_waiting',
    help: 'Guests waiting in a lobby (every room of the database).',
    registers: [registry],
    async collect() {
      this.set(await store.guests.countWaiting());
    },
  });
  new Gauge({
    name: 'guest_access_open_streams',
    help: 'Server-Sent Event streams open on this instance (hosts and guests).',
    registers: [registry],
    collect() {
      this.set(events.openStreams);
    },
  });
  return {
    observe({ method, route, status }) {
      // An unmatched path is never a label: its values are unbounded (and may be a mistyped token).
      requests.inc({ method, route: route ?? 'unmatched', status: String(status) });
      if (route === REDEMPTION_ROUTE && method === 'POST')
        redemptions.inc({ outcome: status < 300 ? 'accepted' : 'refused' });
    },
    async render() {
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}

/** Equal without telling by its timing how much of a guess was right (the hashes have one length). */
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

/** GET /metrics for a bearer of `token` only (401 otherwise, as the API's other routes answer). */
export function createMetricsRoutes(metrics: Metrics, token: string) {
  return new Hono().get('/metrics', async (c) => {
    if (!sameSecret(bearerToken(c), token)) throw unauthorized();
    const { contentType, text } = await metrics.render();
    return c.body(text, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
}
