// The demo's tenant and rooms, created on the first `serve --demo` and brought up to date on every
// later one (the server's origin may change with the port) without touching what a host changed:
// guest access, the admission policy and the links stay as they were.
import type { AppDeps } from '../context.ts';
import { encrypt, lookupHash, randomSecret } from '../secrets.ts';
import type { RoomType } from '../store/types.ts';

export const DEMO_TENANT_ID = 'demo';

/** The setting the seeding writes first: its row lock makes instances starting together seed one at a time. */
const DEMO_SEEDED_AT = 'demo-seeded-at';

export interface DemoRoom {
  id: string;
  type: RoomType;
  title: string;
  /** The room's name in the site's navigation. */
  navLabel: string;
  description: string;
  /** Minutes from the server's start to the session's start and end (so it is always on now); none for a channel. */
  schedule?: { startMinutes: number; endMinutes: number };
}

export const DEMO_ROOMS: DemoRoom[] = [
  {
    id: 'live-session',
    type: 'room',
    title: 'Make your next event a next-level event',
    navLabel: 'Live session',
    description:
      'A live session in a Room: hosts can share it with guests who have no account, through guest links.',
    schedule: { startMinutes: -10, endMinutes: 35 },
  },
  {
    id: 'northwind-channel',
    type: 'channel',
    title: 'Northwind Channel',
    navLabel: 'Channel',
    description: 'A 24/7 channel. Guest access is not supported for channel rooms: the window says so.',
  },
];

/** Where an admitted guest watches: the media page in guest mode. */
export const demoJoinUrl = (origin: string, roomId: string) =>
  `${origin}/demo/rooms/${encodeURIComponent(roomId)}?guest`;

const DEMO_TIME_ZONE = 'America/New_York';

/** Seeds the demo; returns the line `serve --demo` prints: where the demo's media page is. */
export async function seedDemo(
  { store, clock, config }: Pick<AppDeps, 'store' | 'clock' | 'config'>,
  origin: string,
): Promise<string> {
  const now = clock.now();
  const minute = 60_000;
  await store.transaction(async (tx) => {
    // Written before anything is read: on PostgreSQL (READ COMMITTED) its row lock holds a second instance here
    // until the first commits, which then finds the tenant instead of inserting it again or dropping the other's
    // origin; on SQLite the write lock already does so.
    await tx.settings.set(DEMO_SEEDED_AT, Buffer.from(String(now)));
    const tenant = await tx.tenants.get(DEMO_TENANT_ID);
    if (tenant) {
      if (!tenant.allowedOrigins.includes(origin)) {
        await tx.tenants.update(tenant, { allowedOrigins: [...tenant.allowedOrigins, origin] });
      }
    } else {
      // Nobody needs the demo tenant's API key (the demo seeds through the store), so it is never shown.
      await tx.tenants.create({
        id: DEMO_TENANT_ID,
        name: 'Northwind Live (demo)',
        apiKeyHash: lookupHash(randomSecret('gak')),
        signingSecretSealed: encrypt(config.serverSecret, randomSecret('gas')),
        allowedOrigins: [origin],
        createdAt: now,
      });
    }
    for (const room of DEMO_ROOMS) {
      await tx.rooms.put(
        DEMO_TENANT_ID,
        room.id,
        {
          title: room.title,
          type: room.type,
          startsAt: room.schedule ? now + room.schedule.startMinutes * minute : null,
          endsAt: room.schedule ? now + room.schedule.endMinutes * minute : null,
          timeZone: room.schedule ? DEMO_TIME_ZONE : null,
          joinUrl: demoJoinUrl(origin, room.id),
        },
        now,
      );
    }
  });
  return `demo media page: ${origin}/demo/rooms/${DEMO_ROOMS[0]?.id}`;
}
