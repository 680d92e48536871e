// CORS per tenant: a response is shared with an origin only if the tenant it concerns lists that origin.
// Preflights and answers that concern no known tenant (e.g. an unknown link) accept an origin any tenant
// lists, so they reveal nothing to origins nobody trusts. Same-origin requests need no CORS at all.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import type { Logger } from './logging.ts';
import { normalOrigin } from './schemas.ts';
import type { Store } from './store/contract.ts';

const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Request-Id';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** A refusal is logged: a page origin missing from a tenant's list is the most common integration mistake. */
export function tenantCors(store: Store, logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    // Only an http(s) origin as browsers send it is ever echoed: never "null" (sandboxed frames, file: pages,
    // redirects), whatever an older database lists.
    if (!origin || normalOrigin(origin) !== origin) return next();
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers = new Headers({ Vary: 'Origin' });
      if (await store.tenants.anyAllowsOrigin(origin)) {
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
        headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        headers.set('Access-Control-Max-Age', '600');
      } else logger.warn({ requestId: c.get('requestId'), origin, tenant: null }, 'CORS refused');
      return new Response(null, { status: 204, headers });
    }
    await next();
    const tenant = c.get('tenant');
    const allowed = tenant
      ? tenant.allowedOrigins.includes(origin)
      : await store.tenants.anyAllowsOrigin(origin);
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    } else {
      logger.warn({ requestId: c.get('requestId'), origin, tenant: tenant?.id ?? null }, 'CORS refused');
    }
  };
}
