// The network presets in the page (issue 11): each opens by link (#preset=net-..., Network mode
// implied) and by the lesson menu (real clicks on the combo and its items), plays its runs, shows
// its caption and names its runs in the legend; the link says preset=NAME while the scene is the
// preset's and full keys once it is edited; the JS API (setState, loadPreset, netPresets) and the
// lesson (Reset, getState().lesson) work as for the landscape presets; screenshots at 1280x800, on
// a phone (390x844, DPR 3) and as a 480x320 embed.
//   node net_lessons.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import { url, artifacts, check, assert, startBrowser, open, checkNoConsoleMessages, finish } from './harness.mjs';

const browser = await startBrowser();
const state = page => page.evaluate(() => adamlab.getState());
const layout = page => page.evaluate(() => adamlab.layout());
const centre = r => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

// Waits until the page has drawn n more frames (a loaded machine draws few per second).
async function frames(page, n) {
  await page.evaluate(n => new Promise(resolve => {
    const f0 = adamlab.stats().frames;
    const poll = () => (adamlab.stats().frames >= f0 + n ? resolve() : setTimeout(poll, 5));
    poll();
  }), n);
}
// A click held across frames (ImGui reads the buttons once a frame, and a loaded machine may take
// longer than any fixed delay per frame), then the pointer moved away so no tooltip covers what
// the next screenshot shows.
async function click(page, box) {
  const at = centre(box);
  await page.mouse.move(at.x, at.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 1);
  await page.mouse.move(5, 795);
  await frames(page, 3);
}

// The preset's runs, as its lesson link writes them (full specs, as getState() reports them).
function runsOfLesson(lesson) {
  return lesson.split('&').filter(p => p.startsWith('run=')).map(p => decodeURIComponent(p.slice(4)).split('@')[0]);
}

// The scene getState() shows is the preset `name`'s: Network mode, the preset named, its runs
// (every one named in the legend), its caption drawn, playing.
async function expectPreset(page, name, how) {
  await frames(page, 4);
  const s = await state(page);
  assert(s.mode === 'network' && s.preset === name, `${how}: mode ${s.mode}, preset ${s.preset}`);
  assert(s.lesson && s.lesson.startsWith(`#mode=network&preset=${name}&`), `${how}: lesson ${s.lesson}`);
  const runs = runsOfLesson(s.lesson);
  assert(runs.length >= 2 && s.runs.length === runs.length, `${how}: ${s.runs.length} runs, lesson has ${runs.length}`);
  s.runs.forEach((r, i) => assert(r.optimizer === runs[i], `${how}: run ${i + 1} ${r.optimizer} vs ${runs[i]}`));
  assert(s.playing && s.step > 0, `${how}: playing ${s.playing} at step ${s.step}`);
  assert(s.link === `#mode=network&preset=${name}&autoplay=1`, `${how}: link ${s.link}`);
  assert(!s.lessonChanged, `${how}: lessonChanged`);
  const L = await layout(page);
  assert(L.legend.entries === s.runs.length, `${how}: the legend names ${L.legend.entries} of ${s.runs.length} runs`);
  return { s, L };
}

try {
  const presets = await (async () => {
    const p = await open({ viewport: { width: 900, height: 600 } }, 'list');
    const list = await p.evaluate(() => adamlab.netPresets());
    await p.close();
    return list;
  })();

  await check('adamlab.netPresets() lists the seven network presets with titles and captions', async () => {
    assert(presets.length === 7 && presets.every(p => p.name.startsWith('net-') && p.title && p.caption.length > 80),
      JSON.stringify(presets.map(p => p.name)));
    return presets.map(p => p.name).join(', ');
  });

  await check('#preset=NAME opens each network preset in Network mode, playing, its caption shown and runs named', async () => {
    const notes = [];
    for (const p of presets) {
      const page = await open({ viewport: { width: 1280, height: 800 } }, `link ${p.name}`, `#preset=${p.name}`);
      const { s, L } = await expectPreset(page, p.name, `link ${p.name}`);
      assert(L.lessonMenu && L.lessonMenu.caption && L.lessonMenu.caption.height > 30, `${p.name}: caption ${JSON.stringify(L.lessonMenu)}`);
      if (p.name === 'net-race') {
        await page.evaluate(() => adamlab.pause());
        await frames(page, 2);
        await page.screenshot({ path: path.join(artifacts, 'net-lesson-race-1280x800.png') });
      }
      notes.push(`${p.name} ${s.runs.length} runs`);
      await page.close();
    }
    return notes.join(', ');
  });

  const page = await open({ viewport: { width: 1280, height: 800 } }, 'menu');

  await check('the lesson menu: a real click on each title loads that preset, playing, with its caption', async () => {
    await page.evaluate(() => adamlab.setMode('network'));
    await frames(page, 3);
    const notes = [];
    for (let k = 0; k < presets.length; k++) {
      const L0 = await layout(page);
      assert(L0.lessonMenu && L0.lessonMenu.combo, `no lesson menu: ${JSON.stringify(L0.lessonMenu)}`);
      await click(page, L0.lessonMenu.combo);
      const L1 = await layout(page);
      assert(L1.lessonMenu.items.length === presets.length, `the open menu lists ${L1.lessonMenu.items.length} presets`);
      await click(page, L1.lessonMenu.items[k]);
      const { s, L } = await expectPreset(page, presets[k].name, `menu ${presets[k].name}`);
      assert(L.lessonMenu.items.length === 0 && L.lessonMenu.caption, `after the choice: ${JSON.stringify(L.lessonMenu)}`);
      notes.push(`${presets[k].name} at step ${s.step}`);
    }
    return notes.join(', ');
  });

  await check('an edited preset scene writes full keys; getState().lesson brings the preset back', async () => {
    const s0 = await page.evaluate(() => { adamlab.loadPreset('net-race'); return adamlab.getState(); });
    assert(s0.preset === 'net-race', `loadPreset: ${s0.preset}`);
    const edited = await page.evaluate(id => { adamlab.updateRun(id, 'adam:lr=0.05'); return adamlab.getState(); }, s0.runs[0].id);
    assert(edited.lessonChanged && !edited.link.includes('preset=') && edited.link.includes('run=adam:lr=0.05'), edited.link);
    const back = await page.evaluate(() => { adamlab.setState(adamlab.getState().lesson); return adamlab.getState(); });
    assert(!back.lessonChanged && back.preset === 'net-race' && back.runs[0].optimizer === s0.runs[0].optimizer, JSON.stringify(back.runs[0]));
    assert(back.link === '#mode=network&preset=net-race&autoplay=1', back.link);
    return `edited: ${edited.link.slice(0, 70)}...`;
  });

  await check('setState("#preset=net-beta2&embed=1") embeds the preset; Reset returns to its step 0; at= opens paused', async () => {
    const s = await page.evaluate(() => { adamlab.setState('#preset=net-beta2&embed=1'); return adamlab.getState(); });
    assert(s.mode === 'network' && s.preset === 'net-beta2' && s.embed && s.playing, JSON.stringify({ m: s.mode, p: s.preset, e: s.embed }));
    assert(s.link === '#mode=network&preset=net-beta2&autoplay=1&embed=1', s.link);
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => { adamlab.pause(); adamlab.reset(); return adamlab.getState(); });
    assert(r.step === 0 && r.preset === 'net-beta2' && !r.lessonChanged && r.runs.length === s.runs.length, `step ${r.step}`);
    assert(r.link === '#mode=network&preset=net-beta2&autoplay=0&embed=1', r.link);
    const at = await page.evaluate(() => { adamlab.setState('#preset=net-lr&at=20'); return adamlab.getState(); });
    assert(at.step === 20 && !at.playing && at.link === '#mode=network&preset=net-lr&at=20', `${at.step} ${at.playing} ${at.link}`);
    const bad = await page.evaluate(() => adamlab.setState('#mode=network&preset=adam'));
    assert(bad.errors.length === 1 && bad.errors[0].startsWith("preset=adam: unknown network preset 'adam'"), JSON.stringify(bad.errors));
    return 'embed, reset, at= and a landscape name in a network link';
  });

  await check('a network lesson stays in Network mode: the landscape\'s Reset and links do not see it', async () => {
    const s = await page.evaluate(() => {
      adamlab.setState('#preset=net-race');
      adamlab.setMode('landscape');
      adamlab.reset();
      return adamlab.getState();
    });
    assert(s.mode === 'landscape' && !s.lessonChanged, `mode ${s.mode}, lessonChanged ${s.lessonChanged}`);
    const land = await page.evaluate(() => { adamlab.setState('#preset=adam'); return adamlab.getState(); });
    assert(land.mode === 'landscape' && land.preset === 'adam', `${land.mode} ${land.preset}`);
    return 'ok';
  });

  await check('screenshots: a preset on a phone (390x844, DPR 3) and net-race as a 480x320 embed', async () => {
    const phone = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true }, 'phone', '#preset=net-beta2');
    const ps = await expectPreset(phone, 'net-beta2', 'phone');
    await phone.evaluate(() => adamlab.pause());
    await frames(phone, 2);
    await phone.screenshot({ path: path.join(artifacts, 'net-lesson-beta2-phone.png') });
    await phone.close();
    const embed = await open({ viewport: { width: 480, height: 320 } }, 'embed', '#preset=net-race&embed=1&autoplay=1&loop=1');
    await frames(embed, 4);
    const e = await state(embed);
    const L = await layout(embed);
    assert(e.preset === 'net-race' && e.embed && e.playing && L.legend.entries === 3, `${e.preset} embed ${e.embed}, legend ${L.legend.entries}`);
    await embed.waitForTimeout(1500);
    await embed.screenshot({ path: path.join(artifacts, 'net-lesson-race-embed-480x320.png') });
    await embed.close();
    return `phone legend ${ps.L.legend.entries} runs; embed legend ${L.legend.entries} runs`;
  });

  await check('the tutorial\'s "Training a network" section embeds every network preset, each playing in Network mode', async () => {
    const t = await open({ viewport: { width: 1280, height: 800 } }, 'tutorial');  // the playground first: open() waits for it
    await t.goto(url + 'tutorial.html');
    const hashes = await t.evaluate(() => [...document.querySelectorAll('#networks ~ figure.embed iframe')].map(f => new URL(f.dataset.src || f.src).hash));
    const wanted = hashes.map(h => new URLSearchParams(h.slice(1)).get('preset'));
    assert(JSON.stringify(wanted) === JSON.stringify(presets.map(p => p.name)), `section 10 embeds ${wanted}`);
    // Each figure in turn, checked while on screen (the page unloads embeds more than a screen away).
    const seen = [];
    for (let i = 0; i < wanted.length; i++) {
      await t.evaluate(k => document.querySelectorAll('#networks ~ figure.embed')[k].scrollIntoView({ block: 'center' }), i);
      let f = null;
      for (let j = 0; j < 100 && !f; j++) {
        f = t.frames().find(fr => fr.url().includes(`preset=${wanted[i]}&`));
        if (!f) await t.waitForTimeout(50);
      }
      assert(f, `no iframe for ${wanted[i]}`);
      await f.waitForFunction(() => window.adamlab && window.adamlab.firstFrameAt !== null, null, { timeout: 20000 });
      const s = await f.evaluate(() => adamlab.getState());
      assert(s.mode === 'network' && s.preset === wanted[i] && s.embed && s.loop && s.linkErrors.length === 0, JSON.stringify({ m: s.mode, p: s.preset }));
      seen.push(wanted[i]);
    }
    // Back at the first figure: it loads again (Chromium's WebGL context limit never drops it).
    await t.evaluate(() => document.querySelector('figure.embed').scrollIntoView({ block: 'center' }));
    const first = await (async () => {
      for (let j = 0; j < 100; j++) {
        const f = t.frames().find(fr => fr.url().includes('preset=momentum&'));
        if (f) return f;
        await t.waitForTimeout(50);
      }
      return null;
    })();
    assert(first, 'figure 1 did not load again');
    await first.waitForFunction(() => window.adamlab && window.adamlab.firstFrameAt !== null, null, { timeout: 20000 });
    await t.evaluate(() => document.getElementById('networks').scrollIntoView({ block: 'start' }));
    await t.waitForTimeout(2500);
    await t.screenshot({ path: path.join(artifacts, 'tutorial-networks-1280x800.png') });
    await t.evaluate(() => document.getElementById('net-race').scrollIntoView({ block: 'start' }));
    await t.waitForTimeout(2500);
    await t.screenshot({ path: path.join(artifacts, 'tutorial-net-race-1280x800.png') });
    await t.close();
    return `${seen.length} embeds: ${seen.join(', ')}`;
  });

  await checkNoConsoleMessages();
} catch (e) {
  await check('the run itself', async () => { throw e; });
} finally {
  await browser.close();
}
finish();
