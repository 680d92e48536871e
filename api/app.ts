// createApp(deps) builds the whole HTTP API as a Hono app; server.ts listens with it.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { openAPIRouteHandler } from 'hono-openapi';
import { allowedMethods } from './allowed-methods.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { tenantCors } from './cors.ts';
import { ApiError } from './errors.ts';
import { requestLogging } from './logging.ts';
import { createMetricsRoutes } from './metrics.ts';
import { createAdminRoutes } from './routes/admin.ts';
import { createGuestRoutes } from './routes/guest.ts';
import { createLinkRoutes } from './routes/links.ts';
import { createPageRoutes } from './routes/pages.ts';
import { createRoomRoutes } from './routes/rooms/index.ts';
import { instanceHeader, securityHeaders } from './secure-headers.ts';
import { DeadlockError } from './store/contract.ts';
import { InvalidCursorError } from './store/guest-cursor.ts';
import { isStoreUnavailable } from './store/unavailable.ts';

export const MAX_BODY_BYTES = 16 * 1024;

const payloadTooLarge = () =>
  new ApiError('payload_too_large', 413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);

/** When a client should try again while the database is out of reach (a restart takes seconds). */
const UNAVAILABLE_RETRY_AFTER_S = 2;

/** The middleware every request passes, in order (the bench's floor figure adds them one by one). */
export function everyRequest(deps: AppDeps): MiddlewareHandler<AppEnv>[] {
  const { logger, metrics, store } = deps;
  const { instanceName } = deps.config;
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw payloadTooLarge();
    },
  });
  // Hono's bodyLimit opens the body stream (`c.req.raw.body`), which makes @hono/node-server build a whole web
  // Request: it counts only bodies of unknown length. A declared length is exact (Node's parser reads no more).
  const limitedBody: MiddlewareHandler<AppEnv> = (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limitBody(c, next);
    if (Number(length) > MAX_BODY_BYTES) throw payloadTooLarge();
    return next();
  };
  return [
    // First, so it sees every answer as sent, errors and refusals included.
    requestLogging(logger, metrics?.observe),
    securityHeaders(),
    ...(instanceName ? [instanceHeader(instanceName)] : []),
    tenantCors(store, logger),
    limitedBody,
  ];
}

/** The API over `deps`; `extraRoutes` mounts more at `/` (the demo site, when `serve --demo`). */
export function createApp(deps: AppDeps, extraRoutes?: (deps: AppDeps) => Hono) {
  const app = new Hono<AppEnv>();
  const { metricsToken } = deps.config;
  const { logger, metrics } = deps;
  for (const middleware of everyRequest(deps)) app.use(middleware);

  const routes = app
    .route('/v1/admin', createAdminRoutes(deps))
    .route('/v1/rooms', createRoomRoutes(deps))
    .route('/v1/links', createLinkRoutes(deps))
    .route('/v1/guest', createGuestRoutes(deps))
    .get('/healthz', (c) => c.json({ ok: true as const }));

  app.get(
    '/v1/openapi.json',
    openAPIRouteHandler(app, {
      documentation: {
        info: {
          title: 'guest-access',
          version: '1',
          description:
            'Guest links and a waiting room for live media sessions. Any request whose headers pass the ' +
            'server’s limit (16 KB) is answered 431 `header_too_large`, one too slow to arrive 408 ' +
            '`request_timeout`. Answers carrying a session token, a link URL or a guest’s email are sent ' +
            'with `Cache-Control: no-store`. Request bodies are JSON: a body sent without ' +
            '`Content-Type: application/json` is refused 400 with the header named in `fields`, and the admin ' +
            'bodies refuse fields they do not define (400, each unknown field named in `fields`). Every answer ' +
            'carries `X-Request-Id`: the request’s own when it is up to 64 letters, digits, `.`, `_`, `:` or `-`, ' +
            'else a new one. A known path asked with a method it does not answer is refused 405 ' +
            '`method_not_allowed`, its methods in `Allow`.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        },
      },
    }),
  );
  if (metrics && metricsToken) app.route('/', createMetricsRoutes(metrics, metricsToken));
  app.route('/', createPageRoutes(deps));
  if (extraRoutes) app.route('/', extraRoutes(deps));

  const methodsOf = allowedMethods(app);
  app.notFound((c) => {
    const allowed = methodsOf(c.req.path);
    // A route of this method that found nothing (an unknown asset) is a 404 too.
    if (allowed.length === 0 || allowed.includes(c.req.method))
      return new ApiError('not_found', 404, 'No such route.').response();
    const list = allowed.join(', ');
    return new ApiError(
      'method_not_allowed',
      405,
      `${c.req.method} is not allowed here; this path answers ${list}.`,
      undefined,
      undefined,
      { Allow: list },
    ).response();
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return error.response();
    // A deadlock left after its retries is contention, not a bug: the same request shortly after goes in.
    if (error instanceof DeadlockError)
      logger.warn({ requestId: c.get('requestId') }, 'deadlock left after retries');
    if (isStoreUnavailable(error) || error instanceof DeadlockError) {
      return new ApiError(
        'unavailable',
        503,
        'The service is briefly unavailable; try again shortly.',
        undefined,
        undefined,
        { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) },
      ).response();
    }
    if (error instanceof InvalidCursorError) {
      return new ApiError('validation_failed', 400, 'Some fields are not valid.', {
        cursor: 'Unknown cursor: pass a nextCursor this list returned.',
      }).response();
    }
    if (error instanceof HTTPException) {
      // Hono's own refusals, e.g. malformed JSON.
      const status = error.status >= 400 && error.status < 500 ? error.status : 400;
      // Hono's "Malformed JSON in request body" does not say what to send.
      const message = error.message.startsWith('Malformed JSON')
        ? 'The body is not valid JSON: send one JSON object, e.g. {"name": "Press"}.'
        : error.message || 'The request is not valid.';
      return new ApiError('validation_failed', status, message).response();
    }
    // The client broke its request body off (Node's parser has already answered it): not a bug.
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') {
      return new ApiError('validation_failed', 400, 'The request body was cut off.').response();
    }
    // A bug, not an input problem: logged, answered without a stack trace.
    logger.error({ requestId: c.get('requestId'), err: error }, 'unexpected error');
    return new ApiError('internal_error', 500, 'Something went wrong on our side.').response();
  });
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
