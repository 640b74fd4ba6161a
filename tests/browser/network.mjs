// The network mode (issue 11) in the browser: reached by a real click on the mode switch and by
// the JS API; the runs train (the spirals' losses fall); the decision boundary is drawn (canvas
// pixels); setNetwork refuses bad values with the core's message and changes nothing; a network
// link round-trips; a CSV loads and a bad one names its line; screenshots at desktop, phone and
// embed sizes show the switch, every run named, no console errors. Prints the simulation + UI
// time per frame with 4 runs at 1000 steps/s.
//   node network.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import { url, artifacts, check, assert, startBrowser, open, imageStats, checkNoConsoleMessages, finish } from './harness.mjs';

const browser = await startBrowser();
const lines = [];
const state = page => page.evaluate(() => adamlab.getState());
const layout = page => page.evaluate(() => adamlab.layout());
const centre = r => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
const taskOf = s => JSON.stringify({ data: s.network.data, model: s.network.model, batch: s.network.batchSize, seed: s.network.seed,
                                     step: s.network.step, runs: s.network.runs.map(r => [r.id, r.optimizer, r.step]) });

// Waits until the page has drawn n more frames (a loaded machine draws few per second).
async function frames(page, n) {
  await page.evaluate(n => new Promise(resolve => {
    const f0 = adamlab.stats().frames;
    const poll = () => (adamlab.stats().frames >= f0 + n ? resolve() : setTimeout(poll, 5));
    poll();
  }), n);
}

try {
  const page = await open({ viewport: { width: 1280, height: 800 } }, '1280x800');

  await check('the mode switch is on screen, and a real click on "Network" shows the network mode', async () => {
    await frames(page, 2);
    const L = await layout(page);
    assert(L.page === 'landscape' && L.modeSwitch.network, `page ${L.page}, switch ${JSON.stringify(L.modeSwitch)}`);
    const at = centre(L.modeSwitch.network);
    // Held across frames: ImGui reads the button once a frame, and a loaded machine draws few.
    await page.mouse.move(at.x, at.y);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    await page.mouse.move(1270, 300);  // off the button: its tooltip would cover the view's screenshots
    await frames(page, 3);
    const s = await state(page);
    assert(s.mode === 'network', `mode ${s.mode} after the click`);
    const M = await layout(page);
    assert(M.page === 'network' && M.modeSwitch.landscape, JSON.stringify(M.modeSwitch));
    assert(s.network.data.startsWith('spirals') && s.runs.length >= 3, `${s.network.data}, ${s.runs.length} runs`);
    assert(s.link.startsWith('#mode=network&'), s.link);
    return `${s.runs.map(r => r.optimizer.split(',')[0]).join(', ')} on ${s.network.data}, ${s.network.parameters} parameters`;
  });

  await check('the runs train: every loss on the spirals falls within 1000 steps, and Adam\'s by a tenth', async () => {
    const [before, after] = await page.evaluate(() => {
      adamlab.pause();
      adamlab.reset();
      const a = adamlab.getState();
      adamlab.step(1000);
      return [a, adamlab.getState()];
    });
    assert(before.step === 0 && after.step === 1000 && after.network.epoch > 0, `steps ${before.step} -> ${after.step}, epoch ${after.network.epoch}`);
    const notes = [];
    for (const r of after.runs) {
      const r0 = before.runs.find(x => x.id === r.id);
      assert(!r.diverged && r.trainLoss < r0.trainLoss, `${r.optimizer}: ${r0.trainLoss} -> ${r.trainLoss}`);
      notes.push(`${r.optimizer.split(':')[0]} ${r0.trainLoss.toFixed(3)}->${r.trainLoss.toFixed(3)}`);
    }
    const adam = after.runs.find(r => r.optimizer.startsWith('adam'));
    const adam0 = before.runs.find(r => r.id === adam.id);
    assert(adam.trainLoss < adam0.trainLoss * 0.9, `adam ${adam0.trainLoss} -> ${adam.trainLoss}`);
    assert(adam.testAccuracy > 0.5, `adam test accuracy ${adam.testAccuracy}`);
    return notes.join(', ');
  });

  await check('play advances the network scene; the landscape waits', async () => {
    const land0 = await page.evaluate(() => { adamlab.setSpeed(200); adamlab.play(); return adamlab.getState().network.step; });
    await page.waitForTimeout(800);
    const s = await page.evaluate(() => { adamlab.pause(); return adamlab.getState(); });
    assert(s.mode === 'network' && s.step > land0, `step ${land0} -> ${s.step}`);
    return `${s.step - land0} steps in 0.8 s at 200 steps/s`;
  });

  await check('the decision boundary raster is drawn (not blank) and redrawn as the run trains', async () => {
    await frames(page, 3);
    const s = await state(page);
    const v = s.network.view;
    assert(v.kind === 'boundary' && v.width > 200 && v.height > 200, JSON.stringify(v));
    const png = await page.screenshot({ path: path.join(artifacts, 'network-1280x800.png') });
    const inner = { left: v.left + 40, top: v.top + 40, width: v.width - 80, height: v.height - 80 };
    const stats = await imageStats(page, png, { region: inner, stride: 5 });
    assert(stats.filled > 0.9 && stats.colours > 40, `view ${JSON.stringify(stats)}`);
    // Blue and orange regions both present: the two classes' colours of TensorFlow Playground.
    const builds0 = v.rasterBuilds;
    await page.evaluate(() => adamlab.step(50));
    await frames(page, 4);
    const builds1 = (await state(page)).network.view.rasterBuilds;
    assert(builds1 > builds0, `raster builds ${builds0} -> ${builds1} after 50 steps`);
    return `${stats.colours} colours, ${(stats.filled * 100).toFixed(0)}% drawn, rebuilt ${builds1 - builds0}x`;
  });

  await check('setNetwork with bad values is refused with the core\'s message and changes nothing', async () => {
    const before = taskOf(await state(page));
    const cases = [
      [{ batchSize: 0 }, /invalid batch size: 0 \(1 to 5000\)/],
      [{ model: 'mlp:hidden=99' }, /invalid hidden width for mlp: 99/],
      [{ data: 'nope' }, /nope/],
      [{ data: 'moons', model: 'mlp:activation=softsign' }, /invalid activation for mlp: 'softsign'/],
      [{ batchSize: -3 }, /invalid batch size: '-3'/],
      [{ seeds: 3 }, /unknown network option 'seeds'/],
    ];
    for (const [options, pattern] of cases) {
      const r = await page.evaluate(o => { try { adamlab.setNetwork(o); return 'accepted'; } catch (e) { return e.message; } }, options);
      assert(pattern.test(r), `${JSON.stringify(options)}: ${r}`);
      const after = taskOf(await state(page));
      assert(after === before, `${JSON.stringify(options)} changed the state:\n${before}\n${after}`);
    }
    const ok = await page.evaluate(() => { adamlab.setNetwork({ data: 'moons:n=200', model: 'mlp:hidden=6x6', batchSize: 16, seed: 9 }); return adamlab.getState(); });
    assert(ok.network.data.startsWith('moons:n=200') && ok.network.model.startsWith('mlp:hidden=6x6') && ok.network.batchSize === 16 &&
           ok.network.seed === 9 && ok.step === 0, JSON.stringify(ok.network).slice(0, 300));
    return `${cases.length} refusals; then moons with ${ok.network.parameters} parameters`;
  });

  await check('UI: a batch size of 0 typed into its field shows the core\'s message and changes nothing', async () => {
    await page.evaluate(() => { adamlab.setState('#mode=network'); adamlab.pause(); });
    await frames(page, 3);
    const before = taskOf(await state(page));
    // The batch size field is the row below the parameter count (at 1280x800, about y = 652, below
    // the undo buttons and the lesson menu); found by where typing starts, from above (the seed
    // field is the next row down).
    let found = null;
    for (let y = 640; y <= 666 && found === null; y += 3) {
      await page.mouse.move(200, y);
      await page.mouse.down();
      await frames(page, 2);
      await page.mouse.up();
      await frames(page, 2);
      if ((await state(page)).uiTyping) found = y;
    }
    assert(found !== null, 'no text field at the batch size row');
    for (const k of ['End', ...Array(8).fill('Backspace'), '0', 'Enter']) {
      await page.keyboard.down(k); await page.waitForTimeout(40); await page.keyboard.up(k); await page.waitForTimeout(40);
    }
    await frames(page, 3);
    const s = await state(page);
    assert(/invalid batch size: 0 \(1 to 5000\)/.test(s.uiError), `uiError '${s.uiError}'`);
    assert(taskOf(s) === before, `the scene changed:\n${before}\n${taskOf(s)}`);
    await page.mouse.move(1270, 300);
    await frames(page, 2);
    await page.screenshot({ path: path.join(artifacts, 'network-ui-refusal.png') });
    return `row at y=${found}: ${s.uiError}`;
  });

  await check('newSeed draws new data and weights; reset keeps them', async () => {
    const r = await page.evaluate(() => {
      adamlab.step(20);
      const a = adamlab.getState();
      adamlab.reset();
      const b = adamlab.getState();
      const seed = adamlab.newSeed();
      return { a, b, c: adamlab.getState(), seed };
    });
    assert(r.b.network.seed === r.a.network.seed && r.b.step === 0, 'reset changed the seed');
    assert(r.c.network.seed === r.seed && r.seed !== r.a.network.seed, `seed ${r.a.network.seed} -> ${r.seed}`);
    assert(r.b.runs[0].trainLoss !== r.c.runs[0].trainLoss, 'new weights give the same initial loss');
    return `seed ${r.a.network.seed} -> ${r.seed}`;
  });

  await check('a network link round-trips: a new page opened with it shows the same scene and writes the same link', async () => {
    const link = await page.evaluate(() => {
      adamlab.setNetwork({ data: 'xor:noise=0.3', model: 'mlp:hidden=5,activation=relu,features=x+y+xy', batchSize: 12, seed: 4 });
      adamlab.addRun('rmsprop:lr=0.003', 'step:step_size=100');
      adamlab.setStepLimit(900);
      adamlab.pause();
      adamlab.step(33);
      return adamlab.getLink();
    });
    assert(/^#mode=network&data=xor:noise=0.3&model=mlp:hidden=5,activation=relu,features=x\+y\+xy&batch=12&seed=4&run=/.test(link), link);
    const other = await open({ viewport: { width: 1000, height: 700 } }, 'link', link);
    const [a, b] = [await state(page), await state(other)];
    await other.close();
    assert(b.mode === 'network' && b.linkErrors.length === 0, `${b.mode} ${JSON.stringify(b.linkErrors)}`);
    assert(b.link === link, `${b.link}\n!= ${link}`);
    assert(taskOf(a).replace(/\[\d+,/g, '[') === taskOf(b).replace(/\[\d+,/g, '['), `${taskOf(a)}\n${taskOf(b)}`);
    for (let i = 0; i < a.runs.length; i++) assert(a.runs[i].trainLoss === b.runs[i].trainLoss, `run ${i}: ${a.runs[i].trainLoss} vs ${b.runs[i].trainLoss}`);
    // A link with refused parts: reported, the rest loads.
    const errs = await page.evaluate(() => adamlab.setState('#mode=network&data=moons&batch=0&run=adam:lr=-1&run=sgd:lr=0.1').errors);
    assert(errs.some(e => e.startsWith('batch=0: ')) && errs.some(e => e.startsWith('run=adam:lr=-1: Invalid learning rate')), errs.join('\n'));
    const s = await state(page);
    assert(s.network.data.startsWith('moons') && s.runs.length === 1, `${s.network.data}, ${s.runs.length} runs`);
    return `${link.length} characters, step ${b.step}`;
  });

  await check('loadCsv trains on the user\'s rows; a bad row is named by its line and nothing loads', async () => {
    const rows = ['x,y,label'];
    for (let i = 0; i < 60; i++) { const t = i / 60 * 6.28; rows.push(`${(Math.cos(t) * (1 + i % 2)).toFixed(3)},${(Math.sin(t) * (1 + i % 2)).toFixed(3)},${i % 2}`); }
    const good = rows.join('\n');
    const s = await page.evaluate(t => { adamlab.loadCsv(t, 0.25); return adamlab.getState(); }, good);
    // A stratified split: a quarter of each class's 30 rows, rounded.
    assert(s.network.csv && s.network.trainSize + s.network.testSize === 60 && Math.abs(s.network.testSize - 15) <= 1,
           JSON.stringify(s.network).slice(0, 200));
    assert(s.link.includes('data=csv') && s.link.includes('&csv=x,y,label%0A'), s.link.slice(0, 200));
    const before = taskOf(s);
    const bad = good.split('\n');
    bad[4] = '1.5,oops,1';
    const msg = await page.evaluate(t => { try { adamlab.loadCsv(t); return 'accepted'; } catch (e) { return e.message; } }, bad.join('\n'));
    assert(/line 5/.test(msg), msg);
    assert(taskOf(await state(page)) === before, 'a refused CSV changed the scene');
    // The CSV survives a link: a new page reads it back.
    const other = await open({ viewport: { width: 900, height: 600 } }, 'csv-link', s.link);
    const o = await state(other);
    await other.close();
    assert(o.network.csv && o.network.trainSize === s.network.trainSize && o.linkErrors.length === 0, JSON.stringify(o.linkErrors));
    return `60 rows loaded; bad row: ${msg}`;
  });

  await check('a diverged run stops and says at which step', async () => {
    const s = await page.evaluate(() => {
      // tanh saturates and stays finite: a linear network explodes.
      adamlab.setState('#mode=network&data=circles&model=mlp:activation=linear&run=adam:lr=0.01&run=sgd:lr=1e6');
      adamlab.pause();
      adamlab.step(60);
      return adamlab.getState();
    });
    const d = s.runs.find(r => r.optimizer.startsWith('sgd'));
    assert(d.diverged && Number.isInteger(d.divergedAt) && d.divergedAt <= 60 && d.step === d.divergedAt, JSON.stringify(d));
    assert(!s.runs[0].diverged && s.runs[0].step === 60, JSON.stringify(s.runs[0]));
    await frames(page, 2);
    await page.screenshot({ path: path.join(artifacts, 'network-diverged.png') });
    return `sgd lr=1e6 diverged at step ${d.divergedAt}`;
  });

  await check('regression (sine) and the sparse task draw their own views', async () => {
    const kinds = [];
    for (const [data, kind] of [['sine', 'curve'], ['sparse', 'features']]) {
      await page.evaluate(d => { adamlab.setState(`#mode=network&data=${d}&run=adam:lr=0.01&run=sgd:lr=0.1`); adamlab.pause(); adamlab.step(100); }, data);
      await frames(page, 3);
      const s = await state(page);
      assert(s.network.view.kind === kind, `${data}: ${s.network.view.kind}`);
      const png = await page.screenshot({ path: path.join(artifacts, `network-${data}.png`) });
      const v = s.network.view;
      const st = await imageStats(page, png, { region: { left: v.left, top: v.top, width: v.width, height: v.height }, stride: 5 });
      assert(st.colours > 12, `${data} view ${JSON.stringify(st)}`);
      kinds.push(`${data}: ${kind}, ${st.colours} colours`);
    }
    return kinds.join('; ');
  });

  await check('the API switches modes both ways; a landscape link brings the landscape back unchanged', async () => {
    const a = await page.evaluate(() => { adamlab.setMode('landscape'); return adamlab.getState(); });
    assert(a.mode === 'landscape' && a.problem && a.network && a.network.runs.length, `mode ${a.mode}`);
    const bad = await page.evaluate(() => { try { adamlab.setMode('cube'); return 'accepted'; } catch (e) { return e.message; } });
    assert(/invalid mode: 'cube'/.test(bad), bad);
    const b = await page.evaluate(() => { adamlab.setMode('network'); return adamlab.getState(); });
    assert(b.mode === 'network', b.mode);
    const link = '#problem=beale&run=adam:lr=0.05&limit=500';
    const c = await page.evaluate(l => { adamlab.setState(l); return adamlab.getState(); }, link);
    assert(c.mode === 'landscape' && c.problem.startsWith('beale') && c.link.startsWith('#problem=beale&run=adam:lr=0.05&limit=500'), c.link);
    return 'landscape -> network -> landscape';
  });

  await check('simulation + UI time per frame: 4 runs of the default network at 1000 steps/s each', async () => {
    await page.evaluate(() => {
      adamlab.setState('#mode=network&run=adam:lr=0.01&run=sgd:lr=0.1&run=sgd:lr=0.1,momentum=0.9&run=rmsprop:lr=0.01&limit=100000');
      adamlab.setSpeed(1000);
      adamlab.play();
    });
    await page.waitForTimeout(3000);
    const s0 = await page.evaluate(() => [adamlab.getState().step, performance.now(), adamlab.stats()]);
    await page.waitForTimeout(4000);
    const s1 = await page.evaluate(() => [adamlab.getState().step, performance.now(), adamlab.stats()]);
    // The boundary is rebuilt at most 15 times a second however many steps the runs take.
    const builds = (s1[2].netRasterBuilds - s0[2].netRasterBuilds) / ((s1[1] - s0[1]) / 1000);
    assert(builds <= 16, `${builds.toFixed(1)} raster builds per second`);
    const rate = (s1[0] - s0[0]) / ((s1[1] - s0[1]) / 1000);
    const st = s1[2];
    const fps = (st.frames - s0[2].frames) / ((s1[1] - s0[1]) / 1000);
    lines.push(`network perf: ${rate.toFixed(0)} steps/s per run (4 runs), simFrameMs ${st.simFrameMs.toFixed(2)}, ` +
               `uiFrameMs ${st.uiFrameMs.toFixed(2)} (simulation + UI), ` +
               `frameMs ${st.frameMs.toFixed(2)}, ${fps.toFixed(1)} fps, ${builds.toFixed(1)} raster builds/s`);
    await page.evaluate(() => adamlab.pause());
    // The simulation's share of wall time at this rate: far below one core (in headless Chromium
    // the software WebGL renderer, not the training, limits the frame rate).
    const share = st.simFrameMs * fps / 1000;
    lines.push(`network perf: the simulation takes ${(share * 100).toFixed(1)}% of the wall time at ${rate.toFixed(0)} steps/s x 4 runs`);
    assert(rate > 500 && share < 0.5, `${rate.toFixed(0)} steps/s, simulation ${(share * 100).toFixed(0)}% of the time`);
    return lines[lines.length - 1];
  });
  await page.close();

  // ------------------------------------------------------------------ layouts in network mode
  const sizes = [
    { name: 'desktop-1920x1080', w: 1920, h: 1080, dpr: 1, hash: '#mode=network&autoplay=1', mode: 'desktop' },
    { name: 'phone-390x844', w: 390, h: 844, dpr: 3, hash: '#mode=network&autoplay=1', mode: 'phone', touch: true },
    { name: 'embed-480x320', w: 480, h: 320, dpr: 1, hash: '#mode=network&embed=1&autoplay=1', mode: 'embed' },
  ];
  for (const size of sizes) {
    await check(`network mode at ${size.name}: the switch on screen, every run named, the view drawn`, async () => {
      const p = await open({ viewport: { width: size.w, height: size.h }, deviceScaleFactor: size.dpr, hasTouch: !!size.touch }, size.name, size.hash);
      await p.waitForTimeout(1500);
      await frames(p, 3);
      const [L, s] = [await layout(p), await state(p)];
      await p.screenshot({ path: path.join(artifacts, `network-${size.name}.png`) });
      assert(L.mode === size.mode && L.page === 'network', `${L.mode} ${L.page}`);
      // The way back to the landscape always shows (an embed's toolbar has only the other mode's button).
      assert(L.modeSwitch.landscape && (L.modeSwitch.network || size.mode === 'embed'), `no mode switch: ${JSON.stringify(L.modeSwitch)}`);
      const visible = s.runs.filter(r => r.visible).length;
      assert(L.legend.rect && L.legend.entries === visible, `legend ${JSON.stringify(L.legend)} for ${visible} runs`);
      if (size.mode !== 'desktop') assert(L.toolbar && L.toolbar.rect, 'no toolbar');
      assert(s.step > 0, 'not playing');
      await p.close();
      return `legend ${L.legend.entries} runs, chart ${L.chart.shown ? 'shown' : 'read out in the legend'}`;
    });
  }
} finally {
  await checkNoConsoleMessages();
  await browser.close();
}
finish(lines);
