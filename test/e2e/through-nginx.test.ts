// The demo's flow as a deployment runs it: Chromium talks only to nginx (docs/deploy/nginx.conf), which spreads
// every request round-robin over three `serve --demo` instances on one PostgreSQL database (always PostgreSQL,
// whatever the test pass: events cross instances only there). So the host's event stream, the guest's
// redemption and stream, and the admission each land on whichever instance nginx picks, and the waiting room
// and the guest's page still follow within the browser's own waits. Then one instance is killed under a
// waiting guest's stream: the guest's element reconnects through nginx to a live instance and catches up.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type TestContext, test } from 'node:test';
import type { Browser, Page, Request, Response } from 'playwright-core';
import { type ChildServer, startChildServer } from '../hardening/child-server.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { freePort, type RunningNginx, startNginx } from '../support/nginx.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { launchChromium } from './browser.ts';
import {
  copyLink,
  createLink,
  enableGuestAccess,
  expectWatchingAsGuest,
  joinAs,
  newVisitor,
  openGuestAccess,
} from './demo-steps.ts';

const INSTANCES = 3;
const LINK_NAME = 'Through the balancer';
const GUEST_STREAM = '/v1/guest/events';

type Instance = ChildServer & { name: string };

interface DemoBehindNginx {
  nginx: RunningNginx;
  instances: Instance[];
  browser: Browser;
  /** Script errors and CSP violations on any page. */
  problems: string[];
}

/**
 * Three `serve --demo` instances (named through GUEST_ACCESS_INSTANCE, so each answer says who gave it) on a
 * fresh PostgreSQL database, nginx in front of them, and Chromium. Everything ends with the test, however it
 * ends: the browser, nginx, then the instances (killed, their exit awaited), then the database.
 */
async function startDemoBehindNginx(t: TestContext): Promise<DemoBehindNginx> {
  const db = await freshPostgresDatabase(t);
  // The instances must know nginx's URL before nginx starts, to seed the demo and build link URLs with it.
  const port = await freePort();
  const env = {
    GUEST_ACCESS_SECRET: randomBytes(32).toString('hex'),
    GUEST_ACCESS_PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
    GUEST_ACCESS_TRUST_PROXY: '127.0.0.1',
  };
  // Started together, as a deployment's instances are: all three seed the demo at the same moment.
  const instances = await Promise.all(
    Array.from({ length: INSTANCES }, async (_, index) => {
      const name = `instance-${index + 1}`;
      const server = await startChildServer(
        t,
        db,
        { ...env, GUEST_ACCESS_INSTANCE: name },
        { args: ['--demo'] },
      );
      atTestEnd(t, async () => {
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
        await server.exited;
      });
      return { name, ...server };
    }),
  );
  const nginx = await startNginx(
    t,
    instances.map((instance) => instance.url),
    { port },
  );
  atTestEnd(t, nginx.stop);
  const browser = await launchChromium();
  atTestEnd(t, () => browser.close());
  return { nginx, instances, browser, problems: [] };
}

/** The instance that gave an answer, by its Guest-Access-Instance header. */
function answeredBy(instances: Instance[], response: Response): Instance {
  const name = response.headers()['guest-access-instance'];
  const instance = instances.find((candidate) => candidate.name === name);
  assert.ok(instance, `${response.url()} answered by a known instance, not ${name}`);
  return instance;
}

const pathOf = (message: Request | Response) => new URL(message.url()).pathname;

/** Every request the page makes, and every API answer with the instance that gave it. */
function recordTraffic(page: Page, requests: string[], answers: Array<{ step: string; instance?: string }>) {
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    answers.push({
      step: `${response.request().method()} ${pathOf(response)}`,
      instance: response.headers()['guest-access-instance'],
    });
  });
}

test('the demo’s flow runs through nginx in front of three instances on one PostgreSQL database', {
  timeout: 180_000,
}, async (t) => {
  const { nginx, instances, browser, problems } = await startDemoBehindNginx(t);
  const requests: string[] = [];
  const answers: Array<{ step: string; instance?: string }> = [];

  // The host shares a link from the media page, through nginx.
  const [, host] = await newVisitor(browser, problems);
  recordTraffic(host, requests, answers);
  const hostStream = host.waitForResponse((response) => pathOf(response).endsWith('/events'));
  const manager = await openGuestAccess(host, nginx.url);
  const hostStreamAnswer = await hostStream;
  await enableGuestAccess(manager);
  await createLink(host, manager, LINK_NAME);
  const linkUrl = await copyLink(host, manager, LINK_NAME);
  assert.match(linkUrl, new RegExp(`^${nginx.url}/g/[\\w-]{22,}$`), 'the link leads through nginx');

  // A guest opens it in a profile of her own, joins and waits.
  const [, ada] = await newVisitor(browser, problems);
  recordTraffic(ada, requests, answers);
  const guestStream = ada.waitForResponse((response) => pathOf(response) === GUEST_STREAM);
  const redemption = ada.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && /^\/v1\/links\/[^/]+\/guests$/.test(pathOf(response)),
  );
  await joinAs(ada, linkUrl, 'Ada');
  assert.equal((await redemption).status(), 201);

  // The host sees her in the waiting room and admits her; she lands on the media page, behind nginx.
  const admission = host.waitForResponse((response) => /\/guests\/[^/]+\/admit$/.test(pathOf(response)));
  await manager.getByRole('button', { name: 'Admit Ada' }).click();
  assert.equal((await admission).status(), 200);
  await expectWatchingAsGuest(ada, 'Ada');
  assert.equal(new URL(ada.url()).origin, nginx.url, 'the guest lands on the media page behind nginx');

  const landedOn = (response: Response) => answeredBy(instances, response).name;
  t.diagnostic(
    `host stream on ${landedOn(hostStreamAnswer)}, redemption on ${landedOn(await redemption)}, ` +
      `guest stream on ${landedOn(await guestStream)}, admission on ${landedOn(await admission)}`,
  );
  const elsewhere = requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== nginx.url);
  assert.deepEqual(elsewhere, [], 'the browser reached the instances only through nginx');
  const served = new Set(answers.map((answer) => answer.instance));
  assert.deepEqual(
    [...served].toSorted(),
    instances.map((instance) => instance.name),
    'every answer came from one of the instances, and each of the three served part of the flow',
  );
  assert.deepEqual(problems, [], 'no script errors or CSP violations on any page');
});

test('a waiting guest whose stream’s instance is killed reconnects through nginx and catches up on her admission', {
  timeout: 180_000,
}, async (t) => {
  const { nginx, instances, browser, problems } = await startDemoBehindNginx(t);
  const [, host] = await newVisitor(browser, problems);
  const manager = await openGuestAccess(host, nginx.url);
  await enableGuestAccess(manager);
  await createLink(host, manager, LINK_NAME);
  const linkUrl = await copyLink(host, manager, LINK_NAME);

  const [, ada] = await newVisitor(browser, problems);
  const isGuestStream = (message: Request | Response) => pathOf(message) === GUEST_STREAM;
  const firstStream = ada.waitForResponse(isGuestStream);
  await joinAs(ada, linkUrl, 'Ada');
  const streaming = answeredBy(instances, await firstStream);
  await manager.getByRole('button', { name: 'Admit Ada' }).waitFor();

  // From here on, the guest's stream requests wait until the admission is made: the element can learn of it
  // only by catching up on what it missed, not from an event pushed to a stream it already had open.
  let admissionMade = () => {};
  const admitted = new Promise<void>((resolve) => {
    admissionMade = resolve;
  });
  await ada.route(`**${GUEST_STREAM}`, async (route) => {
    await admitted;
    await route.continue();
  });
  // A failure before the admission must not leave the held request waiting on the browser's close.
  atTestEnd(t, admissionMade);
  const reconnecting = ada.waitForRequest(isGuestStream);

  streaming.child.kill('SIGKILL');
  assert.deepEqual(await streaming.exited, { code: null, signal: 'SIGKILL' });
  await reconnecting;
  assert.ok(await ada.getByRole('heading', { name: 'Waiting to be admitted' }).isVisible());

  // The host admits her through nginx (which skips the dead instance) while she has no stream.
  await manager.getByRole('button', { name: 'Admit Ada' }).click();
  await manager.getByRole('button', { name: 'Remove Ada' }).waitFor();
  const reconnected = ada.waitForResponse(isGuestStream);
  admissionMade();
  const live = answeredBy(instances, await reconnected);
  assert.notEqual(live.name, streaming.name, 'the stream reconnected to a live instance');
  assert.equal((await reconnected).status(), 200);

  await expectWatchingAsGuest(ada, 'Ada');
  assert.equal(new URL(ada.url()).origin, nginx.url);
  t.diagnostic(`guest stream on ${streaming.name} (killed), reconnected on ${live.name}`);
  assert.deepEqual(problems, [], 'no script errors or CSP violations on any page');
});
