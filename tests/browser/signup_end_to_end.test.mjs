// Sign-up end to end (issue #14, the first acceptance line): the coordinator
// creates a programme key in the app and copies the two links; in a second
// browser the household link is filled in Arabic and in Ukrainian with the
// keyboard only, each saying how much a shared language matters, and the
// group-member link in Dutch for five members of one group; the seven files
// the page saves are dropped on the app, previewed, imported, and a matching
// run pairs the new group with a new household, its explanation saying that
// a criterion counted more because the household said it matters to them.
// All people are fictitious.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropFiles, startApp } from './lib/harness.mjs';
import { openExplanation, runMatching, selectedPairExplanation } from './lib/matching_steps.mjs';
import { allowClipboard, announcements, closeSignupForms, copyLink, createProgrammeKey, listenToAnnouncements,
  openSignupForms, startNewProgramme } from './lib/signup_app.mjs';
import { fillHousehold, kMemberNames, openSignup, signUpGroupMembers } from './lib/signup_page.mjs';
import { shot } from './lib/tour.mjs';

const kHouseholds = [
  { locale: 'ar', language: 'ar', name: 'Familie Testfictief', ownScript: 'عائلة تجريبية', adultAge: 34, childAge: 7 },
  { locale: 'uk-UA', language: 'uk', name: 'Rodyna Vyhadana', ownScript: 'Родина Вигадана', adultAge: 41, childAge: 12 },
];
const kPriorities = { interests: 'important', language: 'very_important' };
const kGroupName = 'Buurtgroep Fictief';
// Who a line of the import preview adds: "<file>: adds ...: <who>".
const whoIsAdded = (line) => line.slice(line.lastIndexOf(': ') + 2);

// A household's form from the link, by keyboard: filled, checked, sent, saved into `dir`.
async function signUpHousehold(t, link, household, dir) {
  const form = await openSignup(t, { link, locale: household.locale });
  assert.equal(await form.page.evaluate(() => document.documentElement.lang), household.language);
  const x = await form.texts(household.language);
  const tx = x.texts;
  await fillHousehold(form, x, { ...household, priorities: kPriorities });
  await form.press(tx['button.check']);
  await form.page.waitForSelector('#summary');
  const summary = await form.page.textContent('#summary');
  for (const words of [household.name, household.ownScript, 'Haarlem', tx['priority.language'], tx['importance.very_important']])
    assert.ok(summary.includes(words), `the summary shows "${words}": ${summary}`);
  await form.screenshot(`signup-e2e-household-${household.language}-summary`);
  await form.press(tx['button.send']);
  await form.page.waitForSelector('#done');
  const file = await form.download(tx['button.download'], dir);
  assert.match(file.name, /^aanmelding-[0-9a-f]{8}\.welkom-signup\.age$/);
  await form.assertNothingStored();
  form.assertClean();
  return file;
}

test('sign-up end to end: key in the app, forms in Arabic, Ukrainian and Dutch by keyboard, import, matching with priorities', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'welkom-signup-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));

  // The coordinator: a new programme, its key, the two links.
  const app = await startApp(t, { viewport: { width: 1600, height: 1000 } });
  await allowClipboard(app);
  await startNewProgramme(app);
  await openSignupForms(app);
  await createProgrammeKey(app);
  const householdLink = await copyLink(app, 'household');
  const memberLink = await copyLink(app, 'member');
  assert.match(householdLink, new RegExp(`^${app.origin}/signup\\.html#v=1&form=household&programme=[^&]+&key=age1[0-9a-z]{58}$`));
  assert.equal(memberLink, householdLink.replace('form=household', 'form=group-member'));
  await shot(app, 'signup-e2e-1-links');
  await closeSignupForms(app);  // out of the way of the panels

  // The participants, in browsers of their own: two households, five members of one group.
  const files = [];
  for (const household of kHouseholds) files.push(await signUpHousehold(t, householdLink, household, dir));
  const members = await openSignup(t, { link: memberLink, locale: 'nl-NL' });
  files.push(...await signUpGroupMembers(members, kMemberNames, dir, { group: kGroupName, summaryShot: 'signup-e2e-member-nl-summary' }));
  await members.assertNothingStored();
  members.assertClean();
  assert.equal(new Set(files.map((f) => f.name)).size, 7, 'seven files, each its own name');

  // All seven dropped on the app at once: the preview names every one.
  await listenToAnnouncements(app);
  await dropFiles(app, files.map((f) => ({ name: f.name, base64: readFileSync(f.path).toString('base64') })));
  const previewed = await app.waitForState((s) => s.signupImport && s.signupImport.files === 7);
  assert.deepEqual(previewed.signupImport.refusals, Array(7).fill(''));
  assert.equal(previewed.signupImport.blocked, false);
  assert.equal(previewed.households, 0, 'nothing in the roster before Import');
  await app.findItem('signup-import-apply');
  await app.page.waitForFunction(() => window.welkomSaid.filter((line) => / adds /.test(line)).length >= 7);
  const said = (await announcements(app)).split('\n').filter((line) => / adds /.test(line));
  const newHouseholds = said.filter((line) => / adds household /.test(line));
  assert.equal(newHouseholds.length, 2, said.join('\n'));
  assert.deepEqual(newHouseholds.map(whoIsAdded).sort(), kHouseholds.map((h) => h.name).sort());
  const newGroup = said.filter((line) => / in a new group /.test(line));
  assert.equal(newGroup.length, 1, said.join('\n'));
  assert.equal(whoIsAdded(newGroup[0]), `${kMemberNames[0]} (${kGroupName})`, 'the group\'s coordinator makes the group');
  const group = newGroup[0].match(/ in a new group (\S+):/)[1];
  const joining = said.filter((line) => line.includes(` to group ${group}: `));
  assert.deepEqual(joining.map(whoIsAdded).sort(), kMemberNames.slice(1).map((name) => `${name} (${kGroupName})`).sort());
  await shot(app, 'signup-e2e-2-preview');

  // Imported as one step.
  await app.click('signup-import-apply');
  const imported = await app.waitForState((s) => s.households === 2 && s.groups === 1 && s.signupImport === null);
  assert.equal(imported.importedSignups, 7);
  assert.equal(imported.undoLabel, 'Import 7 sign-ups');

  // A matching run pairs the one group with a new household; its explanation
  // says that a shared language counted more because the household said so.
  await app.click('matching');
  const run = await runMatching(app);
  assert.deepEqual(Object.values(run.groupOf), [group], 'the new group is matched');
  const [household] = await openExplanation(app, Object.keys(run.groupOf)[0]);
  assert.ok(newHouseholds.some((line) => line.includes(` adds household ${household}: `)), `${household} is a new household`);
  const explanation = await selectedPairExplanation(app);
  // The language's words (up to the next criterion, Goals) end with why it counted more; no other criterion moved.
  const language = explanation.split('; Language bridge: ')[1]?.split('; Goals: ')[0];
  assert.match(language ?? '', /; counted more \(\d+ % of its weight\): the household said it matters to them$/, explanation);
  assert.equal(explanation.match(/counted (more|less)/g).length, 1, explanation);
  await shot(app, 'signup-e2e-3-explanation');
  app.assertClean();
});
