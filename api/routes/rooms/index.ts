// Host routes (by host token, for the room in the path), one sub-app per resource under one host-token
// middleware: the guest-access switch, links, the waiting room and the host's event stream.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { noStore } from '../../secure-headers.ts';
import { createRoomEventRoutes } from './events.ts';
import { createGuestAccessRoutes } from './guest-access.ts';
import { createGuestListRoutes } from './guests.ts';
import { hostAuth } from './host.ts';
import { createRoomLinkRoutes } from './links.ts';

export function createRoomRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      // Host answers carry link URLs and guests' emails.
      .use(noStore())
      .use('/:roomId/*', hostAuth(deps))
      .route('/', createGuestAccessRoutes(deps))
      .route('/', createRoomLinkRoutes(deps))
      .route('/', createGuestListRoutes(deps))
      .route('/', createRoomEventRoutes(deps))
  );
}
