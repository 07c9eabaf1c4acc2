// Information evening: the guided demo tour from the start screen to the end
// (mouse and keyboard, English with one step in Dutch, and all in Dutch), and
// presentation mode: the proposal builds up, the what-if slider moves it.
// Writes the user guides' pictures with WELKOM_UPDATE_GUIDE_IMAGES=1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from './lib/harness.mjs';
import { kLabels, runDemoTour, shot } from './lib/tour.mjs';

for (const language of ['en', 'nl']) {
  test(`guided demo tour to the end (${language}), then save asks for a passphrase`, async (t) => {
    const app = await startApp(t, { query: `lang=${language}` });
    const shots = await runDemoTour(app, { language, guide: true });
    assert.ok(shots.length >= 8, `a screenshot per step (${shots.length})`);
    const end = await app.state();
    assert.equal(end.demo, true);
    assert.equal(end.tourActive, false);

    // Saving: the passphrase dialog (the guide explains it).
    await app.click('menu-file');
    await app.click(language === 'en' ? 'Save encrypted' : 'Versleuteld opslaan');
    await app.waitForState((s) => s.passphrasePrompt === 'save');
    await shot(app, `save-${language}`, `save-${language}`);
    app.assertClean();
  });

  test(`presentation mode (${language}): build-up, then the what-if slider changes the proposal`, async (t) => {
    const app = await startApp(t, { query: `lang=${language}&present=1` });
    let s = await app.waitForState((x) => x.presentation);
    assert.ok(s.uiScale >= 1.75, `large scale (${s.uiScale})`);
    await app.click(kLabels[language].demo);
    s = await app.waitForState((x) => x.panels.includes('present') && x.presentPairs > 0);
    assert.ok(s.presentLinks < s.presentPairs, 'links appear one by one');
    await shot(app, `present-${language}-building`);
    s = await app.waitForState((x) => x.presentLinks === x.presentPairs, 10000);
    await shot(app, `present-${language}-built`, `present-${language}`);

    // Drag the what-if weight to the right end with the mouse.
    const before = s;
    const slider = await app.findItem('whatif');
    const grabX = slider.x + slider.w * (before.whatIfWeight / 3);
    const y = slider.y + slider.h / 2;
    await app.page.mouse.move(grabX, y);
    await app.waitFrames(1);
    await app.page.mouse.down();
    await app.waitFrames(1);
    for (const f of [0.4, 0.7, 1.0]) {
      await app.page.mouse.move(grabX + (slider.x + slider.w + 10 - grabX) * f, y);
      await app.waitFrames(2);
    }
    await app.page.mouse.up();
    // The what-if runs are worker jobs: wait for the run of the last setting.
    s = await app.waitForState((x) => x.whatIfWeight >= 2.9 && !x.whatIfPending);
    assert.equal(s.whatIfCriterion, 'interests');
    assert.ok(s.presentChanged > 0, `the proposal changed (${s.presentChanged} pairs)`);
    assert.equal(s.undoLabel, '', 'a what-if is not an edit');
    assert.equal(s.unsaved, false);
    await shot(app, `present-${language}-whatif`, `present-whatif-${language}`);

    // Adopting the weight is one undoable edit.
    await app.click(language === 'en' ? 'Adopt this weight' : 'Dit gewicht overnemen');
    s = await app.waitForState((x) => x.undoLabel === 'Change weight of interests');
    assert.equal(s.presentChanged, 0);

    // View > Presentation mode leaves it: normal scale, the matching tab in front.
    await app.click('menu-view');
    await app.click('menu-presentation');
    s = await app.waitForState((x) => !x.presentation);
    assert.equal(s.uiScale, 1);
    assert.deepEqual(s.panels, ['matching']);
    app.assertClean();
  });
}
