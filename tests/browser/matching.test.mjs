// A coordinator's matching session in the browser: run, open a pair's
// explanation, forbid it with a reason, re-run and see another group, pin
// another pair, undo the pin, accept the proposal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';
import { constrainSelectedPair, firstFreeHousehold, openExplanation, runMatching } from './lib/matching_steps.mjs';

test('run -> explain -> forbid with a reason -> re-run -> pin -> undo -> accept', async (t) => {
  const app = await startApp(t, { viewport: { width: 1600, height: 1000 } });
  await app.click('Try with fictitious people');
  await app.click('matching');
  const run = await runMatching(app);
  await app.screenshot('panel-matching');

  // Open the explanation of a proposed pair.
  const [household, group] = await openExplanation(app, firstFreeHousehold(run));
  await app.screenshot('pair-explanation');

  // Forbid it with a reason, then re-run: the household gets another group (or none).
  await constrainSelectedPair(app, 'Forbid', 'Kennen elkaar al van school');
  const rerun = await runMatching(app);
  assert.notEqual(rerun.groupOf[household], group);
  await app.screenshot('after-forbid');

  // Pin another pair, then undo the pin with Ctrl+Z.
  await openExplanation(app, firstFreeHousehold(rerun, [household]));
  await constrainSelectedPair(app, 'Pin');
  await app.click('matching');
  await app.press('Control+z');
  await app.waitForState((s) => s.undoLabel === `Forbid ${household} - ${group}`);

  // Accept: proposed matches appear, nothing else is decided.
  const before = (await app.state()).matches;
  await runMatching(app);
  await app.click('Accept proposal');
  const accepted = await app.waitForState((s) => s.matches > before);
  assert.equal(accepted.undoLabel, 'Accept proposal');
  app.assertClean();
});
