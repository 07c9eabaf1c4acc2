// The page's Content-Security-Policy inside its worker (issue 17): the worker
// handles decrypted rosters and passphrases, so a request it attempts must be
// blocked by the policy (connect-src 'none'), not merely fail.
//
//   const attempt = await requestFromWorker(app, url);
//   assert.equal(attempt.outcome, 'refused');
//   assert.deepEqual(attempt.violations, ['connect-src']);
import assert from 'node:assert/strict';

// Waits for the app's worker (started by the first job), then has it fetch
// `url`; returns what happened and the policy violations the worker saw.
export async function requestFromWorker(app, url) {
  let workers = [];
  for (let i = 0; i < 100 && workers.length === 0; i++) {
    workers = app.page.workers();
    if (workers.length === 0) await app.page.waitForTimeout(100);
  }
  assert.ok(workers.length > 0, 'the app started a worker');
  const results = [];
  for (const worker of workers) {
    results.push(await worker.evaluate((target) => new Promise((resolve) => {
      const violations = [];
      self.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const settle = (outcome, detail) => setTimeout(() => resolve({ outcome, detail, violations }), 300);
      try {
        fetch(target).then((r) => settle('fetched', String(r.status)), (e) => settle('refused', String(e)));
      } catch (e) {
        settle('refused', String(e));
      }
    }), url));
  }
  return { workerUrls: workers.map((w) => w.url()), results };
}

// Asserts that every worker of the app had its request to `url` refused by the
// page's policy (connect-src), and drops the console report of that refusal,
// which is expected, from the page's console errors.
export async function assertWorkerPolicyBlocks(app, url) {
  const attempt = await requestFromWorker(app, url);
  for (const result of attempt.results) {
    assert.equal(result.outcome, 'refused', `request from the worker: ${JSON.stringify(result)}`);
    assert.deepEqual(result.violations, ['connect-src'], `the policy refused it: ${JSON.stringify(result)}`);
  }
  app.problems.consoleErrors = app.problems.consoleErrors.filter(
    (text) => !(text.includes('Content Security Policy') && text.includes(url)));
  return attempt;
}
