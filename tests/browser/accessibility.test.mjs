// The accessibility mirror (web/a11y.js, src/ui/a11y_tree.h), tested the way
// assistive technology sees the page: by roles and names in the accessibility
// tree and with the keyboard; never welkomTest.itemRect or coordinates.
// welkomTest.state() is only read to check what the app did.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeCheck } from './lib/axe.mjs';
import { startApp } from './lib/harness.mjs';

async function openDemoMatching(app, names) {
  const page = app.page;
  await page.getByRole('button', { name: names.demo, exact: true }).click();
  await app.waitForState((s) => s.rosterOpen && s.demo);
  await page.getByRole('tab', { name: names.matching }).click();
  await page.getByRole('tab', { name: names.matching, selected: true }).waitFor();
}

// A tab chosen as a keyboard user does: focus it, press Enter. (A pointer
// that jumps from one tab onto another and clicks within one frame is not
// seen as hovering the second by Dear ImGui 1.86; people move in between.)
async function selectTab(app, name) {
  const page = app.page;
  await page.getByRole('tab', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor({ state: 'attached' });
}

const english = { demo: 'Try with fictitious people', matching: 'Matching', run: 'Run matching' };
const dutch = { demo: 'Probeer met fictieve mensen', matching: 'Koppelen', run: 'Koppeling berekenen' };

test('a coordinator session by roles, names and keys only', async (t) => {
  const app = await startApp(t, { viewport: { width: 1600, height: 1000 } });
  const page = app.page;
  await openDemoMatching(app, english);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  // A weight set with the slider's own keys: one undo step.
  const age = page.getByRole('slider', { name: 'Age', exact: true });
  assert.equal(await age.getAttribute('aria-valuetext') ?? await age.inputValue(), '0.5');
  await age.focus();
  await page.keyboard.press('ArrowRight');
  await app.waitForState((s) => /Age|age/.test(s.undoLabel));
  await page.waitForFunction(() => {
    const el = [...document.querySelectorAll('#a11y input[type=range]')].find((e) => e.getAttribute('aria-label') === 'Age');
    return el && el.value === '0.6';
  });

  // Run with Enter on the focused button.
  await page.getByRole('button', { name: english.run }).focus();
  await page.keyboard.press('Enter');
  const run = await app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
  const grid = page.getByRole('grid');
  await grid.getByRole('columnheader', { name: 'Household' }).waitFor({ state: 'attached' });
  await app.screenshot('a11y-matching-run');

  // Select the first pair's row by its button, read the explanation as the row's description.
  const household = Object.keys(run.groupOf).find((h) => !run.fixedHouseholds.includes(h));
  const pairButton = grid.getByRole('button', { name: new RegExp(`^${household}\\s`) });
  await pairButton.focus();
  await page.keyboard.press('Enter');
  await app.waitForState((s) => s.selectedPair.startsWith(household + ' '));
  const selectedRow = grid.locator('[role=row][aria-selected=true]');
  await selectedRow.waitFor({ state: 'attached' });  // a row is a layout-less group
  const description = await selectedRow.evaluate((row) => {
    const id = row.getAttribute('aria-describedby');
    return id ? document.getElementById(id).textContent : '';
  });
  assert.match(description, /Age|Language|interests/i, `the explanation is the row's description: "${description}"`);

  // Pin it, accept the proposal, undo (Ctrl+Z goes on to the app from a focused button).
  const before = await app.state();
  await page.getByRole('button', { name: 'Pin this pair' }).focus();
  await page.keyboard.press('Enter');
  const pinned = await app.waitForState((s) => s.constraints === before.constraints + 1);
  assert.match(pinned.undoLabel, /^Pin /);
  await page.getByRole('button', { name: english.run }).focus();
  await page.keyboard.press('Enter');
  await app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
  const beforeAccept = await app.state();
  await page.getByRole('button', { name: 'Accept proposal' }).focus();
  await page.keyboard.press('Enter');
  const accepted = await app.waitForState((s) => s.matches > beforeAccept.matches);
  assert.equal(accepted.undoLabel, 'Accept proposal');
  await page.getByRole('menuitem', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: /^Undo/ }).focus();
  await page.keyboard.press('Enter');
  await app.waitForState((s) => s.matches === beforeAccept.matches);
  app.assertClean();
});

for (const [lang, names] of [['en', english], ['nl', dutch]]) {
  test(`axe-core finds no WCAG 2.1 A/AA violations on the start page and every panel (${lang})`, async (t) => {
    const app = await startApp(t, { query: `lang=${lang}`, viewport: { width: 1600, height: 1000 } });
    await app.waitFrames(3);
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), lang);
    await axeCheck(app, `start (${lang})`, 5);
    await openDemoMatching(app, names);
    await app.page.getByRole('button', { name: names.run }).click();
    await app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
    await app.page.getByRole('grid').waitFor({ state: 'attached' });
    await app.waitFrames(3);
    await axeCheck(app, `matching (${lang})`, 40);
    // Then every other panel, by its tab.
    const tabs = (await app.page.getByRole('tab').allTextContents()).map((name) => name.trim());
    assert.ok(tabs.length >= 8, `panels' tabs: ${tabs.join(', ')}`);
    for (const name of tabs.filter((n) => n !== names.matching)) {
      await selectTab(app, name);
      await app.waitFrames(3);
      await axeCheck(app, `${name} (${lang})`, 10);
    }
    app.assertClean();
  });
}

test("Chromium's accessibility tree names every button, tab, slider and cell of the Matching panel", async (t) => {
  const app = await startApp(t, { viewport: { width: 1600, height: 1000 } });
  await openDemoMatching(app, english);
  await app.page.getByRole('button', { name: english.run }).click();
  await app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
  await app.page.getByRole('grid').waitFor({ state: 'attached' });
  await app.waitFrames(3);
  const session = await app.page.context().newCDPSession(app.page);
  const { nodes } = await session.send('Accessibility.getFullAXTree');
  const counts = {};
  const unnamed = [];
  for (const node of nodes) {
    const role = node.role && node.role.value;
    if (!['button', 'tab', 'slider', 'cell', 'gridcell', 'columnheader'].includes(role) || node.ignored) continue;
    counts[role] = (counts[role] || 0) + 1;
    if (!node.name || !String(node.name.value).trim()) unnamed.push(`${role} ${node.backendDOMNodeId}`);
  }
  assert.ok(counts.tab >= 8, `tabs: ${JSON.stringify(counts)}`);
  assert.ok(counts.slider >= 7, `sliders: ${JSON.stringify(counts)}`);
  assert.ok(counts.button >= 10, `buttons: ${JSON.stringify(counts)}`);
  assert.ok((counts.gridcell || 0) + (counts.cell || 0) >= 20, `cells: ${JSON.stringify(counts)}`);
  assert.deepEqual(unnamed, [], 'every one has a name');
  app.assertClean();
});

// The Overview's heatmap is a picture; its table form gives the same scores
// to the keyboard and screen readers (issue 16, item 4).
test('the Overview heatmap as tables: a household picked by keyboard, each group\'s score, standing and reasons as cells',
  async (t) => {
    const app = await startApp(t, { viewport: { width: 1600, height: 1400 } });
    const page = app.page;
    await openDemoMatching(app, english);
    await page.getByRole('button', { name: english.run }).click();
    const run = await app.waitForState((s) => s.matchingRevision === s.revision && s.matchingPairs > 0);
    await selectTab(app, 'Overview');
    const toggle = page.getByRole('checkbox', { name: 'Scores as a table' });
    await toggle.focus();
    await page.keyboard.press('Space');
    const gridWith = (header) => page.getByRole('grid').filter({ has: page.getByRole('columnheader', { name: header, exact: true }) });
    const households = gridWith('Household');
    const groups = gridWith('Why');
    await groups.waitFor({ state: 'attached' });
    await app.screenshot('a11y-overview-table');

    // A proposed pair, not pinned or active, whose household and group rows are both on screen.
    const firstWord = (text) => text.trim().split(/\s+/)[0];
    const shownHouseholds = (await households.getByRole('button').allTextContents()).map(firstWord);
    const groupCells = await groups.locator('[role=row]').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent)).filter((c) => c.length === 4));
    const shownGroups = groupCells.map((cells) => firstWord(cells[0]));
    const [household, group] = Object.entries(run.groupOf).find(([h, g]) =>
      !run.fixedHouseholds.includes(h) && shownHouseholds.includes(h) && shownGroups.includes(g)) || [];
    assert.ok(household, `a proposed pair on screen (households ${shownHouseholds.length}, groups ${shownGroups.length})`);

    await households.getByRole('button', { name: new RegExp(`^${household}\\s`) }).focus();
    await page.keyboard.press('Enter');
    await households.locator('[role=row][aria-selected=true]', { hasText: household }).waitFor({ state: 'attached' });
    const readRow = () => groups.locator('[role=row]').evaluateAll((rows, g) => rows
      .map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent))
      .find((cells) => cells.length === 4 && cells[0].trim().split(/\s+/)[0] === g), group);
    let cells;
    for (let i = 0; i < 50 && !(cells && cells[2] === 'In the proposal.'); i++) {
      cells = await readRow();
      if (!cells || cells[2] !== 'In the proposal.') await app.waitFrames(2);
    }
    assert.ok(cells, `the row of ${group}`);
    assert.equal(cells[2], 'In the proposal.', `standing of ${household} with ${group}: ${JSON.stringify(cells)}`);
    assert.match(cells[1], /^\d\.\d\d$/, 'the score as a number');
    assert.match(cells[3], /(Age|Language bridge|Shared interests|Goals|Family|Availability|Nearness) \d\.\d\d: /,
      `reasons in words: ${cells[3]}`);
    app.assertClean();
  });
