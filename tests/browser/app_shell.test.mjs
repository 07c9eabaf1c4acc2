// The app shell: loads without network or console errors, renders frames,
// shows its name and version, and reacts to real clicks found by label.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { distDir, startApp } from './lib/harness.mjs';

test('page loads, renders and answers the test interface', async (t) => {
  const app = await startApp(t);
  const before = await app.frameCount();
  await app.waitFrames(5);
  assert.ok((await app.frameCount()) >= before + 5, 'frames keep coming');
  const state = await app.state();
  assert.equal(state.rosterOpen, false);
  assert.deepEqual(state.panels, ['start']);
  assert.equal(state.language, 'en');
  assert.equal(await app.itemRect('No such item anywhere'), null);
  await app.screenshot('start-screen');
  app.assertClean();
});

test('clicking "Try with fictitious people" opens a demo labelled DEMO', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  const state = await app.state();
  assert.equal(state.rosterOpen, true);
  assert.equal(state.demo, true);
  assert.ok(state.panels.includes('programme'));
  assert.ok(await app.findItem('DEMO'), 'a DEMO badge is on screen');
  await app.screenshot('demo-open');
  app.assertClean();
});

test('the interface switches to Dutch through the menu', async (t) => {
  const app = await startApp(t);
  await app.click('menu-language');
  await app.click('Nederlands');
  assert.equal((await app.state()).language, 'nl');
  assert.ok(await app.findItem('Probeer met fictieve mensen'));
  app.assertClean();
});

test('the canvas follows window resizes and device pixel ratio', async (t) => {
  const app = await startApp(t, { deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
  const size = () => app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.getBoundingClientRect().width };
  });
  let s = await size();
  assert.equal(s.w, 1800, 'canvas pixels = CSS pixels x devicePixelRatio');
  assert.equal(s.cssW, 900);
  await app.page.setViewportSize({ width: 1100, height: 640 });
  await app.waitFrames(5);
  s = await size();
  assert.equal(s.w, 2200);
  assert.equal(s.h, 1280);
  // Items are still found at their CSS position after the resize.
  const r = await app.findItem('Try with fictitious people');
  assert.ok(r.x > 0 && r.x + r.w <= 1100, `button inside the tab: ${JSON.stringify(r)}`);
  await app.screenshot('hidpi-start');
  app.assertClean();
});

// WCAG 1.4.4: text resizes to 200 %. The browser's own text size setting
// (CDP Page.setFontSizes is that setting) starts the interface larger; browser
// zoom (a smaller CSS viewport at a higher pixel ratio) keeps the layout in CSS
// pixels, so everything is drawn larger and stays on screen.
test('the browser\'s text size setting and zoom to 200 % enlarge the interface', async (t) => {
  const normal = await startApp(t);
  const base = await normal.findItem('Try with fictitious people');
  const large = await startApp(t, {
    beforeLoad: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    },
  });
  assert.equal(await large.page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');
  const larger = await large.findItem('Try with fictitious people');
  assert.ok(Math.abs(larger.h / base.h - 1.5) < 0.1, `button height ${base.h} -> ${larger.h} CSS px at a 24 px text size`);
  await large.screenshot('text-size-24px');

  const zoomed = await startApp(t, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const atZoom = await zoomed.findItem('Try with fictitious people');
  assert.ok(Math.abs(atZoom.h - base.h) < 1, 'the same CSS size, so twice the device pixels');
  assert.ok(atZoom.x >= 0 && atZoom.x + atZoom.w <= 640 && atZoom.y + atZoom.h <= 400,
    `on screen at 200 % zoom: ${JSON.stringify(atZoom)}`);
  await zoomed.screenshot('zoom-200');
  for (const app of [normal, large, zoomed]) app.assertClean();
});

test('the page forbids network connections in its Content-Security-Policy', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(csp, 'CSP meta tag present');
  assert.match(csp[1], /connect-src 'none'/);
  assert.match(csp[1], /default-src 'none'/);
  assert.doesNotMatch(html, /https?:\/\//, 'no absolute URL anywhere in the page');
});

test('the harness fails a test on console errors and on requests leaving the origin', async (t) => {
  const app = await startApp(t);
  app.assertClean();
  await app.page.evaluate(() => console.error('deliberate test error'));
  await app.page.evaluate(() => { const img = new Image(); img.src = 'https://example.invalid/pixel.png'; });
  await app.waitFrames(3);
  assert.throws(() => app.assertClean(), /console errors|outside the page origin/);
  assert.ok(app.problems.consoleErrors.some((e) => e.includes('deliberate test error')));
});

test('a browser without WebGL2 gets a clear message instead of a blank page', async (t) => {
  const app = await startApp(t, {
    waitForFrames: false,
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    },
  });
  const text = await app.page.locator('#status-text').textContent({ timeout: 10000 });
  assert.match(text, /WebGL2/);
  assert.equal(await app.page.evaluate(() => typeof window.Module), 'undefined', 'the app was not started');
  await app.screenshot('no-webgl2');
  app.assertClean();
});

test('a browser without WebAssembly gets a clear message', async (t) => {
  const app = await startApp(t, { waitForFrames: false, initScript: () => { delete window.WebAssembly; } });
  const text = await app.page.locator('#status-text').textContent({ timeout: 10000 });
  assert.match(text, /WebAssembly/);
  app.assertClean();
});
