// The store contract's rules, as one suite any engine runs: give it how to make a fresh database and how to
// open a store on it (several stores on one database stand for several API instances).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, type TestContext, test } from 'node:test';
import { eraseExpiredGuests } from '../../api/retention.ts';
import { PAGE_SIZE, type Store, type Tables } from '../../api/store/contract.ts';
import { InvalidCursorError } from '../../api/store/guest-cursor.ts';
import type {
  Guest,
  Link,
  NewGuest,
  NewLink,
  NewTenant,
  NewWebhookEvent,
  Room,
  RoomFields,
  WebhookAttempt,
  WebhookEndpoint,
} from '../../api/store/types.ts';
import { atTestEnd } from '../support/cleanup.ts';

export interface StoreEngine {
  name: string;
  /** A fresh, empty database for this test, removed when it ends; answers where it is. */
  freshDatabase(t: TestContext): Promise<string>;
  /** A store on that database, migrated; the suite closes it. */
  open(location: string): Promise<Store>;
  /**
   * How many stores the race tests open on one database, like that many API instances. SQLite serves one
   * process (whose connection serialises its transactions): one; a second in the same process would wait
   * synchronously for the first's write lock, which only that same event loop can release.
   */
  instances: number;
}

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const hash = () => randomBytes(32);

const newTenant = (changes: Partial<NewTenant> = {}): NewTenant => ({
  id: randomUUID(),
  name: 'Acme Media',
  apiKeyHash: hash(),
  signingSecretSealed: randomBytes(60),
  allowedOrigins: ['https://media.example'],
  createdAt: T0,
  ...changes,
});

const endpoint = (tenantId: string, changes: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: randomUUID(),
  tenantId,
  url: 'https://hooks.example/in',
  events: ['guest.waiting', 'link.expired'],
  secretSealed: randomBytes(60),
  createdAt: T0,
  ...changes,
});

const roomFields = (changes: Partial<RoomFields> = {}): RoomFields => ({
  title: 'Launch day',
  type: 'room',
  startsAt: T0 + 60 * MINUTE,
  endsAt: T0 + 120 * MINUTE,
  timeZone: 'Europe/Paris',
  joinUrl: 'https://media.example/live',
  ...changes,
});

const newLink = (room: Room, changes: Partial<NewLink> = {}): NewLink => ({
  id: randomUUID(),
  roomPk: room.pk,
  tokenHash: hash(),
  name: 'Press',
  maxUses: null,
  expiresAt: null,
  createdBy: 'host-1',
  createdAt: T0,
  ...changes,
});

const newGuest = (link: Link, changes: Partial<NewGuest> = {}): NewGuest => ({
  id: randomUUID(),
  roomPk: link.roomPk,
  linkId: link.id,
  name: 'Grace',
  email: 'grace@example.com',
  status: 'waiting',
  sessionHash: hash(),
  idempotencyKey: null,
  createdAt: T0,
  ...changes,
});

/** A tenant with a room whose guest access is on. */
async function tenantWithRoom(tables: Tables, roomId = 'launch') {
  const tenant = newTenant();
  await tables.tenants.create(tenant);
  const room = await tables.rooms.put(tenant.id, roomId, roomFields(), T0);
  await tables.rooms.setGuestAccess(room, { enabled: true });
  return { tenant, room: { ...room, guestAccessEnabled: true } };
}

/** Guests of one link created `step` ms apart (0: all at the same instant), oldest first. */
async function guestsOn(tables: Tables, link: Link, count: number, step: number) {
  const guests: Guest[] = [];
  for (let index = 0; index < count; index++) {
    guests.push(await tables.guests.insert(newGuest(link, { createdAt: T0 + index * step }), link.name));
  }
  return guests;
}

export function storeContract(engine: StoreEngine): void {
  /** `count` stores on one fresh database, like that many API instances; closed when the test ends. */
  async function stores(t: TestContext, count: number): Promise<Store[]> {
    const location = await engine.freshDatabase(t);
    const opened = await Promise.all(
      Array.from({ length: Math.min(count, engine.instances) }, () => engine.open(location)),
    );
    for (const store of opened) atTestEnd(t, () => store.close());
    return opened;
  }
  const freshStore = async (t: TestContext) => (await stores(t, 1))[0] as Store;

  describe(`store contract on ${engine.name}`, () => {
    describe('tenants', () => {
      test('stores a tenant with both modules on by default and each origin once, sorted', async (t) => {
        const store = await freshStore(t);
        const tenant = newTenant({
          allowedOrigins: ['https://b.example', 'https://a.example', 'https://b.example'],
        });
        await store.tenants.create(tenant);
        assert.deepEqual(await store.tenants.get(tenant.id), {
          id: tenant.id,
          name: 'Acme Media',
          allowedOrigins: ['https://a.example', 'https://b.example'],
          modules: { inviteToMedia: true, theming: { mediaPage: true } },
          branding: { logoUrl: null, accentColor: null },
          guestUrlTemplate: null,
          createdAt: T0,
        });
      });

      test('stores the modules a tenant is created with', async (t) => {
        const store = await freshStore(t);
        const tenant = newTenant({ modules: { inviteToMedia: false, theming: { mediaPage: false } } });
        await store.tenants.create(tenant);
        assert.deepEqual((await store.tenants.get(tenant.id))?.modules, {
          inviteToMedia: false,
          theming: { mediaPage: false },
        });
      });

      test('finds a tenant by the hash of its API key and by nothing else', async (t) => {
        const store = await freshStore(t);
        const tenant = newTenant();
        await store.tenants.create(tenant);
        assert.equal((await store.tenants.byApiKeyHash(tenant.apiKeyHash))?.id, tenant.id);
        assert.equal(await store.tenants.byApiKeyHash(hash()), undefined);
        assert.equal(await store.tenants.get('no-such-tenant'), undefined);
        assert.equal(await store.tenants.withSealedSecrets('no-such-tenant'), undefined);
      });

      test('refuses a second tenant with the same API key hash', async (t) => {
        const store = await freshStore(t);
        const tenant = newTenant();
        await store.tenants.create(tenant);
        await assert.rejects(store.tenants.create(newTenant({ apiKeyHash: tenant.apiKeyHash })));
      });

      test('after a rotation the new signing secret comes first and the previous one second', async (t) => {
        const store = await freshStore(t);
        const tenant = newTenant();
        await store.tenants.create(tenant);
        assert.deepEqual((await store.tenants.withSealedSecrets(tenant.id))?.sealed, [
          tenant.signingSecretSealed,
        ]);
        const rotated = randomBytes(60);
        assert.equal(await store.tenants.rotateSigningSecret(tenant.id, rotated), true);
        const read = await store.tenants.withSealedSecrets(tenant.id);
        assert.deepEqual(read?.sealed, [rotated, tenant.signingSecretSealed]);
        assert.equal(read?.tenant.id, tenant.id);
        assert.equal(await store.tenants.rotateSigningSecret('no-such-tenant', rotated), false);
      });

      test('allows an origin when any tenant lists it', async (t) => {
        const store = await freshStore(t);
        await store.tenants.create(newTenant({ allowedOrigins: ['https://a.example'] }));
        await store.tenants.create(newTenant({ allowedOrigins: ['https://b.example', 'https://a.example'] }));
        assert.equal(await store.tenants.anyAllowsOrigin('https://b.example'), true);
        assert.equal(await store.tenants.anyAllowsOrigin('https://a.example'), true);
        assert.equal(await store.tenants.anyAllowsOrigin('https://evil.example'), false);
      });

      test('an update changes only the fields it names, and replaces the origins when given', async (t) => {
        const store = await freshStore(t);
        const created = newTenant({ allowedOrigins: ['https://a.example', 'https://b.example'] });
        await store.tenants.create(created);
        const tenant = await store.tenants.get(created.id);
        assert.ok(tenant);
        await store.tenants.update(tenant, {
          modules: { theming: { mediaPage: false } },
          branding: { logoUrl: 'https://cdn.example/logo.svg' },
          guestUrlTemplate: 'https://media.example/guest/{token}',
        });
        const updated = await store.tenants.get(created.id);
        assert.deepEqual(updated, {
          ...tenant,
          modules: { inviteToMedia: true, theming: { mediaPage: false } },
          branding: { logoUrl: 'https://cdn.example/logo.svg', accentColor: null },
          guestUrlTemplate: 'https://media.example/guest/{token}',
        });
        assert.ok(updated);
        await store.tenants.update(updated, {
          name: 'Acme Live',
          allowedOrigins: ['https://c.example', 'https://b.example'],
          guestUrlTemplate: null,
        });
        assert.deepEqual(await store.tenants.get(created.id), {
          ...updated,
          name: 'Acme Live',
          allowedOrigins: ['https://b.example', 'https://c.example'],
          guestUrlTemplate: null,
        });
        assert.equal(await store.tenants.anyAllowsOrigin('https://a.example'), false);
      });
    });

    describe('rooms', () => {
      test('a new room has guest access off and the moderator policy', async (t) => {
        const store = await freshStore(t);
        const tenant = newTenant();
        await store.tenants.create(tenant);
        const room = await store.rooms.put(tenant.id, 'launch', roomFields(), T0);
        assert.deepEqual(room, {
          pk: room.pk,
          tenantId: tenant.id,
          id: 'launch',
          ...roomFields(),
          removedAt: null,
          guestAccessEnabled: false,
          admission: 'moderator',
          createdAt: T0,
          lobbyMessage: null,
          hostsOnline: 0,
        });
        assert.equal(typeof room.pk, 'number');
        assert.deepEqual(await store.rooms.get(tenant.id, 'launch'), room);
        assert.deepEqual(await store.rooms.lockByPk(room.pk), room);
        assert.equal(await store.rooms.get(tenant.id, 'other'), undefined);
        assert.equal(await store.rooms.lockByPk(room.pk + 1000), undefined);
      });

      test('putting a room again updates its fields and keeps its pk and switch', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        const fields = roomFields({
          title: 'Launch, day two',
          type: 'channel',
          startsAt: null,
          joinUrl: null,
        });
        const again = await store.rooms.put(tenant.id, room.id, fields, T0 + MINUTE);
        assert.deepEqual(again, { ...room, ...fields });
      });

      test('rooms of two tenants may share an id', async (t) => {
        const store = await freshStore(t);
        const first = await tenantWithRoom(store, 'shared');
        const second = await tenantWithRoom(store, 'shared');
        assert.notEqual(first.room.pk, second.room.pk);
      });

      test("lists a tenant's rooms by id, removed ones too, and no other tenant's", async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store, 'b-room');
        await tenantWithRoom(store, 'a-other-tenant');
        await store.rooms.put(tenant.id, 'B-upper', roomFields({ type: 'channel' }), T0);
        const removed = await store.rooms.put(tenant.id, 'a-room', roomFields(), T0);
        await store.rooms.remove(removed, T0 + MINUTE);
        const listed = await store.rooms.listOfTenant(tenant.id);
        assert.deepEqual(
          listed.map((each) => [each.id, each.type, each.removedAt]),
          [
            ['B-upper', 'channel', null],
            ['a-room', 'room', T0 + MINUTE],
            ['b-room', 'room', null],
          ],
        );
        assert.deepEqual(listed[2], room);
        assert.deepEqual(await store.rooms.listOfTenant('no-such-tenant'), []);
      });

      test('removing a room keeps it readable, and registering it again makes it available', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        await store.rooms.remove(room, T0 + MINUTE);
        await store.rooms.remove(room, T0 + 2 * MINUTE);
        assert.equal((await store.rooms.lockByPk(room.pk))?.removedAt, T0 + MINUTE);
        const again = await store.rooms.put(tenant.id, room.id, roomFields(), T0 + 3 * MINUTE);
        assert.equal(again.removedAt, null);
        assert.equal(again.pk, room.pk);
      });

      test('a guest-access change keeps what it leaves out', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        assert.deepEqual(await store.rooms.setGuestAccess(room, { admission: 'auto' }), {
          enabled: true,
          admission: 'auto',
          lobbyMessage: null,
        });
        assert.deepEqual(await store.rooms.setGuestAccess(room, { enabled: false }), {
          enabled: false,
          admission: 'auto',
          lobbyMessage: null,
        });
        assert.deepEqual(await store.rooms.setGuestAccess(room, {}), {
          enabled: false,
          admission: 'auto',
          lobbyMessage: null,
        });
        const stored = await store.rooms.lockByPk(room.pk);
        assert.equal(stored?.guestAccessEnabled, false);
        assert.equal(stored?.admission, 'auto');
      });
    });

    describe('links', () => {
      test('a new link has no uses and reads back as created', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const input = newLink(room, { maxUses: 5, expiresAt: T0 + 24 * 60 * MINUTE });
        const link = await store.links.create(input);
        assert.deepEqual(link, {
          id: input.id,
          roomPk: room.pk,
          name: 'Press',
          maxUses: 5,
          uses: 0,
          expiresAt: T0 + 24 * 60 * MINUTE,
          createdBy: 'host-1',
          createdAt: T0,
          deletedAt: null,
          tokenId: input.id,
          paused: false,
          admission: 'room',
        });
        assert.deepEqual(await store.links.get(input.id), link);
        assert.equal(await store.links.get('no-such-link'), undefined);
      });

      test('refuses a second link with the same token hash', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = newLink(room);
        await store.links.create(link);
        await assert.rejects(store.links.create(newLink(room, { tokenHash: link.tokenHash })));
      });

      test('counts uses up to the limit and refuses the one past it', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room, { maxUses: 2 }));
        assert.equal((await store.links.countUseReturning(link.id))?.uses, 1);
        assert.deepEqual(await store.links.countUseReturning(link.id), { ...link, uses: 2 });
        assert.equal(await store.links.countUseReturning(link.id), undefined);
        assert.equal((await store.links.get(link.id))?.uses, 2);
      });

      test('an unlimited link counts every use', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        for (let use = 1; use <= 5; use++)
          assert.equal((await store.links.countUseReturning(link.id))?.uses, use);
        assert.equal(await store.links.countUseReturning('no-such-link'), undefined);
      });

      test('deleting a link is for good and counts it out of the room', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const [first, second] = [
          await store.links.create(newLink(room)),
          await store.links.create(newLink(room)),
        ];
        assert.ok(first && second);
        assert.equal(await store.links.countOfRoom(room.pk), 2);
        assert.equal(await store.links.delete(first.id, T0 + MINUTE), true);
        assert.equal(await store.links.delete(first.id, T0 + 2 * MINUTE), false);
        assert.equal(await store.links.delete('no-such-link', T0), false);
        assert.equal((await store.links.get(first.id))?.deletedAt, T0 + MINUTE);
        assert.equal(await store.links.countOfRoom(room.pk), 1);
      });

      test("deleting a room's links keeps the time of those deleted before", async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const other = await tenantWithRoom(store, 'other');
        const [early, late] = [
          await store.links.create(newLink(room)),
          await store.links.create(newLink(room)),
        ];
        const elsewhere = await store.links.create(newLink(other.room));
        await store.links.delete(early.id, T0 + MINUTE);
        await store.links.deleteOfRoom(room.pk, T0 + 2 * MINUTE);
        assert.equal((await store.links.get(early.id))?.deletedAt, T0 + MINUTE);
        assert.equal((await store.links.get(late.id))?.deletedAt, T0 + 2 * MINUTE);
        assert.equal((await store.links.get(elsewhere.id))?.deletedAt, null);
        assert.equal(await store.links.countOfRoom(room.pk), 0);
      });
    });

    describe('joined reads', () => {
      test('finds a link with its room and tenant by token hash and by link id', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        const input = newLink(room);
        const link = await store.links.create(input);
        const expected = { tenant: await store.tenants.get(tenant.id), room, link };
        assert.deepEqual(await store.linkContexts.byTokenHash(input.tokenHash), expected);
        assert.deepEqual(await store.linkContexts.byLinkId(link.id), {
          ...expected,
          hasWebhookEndpoints: false,
        });
        assert.equal(await store.linkContexts.byTokenHash(hash()), undefined);
        assert.equal(await store.linkContexts.byLinkId('no-such-link'), undefined);
      });

      test('says whether the link’s tenant has a webhook endpoint, another tenant’s not counting', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        const other = await tenantWithRoom(store, 'other');
        const link = await store.links.create(newLink(room));
        const hook = (tenantId: string) => endpoint(tenantId, { events: ['link.expired'] });
        const has = async () => (await store.linkContexts.byLinkId(link.id))?.hasWebhookEndpoints;
        await store.transaction((tx) =>
          tx.webhooks.replaceEndpoints(other.tenant.id, [hook(other.tenant.id)]),
        );
        assert.equal(await has(), false);
        // Subscribed to no event a redemption records: the outbox's insert decides per event, this only whether any.
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [hook(tenant.id)]));
        assert.equal(await has(), true);
        assert.equal(
          await store.transaction(
            async (tx) => (await tx.linkContexts.byLinkId(link.id))?.hasWebhookEndpoints,
          ),
          true,
        );
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, []));
        assert.equal(await has(), false);
      });
    });

    describe('guests', () => {
      test('a waiting guest is undecided and an admitted one decided at once, as stored', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const waiting = await store.guests.insert(newGuest(link), link.name);
        const admitted = await store.guests.insert(newGuest(link, { status: 'admitted' }), link.name);
        assert.equal(waiting.decidedAt, null);
        assert.equal(admitted.decidedAt, T0);
        assert.equal(waiting.linkName, 'Press');
        assert.deepEqual(await store.guests.get(waiting.id), waiting);
        assert.deepEqual(await store.guests.get(admitted.id), admitted);
        assert.equal(await store.guests.get('no-such-guest'), undefined);
      });

      test('finds a guest by its session hash and by its idempotency key on its link', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const [link, other] = [
          await store.links.create(newLink(room)),
          await store.links.create(newLink(room)),
        ];
        const input = newGuest(link, { idempotencyKey: 'submit-1' });
        const guest = await store.guests.insert(input, link.name);
        assert.deepEqual(await store.guests.bySessionHash(input.sessionHash), guest);
        assert.deepEqual(await store.guests.byIdempotencyKey(link.id, 'submit-1'), guest);
        assert.equal(await store.guests.byIdempotencyKey(other.id, 'submit-1'), undefined);
        assert.equal(await store.guests.bySessionHash(hash()), undefined);
      });

      test('refuses a second guest with the same idempotency key on one link, not on another', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const [link, other] = [
          await store.links.create(newLink(room)),
          await store.links.create(newLink(room)),
        ];
        await store.guests.insert(newGuest(link, { idempotencyKey: 'submit-1' }), link.name);
        await assert.rejects(store.guests.insert(newGuest(link, { idempotencyKey: 'submit-1' }), link.name));
        await store.guests.insert(newGuest(other, { idempotencyKey: 'submit-1' }), other.name);
        await store.guests.insert(newGuest(link), link.name);
        await store.guests.insert(newGuest(link), link.name);
      });

      test("lists a room's guests newest first, all or those of one status", async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const other = await tenantWithRoom(store, 'other');
        const link = await store.links.create(newLink(room));
        const [first, second, third] = await guestsOn(store, link, 3, MINUTE);
        assert.ok(first && second && third);
        await guestsOn(store, await store.links.create(newLink(other.room)), 2, MINUTE);
        const denied = await store.guests.setStatus(second, 'denied', T0 + 10 * MINUTE);
        assert.deepEqual(await store.guests.pageOfRoom(room.pk), {
          guests: [third, denied, first],
          nextCursor: null,
        });
        assert.deepEqual(await store.guests.pageOfRoom(room.pk, { status: 'waiting' }), {
          guests: [third, first],
          nextCursor: null,
        });
      });

      test('refuses a cursor it did not issue', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        for (const cursor of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url'), '']) {
          await assert.rejects(store.guests.pageOfRoom(room.pk, undefined, cursor), InvalidCursorError);
        }
      });

      test('a decision sets the status and the time of the decision', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const guest = await store.guests.insert(newGuest(link), link.name);
        const removed = await store.guests.setStatus(guest, 'removed', T0 + MINUTE);
        assert.deepEqual(removed, {
          ...guest,
          status: 'removed',
          decidedAt: T0 + MINUTE,
          waitingSince: null,
          leftAt: T0 + MINUTE,
        });
        assert.deepEqual(await store.guests.get(guest.id), removed);
      });

      test('admitting all admits only the waiting guests of that room', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const other = await tenantWithRoom(store, 'other');
        const link = await store.links.create(newLink(room));
        const [first, second, third] = await guestsOn(store, link, 3, MINUTE);
        assert.ok(first && second && third);
        const [elsewhere] = await guestsOn(store, await store.links.create(newLink(other.room)), 1, 0);
        const denied = await store.guests.setStatus(second, 'denied', T0 + 5 * MINUTE);
        const admitted = await store.guests.admitWaiting(room.pk, T0 + 10 * MINUTE);
        const decided = (guest: Guest): Guest => ({
          ...guest,
          status: 'admitted',
          decidedAt: T0 + 10 * MINUTE,
          waitingSince: null,
          admittedAt: T0 + 10 * MINUTE,
        });
        assert.deepEqual(
          [...admitted].sort((a, b) => a.createdAt - b.createdAt),
          [decided(first), decided(third)],
        );
        assert.deepEqual(await store.guests.get(second.id), denied);
        assert.equal((await store.guests.get(elsewhere?.id ?? ''))?.status, 'waiting');
        assert.deepEqual(await store.guests.admitWaiting(room.pk, T0 + 11 * MINUTE), []);
      });

      test('counts the guests waiting in every room', async (t) => {
        const store = await freshStore(t);
        assert.equal(await store.guests.countWaiting(), 0);
        const { room } = await tenantWithRoom(store);
        const other = await tenantWithRoom(store, 'other');
        const [first] = await guestsOn(store, await store.links.create(newLink(room)), 3, MINUTE);
        await guestsOn(store, await store.links.create(newLink(other.room)), 2, 0);
        assert.ok(first);
        await store.guests.setStatus(first, 'admitted', T0 + 5 * MINUTE);
        assert.equal(await store.guests.countWaiting(), 4);
      });
    });

    describe('presence, lobby and knocks', () => {
      test('counts a guest online across connections and remembers when last seen', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const [guest] = await guestsOn(store, link, 1, 0);
        const id = (guest as Guest).id;
        assert.deepEqual([guest?.online, guest?.lastSeenAt, guest?.knocks], [false, null, 0]);
        assert.equal((await store.guests.countConnection(id, 1, T0 + 1))?.online, true);
        assert.equal((await store.guests.countConnection(id, 1, T0 + 2))?.online, true);
        assert.equal((await store.guests.countConnection(id, -1, T0 + 3))?.online, true);
        const gone = await store.guests.countConnection(id, -1, T0 + 4);
        assert.deepEqual([gone?.online, gone?.lastSeenAt], [false, T0 + 4]);
        // A close counted twice never goes below zero.
        await store.guests.countConnection(id, -1, T0 + 5);
        assert.equal((await store.guests.countConnection(id, 1, T0 + 6))?.online, true);
      });

      test('makes a waiting guest left only when absent since the grace began', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const [guest] = await guestsOn(store, link, 1, 0);
        const id = (guest as Guest).id;
        await store.guests.countConnection(id, 1, T0 + 10);
        assert.equal(await store.guests.leaveIfAbsent(id, T0 + 100, T0 + 100), undefined, 'online');
        await store.guests.countConnection(id, -1, T0 + 50);
        assert.equal(await store.guests.leaveIfAbsent(id, T0 + 40, T0 + 100), undefined, 'seen since');
        const left = await store.guests.leaveIfAbsent(id, T0 + 50, T0 + 100);
        assert.deepEqual(
          [left?.status, left?.decidedAt, left?.leftAt, left?.waitingSince],
          ['left', T0 + 100, T0 + 100, null],
        );
        assert.equal(await store.guests.leaveIfAbsent(id, T0 + 50, T0 + 200), undefined, 'only once');
      });

      test('leaves every waiting guest absent since the cutoff, not one who came or knocked after it', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const [gone, online, knocked, neverSeen] = (await guestsOn(store, link, 4, 0)) as Guest[];
        const justArrived = await store.guests.insert(newGuest(link, { createdAt: T0 + 150 }), link.name);
        for (const guest of [gone, online, knocked] as Guest[]) {
          await store.guests.countConnection(guest.id, 1, T0 + 10);
        }
        await store.guests.countConnection((gone as Guest).id, -1, T0 + 20);
        await store.guests.countConnection((knocked as Guest).id, -1, T0 + 20);
        await store.guests.setStatus(knocked as Guest, 'denied', T0 + 30);
        await store.guests.knock((await store.guests.get((knocked as Guest).id)) as Guest, T0 + 200);
        const left = await store.guests.leaveAbsentWaiting(T0 + 100, T0 + 300);
        // One who never opened a connection is absent too, once they have waited since before the cutoff.
        assert.deepEqual(
          left.map((guest) => [guest.id, guest.status, guest.decidedAt, guest.leftAt]).sort(),
          [
            [(gone as Guest).id, 'left', T0 + 300, T0 + 300],
            [(neverSeen as Guest).id, 'left', T0 + 300, T0 + 300],
          ].sort(),
        );
        assert.equal(
          (await store.guests.get(justArrived.id))?.status,
          'waiting',
          'arrived after the cutoff, no connection yet',
        );
      });

      test("takes an expired instance's presence leases back out of the counts, once", async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const [guest] = (await guestsOn(store, link, 1, 0)) as Guest[];
        const id = (guest as Guest).id;
        // The dead instance counted two connections of each, the live one one.
        await store.transaction(async (tx) => {
          for (const [instance, count] of [
            ['dead', 2],
            ['alive', 1],
          ] as const) {
            const expiresAt = instance === 'dead' ? T0 + 100 : T0 + 900;
            assert.equal(await tx.presenceLeases.hold(instance, 'guest', id, expiresAt), 0, 'a new lease');
            await tx.presenceLeases.set(instance, 'guest', id, count);
            await tx.guests.countConnection(id, count, T0);
            await tx.presenceLeases.hold(instance, 'host', String(room.pk), expiresAt);
            await tx.presenceLeases.set(instance, 'host', String(room.pk), count);
            await tx.rooms.countHost(room.pk, count);
          }
          assert.equal(await tx.presenceLeases.hold('dead', 'guest', id, T0 + 100), 2, 'holds what was set');
        });
        assert.deepEqual(await store.presenceLeases.reapExpired(T0 + 99), { guestIds: [], rooms: [] });
        await store.presenceLeases.renew('alive', T0 + 2000);
        assert.deepEqual(await store.transaction((tx) => tx.presenceLeases.reapExpired(T0 + 1000)), {
          guestIds: [id],
          rooms: [{ pk: room.pk, hostsOnline: 1 }],
        });
        const after = await store.guests.get(id);
        assert.deepEqual(
          [after?.online, after?.lastSeenAt],
          [true, T0 + 1000],
          'the live instance still counts',
        );
        assert.deepEqual(
          await store.presenceLeases.reapExpired(T0 + 1000),
          { guestIds: [], rooms: [] },
          'once',
        );
        // A lease set to nothing is gone, so it is never taken back twice.
        await store.transaction(async (tx) => {
          await tx.presenceLeases.hold('alive', 'guest', id, T0 + 2000);
          await tx.presenceLeases.set('alive', 'guest', id, 0);
        });
        assert.deepEqual(await store.presenceLeases.reapExpired(T0 + 5000), {
          guestIds: [],
          rooms: [{ pk: room.pk, hostsOnline: 0 }],
        });
      });

      test('orders the line by arrival, and a knock goes to its end with one more knock counted', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const [a, b, c] = (await guestsOn(store, link, 3, 1000)) as [Guest, Guest, Guest];
        assert.deepEqual(
          await Promise.all([a, b, c].map((guest) => store.guests.lobbyPosition(guest))),
          [1, 2, 3],
        );
        const denied = await store.guests.setStatus(a, 'denied', T0 + 5000);
        assert.equal(denied.waitingSince, null);
        assert.equal(await store.guests.lobbyPosition(b), 1);
        const knocked = await store.guests.knock(denied, T0 + 6000);
        assert.deepEqual(
          [knocked.status, knocked.knocks, knocked.knockedAt, knocked.waitingSince, knocked.decidedAt],
          ['waiting', 1, T0 + 6000, T0 + 6000, null],
        );
        assert.equal(await store.guests.lobbyPosition(knocked), 3);
        const admitted = await store.guests.admitWaiting(room.pk, T0 + 7000);
        assert.ok(admitted.every((guest) => guest.waitingSince === null));
      });

      test('stores the lobby message apart from the switch, and counts hosts who can admit', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        assert.deepEqual(await store.rooms.setGuestAccess(room, { lobbyMessage: 'Soon' }), {
          enabled: true,
          admission: 'moderator',
          lobbyMessage: 'Soon',
        });
        assert.equal((await store.rooms.setGuestAccess(room, { enabled: false })).lobbyMessage, 'Soon');
        assert.equal((await store.rooms.setGuestAccess(room, { lobbyMessage: null })).lobbyMessage, null);
        assert.equal(await store.rooms.countHost(room.pk, 1), 1);
        assert.equal(await store.rooms.countHost(room.pk, 1), 2);
        assert.equal((await store.rooms.get(room.tenantId, room.id))?.hostsOnline, 2);
        assert.equal(await store.rooms.countHost(room.pk, -1), 1);
        assert.equal(await store.rooms.countHost(room.pk, -1), 0);
        assert.equal(await store.rooms.countHost(room.pk, -1), 0, 'never below zero');
      });
    });

    describe('editing, pausing and rotating links (issue 15)', () => {
      test('an edit changes only the fields it names, and null clears the limit or the expiry', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(
          newLink(room, { maxUses: 5, expiresAt: T0 + MINUTE, admission: 'auto' }),
        );
        assert.equal(link.admission, 'auto');
        const renamed = await store.links.update(link.id, { name: 'Speakers', paused: true });
        assert.deepEqual(renamed, { ...link, name: 'Speakers', paused: true });
        const cleared = await store.links.update(link.id, {
          maxUses: null,
          expiresAt: null,
          admission: 'room',
        });
        assert.deepEqual(cleared, {
          ...link,
          name: 'Speakers',
          paused: true,
          maxUses: null,
          expiresAt: null,
          admission: 'room',
        });
        assert.deepEqual(await store.links.get(link.id), cleared);
        assert.deepEqual(await store.links.update(link.id, { paused: false }), { ...cleared, paused: false });
      });

      test('an edit refuses a limit below the uses so far, and any edit of a deleted link', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room, { maxUses: 5 }));
        await store.links.countUseReturning(link.id);
        const used = await store.links.countUseReturning(link.id);
        assert.equal(await store.links.update(link.id, { maxUses: 1, name: 'Other' }), undefined);
        assert.deepEqual(await store.links.get(link.id), used, 'nothing changed');
        assert.equal((await store.links.update(link.id, { maxUses: 2 }))?.maxUses, 2);
        assert.equal(await store.links.countUseReturning(link.id), undefined, 'the new limit holds');
        await store.links.delete(link.id, T0 + MINUTE);
        assert.equal(await store.links.update(link.id, { name: 'Again' }), undefined);
        assert.equal(await store.links.update('no-such-link', { name: 'Again' }), undefined);
      });

      test('a rotation replaces the token at once and keeps the name, settings and uses', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const input = newLink(room, { maxUses: 3 });
        const link = await store.links.create(input);
        const used = (await store.links.countUseReturning(link.id)) as Link;
        const fresh = hash();
        const rotated = await store.links.rotate(link.id, 'fresh-token-id', fresh);
        assert.deepEqual(rotated, { ...used, tokenId: 'fresh-token-id' });
        assert.equal(await store.linkContexts.byTokenHash(input.tokenHash), undefined);
        assert.deepEqual((await store.linkContexts.byTokenHash(fresh))?.link, rotated);
        await store.links.delete(link.id, T0 + MINUTE);
        assert.equal(await store.links.rotate(link.id, 'again', hash()), undefined);
      });

      test("a paused link still counts toward the room's links", async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        await store.links.update(link.id, { paused: true });
        assert.equal(await store.links.countOfRoom(room.pk), 1);
        assert.equal((await store.links.listOfRoom(room.pk))[0]?.paused, true);
      });
    });

    describe('guest history and erasure (issue 15)', () => {
      test('keeps who decided, when a guest was admitted and when their stay ended', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const link = await store.links.create(newLink(room));
        const [guest] = await guestsOn(store, link, 1, 0);
        assert.ok(guest);
        assert.deepEqual(
          [guest.admittedAt, guest.decidedBy, guest.leftAt, guest.erasedAt],
          [null, null, null, null],
        );
        const admitted = await store.guests.setStatus(guest, 'admitted', T0 + MINUTE, 'host-7');
        assert.deepEqual(await store.guests.get(guest.id), admitted);
        assert.deepEqual([admitted.admittedAt, admitted.decidedBy], [T0 + MINUTE, 'host-7']);
        const left = await store.guests.setStatus(admitted, 'left', T0 + 2 * MINUTE);
        assert.deepEqual(await store.guests.get(guest.id), left);
        assert.deepEqual(
          [left.admittedAt, left.decidedBy, left.leftAt],
          [T0 + MINUTE, null, T0 + 2 * MINUTE],
        );
        const auto = await store.guests.insert(newGuest(link, { status: 'admitted' }), link.name);
        assert.deepEqual(await store.guests.get(auto.id), auto);
        assert.equal(auto.admittedAt, T0);
        const [waiting] = await guestsOn(store, link, 1, 0);
        const [all] = await store.guests.admitWaiting(room.pk, T0 + 3 * MINUTE, 'host-8');
        assert.deepEqual(
          [all?.id, all?.admittedAt, all?.decidedBy],
          [waiting?.id, T0 + 3 * MINUTE, 'host-8'],
        );
      });

      test('a knock forgets who denied', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const [guest] = await guestsOn(store, await store.links.create(newLink(room)), 1, 0);
        const denied = await store.guests.setStatus(guest as Guest, 'denied', T0 + MINUTE, 'host-7');
        assert.equal((await store.guests.knock(denied, T0 + 2 * MINUTE)).decidedBy, null);
      });

      test("lists one link's guests, by status too, a page at a time", async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const [link, other] = [
          await store.links.create(newLink(room)),
          await store.links.create(newLink(room)),
        ];
        // One more than a page on `link`, interleaved with guests of `other`.
        const created = await store.transaction(async (tx) => {
          const guests: Guest[] = [];
          for (let index = 0; index <= PAGE_SIZE; index++) {
            guests.push(await tx.guests.insert(newGuest(link, { createdAt: T0 + index }), link.name));
            if (index % 100 === 0)
              await tx.guests.insert(newGuest(other, { createdAt: T0 + index }), other.name);
          }
          return guests;
        });
        const first = await store.guests.pageOfRoom(room.pk, { linkId: link.id });
        assert.equal(first.guests.length, PAGE_SIZE);
        assert.ok(first.guests.every((guest) => guest.linkId === link.id));
        assert.equal(first.guests[0]?.id, created.at(-1)?.id, 'newest first');
        const second = await store.guests.pageOfRoom(
          room.pk,
          { linkId: link.id },
          first.nextCursor as string,
        );
        assert.deepEqual(second, { guests: [created[0]], nextCursor: null });
        const oldest = created[0] as Guest;
        await store.guests.setStatus(oldest, 'denied', T0 + MINUTE);
        const denied = await store.guests.pageOfRoom(room.pk, { linkId: link.id, status: 'denied' });
        assert.deepEqual(
          denied.guests.map((guest) => guest.id),
          [oldest.id],
        );
        assert.equal((await store.guests.pageOfRoom(room.pk, { linkId: other.id })).guests.length, 11);
        assert.deepEqual(await store.guests.pageOfRoom(room.pk, { linkId: 'no-such-link' }), {
          guests: [],
          nextCursor: null,
        });
      });

      test("removing a link's guests removes the waiting and admitted ones of that link only", async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const [link, other] = [
          await store.links.create(newLink(room)),
          await store.links.create(newLink(room)),
        ];
        const [waiting, admitted, denied] = await guestsOn(store, link, 3, MINUTE);
        await store.guests.setStatus(admitted as Guest, 'admitted', T0 + 5 * MINUTE);
        await store.guests.setStatus(denied as Guest, 'denied', T0 + 5 * MINUTE);
        const [elsewhere] = await guestsOn(store, other, 1, 0);
        const removed = await store.guests.removeOfLink(link.id, T0 + 10 * MINUTE, 'host-7');
        assert.deepEqual(removed.map((guest) => guest.id).sort(), [waiting?.id, admitted?.id].sort());
        for (const guest of removed) {
          assert.deepEqual(await store.guests.get(guest.id), guest);
          assert.deepEqual(
            [guest.status, guest.leftAt, guest.decidedBy],
            ['removed', T0 + 10 * MINUTE, 'host-7'],
          );
        }
        assert.equal((await store.guests.get(denied?.id as string))?.status, 'denied');
        assert.equal((await store.guests.get(elsewhere?.id as string))?.status, 'waiting');
      });

      test('erases the name and email of guests older than the cutoff once, up to a limit, keeping their rows', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const guests = await guestsOn(store, await store.links.create(newLink(room)), 4, MINUTE);
        const [recent] = guests.splice(3);
        const cutoff = T0 + 2 * MINUTE + 1;
        assert.equal(await store.guests.eraseCreatedBefore(cutoff, T0 + HOUR, 2), 2, 'at most the limit');
        assert.equal(await store.guests.eraseCreatedBefore(cutoff, T0 + HOUR, 2), 1, 'the rest');
        for (const old of guests) {
          assert.deepEqual(await store.guests.get(old.id), {
            ...old,
            name: '',
            email: '',
            erasedAt: T0 + HOUR,
          });
        }
        assert.deepEqual(await store.guests.get(recent?.id as string), recent);
        assert.equal(await store.guests.eraseCreatedBefore(cutoff, T0 + 2 * HOUR, 2), 0, 'erased once');
        assert.equal((await store.guests.get(guests[0]?.id as string))?.erasedAt, T0 + HOUR);
        assert.equal(await store.purgeErased(), true);
      });

      test('retention erases a backlog larger than a batch in full, a batch per transaction', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const guests = await guestsOn(store, await store.links.create(newLink(room)), 5, MINUTE);
        let transactions = 0;
        const counting: Store = {
          ...store,
          transaction: (fn) => {
            transactions += 1;
            return store.transaction(fn);
          },
        };
        const now = T0 + 40 * 24 * HOUR;
        assert.equal(await eraseExpiredGuests(counting, now, 30, 2), 5);
        assert.equal(transactions, 3, 'batches of 2, 2 and 1');
        for (const guest of guests) assert.equal((await store.guests.get(guest.id))?.erasedAt, now);
      });

      test("erases one person's records across the tenant's rooms, in any letter case, and no other tenant's", async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        const second = await store.rooms.put(tenant.id, 'second', roomFields(), T0);
        const other = await tenantWithRoom(store, 'other');
        const person = { email: 'Grace@Example.com' };
        const [here] = await guestsOn(store, await store.links.create(newLink(room)), 1, 0);
        const there = await store.guests.insert(
          newGuest(await store.links.create(newLink(second)), { email: 'grace@example.COM' }),
          'Press',
        );
        const stranger = await store.guests.insert(
          newGuest(await store.links.create(newLink(other.room)), person),
          'Press',
        );
        const someoneElse = await store.guests.insert(
          newGuest(await store.links.create(newLink(second)), { email: 'ada@example.com' }),
          'Press',
        );
        assert.equal(await store.guests.eraseByEmail(tenant.id, 'GRACE@example.com', T0 + HOUR), 2);
        for (const guest of [here, there]) {
          const stored = await store.guests.get(guest?.id as string);
          assert.deepEqual([stored?.name, stored?.email, stored?.erasedAt], ['', '', T0 + HOUR]);
        }
        assert.deepEqual(await store.guests.get(stranger.id), stranger);
        assert.deepEqual(await store.guests.get(someoneElse.id), someoneElse);
        assert.equal(await store.guests.eraseByEmail(tenant.id, 'grace@example.com', T0 + HOUR), 0);
      });
    });

    describe('transactions', () => {
      test('a transaction that throws stores nothing and rethrows the error', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const refusal = new Error('refused by a rule');
        for (const transaction of [store.transaction, store.batchedTransaction]) {
          await assert.rejects(
            transaction(async (tx) => {
              await tx.links.create(newLink(room));
              await tx.rooms.setGuestAccess(room, { enabled: false });
              throw refusal;
            }),
            (error) => error === refusal,
          );
        }
        assert.equal(await store.links.countOfRoom(room.pk), 0);
        assert.equal((await store.rooms.lockByPk(room.pk))?.guestAccessEnabled, true);
      });

      test('a transaction commits its work and answers its result as it is', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        for (const transaction of [store.transaction, store.batchedTransaction]) {
          const links = await transaction(async (tx) => {
            const locked = await tx.rooms.lockByPk(room.pk);
            assert.deepEqual(locked, room);
            return [await tx.links.create(newLink(room)), await tx.links.create(newLink(room))];
          });
          assert.equal(links.length, 2);
          assert.deepEqual(await store.links.get(links[0]?.id ?? ''), links[0]);
        }
        assert.equal(await store.links.countOfRoom(room.pk), 4);
      });

      test('batched calls on one key commit together, and each refused or failing one rolls back alone', async (t) => {
        const store = await freshStore(t);
        const { room } = await tenantWithRoom(store);
        const taken = newLink(room);
        await store.links.create(taken);
        const refusal = new Error('refused by a rule');
        // Calls 1 and 4 throw after a write; call 2's statement fails in the database (a taken id), which
        // aborts a PostgreSQL transaction up to its savepoint: the calls after it must still commit.
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, (_, call) =>
            store.batchedTransaction(async (tx) => {
              const link = await tx.links.create(
                call === 2 ? { ...taken, tokenHash: hash() } : newLink(room),
              );
              if (call === 1 || call === 4) throw refusal;
              return link.id;
            }, 'one key'),
          ),
        );
        assert.deepEqual(
          outcomes.map((outcome) => outcome.status),
          ['fulfilled', 'rejected', 'rejected', 'fulfilled', 'rejected', 'fulfilled'],
        );
        assert.ok(outcomes[1]?.status === 'rejected' && outcomes[1].reason === refusal);
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') assert.ok(await store.links.get(outcome.value));
        }
        assert.equal(await store.links.countOfRoom(room.pk), 4);
      });
    });

    describe('webhooks', () => {
      const event = (roomPk: number, type: NewWebhookEvent['type'] = 'guest.waiting'): NewWebhookEvent => ({
        messageId: `msg_${randomUUID()}`,
        roomPk,
        type,
        data: JSON.stringify({ guest: { id: 'g1' } }),
        createdAt: T0,
      });
      const delivered = (attemptedAt: number): WebhookAttempt => ({
        status: 'delivered',
        attemptedAt,
        statusCode: 204,
        error: null,
        nextAttemptAt: null,
      });

      test('queues an event for each endpoint of the room’s tenant subscribed to it, and no other', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        const other = await tenantWithRoom(store, 'other');
        const [a, b] = [
          endpoint(tenant.id),
          endpoint(tenant.id, { url: 'https://b.example/', events: ['guest.left'], createdAt: T0 + 1 }),
        ];
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [a, b]));
        await store.transaction((tx) =>
          tx.webhooks.replaceEndpoints(other.tenant.id, [endpoint(other.tenant.id)]),
        );
        assert.deepEqual(await store.webhooks.endpointsOf(tenant.id), [a, b]);
        const sent = event(room.pk);
        assert.equal(await store.transaction((tx) => tx.webhooks.record(sent)), 1);
        const { deliveries, nextCursor } = await store.webhooks.deliveriesOf(tenant.id);
        assert.equal(nextCursor, null);
        assert.deepEqual(
          deliveries.map((d) => [d.endpointId, d.url, d.messageId, d.roomId, d.status, d.attempts, d.data]),
          [[a.id, a.url, sent.messageId, 'launch', 'pending', 0, sent.data]],
        );
        assert.deepEqual((await store.webhooks.deliveriesOf(other.tenant.id)).deliveries, []);
      });

      test('a transaction that throws after recording an event queues nothing', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [endpoint(tenant.id)]));
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.webhooks.record(event(room.pk));
            throw new Error('refused');
          }),
        );
        assert.deepEqual((await store.webhooks.deliveriesOf(tenant.id)).deliveries, []);
      });

      test('claims a due delivery once per lease, and never again once finished', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        const kept = endpoint(tenant.id);
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [kept]));
        await store.transaction((tx) => tx.webhooks.record(event(room.pk)));
        const [claimed] = await store.webhooks.claimDue(T0, MINUTE, 10);
        assert.deepEqual(claimed?.secretSealed, kept.secretSealed);
        assert.deepEqual(await store.webhooks.claimDue(T0 + MINUTE - 1, MINUTE, 10), []);
        const [again] = await store.webhooks.claimDue(T0 + MINUTE, MINUTE, 10);
        assert.equal(again?.id, claimed?.id);
        await store.webhooks.finishAttempt(again?.id as number, delivered(T0 + MINUTE));
        assert.deepEqual(await store.webhooks.claimDue(T0 + 60 * MINUTE, MINUTE, 10), []);
        const [listed] = (await store.webhooks.deliveriesOf(tenant.id, 'delivered')).deliveries;
        assert.deepEqual(
          [
            listed?.status,
            listed?.attempts,
            listed?.lastStatusCode,
            listed?.deliveredAt,
            listed?.nextAttemptAt,
          ],
          ['delivered', 1, 204, T0 + MINUTE, null],
        );
      });

      test('fails the pending deliveries of an endpoint removed, and keeps them listed', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [endpoint(tenant.id)]));
        await store.transaction((tx) => tx.webhooks.record(event(room.pk)));
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, []));
        const [failed] = (await store.webhooks.deliveriesOf(tenant.id)).deliveries;
        assert.deepEqual([failed?.status, failed?.lastError], ['failed', 'endpoint removed']);
        assert.deepEqual(await store.webhooks.claimDue(T0 + 60 * MINUTE, MINUTE, 10), []);
      });

      test('marks each passed link expiry once, for tenants subscribed to link.expired before it', async (t) => {
        const store = await freshStore(t);
        const { tenant, room } = await tenantWithRoom(store);
        await store.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [endpoint(tenant.id)]));
        const soon = await store.links.create(newLink(room, { expiresAt: T0 + MINUTE }));
        const before = await store.links.create(newLink(room, { expiresAt: T0 - MINUTE }));
        const deleted = await store.links.create(newLink(room, { expiresAt: T0 + MINUTE }));
        await store.links.delete(deleted.id, T0);
        const later = await store.links.create(newLink(room, { expiresAt: T0 + 10 * MINUTE }));
        const mark = (now: number) =>
          store.transaction((tx) => tx.webhooks.markExpiredLinks(T0 - 60 * MINUTE, now, 100));
        assert.deepEqual(await mark(T0 + 2 * MINUTE), [soon.id]);
        assert.deepEqual(await mark(T0 + 2 * MINUTE), []);
        assert.deepEqual(await mark(T0 + 20 * MINUTE), [later.id]);
        assert.ok(before);
      });
    });

    describe('races across instances', () => {
      test('200 concurrent redemptions from 4 instances on a 100-use link accept exactly 100', async (t) => {
        const instances = await stores(t, 4);
        const [first] = instances as [Store];
        const { room } = await tenantWithRoom(first);
        const link = await first.links.create(newLink(room, { maxUses: 100 }));
        const redeem = (store: Store) =>
          store.transaction(async (tx) => {
            const used = await tx.links.countUseReturning(link.id);
            if (!used) return false;
            await tx.guests.insert(newGuest(link), used.name);
            return true;
          });
        const outcomes = await Promise.all(
          Array.from({ length: 200 }, (_, index) => redeem(instances[index % instances.length] as Store)),
        );
        assert.equal(outcomes.filter(Boolean).length, 100);
        assert.equal((await first.links.get(link.id))?.uses, 100);
        assert.equal((await first.guests.pageOfRoom(room.pk)).guests.length, 100);
      });

      test('concurrent submits with one idempotency key from 3 instances count one use', async (t) => {
        const instances = await stores(t, 3);
        const [first] = instances as [Store];
        const { room } = await tenantWithRoom(first);
        const link = await first.links.create(newLink(room, { maxUses: 100 }));
        // The loser's insert breaks the unique key and rolls its transaction back, its claimed use with it.
        const submit = (store: Store) =>
          store.transaction(async (tx) => {
            if (await tx.guests.byIdempotencyKey(link.id, 'submit-1')) return false;
            const used = await tx.links.countUseReturning(link.id);
            if (!used) return false;
            await tx.guests.insert(newGuest(link, { idempotencyKey: 'submit-1' }), used.name);
            return true;
          });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 12 }, (_, index) => submit(instances[index % instances.length] as Store)),
        );
        assert.equal(outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value).length, 1);
        assert.equal((await first.links.get(link.id))?.uses, 1);
      });

      test('30 concurrent link creations from 3 instances under the room lock leave exactly 3 links', async (t) => {
        const instances = await stores(t, 3);
        const [first] = instances as [Store];
        const { room } = await tenantWithRoom(first);
        const create = (store: Store) =>
          store.transaction(async (tx) => {
            await tx.rooms.lockByPk(room.pk);
            if ((await tx.links.countOfRoom(room.pk)) >= 3) return false;
            await tx.links.create(newLink(room));
            return true;
          });
        const outcomes = await Promise.all(
          Array.from({ length: 30 }, (_, index) => create(instances[index % instances.length] as Store)),
        );
        assert.equal(outcomes.filter(Boolean).length, 3);
        assert.equal(await first.links.countOfRoom(room.pk), 3);
      });

      test('an edit of the limit racing 60 redemptions from 4 instances never leaves it below the uses', async (t) => {
        const instances = await stores(t, 4);
        const [first] = instances as [Store];
        const { room } = await tenantWithRoom(first);
        const link = await first.links.create(newLink(room));
        const on = (index: number) => instances[index % instances.length] as Store;
        const claims = Array.from({ length: 60 }, (_, index) =>
          on(index).transaction((tx) => tx.links.countUseReturning(link.id)),
        );
        const edit = on(1).transaction((tx) => tx.links.update(link.id, { maxUses: 30 }));
        const [edited, ...claimed] = await Promise.all([edit, ...claims]);
        const after = (await first.links.get(link.id)) as Link;
        const accepted = claimed.filter(Boolean).length;
        assert.equal(after.uses, accepted);
        if (edited) {
          assert.equal(after.maxUses, 30);
          assert.ok(after.uses <= 30);
        } else {
          assert.equal(after.maxUses, null, 'a refused edit changed nothing');
          assert.ok(after.uses > 30);
        }
      });

      test('concurrent decisions on one waiting guest from 3 instances: exactly one decides', async (t) => {
        const instances = await stores(t, 3);
        const [first] = instances as [Store];
        const { room } = await tenantWithRoom(first);
        const link = await first.links.create(newLink(room));
        const guest = await first.guests.insert(newGuest(link), link.name);
        const decide = (store: Store, index: number) =>
          store.transaction(async (tx) => {
            const current = await tx.guests.lock(guest.id);
            if (current?.status !== 'waiting') return undefined;
            return tx.guests.setStatus(current, index % 2 ? 'admitted' : 'denied', T0 + index);
          });
        const decisions = await Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            decide(instances[index % instances.length] as Store, index),
          ),
        );
        const made = decisions.filter((decision) => decision !== undefined);
        assert.equal(made.length, 1);
        assert.deepEqual(await first.guests.get(guest.id), made[0]);
      });
      test('claims from 3 instances hand each due delivery to one of them', async (t) => {
        const instances = await stores(t, 3);
        const [first] = instances as [Store];
        const { tenant, room } = await tenantWithRoom(first);
        const hook = {
          id: randomUUID(),
          tenantId: tenant.id,
          url: 'https://hooks.example/in',
          events: ['guest.waiting' as const],
          secretSealed: randomBytes(60),
          createdAt: T0,
        };
        await first.transaction((tx) => tx.webhooks.replaceEndpoints(tenant.id, [hook]));
        await first.transaction(async (tx) => {
          for (let index = 0; index < 30; index++) {
            await tx.webhooks.record({
              messageId: `m${index}`,
              roomPk: room.pk,
              type: 'guest.waiting',
              data: '{}',
              createdAt: T0,
            });
          }
        });
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            (instances[index % instances.length] as Store).webhooks.claimDue(T0, MINUTE, 4),
          ),
        );
        const ids = claims.flat().map((delivery) => delivery.id);
        assert.equal(ids.length, 30);
        assert.equal(new Set(ids).size, 30);
      });
    });
  });
}
