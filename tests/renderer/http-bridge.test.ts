// The screen's HTTP bridge against the real browser host (the built CLI's `serve`) over real
// HTTP and server-sent events. jsdom has no EventSource: the `eventsource` package stands in
// for the browser's, as the screen's own EventSource would.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EventSource } from 'eventsource';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../common/kiosk-bridge';
import { createHttpBridge, scriptsOfPage } from '../../renderer/src/host/http-bridge';
import { copyPack, type TempPack } from '../helpers/temp-pack';
import { startKioskProcess, type KioskProcess } from '../helpers/kiosk-process';

let pack: TempPack;
let host: KioskProcess | undefined;

beforeAll(() => {
  globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource;
});
beforeEach(async () => {
  pack = await copyPack();
});
afterEach(async () => {
  unsubscribe?.();
  unsubscribe = undefined;
  await host?.stop();
  host = undefined;
  await pack.cleanup();
});

function start(args: string[] = []): Promise<KioskProcess> {
  return startKioskProcess(pack.dir, { args });
}

/** Resolves at the first snapshot and stays subscribed (the stream stays open) until the test ends. */
let unsubscribe: (() => void) | undefined;
function connected(bridge: ReturnType<typeof createHttpBridge>): Promise<void> {
  return new Promise((resolve) => (unsubscribe = bridge.onContentSnapshot(() => resolve())));
}

/** Resolves with the first snapshot that passes the test. */
function nextSnapshot(subscribe: (listener: (snapshot: ContentSnapshot) => void) => () => void, test: (snapshot: ContentSnapshot) => boolean): Promise<ContentSnapshot> {
  return new Promise((resolve) => {
    const stop = subscribe((snapshot) => {
      if (!test(snapshot)) return;
      stop();
      resolve(snapshot);
    });
  });
}

const firstTitle = (snapshot: ContentSnapshot) => snapshot.pack.slides[0]?.text.en?.title;

describe('the HTTP bridge on the real browser host', () => {
  it('gets the snapshot the host serves, from a page under any base path', async () => {
    host = await start();
    const bridge = createHttpBridge({ baseUrl: new URL('index.html?kiosk=1', host.url).href });
    const snapshot = await bridge.getContentSnapshot();
    expect(snapshot).toEqual(await host.snapshot());
    expect(firstTitle(snapshot)).toBe('First slide');
  });

  it('receives a saved edit as a pushed snapshot', async () => {
    host = await start();
    const bridge = createHttpBridge({ baseUrl: host.url });
    const pushed = nextSnapshot(bridge.onContentSnapshot, (snapshot) => firstTitle(snapshot) === 'First slide, edited');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const file = path.join(pack.dir, 'slides/first.md');
    await pack.write('slides/first.md', (await readFile(file, 'utf8')).replace('title: First slide', 'title: First slide, edited'));
    expect(firstTitle(await pushed)).toBe('First slide, edited');
  });

  it('says which request failed when the host is gone, and follows the host again once it is back', async () => {
    host = await start();
    const { port } = new URL(host.url);
    const bridge = createHttpBridge({ baseUrl: host.url });
    const pushedAfterRestart = nextSnapshot(bridge.onContentSnapshot, (snapshot) => firstTitle(snapshot) === 'First slide, after the restart');
    await host.stop();
    await expect(bridge.getContentSnapshot()).rejects.toThrow();

    host = await start(['--port', port]);
    await pack.write('slides/first.md', (await readFile(path.join(pack.dir, 'slides/first.md'), 'utf8')).replace('title: First slide', 'title: First slide, after the restart'));
    expect(firstTitle(await pushedAfterRestart)).toBe('First slide, after the restart');
  }, 40_000);
  it('reloads the page when the host comes back serving it with other scripts (the app was updated)', async () => {
    host = await start();
    const { port } = new URL(host.url);
    let reloaded!: () => void;
    const reload = new Promise<void>((resolve) => (reloaded = resolve));
    const bridge = createHttpBridge({ baseUrl: host.url, pageUrl: host.url, pageScripts: () => [new URL('assets/index-0ld8u1ld.js', host!.url).href], reloadPage: () => reloaded() });
    await connected(bridge);
    await host.stop();
    host = await start(['--port', port]);
    await reload;
  }, 40_000);

  it('carries on without reloading when the host comes back serving the same page, and checks only after a drop', async () => {
    host = await start();
    const { port } = new URL(host.url);
    const running = scriptsOfPage(await (await fetch(host.url)).text(), host.url);
    expect(running.some((script) => /\/assets\/[^/]+\.js$/.test(script))).toBe(true);
    let reloads = 0;
    let checks = 0;
    let checked!: () => void;
    const check = new Promise<void>((resolve) => (checked = resolve));
    const bridge = createHttpBridge({
      baseUrl: host.url,
      pageUrl: host.url,
      pageScripts: () => {
        checks += 1;
        checked();
        return running;
      },
      reloadPage: () => (reloads += 1),
    });
    await connected(bridge);
    expect(checks).toBe(0);
    await host.stop();
    host = await start(['--port', port]);
    await check;
    // The decision follows the comparison at once, in the same turn.
    await new Promise((resolve) => setImmediate(resolve));
    expect({ checks, reloads }).toEqual({ checks: 1, reloads: 0 });
  }, 40_000);
});
