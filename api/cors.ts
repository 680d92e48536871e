// CORS per tenant: a response is shared with an origin only if the tenant it concerns lists that origin.
// Preflights and answers that concern no known tenant (e.g. an unknown link) accept an origin any tenant
// lists, so they reveal nothing to origins nobody trusts. Same-origin requests need no CORS at all.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app.ts';
import type { Store } from './store/index.ts';

const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

export function tenantCors(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers = new Headers({ Vary: 'Origin' });
      if (store.tenants.anyAllowsOrigin(origin)) {
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
        headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        headers.set('Access-Control-Max-Age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    const tenant = c.get('tenant');
    const allowed = tenant ? tenant.allowedOrigins.includes(origin) : store.tenants.anyAllowsOrigin(origin);
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
    }
  };
}
