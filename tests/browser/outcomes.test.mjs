// Outcomes and learning in the browser: enter a check-in for an active demo
// match with real clicks and keys, see the charts, add a prepared research
// extract through the file chooser, run the learning, adopt the proposed
// weights and undo that with Ctrl+Z.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { artifactsDir, startApp } from './lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// Fictitious rows with known effects (tests/fixtures/research/make_research_fixture.mjs).
const kResearchFile = join(here, '../fixtures/research/research-fictitious.csv');

// "Today" is fixed so the demo's due list is the same on every run: match m1
// (active since March 2025) has its 12-month check-in due.
const kQuery = 'lang=en&today=2026-03-20';

async function chooseFile(app, label, file) {
  const chooser = app.page.waitForEvent('filechooser');
  await app.click(label);
  await (await chooser).setFiles(file);
}

test('check-in -> charts -> research extract -> learning -> adopt weights -> undo', async (t) => {
  const app = await startApp(t, { query: kQuery, viewport: { width: 1600, height: 1000 } });
  await app.click('Try with fictitious people');
  const opened = await app.waitForState((s) => s.rosterOpen && s.today === '2026-03-20');
  const checkInsBefore = opened.checkIns;

  // The due list offers m1's 12-month check-in; enter it with real clicks and keys.
  await app.click('outcomes');
  await app.waitForState((s) => s.panels.includes('outcomes'));
  await app.screenshot('panel-outcomes-due');
  await app.click('Enter##due-m1-month_12');
  await app.click('answered##ci-household');
  await app.click('##ci-household-value');
  await app.press('Control+a');
  await app.type('5');
  await app.click('answered##ci-group');
  await app.click('##ci-group-value');
  await app.press('Control+a');
  await app.type('4');
  await app.click('answered##ci-meetings');
  await app.click('##ci-meetings-value');
  await app.press('Control+a');
  await app.type('3');
  await app.click('Save check-in');
  const saved = await app.waitForState((s) => s.checkIns === checkInsBefore + 1);
  assert.equal(saved.undoLabel, 'Add check-in month_12 to match m1');
  assert.equal(saved.errorCount, 0);
  await app.screenshot('panel-outcomes-entered');

  // An impossible value is refused with the field named, and nothing changes.
  await app.click('##ci-household-value');
  await app.press('Control+a');
  await app.type('9');
  await app.click('Save check-in');
  const refused = await app.waitForState((s) => s.errorCount > 0);
  assert.equal(refused.lastErrorCode, 'checkin.invalid');
  assert.match(refused.lastError, /householdSatisfaction/);
  assert.equal(refused.rosterDigest, saved.rosterDigest);
  await app.screenshot('check-in-refused');
  await app.click('Dismiss');
  await app.waitForState((s) => s.errorCount === 0);

  // The charts.
  await app.click('charts');
  await app.waitForState((s) => s.panels.includes('charts'));
  await app.waitFrames(3);
  await app.screenshot('panel-charts');

  // Learning: the demo alone is too little data, so add the prepared extract.
  await app.click('learning');
  await app.waitForState((s) => s.panels.includes('learning'));
  await chooseFile(app, 'Add research extract...', kResearchFile);
  const imported = await app.waitForState((s) => s.researchDatasets === 1);
  assert.equal(imported.researchRows, 240);
  assert.equal(imported.rosterDigest, saved.rosterDigest, 'an extract is not written into the roster');
  await app.click('Run learning');
  const learned = await app.waitForState((s) => s.learningRan);
  assert.ok(learned.learningSamples >= 240);
  assert.equal(learned.learningProposed, true);
  await app.screenshot('panel-learning-proposal');

  // Adopt: the roster's weights become the proposal, as one undoable step.
  const oldWeights = learned.weights;
  await app.click('Adopt these weights');
  const adopted = await app.waitForState((s) => s.undoLabel === 'Adopt learned weights');
  for (const [criterion, weight] of Object.entries(learned.proposedWeights))
    assert.equal(adopted.weights[criterion], weight, criterion);
  assert.notDeepEqual(adopted.weights, oldWeights);
  await app.screenshot('weights-adopted');

  await app.press('Control+z');
  const undone = await app.waitForState((s) => s.undoLabel === 'Add check-in month_12 to match m1');
  assert.deepEqual(undone.weights, oldWeights);

  // The anonymised research export downloads and reports what it did.
  const download = app.page.waitForEvent('download');
  await app.click('Download research extract (CSV)');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'welkom-research.csv');
  const path = join(artifactsDir, 'welkom-research.csv');
  await file.saveAs(path);
  const text = readFileSync(path, 'utf8');
  assert.match(text, /^research_id,score_interests/);
  const exported = await app.waitForState((s) => s.researchExported >= 0);
  assert.equal(text.trim().split('\n').length - 1, exported.researchExported);
  await app.screenshot('research-export-report');
  app.assertClean();
});

test('a damaged research extract is refused with a message and changes nothing', async (t) => {
  const app = await startApp(t, { query: kQuery });
  await app.click('Try with fictitious people');
  const before = await app.waitForState((s) => s.rosterOpen);
  await app.click('learning');
  const broken = join(artifactsDir, 'broken-extract.csv');
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(broken, 'research_id,score_interests\nabc,not-a-number\n');
  await chooseFile(app, 'Add research extract...', broken);
  const refused = await app.waitForState((s) => s.errorCount > 0);
  assert.equal(refused.lastErrorCode, 'research.not_added');
  assert.match(refused.lastError, /^broken-extract\.csv was not added to the learning: /);
  assert.equal(refused.researchDatasets, 0);
  assert.equal(refused.rosterDigest, before.rosterDigest);
  await app.screenshot('research-extract-refused');
  app.assertClean();
});
