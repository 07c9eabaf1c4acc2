// The single-file build (dist/welkom.html, `./build-wasm.sh --single-file`)
// opened straight from disk with every network request blocked: the demo, a
// matching, and saving and reopening an encrypted roster (which needs the
// worker, started from a Blob) all work, and no request leaves the file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { artifactsDir, distDir, startApp } from './lib/harness.mjs';
import { kPassphrase, reloadAndReopen, saveWithPassphrase } from './lib/roster_files.mjs';
import { runDemoTour } from './lib/tour.mjs';
import { assertWorkerPolicyBlocks } from './lib/worker_policy.mjs';

const singleFile = join(distDir, 'welkom.html');
// Without the file the tests cannot run: outside CI that is a printed skip
// (a plain `./build-wasm.sh` does not make it), in CI a failure.
const skip = !existsSync(singleFile) && process.env.CI !== 'true'
  ? `${singleFile} is missing; build it with ./build-wasm.sh --single-file` : false;
if (skip) console.log(`# SKIP single_file.test.mjs: ${skip}`);

// Requests that would have gone over a network (the page's own file and the
// Blob of its worker are not).
const networkRequests = (app) => app.problems.requests.filter((url) => !/^(file|blob|data):/.test(url));

test('welkom.html from disk, network blocked: demo, matching, save and reopen encrypted', { skip }, async (t) => {
  assert.ok(existsSync(singleFile), `${singleFile} is missing: run ./build-wasm.sh --single-file`);
  const html = readFileSync(singleFile, 'utf8');
  assert.match(html, /connect-src 'none'/, 'the policy forbids connections');
  assert.doesNotMatch(html, /<script[^>]* src=|<link[^>]* href="(?!data:)/, 'nothing loaded from another file');

  const app = await startApp(t, { file: singleFile, viewport: { width: 1600, height: 1000 } });
  await app.click('Try with fictitious people');
  const demo = await app.waitForState((s) => s.demo && s.households > 0);
  await app.screenshot('single-file-demo');

  // A matching, clicked through as a coordinator would.
  await app.click('matching');
  await app.click('Run matching');
  const run = await app.waitForState((s) => s.matchingPairs > 0 && !s.busy);
  const household = Object.keys(run.groupOf)[0];
  await app.click(`pair-${household}`);
  await app.waitForState((s) => s.selectedPair.startsWith(household + ' '));
  await app.click('Accept proposal');
  const accepted = await app.waitForState((s) => s.matches > demo.matches);
  await app.screenshot('single-file-matching');

  // Save encrypted (key derivation and encryption run in the Blob worker).
  const saved = await saveWithPassphrase(app);
  const asSaved = await app.state();  // no longer a demo once saved
  assert.equal(asSaved.demo, false);
  const workers = app.page.workers().map((w) => w.url());
  assert.ok(workers.length > 0 && workers.every((url) => url.startsWith('blob:')), `workers: ${workers}`);
  // The Blob worker inherits the page's policy: its own request is refused.
  await assertWorkerPolicyBlocks(app, 'https://example.org/probe-from-worker');
  assert.ok(!app.problems.foreignRequests.some((url) => url.includes('probe-from-worker')), 'refused before the network');
  const file = join(artifactsDir, 'single-file-demo.welkom.age');
  await saved.saveAs(file);
  assert.equal(readFileSync(file).subarray(0, 22).toString(), 'age-encryption.org/v1\n');

  // Reload from disk and open the file again with its passphrase.
  const reopened = await reloadAndReopen(app, file, kPassphrase);
  assert.equal(reopened.rosterDigest, asSaved.rosterDigest, 'the same roster after reopening');
  assert.equal(reopened.matches, accepted.matches);

  const schemes = [...new Set(app.problems.requests.map((url) => url.split(':')[0]))];
  console.log(`# single file: ${app.problems.requests.length} requests recorded (schemes: ${schemes.join(', ')}), ` +
    `${app.problems.foreignRequests.length} aborted; workers: ${workers.join(', ')}`);
  assert.deepEqual(networkRequests(app), [], 'network requests');
  assert.ok(app.problems.requests.length > 0, 'requests are being recorded');
  app.assertClean();
});

// What an information evening does with the USB stick: the guided tour from
// start to end (it runs a matching and pins a pair), offline.
test('welkom.html from disk, network blocked: the demo tour to the end', { skip }, async (t) => {
  const app = await startApp(t, { file: singleFile, viewport: { width: 1280, height: 800 } });
  const shots = await runDemoTour(app, { language: 'en', switchLanguage: false });
  assert.ok(shots.length >= 7, `a screenshot per step: ${shots.length}`);
  const done = await app.state();
  assert.ok(done.matchingPairs > 0, 'the tour ran a matching');
  assert.deepEqual(networkRequests(app), [], 'network requests');
  assert.ok(app.problems.requests.length > 0, 'requests are being recorded');
  app.assertClean();
});

test('welkom.html where the browser refuses storage: a notice, autosave off, no console error', { skip },
  async (t) => {
    // What some browsers do for pages opened from disk or in private windows.
    const refuseStorage = () => Object.defineProperty(window, 'indexedDB', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
    const app = await startApp(t, { file: singleFile, initScript: refuseStorage });
    const noticed = await app.waitForState((s) => s.lastNotice !== '');
    assert.match(noticed.lastNotice, /does not allow Welkom to keep an encrypted autosave/);
    await app.click('Try with fictitious people');
    await app.waitForState((s) => s.demo);
    await app.screenshot('single-file-no-storage');
    assert.deepEqual(networkRequests(app), [], 'network requests');
    app.assertClean();
  });
