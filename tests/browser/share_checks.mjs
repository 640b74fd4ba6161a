// Browser checks for links, embeds, the postMessage bridge, presets, the anatomy view, export and
// the tutorial page. Called from test.mjs with its helpers, so the run ends in one
// "N passed, N failed" line.
import fs from 'node:fs';
import path from 'node:path';
import { here, imageStats } from './harness.mjs';

// A scene state without the run ids (a reload numbers runs afresh), with `selected` and the
// anatomy run as indices instead.
function comparable(s) {
  const c = JSON.parse(JSON.stringify(s));
  const ids = c.runs.map(r => r.id);
  c.selected = ids.indexOf(c.selected);
  if (c.anatomy) c.anatomy.run = ids.indexOf(c.anatomy.run);
  for (const r of c.runs) delete r.id;
  delete c.undo;  // the page's own history: a link carries the scene, not how it was reached
  return c;
}

function firstDifference(a, b, where = '') {
  if (typeof a !== typeof b || (a === null) !== (b === null)) return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], `${where}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

// Distinct colours and the share of non-background pixels of a whole PNG (bytes).
async function pngStats(page, bytes) {
  const r = await imageStats(page, bytes, { stride: 13 });
  return { width: r.width, height: r.height, colours: r.colours, filled: r.filled };
}

export async function shareChecks({ browser, url, check, assert, artifacts, openPage, regionStats, messages, report }) {
  const state = page => page.evaluate(() => adamlab.getState());
  const parentPage = fs.readFileSync(path.join(here, 'parent.html'), 'utf8');

  // ---------------------------------------------------------------- links
  await check('link round trip: getState before == after reloading the link', async () => {
    const page = await openPage(800, 600);
    await page.evaluate(() => {
      adamlab.setState('#problem=himmelblau&noise=gaussian:std=0.3&seed=7');
      for (const r of adamlab.getState().runs) adamlab.removeRun(r.id);
      const a = adamlab.addRun('adam:lr=0.03,beta1=0.8');
      const b = adamlab.addRun('sgd:lr=0.002,momentum=0.9,nesterov=true', 'cosine:T_max=200');
      const c = adamlab.addRun('rmsprop:lr=0.01');
      adamlab.setStart(-1.25, 2.5);
      adamlab.setVisible(c, false);
      adamlab.setSpeed(77);
      adamlab.setStepLimit(900);
      adamlab.step(37);
      adamlab.pause();
      adamlab.selectRun(b);
      adamlab.zoomAt(1.5, 300, 250);
    });
    await page.waitForTimeout(200);  // the view in getState is the last drawn frame's
    const before = await state(page);
    await page.waitForTimeout(700);  // the address bar follows within half a second
    const hash = await page.evaluate(() => location.hash);
    assert(hash === before.link, `address bar ${hash} vs link ${before.link}`);
    await page.reload();
    await page.evaluate(() => window.adamlab.ready);
    const after = await state(page);
    const diff = firstDifference(comparable(before), comparable(after));
    assert(!diff, `differs at ${diff}`);
    assert(after.linkErrors.length === 0, after.linkErrors.join('; '));
    report.roundTripLink = before.link;
    await page.close();
    return before.link;
  });

  await check('malformed link: valid parts load, each bad part is reported and shown', async () => {
    const page = await openPage(800, 600);
    const link = '#problem=himmelblau&run=adam:lr=0.05&run=adam:lr=-1&run=sgd:lr=0.01,momentum=0.9&speed=fast&bogus=1&hide=7&limit=400';
    await page.goto(url + 'index.html' + link);
    await page.evaluate(() => window.adamlab.ready);
    await page.waitForTimeout(300);
    const s = await state(page);
    assert(s.problem.startsWith('himmelblau'), s.problem);
    assert(s.runs.length === 2 && s.runs[0].optimizer.startsWith('adam:lr=0.05') && s.runs[1].optimizer.startsWith('sgd:lr=0.01'),
      JSON.stringify(s.runs.map(r => r.optimizer)));
    assert(s.stepLimit === 400, `limit ${s.stepLimit}`);
    const want = ['run=adam:lr=-1: Invalid learning rate: -1', 'speed=fast', 'bogus=1', 'hide=7'];
    for (const w of want) assert(s.linkErrors.some(e => e.startsWith(w)), `no error for ${w}: ${s.linkErrors.join(' | ')}`);
    const png = await page.screenshot({ path: path.join(artifacts, 'link-errors.png') });
    // The banner: a dark red box over the top of the map.
    const banner = await page.evaluate(async ({ b64, v }) => {
      const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      const d = g.getImageData(v.left + 40, 10, 300, 60).data;
      let red = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 55 && d[i] < 110 && d[i + 1] < 40 && d[i + 2] < 40) red++;
      return red / (d.length / 4);
    }, { b64: png.toString('base64'), v: s.view });
    assert(banner > 0.3, `banner pixels ${banner}`);
    const dismissed = await page.evaluate(() => { adamlab.dismissLinkErrors(); return adamlab.getState().linkErrors; });
    assert(dismissed.length === 0, 'not dismissed');
    await page.close();
    return `${s.linkErrors.length} errors, banner ${(banner * 100).toFixed(0)}% red`;
  });

  await check('copy link: popup shows the link, and the link reproduces the scene in a new tab', async () => {
    const page = await openPage(900, 600);
    const r = await page.evaluate(async () => {
      adamlab.setState('#preset=beta1');  // plays, as the menu does: pause for a fixed moment
      adamlab.pause();
      adamlab.reset();
      adamlab.step(25);
      const copied = await adamlab.copyLink();
      const popup = document.getElementById('popup');
      return { copied, shown: popup && !popup.hidden ? popup.querySelector('textarea').value : null, state: adamlab.getState() };
    });
    assert(r.shown === r.copied.text && r.copied.text.includes('#preset=beta1'), `popup ${r.shown}`);
    await page.screenshot({ path: path.join(artifacts, 'copy-link-popup.png') });
    const tab = await browser.newPage({ viewport: { width: 900, height: 600 } });
    tab.on('console', m => messages.push(`new tab [${m.type()}] ${m.text()}`));
    await tab.goto(r.copied.text);
    await tab.evaluate(() => window.adamlab.ready);
    const t = await state(tab);
    const diff = firstDifference(comparable(r.state), comparable(t));
    assert(!diff, `differs at ${diff}`);
    const embed = await page.evaluate(() => adamlab.embedCode());
    assert(/^<iframe src="http[^"]+#preset=beta1&amp;autoplay=1&amp;loop=1&amp;embed=1"/.test(embed), embed);
    await tab.close();
    await page.close();
    return r.copied.text;
  });

  // ---------------------------------------------------------------- postMessage bridge
  await check('postMessage bridge: a parent page drives the embedded playground', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
    page.on('console', m => messages.push(`parent [${m.type()}] ${m.text()}`));
    page.on('pageerror', e => messages.push(`parent [pageerror] ${e.message}`));
    await page.route(url + 'test-parent.html', route => route.fulfill({ body: parentPage, contentType: 'text/html' }));
    await page.goto(url + 'test-parent.html#preset=adam&embed=1');
    await page.evaluate(() => window.ready);
    const r = await page.evaluate(async () => {
      const out = {};
      const s0 = await call('getState');
      out.preset = s0.preset; out.embed = s0.embed;
      await call('pause');
      await call('reset');
      await call('step', 12);
      out.step = (await call('getState')).step;
      try { await call('launchMissiles'); out.unknown = 'no error'; } catch (e) { out.unknown = e.message; }
      try { await call('addRun', 'adamm'); out.bad = 'no error'; } catch (e) { out.bad = e.message; }
      out.errors = (await call('setState', '#problem=rosenbrock&run=adam:lr=0.05&run=sgd:lr=1&autoplay=1&speed=2000')).errors;
      await new Promise(res => setTimeout(res, 1200));
      out.events = events.map(e => e.event);
      out.diverged = events.filter(e => e.event === 'diverged');
      out.png = (await call('exportPng')).slice(0, 22);
      out.link = await call('getLink');
      return out;
    });
    assert(r.preset === 'adam' && r.embed === true, JSON.stringify(r));
    assert(r.step === 12, `step ${r.step}`);
    assert(r.unknown.includes("unknown method: 'launchMissiles'"), r.unknown);
    assert(r.bad.includes('adamm'), r.bad);
    assert(r.errors.length === 0, r.errors.join('; '));
    assert(r.events[0] === 'ready' && r.events.includes('step'), r.events.join(','));
    assert(r.diverged.length === 1 && r.diverged[0].optimizer.startsWith('sgd:lr=1,'), JSON.stringify(r.diverged));
    assert(r.png === 'data:image/png;base64,', r.png);
    await page.screenshot({ path: path.join(artifacts, 'bridge-parent.png') });
    await page.close();
    return `events ${[...new Set(r.events)].join(', ')}; diverged run ${r.diverged[0].optimizer} at step ${r.diverged[0].step}`;
  });

  // ---------------------------------------------------------------- presets
  const page = await openPage(760, 440);
  const presets = await page.evaluate(() => adamlab.presets());
  await check('preset menu data: 12 presets with a title and a two-sentence caption', async () => {
    assert(presets.length === 12, `${presets.length} presets`);
    for (const p of presets) {
      const sentences = p.caption.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      assert(p.title && sentences === 2, `${p.name}: ${sentences} sentences`);
    }
    return presets.map(p => p.name).join(', ');
  });
  for (const p of presets) {
    await check(`preset ${p.name}: loads, plays, diverges only where meant`, async () => {
      const r = await page.evaluate(async name => {
        const errors = adamlab.setState(`#preset=${name}&embed=1&autoplay=1`).errors;
        const s0 = adamlab.getState();
        await new Promise(res => setTimeout(res, 250));
        const s1 = adamlab.getState();
        adamlab.pause();
        adamlab.reset();
        const start = adamlab.getState();
        adamlab.step(s1.stepLimit);
        return { errors, playing: s0.playing, advanced: s1.step > s0.step, start, end: adamlab.getState() };
      }, p.name);
      assert(r.errors.length === 0, r.errors.join('; '));
      assert(r.playing && r.advanced, 'did not play');
      assert(r.end.step === r.end.stepLimit, `stopped at ${r.end.step}`);
      // "Diverged" = the loss left the finite numbers, or grew a millionfold from the start.
      const blown = r.end.runs.filter((x, i) => x.diverged || !(x.loss < 1e6 * r.start.runs[i].loss)).map(x => x.optimizer);
      if (p.name === 'learning-rate') {
        // lr 3 really diverges (non-finite) within the step limit: the legend names the step.
        const large = r.end.runs.find(x => x.optimizer.startsWith('sgd:lr=3,'));
        assert(blown.length === 1 && blown[0].startsWith('sgd:lr=3,'), blown.join());
        assert(large.diverged && large.divergedAt > 0 && large.divergedAt < r.end.stepLimit, JSON.stringify(large));
      }
      else assert(blown.length === 0, `diverged: ${blown.join()}`);
      await page.waitForTimeout(120);
      await page.screenshot({ path: path.join(artifacts, `preset-${p.name}.png`) });
      const loss = r.end.runs.map(x => `${x.optimizer.split(',')[0]} ${x.loss === null ? 'inf' : x.loss.toPrecision(3)}`);
      return loss.join('; ');
    });
  }
  await page.close();

  // ---------------------------------------------------------------- anatomy
  await check('anatomy: an Adam run\'s next step equals its trace, numbers are torch\'s', async () => {
    const p2 = await openPage(1280, 800);
    const r = await p2.evaluate(() => {
      adamlab.setState('#preset=adam');
      adamlab.step(60);
      const id = adamlab.getState().runs.find(x => x.optimizer.startsWith('adam:')).id;
      const rows = adamlab.trace(id).trim().split('\n').slice(1).map(l => l.split(',').map(Number));
      const a = adamlab.anatomy(id, { step: 20 });
      const live = adamlab.anatomy(id);
      adamlab.setAnatomy(id, { step: 20 });
      return { a, live, rows, state: adamlab.getState() };
    });
    const { a, rows } = r;
    assert(a.position[0] === rows[20][1] && a.position[1] === rows[20][2], `position ${a.position} vs ${rows[20]}`);
    assert(a.nextPosition[0] === rows[21][1] && a.nextPosition[1] === rows[21][2], `next ${a.nextPosition} vs ${rows[21]}`);
    assert(r.live.step === 60 && r.live.t === 61, `live ${r.live.step} t ${r.live.t}`);
    assert(a.t === 21 && Math.abs(a.scalars.bias_correction1 - (1 - a.scalars.beta1 ** 21)) < 1e-15, JSON.stringify(a.scalars));
    for (const n of ['grad', 'exp_avg', 'exp_avg_sq', 'm_hat', 'v_hat', 'scaling', 'effective_lr', 'step']) assert(a.vectors[n], `no ${n}`);
    const mh = a.vectors.m_hat.value, m = a.vectors.exp_avg.value;
    assert(Math.abs(mh[0] - m[0] / a.scalars.bias_correction1) < 1e-12 * Math.abs(mh[0]) + 1e-300, 'm_hat != m / bc1');
    assert(r.state.anatomy && r.state.anatomy.step === 20 && !r.state.playing, JSON.stringify(r.state.anatomy));
    await p2.waitForTimeout(200);
    await p2.screenshot({ path: path.join(artifacts, 'anatomy-adam.png') });
    const nobc = await p2.evaluate(() => {
      const id = adamlab.getState().anatomy.run;
      adamlab.setAnatomy(id, { step: 0, biasCorrection: false });
      return adamlab.anatomy(id, { step: 0, biasCorrection: false });
    });
    assert(!nobc.torchExact && /NOT PyTorch/.test(nobc.note), nobc.note);
    await p2.waitForTimeout(200);
    await p2.screenshot({ path: path.join(artifacts, 'anatomy-adam-no-bias-correction.png') });
    const div = await p2.evaluate(() => {
      adamlab.setState('#problem=rosenbrock&run=adam:lr=0.05&run=sgd:lr=1');
      adamlab.step(300);
      const run = adamlab.getState().runs.find(x => x.diverged);
      adamlab.setAnatomy(run.id);
      return { a: adamlab.anatomy(run.id), state: adamlab.getState().anatomy, divergedAt: run.divergedAt };
    });
    assert(div.a.step === div.divergedAt - 1 && div.a.diagnosis.length > 20, JSON.stringify(div));
    await p2.waitForTimeout(200);
    await p2.screenshot({ path: path.join(artifacts, 'anatomy-diverged.png') });
    await p2.close();
    return `next step = trace row 21 exactly; diverged: ${div.a.diagnosis.slice(0, 90)}...`;
  });

  // ---------------------------------------------------------------- export
  await check('export: CSV of every run, scene JSON, a PNG of the canvas that is not blank', async () => {
    const p3 = await openPage(900, 600);
    const r = await p3.evaluate(async () => {
      adamlab.setState('#preset=momentum');
      adamlab.step(50);
      const csv = adamlab.exportCsv().trim().split('\n');
      const json = adamlab.exportJson();
      const blob = await adamlab.exportPng();
      const buf = new Uint8Array(await blob.arrayBuffer());
      return { csv, json, png: Array.from(buf), state: adamlab.getState() };
    });
    assert(r.csv[0] === 'run,optimizer,scheduler,step,x,y,loss,lr', r.csv[0]);
    assert(r.csv.length === 1 + 2 * 51, `${r.csv.length} lines`);
    const ids = r.state.runs.map(x => x.id);
    // run,"<optimizer spec>",<scheduler spec>,step,...: the step is the fifth field from the end.
    const head = line => { const f = line.split(','); return [f[0], f[f.length - 5]]; };
    assert(head(r.csv[1]).join() === `${ids[0]},0` && head(r.csv[52]).join() === `${ids[1]},0`, `${r.csv[1]} / ${r.csv[52]}`);
    assert(r.json.format === 'adamlab-scene-1' && r.json.link === r.state.link && r.json.state.runs.length === 2, JSON.stringify(r.json).slice(0, 200));
    const png = Buffer.from(r.png);
    fs.writeFileSync(path.join(artifacts, 'export.png'), png);
    const st = await pngStats(p3, png);
    assert(st.width === 900 && st.height === 600 && st.colours > 80 && st.filled > 0.5, JSON.stringify(st));
    const [download] = await Promise.all([p3.waitForEvent('download'), p3.evaluate(() => adamlab.downloadCsv())]);
    assert(download.suggestedFilename() === 'adamlab-traces.csv', download.suggestedFilename());
    await p3.close();
    return `csv ${r.csv.length} lines, png ${st.width}x${st.height} ${st.colours} colours`;
  });

  // ---------------------------------------------------------------- embeds and the tutorial
  await check('the tutorial page: embeds load, show their presets, no console errors', async () => {
    const t = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const own = [];
    t.on('console', m => { own.push(`[${m.type()}] ${m.text()}`); messages.push(`tutorial [${m.type()}] ${m.text()}`); });
    t.on('pageerror', e => messages.push(`tutorial [pageerror] ${e.message}`));
    const t0 = Date.now();
    await t.goto(url + 'tutorial.html');
    // Scroll to the first figure and wait for its playground.
    await t.evaluate(() => document.querySelector('figure.embed').scrollIntoView({ block: 'center' }));
    let frame = null;
    for (let i = 0; i < 100 && !frame; i++) {
      frame = t.frames().find(f => f.url().includes('preset=momentum'));
      if (!frame) await t.waitForTimeout(50);
    }
    assert(frame, 'no momentum iframe');
    await frame.waitForFunction(() => window.adamlab && window.adamlab.firstFrameAt !== null, null, { timeout: 15000 });
    const firstVisible = Date.now() - t0;
    const s = await frame.evaluate(() => adamlab.getState());
    assert(s.preset === 'momentum' && s.embed && s.loop && s.playing, JSON.stringify({ p: s.preset, e: s.embed, l: s.loop }));
    const f0 = await frame.evaluate(() => adamlab.stats().frames);
    await t.waitForTimeout(2000);
    const f1 = await frame.evaluate(() => adamlab.stats().frames);
    report.tutorialFirstEmbedMs = firstVisible;
    report.tutorialEmbedFps = (f1 - f0) / 2;
    await t.screenshot({ path: path.join(artifacts, 'tutorial-figure1.png') });
    // Scroll to every figure in turn: each lazy iframe loads and shows its preset (the page unloads
    // embeds more than a screen away, so at most a few WebGL contexts live at once).
    const names = await t.evaluate(() => [...document.querySelectorAll('figure.embed iframe')].map(f => new URL(f.dataset.src || f.src).hash));
    const wanted = names.map(h => new URLSearchParams(h.slice(1)).get('preset'));
    const loaded = [];
    let live = 0;
    for (let i = 0; i < names.length; i++) {
      await t.evaluate(k => document.querySelectorAll('figure.embed')[k].scrollIntoView({ block: 'center' }), i);
      let f = null;
      for (let j = 0; j < 100 && !f; j++) {
        f = t.frames().find(fr => fr.url().includes(`preset=${wanted[i]}&`));
        if (!f) await t.waitForTimeout(50);
      }
      try {
        await f.waitForFunction(() => window.adamlab && window.adamlab.firstFrameAt !== null, null, { timeout: 15000 });
        loaded.push(await f.evaluate(() => ({ preset: adamlab.getState().preset, mode: adamlab.getState().mode, errors: adamlab.getState().linkErrors.length })));
      } catch (e) { loaded.push({ error: String(e).slice(0, 80) }); }
      live = Math.max(live, t.frames().filter(fr => fr.url().includes('preset=')).length);
    }
    assert(loaded.length === names.length, `${loaded.length} of ${names.length} embeds loaded`);
    for (const l of loaded) assert(l.preset && l.errors === 0, JSON.stringify(l));
    // Every figure's preset is on the page, the network ones (section 10) in Network mode.
    assert(JSON.stringify(loaded.map(l => l.preset)) === JSON.stringify(wanted), `presets ${loaded.map(l => l.preset)}`);
    for (const l of loaded) assert((l.mode === 'network') === l.preset.startsWith('net-'), JSON.stringify(l));
    assert(live <= 8, `${live} embeds alive at once (Chromium drops WebGL contexts beyond 16)`);
    const alive = [];
    for (const f of t.frames()) {
      if (f === t.mainFrame() || !f.url().includes('preset=')) continue;
      try { alive.push(await f.evaluate(() => adamlab.stats().renderPaused)); } catch (e) { /* unloading */ }
    }
    const paused = alive.filter(p => p).length;
    report.tutorialPausedOffscreen = `${paused} of ${alive.length} alive (at most ${live} at once, ${loaded.length} figures)`;
    await t.evaluate(() => document.querySelectorAll('figure.embed')[3].scrollIntoView({ block: 'center' }));
    await t.waitForTimeout(1500);
    await t.screenshot({ path: path.join(artifacts, 'tutorial-learning-rate.png') });
    await t.close();
    assert(own.length === 0, own.join('\n'));
    return `first visible embed drawn ${firstVisible} ms after navigation, ${report.tutorialEmbedFps.toFixed(0)} fps; ${loaded.length} embeds, ${paused} paused offscreen`;
  });

  await check('12 embeds on one page: visible ones keep drawing, offscreen ones pause, the page stays responsive', async () => {
    const grid = '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>body{margin:0;display:grid;grid-template-columns:repeat(3,420px);gap:4px}iframe{border:0;width:420px;height:260px}</style></head><body>' +
      presets.map(p => `<iframe src="index.html#preset=${p.name}&embed=1&autoplay=1&loop=1"></iframe>`).join('') + '</body></html>';
    // Rows of 264 px: three rows fit in 760 px, the fourth row is below the fold.
    const g = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    g.on('console', m => messages.push(`grid [${m.type()}] ${m.text()}`));
    await g.route(url + 'test-grid.html', route => route.fulfill({ body: grid, contentType: 'text/html' }));
    const t0 = Date.now();
    await g.goto(url + 'test-grid.html');
    const frames = () => g.frames().filter(f => f !== g.mainFrame());
    for (let i = 0; i < 200 && frames().length < 12; i++) await g.waitForTimeout(50);
    const visibleReady = [];
    for (const f of frames().slice(0, 9)) {
      await f.waitForFunction(() => window.adamlab && window.adamlab.firstFrameAt !== null, null, { timeout: 30000 });
      visibleReady.push(Date.now() - t0);
    }
    await g.waitForTimeout(1000);
    const sample = () => Promise.all(frames().map(f => f.evaluate(() => [adamlab.stats().frames, performance.now()]).catch(() => [-1, 0])));
    const a = await sample();
    // Main-thread responsiveness of the parent page meanwhile: the worst setTimeout(0) delay.
    const lag = await g.evaluate(async () => {
      let worst = 0;
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        await new Promise(res => setTimeout(res, 0));
        worst = Math.max(worst, performance.now() - t);
        await new Promise(res => setTimeout(res, 25));
      }
      return worst;
    });
    const b = await sample();
    const fps = b.map((x, i) => (x[0] - a[i][0]) / ((x[1] - a[i][1]) / 1000));
    const visibleFps = fps.slice(0, 9), offscreenFps = fps.slice(9);
    report.gridVisibleReadyMs = Math.max(...visibleReady);
    report.gridFps = fps.map(x => x.toFixed(0)).join(' ');
    report.gridLagMs = lag;
    await g.screenshot({ path: path.join(artifacts, 'twelve-embeds.png') });
    await g.close();
    assert(visibleFps.every(x => x > 3), `visible fps ${visibleFps.join(' ')}`);
    assert(offscreenFps.every(x => x < 1), `offscreen fps ${offscreenFps.join(' ')}`);
    return `9 visible ready by ${report.gridVisibleReadyMs} ms; fps visible ${visibleFps.map(x => x.toFixed(0)).join('/')}, offscreen ${offscreenFps.map(x => x.toFixed(0)).join('/')}; parent worst timer lag ${lag.toFixed(0)} ms`;
  });
}
