// A national-size roster (20,000 households x 20,000 groups, fictitious) in
// the real page: it opens, the matching runs in the worker with progress and
// can be cancelled, a second run completes, and the tables and the overview
// draw, all within the wasm memory limit. Times are printed, not asserted;
// bench/run_browser_large_bench.sh measures them side by side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';

const kSize = 20000;
const kWasmLimit = 2 * 1024 * 1024 * 1024;
const kMinutes = 60 * 1000;

test(`a ${kSize} x ${kSize} roster opens, matches in the background, cancels and draws`, async (t) => {
  const app = await startApp(t, { query: `lang=en&demoSize=${kSize}`, viewport: { width: 1600, height: 1000 } });
  // The full state hashes the whole roster on every poll: use the brief one.
  app.state = () => app.page.evaluate(() => window.welkomTest.state({ brief: true }));
  const note = (text) => { t.diagnostic(text); console.log(text); };
  let start = Date.now();
  await app.click('Try with fictitious people');
  const opened = await app.waitForState((s) => s.rosterOpen, 10 * kMinutes);
  assert.equal(opened.households, kSize);
  assert.equal(opened.groups, kSize);
  note(`demo generated and validated in ${(Date.now() - start) / 1000} s`);

  // A run shows its progress and a Cancel button; cancelling leaves no run.
  await app.click('matching');
  await app.click('Run matching');
  await app.waitForState((s) => s.matchingBusy);
  const framesAtStart = await app.frameCount();
  await app.findItem('Cancel matching');
  await app.screenshot('large-matching-progress');
  await app.click('Cancel matching');
  const cancelled = await app.waitForState((s) => !s.matchingBusy);
  assert.equal(cancelled.matchingPairs, 0, 'the cancelled run left nothing');
  assert.equal(cancelled.errorCount, 0);
  assert.ok(await app.frameCount() > framesAtStart + 3, 'the page kept drawing while the worker ran');

  // Run again to the end, in a fresh worker.
  start = Date.now();
  await app.click('Run matching');
  const matched = await app.waitForState((s) => !s.matchingBusy && (s.matchingPairs > 0 || s.errorCount > 0),
    10 * kMinutes);
  assert.equal(matched.errorCount, 0, matched.lastError);
  assert.ok(matched.matchingPairs > kSize / 2, `matched ${matched.matchingPairs}`);
  note(`scored and matched in the worker in ${(Date.now() - start) / 1000} s: ${matched.matchingPairs} households`);
  await app.screenshot('large-matching-done');

  // Drawing: the clipped households table scrolled far down, and the overview in blocks.
  await app.click('households');
  await app.page.mouse.move(500, 500);
  for (let i = 0; i < 5; i++) { await app.page.mouse.wheel(0, 20000); await app.waitFrames(2); }
  await app.screenshot('large-households');
  await app.click('overview');
  await app.findItem('heatmap');
  await app.screenshot('large-overview');

  const memory = await app.page.evaluate(() => window.welkomTest.memory());
  note(`peak wasm heap: page ${memory.pageHeapBytes >> 20} MiB, matching worker ${memory.workerHeapBytes >> 20} MiB`);
  assert.ok(memory.pageHeapBytes < kWasmLimit && memory.workerHeapBytes < kWasmLimit, JSON.stringify(memory));
  assert.ok(memory.workerHeapBytes > 0, 'the worker reported its heap');
  app.assertClean();
});
