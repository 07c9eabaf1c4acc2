// Shared setup for browser tests: serve dist/, start Debian's Chromium with
// playwright-core, watch for console errors and requests that leave the
// page's origin, and drive the app through window.welkomTest.
//
//   const app = await startApp(t);              // t: node:test context
//   await app.click('Try with fictitious people');
//   assert.equal((await app.state()).demo, true);
//   await app.screenshot('after-demo');
//   app.assertClean();                           // no console error, no foreign request
//
// startApp(t, { prefix: '/a/b/' }) serves dist/ under that path only (a static
// host's sub-folder); startApp(t, { file: '/abs/welkom.html' }) opens the
// single-file build from disk with every request but its own file aborted.
// Either way app.problems.requests lists every request Playwright saw in the
// browser context, app.problems.failedResponses every HTTP status >= 400.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const distDir = resolve(process.env.WELKOM_DIST || join(here, '../../../dist'));
export const artifactsDir = resolve(process.env.WELKOM_ARTIFACTS || join(here, '../artifacts'));
export const chromiumPath = process.env.WELKOM_CHROMIUM || '/usr/bin/chromium';

// Flags for a machine without network: no background traffic of Chromium's own.
export const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--disable-default-apps', '--use-gl=angle',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

// Options: query (address query string), viewport, deviceScaleFactor,
// initScript (runs in the page before its own scripts), beforeLoad (an async
// function given the page before it loads, e.g. for browser settings over
// CDP), waitForFrames (false when the app is expected not to start), prefix
// and file (see above).
// Chromium with one page whose console errors, requests and failed
// responses are recorded; a request `allowed(url)` refuses is aborted and
// listed in problems.foreignRequests. Also the sign-up page's tests use it.
export async function launchWatched(contextOptions, allowed, { warningsAreErrors = false } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const problems = { consoleErrors: [], foreignRequests: [], requests: [], failedResponses: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || (warningsAreErrors && msg.type() === 'warning')) problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  context.on('request', (request) => problems.requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) problems.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  await context.route('**', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    problems.foreignRequests.push(url);
    return route.abort();
  });
  return { browser, context, page, problems };
}

// Drops files ({name, base64}) on the app's canvas as one drop (as from a file manager).
export async function dropFiles(app, files) {
  await app.page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

// Drops a file made inside the page (no 200 MB file on disk): `{ zeros: n }`
// is n zero bytes; `{ prefix, element, count, suffix }` a document of
// `count` copies of `element` (joined by ',', or by `separator`) between them.
export async function dropMadeFile(app, name, made) {
  await app.page.evaluate(({ name, made }) => {
    const separator = made.separator ?? ',';
    const parts = made.zeros !== undefined ? [new Uint8Array(made.zeros)]
      : [made.prefix, (made.element + separator).repeat(made.count - 1), made.element, made.suffix];
    const transfer = new DataTransfer();
    transfer.items.add(new File(parts, name));
    document.getElementById('canvas').dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, made });
}

export async function startApp(t, { query = 'lang=en', viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
  initScript = null, beforeLoad = null, waitForFrames = true, prefix = '/', file = null } = {}) {
  const server = file ? null : await serveStatic(distDir, { prefix });
  const base = file ? pathToFileURL(file).href : `${server.origin}${prefix}index.html`;
  // Where the page may load from: its own server, or only its own file.
  const allowed = (url) => (file ? url === base || url.startsWith(base + '?') : url.startsWith(server.origin + '/'));
  const { browser, page, problems } = await launchWatched({ viewport, deviceScaleFactor }, allowed);
  t.after(async () => { await browser.close(); if (server) await server.close(); });

  if (initScript) await page.addInitScript(initScript);
  if (beforeLoad) await beforeLoad(page);
  await page.goto(`${base}?${query}`);
  const app = new App(page, problems, server ? server.origin : 'file://');
  app.server = server;
  if (waitForFrames) await app.waitFrames(3);
  return app;
}

class App {
  constructor(page, problems, origin) {
    this.page = page;
    this.problems = problems;
    this.origin = origin;
  }

  frameCount() { return this.page.evaluate(() => window.welkomTest.frameCount()); }
  state() { return this.page.evaluate(() => window.welkomTest.state()); }
  itemRect(label) { return this.page.evaluate((l) => window.welkomTest.itemRect(l), label); }

  // Waits until `n` more frames were rendered (the app draws continuously).
  async waitFrames(n = 2, timeout = 30000) {
    const start = await this.page.waitForFunction(() => window.welkomTest && window.welkomTest.frameCount() > 0,
      null, { timeout }).then(() => this.frameCount());
    await this.page.waitForFunction((target) => window.welkomTest.frameCount() >= target, start + n, { timeout });
  }

  // Rectangle of an item by label, waiting for it to appear.
  async findItem(label, timeout = 10000) {
    const handle = await this.page.waitForFunction((l) => window.welkomTest.itemRect(l), label, { timeout })
      .catch(() => null);
    assert.ok(handle, `no item labelled "${label}" on screen`);
    return handle.jsonValue();
  }

  // Scrolls the item's window with the mouse wheel until the item is visible.
  async scrollIntoView(label) {
    let r = await this.findItem(label);
    for (let i = 0; i < 40 && !r.visible; i++) {
      await this.page.mouse.move(r.clip.x + r.clip.w / 2, r.clip.y + r.clip.h / 2);
      const below = r.y > r.clip.y + r.clip.h / 2;
      await this.page.mouse.wheel(0, below ? 120 : -120);
      await this.waitFrames(2);
      r = await this.findItem(label);
    }
    assert.ok(r.visible, `could not scroll "${label}" into view`);
    return r;
  }

  // A real mouse click in the middle of the item, then a few frames for the effect.
  async click(label) {
    await this.waitFrames(2);  // let popups that are closing finish (they would swallow the click)
    const r = await this.scrollIntoView(label);
    await this.page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
    await this.waitFrames(1);
    await this.page.mouse.down();
    await this.waitFrames(1);
    await this.page.mouse.up();
    await this.waitFrames(3);
  }

  // Real key presses into whatever has keyboard focus in the app.
  async type(text) {
    await this.page.keyboard.type(text, { delay: 15 });
    await this.waitFrames(2);
  }

  // Holds the key for at least one frame: Dear ImGui 1.86 samples key state
  // once per frame, so a press and release between two frames would be missed.
  // "Control+A" style chords hold the modifiers around the key.
  async press(chord) {
    const keys = chord.split('+');
    for (const key of keys) await this.page.keyboard.down(key);
    await this.waitFrames(2);
    for (const key of keys.reverse()) await this.page.keyboard.up(key);
    await this.waitFrames(3);
  }

  // Waits until `predicate(state)` holds (state: welkomTest.state()).
  async waitForState(predicate, timeout = 60000) {
    const deadline = Date.now() + timeout;
    let state;
    while (Date.now() < deadline) {
      state = await this.state();
      if (state && predicate(state)) return state;
      await this.page.waitForTimeout(100);
    }
    assert.fail(`timed out waiting for the app; last state: ${JSON.stringify(state)}`);
  }

  async screenshot(name) {
    mkdirSync(artifactsDir, { recursive: true });
    const path = join(artifactsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  assertClean() {
    assert.deepEqual(this.problems.consoleErrors, [], 'console errors');
    assert.deepEqual(this.problems.foreignRequests, [], 'requests outside the page origin');
  }
}
