// Spreadsheets in the app (issue #15, items 5 and acceptance "in the browser:
// drop the file, preview, apply"): sign-up sheets as programmes keep them are
// dropped on the page, shown as a table with each problem on its cell, and
// imported as one undoable step; a cell with an error is chosen, corrected
// and checked again with the keyboard and the accessibility tree only (roles
// and names), then imported. All people are fictitious.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { axeCheck } from './lib/axe.mjs';
import { dropFiles, dropMadeFile, startApp } from './lib/harness.mjs';
import { renameProgramme } from './lib/roster_files.mjs';
import { shot } from './lib/tour.mjs';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'csv');
const sheet = (name) => ({ name, base64: readFileSync(join(fixtures, name)).toString('base64') });

test('form and Excel exports import as they are; a wrong cell is corrected by keyboard, then imported', async (t) => {
  const app = await startApp(t, { query: 'lang=en' });
  const page = app.page;
  await app.click('Start a new programme');
  await app.waitForState((s) => s.rosterOpen && s.households === 0);

  // An English online-form export (UTF-8 with BOM, Cyrillic names, no levels, one household without consent).
  await dropFiles(app, [sheet('households_en_form_utf8bom.csv')]);
  let s = await app.waitForState((x) => x.sheetImport && x.sheetImport.rows > 0 && !x.sheetImport.checking);
  assert.equal(s.sheetImport.kind, 'households');
  assert.equal(s.sheetImport.errors, 0);
  assert.ok(s.sheetImport.warnings > 0, 'levels and consent missing: warnings');
  assert.equal(s.sheetImport.canImport, true);
  assert.equal(s.households, 0, 'nothing in the roster before Import');
  const rows = s.sheetImport.rows;
  await page.getByRole('dialog', { name: 'Import a spreadsheet' }).waitFor({ state: 'attached' });
  await page.getByRole('gridcell', { name: /^B2: Родина Коваленко/ }).waitFor({ state: 'attached' });
  await shot(app, 'sheet-import-form-export', 'sheet-import-en');
  await axeCheck(app, 'spreadsheet review', 8);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  s = await app.waitForState((x) => x.sheetImport === null && x.households === rows);
  assert.equal(s.undoLabel, 'Import households_en_form_utf8bom.csv');
  assert.ok(s.problems > 0, 'the unknown levels are in Problems');

  // A Dutch Excel member list (Windows-1252, semicolons, multi-line cells): recognised by its group column.
  await dropFiles(app, [sheet('members_nl_excel_cp1252.csv')]);
  s = await app.waitForState((x) => x.sheetImport && x.sheetImport.kind && !x.sheetImport.checking);
  assert.equal(s.sheetImport.kind, 'members');
  assert.equal(s.sheetImport.errors, 0);
  const [, groups, members] = s.sheetImport.adds;
  assert.ok(groups > 0 && members >= groups);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  s = await app.waitForState((x) => x.sheetImport === null && x.groups === groups);

  // A sheet with an age in words: refused cell by cell until corrected.
  const oud = 'naam,gemeente,volwassene1_leeftijd,volwassene1_talen\nFamilie Oud-Test,Rotterdam,veertig,ar:native\n';
  await dropFiles(app, [{ name: 'oud.csv', base64: Buffer.from(oud).toString('base64') }]);
  s = await app.waitForState((x) => x.sheetImport && x.sheetImport.rows === 1 && !x.sheetImport.checking);
  assert.equal(s.sheetImport.errors, 1);
  assert.equal(s.sheetImport.canImport, false);
  const bad = page.getByRole('gridcell', { name: /^C2: veertig \(.*not an age/ });
  await bad.waitFor({ state: 'attached' });
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  assert.equal(await importButton.getAttribute('aria-disabled'), 'true');
  await shot(app, 'sheet-import-error');
  // Choose the cell with the keyboard: focus its button, press Enter.
  await bad.getByRole('button').focus();
  await page.keyboard.press('Enter');
  const value = page.getByRole('textbox', { name: 'Value' });
  await value.waitFor({ state: 'attached' });
  await value.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('40');
  await page.getByRole('button', { name: 'Use this value' }).focus();
  await page.keyboard.press('Enter');
  s = await app.waitForState((x) => x.sheetImport && x.sheetImport.edits === 1 && !x.sheetImport.checking && x.sheetImport.errors === 0);
  await page.getByRole('gridcell', { name: 'C2: 40' }).waitFor({ state: 'attached' });
  await importButton.focus();
  await page.keyboard.press('Enter');
  s = await app.waitForState((x) => x.sheetImport === null && x.households === rows + 1);
  assert.equal(s.undoLabel, 'Import oud.csv');
  app.assertClean();
});

// Hostile or broken sheets dropped on an open roster with an unsaved edit
// (issue #15 with #17): each is refused in the review with its own message,
// Import stays disabled, and after Cancel the roster and its edit are exactly
// as they were.
test('hostile sheets are refused in the review with their own message; the open roster and its unsaved edit stay', async (t) => {
  const app = await startApp(t);
  const page = app.page;
  await app.click('Try with fictitious people');
  await app.waitForState((s) => s.demo && s.households > 0);
  const edited = await renameProgramme(app, 'Testprogramma Voorbeeldstad 2029');
  const unchanged = async (what) => {
    const s = await app.waitForState((x) => x.sheetImport === null);
    for (const key of ['rosterDigest', 'households', 'groups', 'unsaved', 'undoLabel', 'demo']) {
      assert.deepEqual(s[key], edited[key], `${key} after ${what}`);
    }
  };
  const sheets = [
    { name: 'wide.csv', made: { prefix: '', element: 'kolom', count: 600, suffix: '\n' }, words: /more than 512 columns/ },
    { name: 'cells.csv', made: { prefix: '', element: 'x', count: 4000100, separator: '\n', suffix: '\n' }, words: /more than 4000000 fields/ },
    { name: 'huge.csv', made: { zeros: 65 * 1024 * 1024 }, words: /larger than 64 MB/ },
    { name: 'quote.csv', made: { prefix: 'naam,gemeente\n"Familie Open,Rotterdam\n', element: 'x', count: 1, suffix: '' }, words: /never closes/ },
    { name: 'binary.csv', made: { zeros: 1000 }, words: /NUL bytes/ },
    { name: 'incomplete.csv', made: { prefix: 'group,member id,languages\n', element: 'Nergensgroep,g-404-m1,Arabic (A1)', count: 1, suffix: '\n' }, words: /no column for/ },
  ];
  for (const { name, made, words } of sheets) {
    await dropMadeFile(app, name, made);
    const s = await app.waitForState((x) => x.sheetImport && x.sheetImport.kind && !x.sheetImport.checking, 60000);
    assert.ok(s.sheetImport.errors > 0, `${name}: refused`);
    assert.equal(s.sheetImport.canImport, false, `${name}: Import disabled`);
    const dialog = page.getByRole('dialog', { name: 'Import a spreadsheet' });
    await dialog.waitFor({ state: 'attached' });
    if (words) assert.match(await dialog.textContent(), words, `${name}: its own message`);
    assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).getAttribute('aria-disabled'), 'true');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await unchanged(name);
  }
  await app.screenshot('sheet-import-hostile-after');
  app.assertClean();
});

// What a screen reader gets from the review, read from Chromium's own
// accessibility tree in both interface languages: a modal dialog named in the
// language, the sheet as a grid of named cells (a problem in its cell's name),
// each column's field choice and every button named, the row kind's radios
// with the question as their description, and no unnamed control.
for (const [lang, words] of Object.entries({
  en: { dialog: 'Import a spreadsheet', kind: 'Each row is:', household: 'a household', cancel: 'Cancel', age: /^C2: veertig \(.*not an age/ },
  nl: { dialog: 'Rekenblad importeren', kind: 'Elke rij is:', household: 'een huishouden', cancel: 'Annuleren', age: /^C2: veertig \(.*geen leeftijd/ },
})) {
  test(`the spreadsheet review in Chromium's accessibility tree (${lang})`, async (t) => {
    const app = await startApp(t, { query: `lang=${lang}` });
    const page = app.page;
    await app.waitFrames(3);
    const oud = 'naam,gemeente,volwassene1_leeftijd\nFamilie Oud-Test,Rotterdam,veertig\n';
    await dropFiles(app, [{ name: 'oud.csv', base64: Buffer.from(oud).toString('base64') }]);
    await app.waitForState((x) => x.sheetImport && x.sheetImport.rows === 1 && !x.sheetImport.checking);
    await page.getByRole('dialog', { name: words.dialog }).waitFor({ state: 'attached' });
    await app.waitFrames(3);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const live = nodes.filter((n) => !n.ignored && n.role);
    const named = (role, test) => live.filter((n) => n.role.value === role && test(String(n.name?.value ?? '')));
    const dialog = named('dialog', (name) => name === words.dialog);
    assert.equal(dialog.length, 1, 'one dialog named in the language');
    const modal = (dialog[0].properties || []).find((p) => p.name === 'modal');
    assert.equal(modal?.value?.value, true, 'the dialog is modal');
    assert.equal(named('gridcell', (name) => words.age.test(name)).length, 1, 'the wrong cell names its problem');
    assert.ok(named('gridcell', (name) => name === 'A2: Familie Oud-Test').length === 1,
      `a cell is named by its text: ${named('gridcell', () => true).map((n) => n.name?.value).join(' | ')}`);
    const radio = named('radio', (name) => name === words.household);
    assert.equal(radio.length, 1);
    assert.equal(radio[0].description?.value, words.kind, 'the radio carries the question');
    assert.equal(named('button', (name) => name === words.cancel).length, 1);
    const unnamed = live.filter((n) => ['button', 'radio', 'textbox', 'combobox', 'gridcell', 'checkbox'].includes(n.role.value) &&
      !String(n.name?.value ?? '').trim()).map((n) => `${n.role.value} ${n.backendDOMNodeId}`);
    assert.deepEqual(unnamed, [], 'every control and cell has a name');
    await page.getByRole('button', { name: words.cancel, exact: true }).click();
    await app.waitForState((x) => x.sheetImport === null);
    app.assertClean();
  });
}
