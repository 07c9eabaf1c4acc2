// The guided demo tour, driven like a person would: real clicks and keys.
// Shared by tour.test.mjs (served dist/) and the single-file test (file://).
//
//   import { runDemoTour } from './lib/tour.mjs';
//   const app = await startApp(t, { query: 'lang=en' });
//   const shots = await runDemoTour(app);                  // from the start screen to the end
//   await runDemoTour(app, { language: 'nl', guide: true }); // Dutch, pictures for docs/gids.md
//
// Screenshots go to the artifacts folder; with WELKOM_UPDATE_GUIDE_IMAGES=1
// the ones the user guides show are also written to docs/images/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const guideImagesDir = resolve(here, '../../../docs/images');
export const updateGuideImages = process.env.WELKOM_UPDATE_GUIDE_IMAGES === '1';

// Visible labels the tour clicks, per interface language (src/app/texts.inc).
export const kLabels = {
  en: { demoTour: 'Try with fictitious people and a guided tour', demo: 'Try with fictitious people',
    run: 'Run matching', pin: 'Pin this pair', next: 'Next', finish: 'Finish' },
  nl: { demoTour: 'Probeer met fictieve mensen en een rondleiding', demo: 'Probeer met fictieve mensen',
    run: 'Koppeling berekenen', pin: 'Dit paar vastzetten', next: 'Volgende', finish: 'Afronden' },
};

// Takes a screenshot into the artifacts; `guideName` also writes it into
// docs/images/ when the guide's pictures are being regenerated.
export async function shot(app, name, guideName = null) {
  const path = await app.screenshot(name);
  if (guideName && updateGuideImages) {
    mkdirSync(guideImagesDir, { recursive: true });
    await app.page.screenshot({ path: join(guideImagesDir, `${guideName}.png`) });
  }
  return path;
}

// Waits for the tour to be at `step` with that step's panel in front.
async function atStep(app, step, panel) {
  return app.waitForState((s) => s.tourActive && s.tourStep === step && s.panels.includes(panel), 15000);
}

// Runs the whole tour from the start screen. Steps are advanced by mouse
// (Next button) and by keyboard (Right arrow, Enter) in turn. With
// `switchLanguage`, step 3 is also shown in the other language and switched
// back with the tour window's own language button.
// Returns the screenshot paths, one (or two) per step.
export async function runDemoTour(app, { language = 'en', guide = false, switchLanguage = language === 'en' } = {}) {
  const L = kLabels[language];
  const name = (n) => `tour-${language}-${n}`;
  const guideName = (n) => (guide ? `${n}-${language}` : null);
  const shots = [];
  await app.waitForState((s) => s.language === language && !s.rosterOpen);
  shots.push(await shot(app, name('0-start'), guideName('start')));

  // 1. Meet the groups (the start screen's tour button opens the demo and the tour).
  await app.click(L.demoTour);
  let s = await atStep(app, 0, 'groups');
  assert.equal(s.demo, true, 'the tour runs on the demo roster');
  assert.equal(s.tourHighlight, 'groups');
  shots.push(await shot(app, name('1-groups'), guideName('tour-groups')));

  // 2. Meet the households: Next with the mouse.
  await app.click('tour-next');
  await atStep(app, 1, 'households');
  shots.push(await shot(app, name('2-households')));

  // 3. Decide what matters: Right arrow (the tour window has the keyboard focus).
  await app.press('ArrowRight');
  s = await atStep(app, 2, 'matching');
  shots.push(await shot(app, name('3-weights'), guideName('tour-weights')));
  if (switchLanguage) {
    const other = language === 'en' ? 'nl' : 'en';
    await app.click('tour-language');
    await app.waitForState((x) => x.language === other && x.tourStep === 2);
    assert.ok(await app.findItem(kLabels[other].next), 'the tour window speaks the other language');
    shots.push(await shot(app, `tour-${language}-3-weights-${other}`));
    await app.click('tour-language');
    await app.waitForState((x) => x.language === language && x.tourStep === 2);
  }

  // 4. Run the matching: Enter goes on; the step is done once a run exists.
  await app.press('Enter');
  s = await atStep(app, 3, 'matching');
  assert.equal(s.tourStepDone, false);
  assert.equal(s.tourHighlight, L.run);
  shots.push(await shot(app, name('4-run')));
  await app.click(L.run);
  s = await app.waitForState((x) => x.tourStepDone && x.matchingPairs > 0);
  shots.push(await shot(app, name('4-run-done'), guideName('tour-run')));
  // The window took the focus back when the task got done: Right arrow goes on.
  await app.press('ArrowRight');

  // 5. See why a pair was chosen: click the pair the tour points at.
  s = await atStep(app, 4, 'matching');
  assert.match(s.tourHighlight, /^pair-h\d+$/);
  await app.click(s.tourHighlight);
  s = await app.waitForState((x) => x.tourStepDone && x.selectedPair !== '');
  shots.push(await shot(app, name('5-why'), guideName('tour-why')));
  await app.click('tour-next');

  // 6. Try a pin, then finish with Enter.
  s = await atStep(app, 5, 'matching');
  assert.equal(s.tourHighlight, L.pin);
  assert.ok(await app.findItem(L.finish), 'the last step finishes');
  await app.click(L.pin);
  s = await app.waitForState((x) => x.tourStepDone && x.undoLabel.startsWith('Pin '));
  shots.push(await shot(app, name('6-pin'), guideName('tour-pin')));
  await app.press('Enter');
  await app.waitForState((x) => !x.tourActive);
  shots.push(await shot(app, name('7-finished')));
  return shots;
}
