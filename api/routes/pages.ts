import { Hono } from 'hono';

export function createPageRoutes(_deps: unknown) {
  return new Hono();
}
