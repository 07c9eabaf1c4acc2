// The coordinator's workspace: households and groups tables with editors,
// undo/redo of edits, jumping from a problem to its record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';

test('edit a household\'s interests, undo with Ctrl+Z and redo with Ctrl+Shift+Z', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  const original = await app.state();
  await app.click('households');
  await app.click('h1');
  assert.ok(await app.findItem('Display name'), 'editor of h1 open');
  await app.screenshot('panel-households');
  await app.click('Cooking');
  const edited = await app.waitForState((s) => s.undoLabel === 'Edit household h1');
  assert.equal(edited.unsaved, true);
  assert.notEqual(edited.rosterDigest, original.rosterDigest);

  await app.click('households');  // focus back on the workspace, not a text field
  await app.press('Control+z');
  const undone = await app.waitForState((s) => s.rosterDigest === original.rosterDigest);
  assert.equal(undone.undoLabel, '');
  await app.press('Control+Shift+z');
  await app.waitForState((s) => s.rosterDigest === edited.rosterDigest);

  await app.click('groups');
  await app.click('g1');
  assert.ok(await app.findItem('Capacity'), 'group editor open');
  await app.screenshot('panel-groups');
  app.assertClean();
});

test('a problem jumps to its record', async (t) => {
  const app = await startApp(t);
  await app.click('Try with fictitious people');
  const state = await app.state();
  assert.ok(state.problems > 0, 'the demo has warnings to look at');
  await app.click('problems');
  await app.screenshot('panel-problems');
  await app.click('Show');
  const after = await app.state();
  assert.ok(after.panels.includes('households') || after.panels.includes('groups'), JSON.stringify(after.panels));
  app.assertClean();
});
