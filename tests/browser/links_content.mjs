// Browser test of issue 10's content and link semantics: a link defines the whole scene (setState
// and hash changes alike), #preset=NAME opens as choosing it from the menu does, no race with the
// address-bar update, Reset in a lesson or embed brings the lesson back, and run colours follow
// the optimizer across the default page and every preset.
//   node links_content.mjs URL [ARTIFACT_DIR]      (run.sh calls it)
// Prints one line per check and a final "N passed, N failed".
import path from 'node:path';
import { url, artifacts, check, assert, startBrowser, openPage, checkNoConsoleMessages, finish } from './harness.mjs';

const report = [];
const browser = await startBrowser();
const state = page => page.evaluate(() => adamlab.getState());
// What a reader would call the scene (not the step, the frame count or where it is drawn).
const sceneOf = s => JSON.stringify({ problem: s.problem, start: s.start, speed: s.speed, stepLimit: s.stepLimit,
  noise: s.noise, runs: s.runs.map(r => [r.optimizer, r.scheduler, r.visible, r.colour]) });
const viewOf = s => s.view && [s.view.xmin, s.view.xmax, s.view.ymin, s.view.ymax].map(v => +v.toPrecision(9)).join(',');
const frame = page => page.waitForTimeout(120);  // the view in getState is the last drawn frame's

try {
  const page = await openPage(900, 600);

  await check('setState: keys the link leaves out take their defaults, not the previous scene\'s', async () => {
    const fresh = await state(page);  // the page as it opens with no link
    await page.evaluate(() => adamlab.setState('#problem=himmelblau&view=-2,2,-2,2&start=1,1&run=adam:lr=0.05' +
      '&speed=77&limit=900&noise=gaussian:std=0.3&seed=7&autoplay=1'));
    await frame(page);
    const busy = await state(page);
    assert(busy.speed === 77 && busy.stepLimit === 900 && busy.playing, JSON.stringify(busy).slice(0, 200));
    await page.evaluate(() => adamlab.setState('#problem=beale&run=sgd:lr=0.01'));
    await frame(page);
    const s = await state(page);
    const beale = await page.evaluate(() => { const p = adamlab.getState(); return p.problem; });
    assert(s.speed === fresh.speed && s.stepLimit === fresh.stepLimit, `speed ${s.speed}, limit ${s.stepLimit}`);
    assert(!s.playing && s.step === 0, `playing ${s.playing} at ${s.step}`);
    assert(!/view=/.test(s.link) && !/noise=|seed=/.test(s.link) && !/start=/.test(s.link), s.link);
    assert(s.runs.length === 1 && beale.startsWith('beale'), beale);
    // An empty link is the page as it opens.
    await page.evaluate(() => adamlab.setState('#'));
    await frame(page);
    const empty = await state(page);
    assert(sceneOf(empty) === sceneOf(fresh), `${sceneOf(empty)}\nvs\n${sceneOf(fresh)}`);
    assert(viewOf(empty) === viewOf(fresh), `view ${viewOf(empty)} vs ${viewOf(fresh)}`);
    return `after a busy scene: speed ${s.speed}, limit ${s.stepLimit}, no view/noise/start keys`;
  });

  await check('hash change after load: the same as setState (defaults for what it leaves out)', async () => {
    await page.evaluate(() => adamlab.setState('#problem=himmelblau&run=adam&speed=55&limit=700&view=-1,1,-1,1'));
    await page.evaluate(() => { location.hash = '#problem=booth&run=adam:lr=0.1'; });
    await page.waitForTimeout(700);
    const s = await state(page);
    assert(s.problem.startsWith('booth') && s.speed === 150 && s.stepLimit === 3000, `${s.problem} ${s.speed} ${s.stepLimit}`);
    assert(!/view=/.test(s.link), s.link);
    return s.link;
  });

  await check('#preset=NAME opens exactly as choosing it from the menu: playing, same scene and view', async () => {
    const names = (await page.evaluate(() => adamlab.presets())).map(p => p.name);
    const out = [];
    for (const name of ['beta1', 'adam', 'schedule']) {
      assert(names.includes(name), name);
      const byLink = await openPage(900, 600, `#preset=${name}`);
      await byLink.waitForTimeout(400);
      const a = await state(byLink);
      const menu = await openPage(900, 600);
      await menu.evaluate(n => adamlab.loadPreset(n), name);  // what the menu item does
      await menu.waitForTimeout(400);
      const b = await state(menu);
      assert(a.preset === name && a.playing && a.step > 0, `${name}: playing ${a.playing} at step ${a.step}`);
      assert(sceneOf(a) === sceneOf(b), `${name}: ${sceneOf(a)}\nvs menu\n${sceneOf(b)}`);
      assert(viewOf(a) === viewOf(b), `${name}: view ${viewOf(a)} vs ${viewOf(b)}`);
      out.push(`${name} at step ${a.step}`);
      await byLink.close();
      await menu.close();
    }
    // A preset scene paused at step 0 says so in its link, which then opens paused.
    const p = await openPage(900, 600, '#preset=momentum');
    const link = await p.evaluate(() => { adamlab.pause(); adamlab.reset(); adamlab.pause(); return adamlab.getLink(); });
    assert(/autoplay=0/.test(link), link);
    const q = await openPage(900, 600, link);
    await q.waitForTimeout(300);
    const s = await state(q);
    assert(!s.playing && s.step === 0, `${link}: playing ${s.playing} at ${s.step}`);
    await p.close();
    await q.close();
    return out.join(', ');
  });

  await check('a hash change while the page loads, or in its first second, is not undone', async () => {
    const out = [];
    // Before the app is ready (it read the old hash already, or is about to).
    for (const delay of [0, 150, 300]) {
      const p = await browser.newPage({ viewport: { width: 700, height: 450 } });
      await p.goto(url + '#preset=momentum');
      await p.waitForTimeout(delay);
      await p.evaluate(() => { location.hash = '#preset=amsgrad'; });
      await p.evaluate(() => window.adamlab.ready);
      await p.waitForTimeout(1200);
      const r = await p.evaluate(() => ({ preset: adamlab.getState().preset, hash: location.hash }));
      assert(r.preset === 'amsgrad' && r.hash.includes('preset=amsgrad'), `change at ${delay} ms: ${JSON.stringify(r)}`);
      out.push(`${delay} ms`);
      await p.close();
    }
    // After ready, at several points of the half-second address-bar cycle.
    const p = await openPage(700, 450, '#preset=momentum');
    for (const [i, delay] of [0, 120, 240, 360, 480].entries()) {
      const name = i % 2 ? 'beta2' : 'eps';
      await p.waitForTimeout(delay);
      await p.evaluate(n => { location.hash = '#preset=' + n; }, name);
      await p.waitForTimeout(1100);
      const r = await p.evaluate(() => ({ preset: adamlab.getState().preset, hash: location.hash }));
      assert(r.preset === name && r.hash.includes('preset=' + name), `change ${delay} ms into the cycle: ${JSON.stringify(r)}`);
    }
    await p.close();
    return `kept when made ${out.join(', ')} after navigation and at 5 points after ready`;
  });

  await check('Reset in an embedded lesson brings back its start and view; lessonChanged says when it differs', async () => {
    const p = await openPage(480, 320, '#preset=momentum&embed=1&autoplay=1&loop=1');
    await frame(p);
    const lesson = await state(p);
    assert(lesson.lesson && !lesson.lessonChanged, JSON.stringify({ lesson: lesson.lesson, changed: lesson.lessonChanged }));
    // What a stray click or a pinch does.
    await p.evaluate(() => { adamlab.setStart(0.5, 0.5); adamlab.zoomAt(2, 100, 100); });
    await frame(p);
    const moved = await state(p);
    assert(moved.lessonChanged && moved.start[0] === 0.5, `changed ${moved.lessonChanged}, start ${moved.start}`);
    await p.evaluate(() => adamlab.reset());
    await frame(p);
    const back = await state(p);
    assert(back.start[0] === lesson.start[0] && back.start[1] === lesson.start[1], `start ${back.start} vs ${lesson.start}`);
    assert(viewOf(back) === viewOf(lesson), `view ${viewOf(back)} vs ${viewOf(lesson)}`);
    assert(!back.lessonChanged && back.playing && sceneOf(back) === sceneOf(lesson), sceneOf(back));
    // The R key goes through the UI's reset, and does the same.
    await p.evaluate(() => adamlab.setStart(-1, 1));
    await p.mouse.click(240, 160);  // focus the canvas (the embed has no fields to type into)
    await p.evaluate(() => adamlab.setStart(-1, 1));
    await p.keyboard.down('r'); await p.waitForTimeout(80); await p.keyboard.up('r');
    await frame(p);
    const keyed = await state(p);
    assert(keyed.start[0] === lesson.start[0] && keyed.start[1] === lesson.start[1], `after R: start ${keyed.start}`);
    // Reset keeps the reader's own edits to the runs (only the start and view come back), and the
    // figure still differs from the lesson.
    const edited = await p.evaluate(() => {
      const id = adamlab.getState().runs[0].id;
      adamlab.updateRun(id, 'sgd:lr=0.5');
      adamlab.setStart(0.3, 0.3);
      adamlab.reset();
      return adamlab.getState();
    });
    assert(edited.runs[0].optimizer.startsWith('sgd:lr=0.5,') && edited.start[0] === lesson.start[0] && edited.lessonChanged,
      `${edited.runs[0].optimizer} at ${edited.start}, changed ${edited.lessonChanged}`);
    // Back to the lesson from JS: setState(getState().lesson).
    await p.evaluate(() => { adamlab.setStart(0.25, -0.25); adamlab.updateRun(adamlab.getState().runs[0].id, 'sgd:lr=0.5'); });
    await p.evaluate(() => adamlab.setState(adamlab.getState().lesson));
    await frame(p);
    const restored = await state(p);
    assert(!restored.lessonChanged && sceneOf(restored) === sceneOf(lesson), sceneOf(restored));
    await p.screenshot({ path: path.join(artifacts, 'lesson-reset-embed.png') });
    await p.close();
    // Outside a lesson Reset keeps the user's start (the playground's own behaviour).
    const q = await openPage(800, 600);
    const plain = await q.evaluate(() => { adamlab.setStart(0.5, 0.5); adamlab.reset(); return adamlab.getState(); });
    assert(plain.start[0] === 0.5 && plain.lesson === null && !plain.lessonChanged, JSON.stringify(plain.start));
    await q.close();
    return `lesson ${lesson.lesson.slice(0, 60)}...`;
  });

  await check('colours follow the optimizer: each one the same on the default page and in every preset', async () => {
    const fresh = await openPage(800, 600);
    const byFamily = {};
    const family = o => (o.startsWith('sgd:') ? (/momentum=0,/.test(o) ? 'sgd' : 'sgd+momentum') : o.split(':')[0]);
    for (const r of (await state(fresh)).runs) byFamily[family(r.optimizer)] = r.colour;
    assert(Object.keys(byFamily).length === 4, JSON.stringify(byFamily));
    const presets = await fresh.evaluate(() => adamlab.presets().map(p => p.name));
    const seen = [];
    for (const name of presets) {
      const s = await fresh.evaluate(n => { adamlab.setState('#preset=' + n); return adamlab.getState(); }, name);
      const first = new Set();
      for (const r of s.runs) {
        const f = family(r.optimizer);
        if (first.has(f)) continue;  // a second run of an optimizer takes a spare colour
        first.add(f);
        if (byFamily[f]) assert(r.colour === byFamily[f], `${name}: ${f} is ${r.colour}, ${byFamily[f]} on the default page`);
      }
      assert(new Set(s.runs.map(r => r.colour)).size === s.runs.length, `${name}: a colour twice`);
      if (s.runs.some(r => r.optimizer.startsWith('adam:'))) seen.push(name);
    }
    await fresh.close();
    return `adam ${byFamily.adam} in ${seen.join(', ')}`;
  });

  await check('an embed whose lesson the reader changed offers the way back: its "Lesson" button restores the lesson', async () => {
    const embed = await openPage(480, 320, '#preset=adam&embed=1');
    const lesson = (await state(embed)).lesson, first = (await state(embed)).runs[0].optimizer;
    assert(lesson && !(await state(embed)).lessonChanged, 'a fresh lesson is unchanged');
    await embed.evaluate(() => { const s = adamlab.getState(); adamlab.updateRun(s.runs[0].id, 'adamw:lr=0.01'); });
    await embed.waitForTimeout(300);
    assert((await state(embed)).lessonChanged, 'an edited run did not count as a change');
    // Reset keeps the reader's edits; the toolbar's "Lesson" button undoes them: click along the
    // toolbar (Pause, Reset, the counter, Lesson) until the lesson is back.
    const bar = (await embed.evaluate(() => adamlab.layout())).toolbar.rect;
    let restored = false;
    for (let x = bar.left + 6; x < bar.left + bar.width - 4 && !restored; x += 6) {
      await embed.mouse.move(x, bar.top + bar.height / 2);
      await embed.mouse.down();
      await embed.waitForTimeout(60);
      await embed.mouse.up();
      await embed.waitForTimeout(120);
      restored = !(await state(embed)).lessonChanged;
    }
    assert(restored, 'no button in the toolbar brought the lesson back');
    const s = await state(embed);
    assert(s.runs[0].optimizer === first && s.playing, JSON.stringify(s.runs[0]));
    await embed.screenshot({ path: path.join(artifacts, 'links-embed-lesson-restored.png') });
    await embed.close();
  });

  await page.close();
  await checkNoConsoleMessages();
} finally {
  await browser.close();
}
finish(report);
