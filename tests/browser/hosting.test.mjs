// dist/ on a static host under a sub-path (https://example.org/some/sub/path/):
// every URL the app uses is relative, so it starts, runs the demo and saves
// (in its worker) with no request outside that folder and no 404; the worker
// runs under the page's Content-Security-Policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';
import { saveWithPassphrase } from './lib/roster_files.mjs';
import { assertWorkerPolicyBlocks } from './lib/worker_policy.mjs';

test('dist/ served under /some/sub/path/: the app starts, the demo runs, nothing is missing', async (t) => {
  const prefix = '/some/sub/path/';
  const app = await startApp(t, { prefix });
  await app.click('Try with fictitious people');
  await app.waitForState((s) => s.demo && s.households > 0);
  await app.click('matching');
  await app.click('Run matching');
  await app.waitForState((s) => s.matchingPairs > 0 && !s.busy);
  await app.screenshot('hosting-sub-path');
  // Saving encrypted starts the worker: its scripts come from the sub-path too.
  const saved = await saveWithPassphrase(app);
  assert.equal(saved.suggestedFilename(), 'demo-programme.welkom.age');

  // The worker (it sees the passphrase and the decrypted roster) runs under
  // the page's policy: started from a Blob, it inherits connect-src 'none'.
  // The probe is a file the host would serve, so only the policy stops it.
  const attempt = await assertWorkerPolicyBlocks(app, `${app.origin}${prefix}favicon.svg?probe-from-worker`);
  assert.ok(attempt.workerUrls.every((url) => url.startsWith('blob:')), `workers: ${attempt.workerUrls}`);
  assert.ok(!app.server.requests.some((url) => url.includes('probe-from-worker')), 'the probe never reached the host');

  assert.deepEqual(app.server.misses, [], 'requests the host could not answer');
  for (const file of ['index.html', 'boot.js', 'welkom-payload.js', 'welkom.js', 'welkom-worker.js',
    'welkom-worker-payload.js']) {
    assert.ok(app.server.requests.some((url) => url.startsWith(prefix + file)), `${file} loaded from the sub-path`);
  }
  assert.deepEqual(app.problems.failedResponses, [], 'failed responses');
  const outside = app.problems.requests.filter((url) => !url.startsWith(app.origin + prefix));
  assert.deepEqual(outside, [], 'requests outside the sub-path');
  app.assertClean();
});
