// What the end-to-end tests share: Debian's Chromium through playwright-core, the demo server for a file's
// tests, and a page that fails the test on any script error or Content-Security-Policy violation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RunningServer, type StartServerOptions, startServer } from '../../api/server.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';

/** Generous: CI machines are shared and slow, and every step waits only as long as it must. */
export const ACTION_TIMEOUT_MS = 15_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** A file's demo server (on a temporary SQLite file) and browser, and the problems its pages report. */
export interface DemoSession {
  server: RunningServer;
  browser: Browser;
  problems: string[];
  /**
   * Stops the server as a deploy does (its graceful close), runs `whileDown`, and starts it again on the same
   * port and file.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

/** Starts the demo server with `config` and Chromium before the file's tests; ends both after them. */
export function demoSession(config: StartServerOptions['config'] = {}): DemoSession {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-e2e-'));
  const start = (port: number) =>
    startServer({ dbFile: join(folder, 'guest-access.db'), port, demo: true, config });
  const session = {
    problems: [] as string[],
    async restart(whileDown) {
      await session.server.close();
      await whileDown?.();
      session.server = await start(session.server.port);
    },
  } as DemoSession;
  before(async () => {
    session.server = await start(0);
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return session;
}

/** A page whose script errors and CSP violations are collected in `problems`. */
export async function watchedPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  return page;
}
