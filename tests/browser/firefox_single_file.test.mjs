// The single-file build in Debian's Firefox ESR, opened from disk
// (Playwright cannot drive stock Firefox; see lib/marionette.mjs):
//  1. `firefox-esr --headless --screenshot`: the page loads and says what it
//     needs. Headless Firefox on Linux has no WebGL at all (Mozilla bug
//     1375585), so this screenshot shows the app's own "no WebGL2" message,
//     never the app itself.
//  2. firefox-esr on a virtual display (xvfb-run, Mesa's software WebGL),
//     driven through Marionette with http(s) sent to a closed proxy port:
//     the app draws, the demo opens and a matching runs in the Blob worker.
// Both screenshots are checked for content and kept in artifacts/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { artifactsDir, distDir } from './lib/harness.mjs';
import { launchFirefox } from './lib/marionette.mjs';
import { pngStats } from './lib/png.mjs';

const singleFile = join(distDir, 'welkom.html');
const onPath = (program) => {
  try { execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }); return true; } catch { return false; }
};
const missing = [!existsSync(singleFile) && `${singleFile} (./build-wasm.sh --single-file)`,
  !onPath('firefox-esr') && 'firefox-esr (Debian package firefox-esr)',
  !onPath('xvfb-run') && 'xvfb-run (Debian package xvfb)'].filter(Boolean);
const skip = missing.length > 0 && process.env.CI !== 'true' ? `missing ${missing.join(', ')}` : false;
if (skip) console.log(`# SKIP firefox_single_file.test.mjs: ${skip}`);

// Firefox may still be writing its profile for a moment after it quit:
// removal retries instead of failing the test on ENOTEMPTY.
const removeDir = (dir) => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });

function temporaryDir(t, name) {
  const dir = mkdtempSync(join(tmpdir(), name));
  t.after(() => removeDir(dir));
  return dir;
}

function keepScreenshot(name, bytes) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  writeFileSync(path, bytes);
  return path;
}

test('firefox-esr --headless --screenshot: welkom.html loads from disk and shows its own message', { skip },
  async (t) => {
    assert.deepEqual(missing, [], 'needed for this test');
    const profile = temporaryDir(t, 'welkom-ff-headless-');
    const out = join(profile, 'shot.png');
    execFileSync('firefox-esr', ['--headless', '--no-remote', '--profile', profile, '--window-size=1280,800',
      '--screenshot', out, pathToFileURL(singleFile).href], { stdio: 'ignore', timeout: 120000 });
    const stats = pngStats(readFileSync(out));
    keepScreenshot('firefox-headless-screenshot', readFileSync(out));
    assert.equal(stats.width, 1280);
    // Not blank: the status box with its text is drawn on the page colour.
    assert.ok(stats.dominantShare < 0.995 && stats.luminanceSpread > 2, `blank screenshot: ${JSON.stringify(stats)}`);
  });

test('firefox-esr on a virtual display: welkom.html from disk draws, opens the demo and runs a matching', { skip },
  async (t) => {
    assert.deepEqual(missing, [], 'needed for this test');
    // One hook, in this order: Firefox quits first, then its profile goes.
    // (Two hooks ran the removal first; when it threw, Firefox was never
    // quit and its open pipe kept the test runner waiting for ever.)
    const profile = mkdtempSync(join(tmpdir(), 'welkom-ff-'));
    const firefox = await launchFirefox(profile, { width: 1280, height: 800 });
    t.after(async () => {
      try { await firefox.close(); } finally { removeDir(profile); }
    });
    await firefox.navigate(`${pathToFileURL(singleFile).href}?lang=en`);
    await firefox.waitFor('return window.welkomTest && window.welkomTest.frameCount() > 5', { what: 'frames' });
    const status = await firefox.run('return document.getElementById("status").className');
    assert.equal(status, 'hidden', 'the loading/fatal message is gone');

    const clickItem = async (label) => {
      const rect = await firefox.waitFor(`return window.welkomTest.itemRect(${JSON.stringify(label)})`,
        { what: `item "${label}"`, timeout: 20000 });
      await firefox.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
    };
    const waitForState = (condition, what) =>
      firefox.waitFor(`var s = window.welkomTest.state(); return s && (${condition}) ? s : null;`, { what });

    await clickItem('Try with fictitious people');
    const demo = await waitForState('s.demo && s.households > 0', 'the demo');
    await clickItem('matching');
    await clickItem('Run matching');
    const run = await waitForState('s.matchingPairs > 0 && !s.busy', 'a matching from the worker');
    assert.ok(run.matchingPairs > 0);
    const shot = await firefox.screenshot();
    const path = keepScreenshot('firefox-single-file-matching', shot);
    const stats = pngStats(shot);
    assert.ok(stats.colours > 50 && stats.luminanceSpread > 10, `screenshot looks empty (${path}): ${JSON.stringify(stats)}`);
    // Whether this Firefox lets a file:// page keep an autosave: either works, but
    // when it does not, the app must have said so.
    const storage = await firefox.run('return window.welkomTest.state().lastNotice');
    console.log(`# firefox-esr, file://: demo ${demo.households} households, ${run.matchingPairs} pairs; ` +
      `storage notice: ${storage || '(none: IndexedDB available)'}`);
  });
