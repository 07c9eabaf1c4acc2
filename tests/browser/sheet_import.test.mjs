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
import { dropFiles, startApp } from './lib/harness.mjs';
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
