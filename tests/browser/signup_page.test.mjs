// The public sign-up page (issue #14): filled with the keyboard only in
// Arabic (right to left) and Ukrainian, five group members in Dutch; what it
// makes opens with the `age` CLI and the exported programme key, and imports
// into the programme's roster with `welkom import-signups`. axe-core finds
// nothing in any language, every field is named by its label in Chromium's
// accessibility tree, nothing is requested but the page's own files (also as
// a single file from disk), and nothing is stored.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { distDir } from './lib/harness.mjs';
import { fillHousehold, kMemberNames, makeProgramme, openSignup, signUpGroupMembers, signupFragment, welkomCli } from './lib/signup_page.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const work = mkdtempSync(join(tmpdir(), 'welkom-signup-'));
const programme = makeProgramme(join(work, 'programme'));
test.after(() => rmSync(work, { recursive: true, force: true }));

const kOwnFiles = ['signup.html', 'signup.css', 'signup.js', 'welkom-signup-payload.js', 'welkom-signup.js', 'favicon.svg'];

function decrypt(path) {
  return JSON.parse(execFileSync('age', ['-d', '-i', programme.identity, path], { encoding: 'utf8' }));
}

test('household sign-up in Arabic by keyboard: right to left, checked, encrypted; age opens it, Welkom imports it', async (t) => {
  const form = await openSignup(t, { fragment: signupFragment(programme, 'household'), locale: 'ar' });
  assert.deepEqual(await form.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  const x = await form.texts('ar');
  assert.equal(await form.page.textContent('#fingerprint-code'), programme.fingerprint, 'the key\'s check code is shown');
  assert.ok(await form.page.isVisible('#unreviewed'), 'an unreviewed translation says so');
  assert.match(await form.page.textContent('h1'), /Samen Hier Testdorp/);
  await form.screenshot('signup-household-ar-empty');

  await fillHousehold(form, x, { name: 'Familie Testfictief', ownScript: 'عائلة تجريبية', adultAge: 34, childAge: 7, language: 'ar' });
  await form.press(x.texts['button.check']);
  await form.page.waitForSelector('#summary');
  assert.equal(await form.page.evaluate(() => document.activeElement.id), 'summary-title', 'focus moves to the summary');
  const summary = await form.page.textContent('#summary');
  assert.ok(summary.includes('عائلة تجريبية') && summary.includes('Haarlem'), summary);
  await form.screenshot('signup-household-ar-summary');

  await form.press(x.texts['button.send']);
  await form.page.waitForSelector('#done');
  const file = await form.download(x.texts['button.download'], work);
  assert.match(file.name, /^aanmelding-[0-9a-f]{8}\.welkom-signup\.age$/, 'the name says nothing about the person');
  await form.screenshot('signup-household-ar-done');

  const doc = decrypt(file.path);
  assert.equal(doc.format, 'welkom-signup');
  assert.equal(doc.form, 'household');
  assert.equal(doc.language, 'ar');
  assert.equal(doc.programme.fingerprint, programme.fingerprint);
  assert.equal(doc.household.displayName, 'Familie Testfictief');
  assert.equal(doc.household.nameInOwnScript, 'عائلة تجريبية');
  assert.deepEqual(doc.household.members.map((m) => [m.age, m.role]), [[34, 'adult'], [7, 'child']]);
  assert.deepEqual(doc.household.members[0].languages, { ar: 'native', nl: 'unknown' });
  assert.deepEqual(doc.household.interests, ['cooking']);
  assert.deepEqual(doc.priorities, { interests: 'important' });
  assert.equal(doc.consent.toMatching, true);
  assert.equal(doc.consent.toResearch, false);

  const preview = welkomCli(['import-signups', '--into', programme.roster, '-i', programme.identity, '--dry-run', file.path]);
  assert.ok(preview.includes(`adds household ${doc.household.id}`), preview);
  await form.assertNothingStored();
  const own = new Set(form.problems.requests.map((u) => new URL(u).pathname.slice(1)));
  assert.deepEqual([...own].filter((f) => !kOwnFiles.includes(f)), [], 'only the page\'s own files');
  for (const f of kOwnFiles.filter((f) => f !== 'favicon.svg')) assert.ok(own.has(f), `${f} loaded`);
  form.assertClean();
});

test('household sign-up in Ukrainian: an empty form lists its problems, each next to its field, then goes through', async (t) => {
  const form = await openSignup(t, { fragment: signupFragment(programme, 'household'), locale: 'uk-UA' });
  const x = await form.texts('uk');
  assert.equal(await form.page.evaluate(() => document.documentElement.lang), 'uk');
  await form.press(x.texts['button.check']);
  await form.page.waitForSelector('#problems');
  assert.equal(await form.page.evaluate(() => document.activeElement.id), 'problems', 'focus moves to the list of problems');
  const title = await form.page.textContent('#problems-title');
  assert.ok(!/[A-Za-z]/.test(title), `the problems' title is in Ukrainian: ${title}`);
  // Each problem is next to its field, tied to it for screen readers.
  const tied = await form.page.evaluate(() => Array.from(document.querySelectorAll('[aria-invalid=true]')).map((c) => ({
    id: c.id, said: (c.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ')
  })));
  const byId = Object.fromEntries(tied.map((c) => [c.id, c.said]));
  assert.ok(byId['f-household-displayName'].includes(x.texts['check.required']), JSON.stringify(tied));
  assert.ok(byId['f-household-members-0-age'].includes(x.texts['check.required']), JSON.stringify(tied));
  await form.screenshot('signup-household-uk-problems');

  await fillHousehold(form, x, { name: 'Rodyna Vyhadana', ownScript: 'Родина Вигадана', adultAge: 41, childAge: 12, language: 'uk' });
  await form.press(x.texts['button.check']);
  await form.page.waitForSelector('#summary');
  await form.press(x.texts['button.send']);
  const file = await form.download(x.texts['button.download'], work);
  const doc = decrypt(file.path);
  assert.equal(doc.language, 'uk');
  assert.equal(doc.household.nameInOwnScript, 'Родина Вигадана');
  assert.deepEqual(doc.household.members[0].languages, { uk: 'native', nl: 'unknown' });
  form.assertClean();
});

test('five members of one welcome group sign up in Dutch; the import makes the group', async (t) => {
  const names = kMemberNames;
  const form = await openSignup(t, { fragment: signupFragment(programme, 'group-member'), locale: 'nl-NL' });
  const files = (await signUpGroupMembers(form, names, work, { summaryShot: 'signup-member-nl-summary' })).map((f) => f.path);
  const docs = files.map(decrypt);
  assert.deepEqual(docs.map((d) => d.groupMember.name), names);
  assert.deepEqual(docs.map((d) => d.isGroupCoordinator), [true, false, false, false, false]);
  const preview = welkomCli(['import-signups', '--into', programme.roster, '-i', programme.identity, '--lang', 'nl', '--dry-run', ...files]);
  // One new group (the first file), the four others join it.
  for (const d of docs) assert.ok(preview.includes(d.groupMember.id), preview);
  const groups = new Set(preview.match(/g-signup-\d+/g));
  assert.equal(groups.size, 1, preview);
  form.assertClean();
});

// axe-core (WCAG 2.1 A and AA) with zero violations, and Chromium's
// accessibility tree names every field by its label, in every language.
test('axe-core and the accessibility tree, both forms in all six languages', async (t) => {
  for (const kind of ['household', 'group-member']) {
    const form = await openSignup(t, { fragment: signupFragment(programme, kind) });
    const languages = (await form.texts('en')).languages.map((l) => l.code);
    assert.deepEqual(languages, ['nl', 'en', 'ar', 'uk', 'fa', 'ti']);
    for (const language of languages) {
      await form.page.selectOption('#language', language);
      await form.page.waitForFunction((l) => document.documentElement.lang === l, language);
      // Errors shown too: their markup is checked as well.
      await form.page.click('#check');
      await form.page.waitForSelector('#problems');
      await form.page.evaluate(axeSource);
      const result = await form.page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
      }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${kind} ${language}`);
      const controls = await form.page.evaluate(() => Array.from(document.querySelectorAll('input, select, textarea'))
        .map((c) => ({ id: c.id, label: c.labels && c.labels.length ? c.labels[0].textContent : '' })));
      assert.ok(controls.length > (kind === 'household' ? 60 : 40), `${kind} ${language}: ${controls.length} controls`);
      const cdp = await form.page.context().newCDPSession(form.page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      const named = nodes.filter((n) => ['textbox', 'combobox', 'checkbox', 'radio', 'spinbutton'].includes(n.role?.value) && !n.ignored);
      assert.equal(named.length, controls.length, `${kind} ${language}: every control is in the tree`);
      const names = new Set(named.map((n) => n.name?.value || ''));
      for (const c of controls) assert.ok(c.label && names.has(c.label), `${kind} ${language}: ${c.id} named "${c.label}"`);
      if (language === 'ar' || language === 'ti') await form.screenshot(`signup-${kind}-${language}-problems`);
    }
    form.assertClean();
  }
});

test('a link without its key says so; the single file works from disk with no request', async (t) => {
  const broken = await openSignup(t, { fragment: '#v=1&form=household&programme=X' });
  assert.ok(await broken.page.isVisible('#bad-link'));
  assert.equal(await broken.page.$('form'), null, 'no form to fill in for nobody');
  broken.assertClean();

  const single = await openSignup(t, { file: join(distDir, 'welkom-signup.html'), fragment: signupFragment(programme, 'household') });
  const x = await single.texts('en');
  await single.page.fill('#f-household-displayName', 'Familie Testfictief');
  await single.page.fill('#f-household-municipality', 'Haarlem');
  await single.page.fill('#f-household-members-0-age', '29');
  await single.page.click('#check');
  await single.page.click('#send');
  const file = await single.download(x.texts['button.download'], work);
  assert.equal(decrypt(file.path).household.displayName, 'Familie Testfictief');
  assert.deepEqual(single.problems.requests.filter((u) => !u.startsWith('file:')), [], 'no request but the file itself');
  await single.assertNothingStored();
  single.assertClean();
});
