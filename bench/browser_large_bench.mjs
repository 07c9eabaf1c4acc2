// Drives the real app in headless Chromium on a large roster and prints how
// long each step took, the longest frame during it, and the peak memory.
// Run through bench/run_browser_large_bench.sh (it builds and writes the roster).
//
//   node bench/browser_large_bench.mjs ROSTER.json
import { statSync } from 'node:fs';
import { startApp } from '../tests/browser/lib/harness.mjs';

const rosterPath = process.argv[2];
if (!rosterPath) {
  console.error('usage: node bench/browser_large_bench.mjs ROSTER.json');
  process.exit(2);
}

// startApp wants a node:test context only for its clean-up.
const cleanups = [];
const context = { after: (fn) => cleanups.push(fn) };

// Every browser frame's length, recorded by requestAnimationFrame next to the
// app's own loop: a long wasm call on the page shows up as one long frame.
const frameRecorder = () => {
  window.benchFrames = [];
  let last = performance.now();
  const tick = (now) => { window.benchFrames.push(now - last); last = now; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};

const seconds = (ms) => (ms / 1000).toFixed(2);
const mib = (bytes) => (bytes / (1024 * 1024)).toFixed(0);

async function frames(app) {
  const list = await app.page.evaluate(() => window.benchFrames.splice(0));
  const sorted = [...list].sort((a, b) => a - b);
  return { count: list.length, median: sorted[Math.floor(sorted.length / 2)] || 0, longest: sorted[sorted.length - 1] || 0 };
}

async function step(app, rows, name, action, done) {
  await frames(app);  // start a fresh frame record
  const start = Date.now();
  await action();
  const state = await app.waitForState(done, 15 * 60 * 1000);
  const ms = Date.now() - start;
  const f = await frames(app);
  rows.push({ step: name, seconds: seconds(ms), 'longest frame ms': f.longest.toFixed(0), 'median frame ms': f.median.toFixed(0) });
  return state;
}

async function main() {
  const app = await startApp(context, { viewport: { width: 1600, height: 1000 }, initScript: frameRecorder });
  // Poll the brief state: the full one hashes the whole roster each time.
  app.state = () => app.page.evaluate(() => window.welkomTest.state({ brief: true }));
  const rows = [];
  const megabytes = (statSync(rosterPath).size / 1e6).toFixed(1);

  const opened = await step(app, rows, `open + validate (${megabytes} MB JSON)`, async () => {
    const chooser = app.page.waitForEvent('filechooser');
    await app.click('Open a roster file...');
    await (await chooser).setFiles(rosterPath);
  }, (s) => s.rosterOpen || s.lastError !== '');
  if (!opened.rosterOpen) throw new Error(`the roster did not open: ${opened.lastError}`);

  await app.click('matching');
  let sawProgress = false;
  const matched = await step(app, rows, 'score + match (worker, best total)', () => app.click('Run matching'), (s) => {
    sawProgress ||= s.matchingBusy;
    return !s.matchingBusy && (s.matchingPairs > 0 || s.lastError !== '');
  });
  await app.screenshot('large-matching');

  await step(app, rows, 'draw the proposal table (scroll 20x)', async () => {
    const r = await app.findItem('Run matching');
    await app.page.mouse.move(r.x + 200, r.y + 400);
    for (let i = 0; i < 20; i++) { await app.page.mouse.wheel(0, 600); await app.waitFrames(1); }
  }, () => true);

  await app.click('households');
  await step(app, rows, 'draw the households table (scroll 20x)', async () => {
    await app.page.mouse.move(400, 500);
    for (let i = 0; i < 20; i++) { await app.page.mouse.wheel(0, 2000); await app.waitFrames(1); }
  }, () => true);
  await app.screenshot('large-households');

  const memory = await app.page.evaluate(() => window.welkomTest.memory());
  console.log(`\nRoster: ${opened.households} households x ${opened.groups} groups, ${opened.problems} problems listed`);
  console.log(`Proposal: ${matched.matchingPairs} households matched; progress shown during the run: ${sawProgress}`);
  console.table(rows);
  console.log(`Peak wasm heap: page ${mib(memory.pageHeapBytes)} MiB, matching worker ${mib(memory.workerHeapBytes)} MiB ` +
    `(limit 2048 MiB each); Chromium JS heap in use ${memory.jsHeapBytes ? mib(memory.jsHeapBytes) + ' MiB' : 'n/a'}`);
  const problems = app.problems.consoleErrors.concat(app.problems.foreignRequests);
  if (problems.length) throw new Error(`console errors or foreign requests: ${problems.join('; ')}`);
}

try {
  await main();
} finally {
  for (const fn of cleanups.reverse()) await fn();
}
