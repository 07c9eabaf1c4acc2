// The public sign-up page (dist/signup.html, issue #14) in Chromium, and a
// programme key made with Welkom's own CLI, so that what the page makes can
// be opened by the `age` CLI and imported by `welkom import-signups`.
//
//   const programme = makeProgramme(dir);              // roster with a key, identity file, public key
//   const form = await openSignup(t, { fragment: signupFragment(programme, 'household'), locale: 'ar' });
//   await form.tabTo('Age in years');                  // Tab until that field has the focus
//   await fillHousehold(form, await form.texts('ar'), { name: 'Familie Testfictief', ... });
//   form.assertClean();                                // no console error, nothing but its own files
//
// openSignup(t, { link }) opens a link as the app shows it (the page on the
// app's own server, the fragment as given) instead of serving dist/ itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { artifactsDir, distDir, launchWatched } from './harness.mjs';
import { serveStatic } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// The native CLI: `./build-wasm.sh test` builds it before the browser tests.
export const cliPath = resolve(process.env.WELKOM_CLI || join(here, '../../../build/native/welkom'));
export const kPassphrase = 'fictitious programme passphrase';

export function welkomCli(args, options = {}) {
  assert.ok(existsSync(cliPath), `the native CLI is needed at ${cliPath} (set WELKOM_CLI)`);
  return execFileSync(cliPath, args, { env: { ...process.env, WELKOM_PASSPHRASE: kPassphrase }, encoding: 'utf8', ...options });
}

// An encrypted demo roster with a programme key; its identity exported.
export function makeProgramme(dir) {
  mkdirSync(dir, { recursive: true });
  const plain = join(dir, 'programme-0.welkom.age');
  const roster = join(dir, 'programme.welkom.age');
  const identity = join(dir, 'programme-key.txt');
  welkomCli(['demo', '--encrypt', '--work-factor', '10', '-o', plain]);
  welkomCli(['programme-key', 'create', plain, '-o', roster, '--work-factor', '10', '--created', '2026-12-06T09:00:00Z']);
  welkomCli(['programme-key', 'export', roster, '-o', identity]);
  const shown = welkomCli(['programme-key', 'show', roster]);
  const key = shown.match(/age1[0-9a-z]+/)[0];
  const fingerprint = shown.match(/[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}/)[0];
  return { dir, roster, identity, key, fingerprint, name: 'Samen Hier Testdorp' };
}

export function signupFragment(programme, form) {
  return '#' + new URLSearchParams({ v: '1', form, programme: programme.name, key: programme.key }).toString();
}

// Opens the page (served, a link on another server, or the single file from
// disk) with every request but its own files aborted and recorded.
export async function openSignup(t, { fragment = '', link = null, locale = 'en-US', file = null, viewport = { width: 800, height: 900 } } = {}) {
  const server = file || link ? null : await serveStatic(distDir);
  const base = file ? pathToFileURL(file).href : link ? link.split('#')[0] : `${server.origin}/signup.html`;
  const origin = file ? null : new URL(base).origin;
  const allowed = (url) => (file ? url.split('#')[0] === base : url.startsWith(origin + '/'));
  const { browser, page, problems } = await launchWatched({ viewport, locale }, allowed, { warningsAreErrors: true });
  t.after(async () => { await browser.close(); if (server) await server.close(); });
  await page.goto(link || base + fragment);
  await page.waitForFunction(() => window.welkomSignupReady === true, null, { timeout: 30000 });
  return new SignupForm(page, problems, server);
}

class SignupForm {
  constructor(page, problems, server) {
    this.page = page;
    this.problems = problems;
    this.server = server;
  }

  // The page's texts in a language (from its own module).
  texts(language) {
    return this.page.evaluate((l) => JSON.parse(Module.ccall('welkom_signup_setup', 'string', ['string'], [l])), language);
  }

  // The name of the focused control: its label, else its aria-label, else its text.
  focusedName() {
    return this.page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return '';
      if (e.labels && e.labels.length) return e.labels[0].textContent;
      return e.getAttribute('aria-label') || e.textContent;
    });
  }

  // Presses Tab until the focused element's name is `name` (or, unless
  // exact, starts with it: "(optional)" may follow), the way a keyboard user
  // moves through the form. `control`: only a form field counts (not a link
  // in the list of problems that starts with the field's name).
  async tabTo(name, { exact = false, control = false, limit = 400 } = {}) {
    for (let i = 0; i < limit; i++) {
      const focused = await this.focusedName();
      const isControl = !control || await this.page.evaluate(() => document.activeElement.matches('input, select, textarea'));
      if (isControl && (exact ? focused === name : focused.startsWith(name))) return;
      await this.page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached "${name}"`);
  }

  async fill(name, text) {
    await this.tabTo(name, { control: true });
    await this.page.keyboard.type(text);
  }

  // Moves the <select> named `name` to the option with `value` with the arrow keys.
  async chooseOption(name, value) {
    await this.tabTo(name, { exact: true, control: true });
    const { from, to } = await this.page.evaluate((v) => {
      const s = document.activeElement;
      return { from: s.selectedIndex, to: Array.from(s.options).findIndex((o) => o.value === v) };
    }, value);
    assert.ok(to >= 0, `no option ${value} in "${name}"`);
    for (let i = from; i < to; i++) await this.page.keyboard.press('ArrowDown');
    for (let i = from; i > to; i--) await this.page.keyboard.press('ArrowUp');
    assert.equal(await this.page.evaluate(() => document.activeElement.value), value, `"${name}" set to ${value}`);
  }

  // Space on a check box (it must end up checked).
  async check(name) {
    await this.tabTo(name, { exact: true, control: true });
    await this.page.keyboard.press('Space');
    assert.equal(await this.page.evaluate(() => document.activeElement.checked), true, `"${name}" checked`);
  }

  // Says how much a criterion matters (the page's "What matters to you"), by
  // keyboard: Tab enters the criterion's radio group at its checked radio
  // ("No answer" at first), the arrow keys move to `level` ('' for no answer).
  async choosePriority(criterion, level) {
    const group = `f-priorities-${criterion}`;
    for (let i = 0; i < 400 && await this.page.evaluate(() => document.activeElement.name) !== group; i++)
      await this.page.keyboard.press('Tab');
    const { from, to } = await this.page.evaluate((l) => {
      const radios = Array.from(document.getElementsByName(document.activeElement.name));
      return { from: radios.indexOf(document.activeElement), to: radios.findIndex((r) => r.value === l) };
    }, level);
    assert.ok(from >= 0 && to >= 0, `Tab never reached "${criterion}" ${level}`);
    for (let i = from; i < to; i++) await this.page.keyboard.press('ArrowDown');
    for (let i = from; i > to; i--) await this.page.keyboard.press('ArrowUp');
    assert.deepEqual(await this.page.evaluate(() => [document.activeElement.name, document.activeElement.value]),
      [group, level], `"${criterion}" set to ${level}`);
  }

  async press(name, key = 'Enter') {
    await this.tabTo(name, { exact: true });
    await this.page.keyboard.press(key);
  }

  async screenshot(name) {
    mkdirSync(artifactsDir, { recursive: true });
    await this.page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  }

  // Saves the encrypted file through the download link, by keyboard.
  async download(name, dir) {
    await this.tabTo(name, { exact: true });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.keyboard.press('Enter')]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    return { path, name: download.suggestedFilename() };
  }

  // Nothing in the browser's storage.
  async assertNothingStored() {
    const stored = await this.page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
      databases: indexedDB.databases ? (await indexedDB.databases()).length : 0
    }));
    assert.deepEqual(stored, { local: 0, session: 0, cookies: '', databases: 0 });
  }

  assertClean() {
    assert.deepEqual(this.problems.consoleErrors, [], 'console errors or warnings');
    assert.deepEqual(this.problems.foreignRequests, [], 'requests outside the page');
    assert.deepEqual(this.problems.failedResponses, [], 'failed responses');
  }
}

// The page's criteria in the order of its "What matters to you" (web/signup.js).
const kCriteria = ['interests', 'age', 'language', 'goals', 'family', 'availability', 'distance'];

// A household in the page's language, by keyboard only. `x` is the page's
// texts; `priorities` how much criteria matter ({ language: 'very_important' }).
export async function fillHousehold(form, x, { name, ownScript, adultAge, childAge, language, priorities = { interests: 'important' } }) {
  const tx = x.texts;
  const choice = (kind, code) => x.choices[kind].find((c) => c.code === code).label;
  await form.fill(tx['field.display_name'], name);
  await form.fill(tx['field.own_script_name'], ownScript);
  await form.fill(tx['field.municipality'], 'Haarlem');
  await form.fill(tx['member.age'], String(adultAge));
  await form.chooseOption(tx['language.name'], language);
  await form.chooseOption(tx['language.level'], 'native');
  await form.press(tx['button.add_language'].replace('{0}', '1'));  // focus moves to the new row's language
  await form.chooseOption(tx['language.name'], 'nl');
  await form.chooseOption(tx['language.level'], 'unknown');
  await form.press(tx['button.add_member']);                        // focus moves to person 2's age
  await form.page.keyboard.type(String(childAge));
  await form.chooseOption(tx['member.role'], 'child');
  await form.check(choice('interests', 'cooking'));
  for (const criterion of kCriteria.filter((c) => c in priorities)) await form.choosePriority(criterion, priorities[criterion]);
  await form.check(tx['consent.matching']);
}

// Five fictitious members of one welcome group.
export const kMemberNames = ['Testpersoon Een', 'Testpersoon Twee', 'Testpersoon Drie', 'Testpersoon Vier', 'Testpersoon Vijf'];

// Members of one welcome group in Dutch, one form each (the page reloaded in
// between), by keyboard only; the first is the group's coordinator. Checks,
// sends and saves each into `dir`; returns the files ({ path, name }).
// `summaryShot`: a screenshot of the first one's summary by that name.
export async function signUpGroupMembers(form, names, dir, { group = 'Buurtgroep Fictief', summaryShot = null } = {}) {
  const tx = (await form.texts('nl')).texts;
  const files = [];
  for (const [i, name] of names.entries()) {
    if (i > 0) {
      await form.page.reload();
      await form.page.waitForFunction(() => window.welkomSignupReady === true);
    }
    await form.fill(tx['field.group_name'], group);
    await form.fill(tx['field.group_municipality'], 'Haarlem');
    if (i === 0) await form.check(tx['field.is_coordinator']);
    await form.fill(tx['field.member_name'], name);
    await form.fill(tx['member.age'], String(30 + i * 7));
    await form.chooseOption(tx['language.name'], 'nl');
    await form.chooseOption(tx['language.level'], 'native');
    await form.check(tx['consent.matching']);
    await form.press(tx['button.check']);
    await form.page.waitForSelector('#summary');
    if (i === 0 && summaryShot) await form.screenshot(summaryShot);
    await form.press(tx['button.send']);
    files.push(await form.download(tx['button.download'], dir));
  }
  return files;
}
