// A coordinator's matching session in the browser: run, open a pair's
// explanation, forbid it with a reason, re-run and see another group, pin
// another pair, undo the pin, accept the proposal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';

test('run -> explain -> forbid with a reason -> re-run -> pin -> undo -> accept', async (t) => {
  const app = await startApp(t, { viewport: { width: 1600, height: 1000 } });
  await app.click('Try with fictitious people');
  await app.click('matching');
  await app.click('Run matching');
  const run = await app.waitForState((s) => s.matchingPairs > 0);
  await app.screenshot('panel-matching');

  // Open the explanation of a proposed pair.
  const free = (s, h) => !s.fixedHouseholds.includes(h);  // not pinned or active: the engine may move it
  const firstHousehold = Object.keys(run.groupOf).find((h) => free(run, h));
  await app.click(`pair-${firstHousehold}`);
  const opened = await app.waitForState((s) => s.selectedPair !== '');
  const [household, group] = opened.selectedPair.split(' ');
  assert.ok(await app.findItem('Pin this pair'));
  await app.screenshot('pair-explanation');

  // Forbid it with a reason, then re-run: the household gets another group (or none).
  await app.click('##reason');
  await app.type('Kennen elkaar al van school');
  await app.click('Forbid this pair');
  await app.waitForState((s) => s.undoLabel === `Forbid ${household} - ${group}`);
  await app.click('Run matching');
  const rerun = await app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
  assert.notEqual(rerun.groupOf[household], group);
  await app.screenshot('after-forbid');

  // Pin another pair, then undo the pin with Ctrl+Z.
  const other = Object.keys(rerun.groupOf).find((h) => h !== household && free(rerun, h));
  await app.click(`pair-${other}`);
  await app.waitForState((s) => s.selectedPair.startsWith(other + ' '));
  await app.click('Pin this pair');
  await app.waitForState((s) => s.undoLabel.startsWith(`Pin ${other} - `));
  await app.click('matching');
  await app.press('Control+z');
  await app.waitForState((s) => s.undoLabel === `Forbid ${household} - ${group}`);

  // Accept: proposed matches appear, nothing else is decided.
  const before = (await app.state()).matches;
  await app.click('Run matching');
  await app.click('Accept proposal');
  const accepted = await app.waitForState((s) => s.matches > before);
  assert.equal(accepted.undoLabel, 'Accept proposal');
  app.assertClean();
});
