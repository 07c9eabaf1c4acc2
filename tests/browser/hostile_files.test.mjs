// Hostile files dropped on the page (issue 17): a file far over the size limit
// and a record-count bomb for each count limit under it. Each is refused with its own message, the
// open roster and its unsaved edit stay exactly as they were, the wasm heap
// stays small, and nothing is written to the console as an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropMadeFile, startApp } from './lib/harness.mjs';
import { runMatching } from './lib/matching_steps.mjs';
import { renameProgramme } from './lib/roster_files.mjs';

const kHeapBudget = 300 * 1024 * 1024;

const kRoster = '{"format":"welkom-roster","version":1,';

// One list just over each count limit but the households' (dropped as 63 MB
// above), as tests/memory/count_bomb_test.cpp has them natively and in wasm.
const kCountBombs = [
  { code: 'limit.groups', words: /more than 100,000 welcome groups/, prefix: kRoster + '"groups":[', element: '{}', count: 100001, suffix: ']}' },
  { code: 'limit.group_members', words: /1,000 members in one group/, prefix: kRoster + '"groups":[{},{"members":[', element: '{}', count: 1001, suffix: ']}]}' },
  { code: 'limit.household_members', words: /100 members in one household/, prefix: kRoster + '"households":[{"members":[', element: '{}', count: 101, suffix: ']}]}' },
  { code: 'limit.matches', words: /200,000 matches/, prefix: kRoster + '"matches":[', element: '0', count: 200001, suffix: ']}' },
  { code: 'limit.check_ins', words: /1,000,000 check-ins/, prefix: kRoster + '"checkIns":[', element: '0', count: 1000001, suffix: ']}' },
  { code: 'limit.constraints', words: /200,000 constraints/, prefix: kRoster + '"constraints":[', element: '0', count: 200001, suffix: ']}' },
];

const heapBytes = (app) => app.page.evaluate(() => window.Module.HEAPU8.length);

test('a 200 MB drop and a bomb for each count limit are refused; the open roster and its unsaved edit stay', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  await app.waitForState((s) => s.demo && s.households > 0);
  const edited = await renameProgramme(app, 'Testprogramma Voorbeeldstad 2028');

  // 200 MB: refused from File.size before a byte is read into the page.
  const heapBefore = await heapBytes(app);
  await dropMadeFile(app, 'huge.welkom.age', { zeros: 200 * 1024 * 1024 });
  const huge = await app.waitForState((s) => s.lastErrorCode === 'file.error');
  assert.match(huge.lastError, /^"huge\.welkom\.age": This file is larger than 96 MB/);
  assert.equal(await heapBytes(app), heapBefore, 'the heap did not grow for a refused file');
  await app.screenshot('hostile-drop-200mb');
  for (const key of ['rosterDigest', 'households', 'unsaved', 'undoLabel', 'demo']) {
    assert.deepEqual(huge[key], edited[key], `${key} after the 200 MB drop`);
  }

  // 63 MB of "1," as households: under the size limit, refused by the
  // pre-scan's count before the parser allocates 33 million values.
  await dropMadeFile(app, 'bomb.json', { prefix: kRoster + '"households":[', element: '1', suffix: ']}',
    count: Math.floor((63 * 1024 * 1024 - kRoster.length - 20) / 2) });
  const bomb = await app.waitForState((s) => s.lastErrorCode !== '' && s.lastErrorCode !== 'file.error', 120000);
  assert.match(bomb.lastError, /more than 100,000 households/, bomb.lastError);
  await app.screenshot('hostile-drop-count-bomb');
  for (const key of ['rosterDigest', 'households', 'unsaved', 'undoLabel', 'demo']) {
    assert.deepEqual(bomb[key], edited[key], `${key} after the count bomb`);
  }
  for (const made of kCountBombs) {
    await dropMadeFile(app, `${made.code}.json`, made);
    const refused = await app.waitForState((s) => s.lastErrorCode === made.code, 60000);
    assert.match(refused.lastError, made.words, refused.lastError);
    for (const key of ['rosterDigest', 'households', 'unsaved', 'undoLabel', 'demo']) {
      assert.deepEqual(refused[key], edited[key], `${key} after the ${made.code} bomb`);
    }
  }
  const heap = await heapBytes(app);
  assert.ok(heap < kHeapBudget, `wasm heap ${(heap / 2 ** 20).toFixed(0)} MiB after refusing the bombs`);
  console.log(`# heap: ${(heapBefore / 2 ** 20).toFixed(0)} MiB before, ${(heap / 2 ** 20).toFixed(0)} MiB after the bomb`);
  app.assertClean();
});

// A worker can die mid-task (out of memory in a huge matching, an internal
// error). Here the next call into the matching worker names a function it
// does not have, so it throws, uncaught, as a crashing worker does; the page
// must fail that one task with a message and go on.
test('a worker that dies mid-matching: a message, the roster and its edit stay, the next run works', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  await app.waitForState((s) => s.demo && s.households > 0);
  await renameProgramme(app, 'Testprogramma Voorbeeldstad 2028');
  await app.click('matching');
  const first = await runMatching(app);
  const edited = await app.state();
  assert.ok(edited.unsaved, 'the rename is still unsaved');

  await app.page.evaluate(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
      if (message && message.funcName === 'welkom_worker_run') {
        Worker.prototype.postMessage = post;  // once
        message = { ...message, funcName: 'welkom_no_such_function' };
      }
      return post.call(this, message, transfer);
    };
  });
  await app.click('Run matching');
  const failed = await app.waitForState((s) => s.lastErrorCode === 'job.worker_stopped' && !s.busy, 30000);
  assert.match(failed.lastError, /stopped because of an internal error\. Your roster and unsaved changes are still open/);
  await app.screenshot('worker-stopped');
  for (const key of ['rosterDigest', 'households', 'unsaved', 'undoLabel', 'demo']) {
    assert.deepEqual(failed[key], edited[key], `${key} after the worker stopped`);
  }
  assert.equal(failed.matchingPairs, first.matchingPairs, 'the earlier run is still shown');

  const again = await runMatching(app);
  assert.ok(again.matchingPairs > 0, 'a new worker runs the next matching');
  app.assertClean();
});
