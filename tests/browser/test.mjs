// Browser test of the WASM playground in Debian's Chromium (driven by playwright-core).
//   node test.mjs URL [ARTIFACT_DIR]      (run.sh builds, serves and calls this)
// Prints one line per check and a final "N passed, N failed"; exits non-zero on any failure.
import path from 'node:path';
import { url, artifacts, check, assert, messages, startBrowser, open, imageStats, checkNoConsoleMessages, finish } from './harness.mjs';
import { shareChecks } from './share_checks.mjs';

const report = {};
const browser = await startBrowser();
function openPage(width, height, dpr = 1, extra = {}) {
  return open({ viewport: { width, height }, deviceScaleFactor: dpr, ...extra }, `${width}x${height}@${dpr}`);
}

// How much of a screenshot region (CSS pixels) is not the background, and how many distinct
// colours it has.
async function regionStats(page, png, region) {
  const r = await imageStats(page, png, { region, stride: 7, scaled: true });
  return { colours: r.colours, filled: r.filled };
}

const state = page => page.evaluate(() => adamlab.getState());
const plotToPage = (view, x, y) => ({
  x: view.left + view.width * (x - view.xmin) / (view.xmax - view.xmin),
  y: view.top + view.height * (view.ymax - y) / (view.ymax - view.ymin),
});

try {
  const t0 = Date.now();
  const page = await openPage(800, 600);

  await check('loads: window.adamlab.ready resolves and the first frame is quick', async () => {
    const s = await page.evaluate(() => adamlab.stats());
    report.firstFrameAt = s.firstFrameAt;
    assert(s.frames >= 1, 'no frame drawn');
    assert(s.firstFrameAt < 3000, `first frame at ${s.firstFrameAt} ms`);
    return `first frame ${s.firstFrameAt.toFixed(0)} ms after navigation, page ready in ${Date.now() - t0} ms`;
  });

  await check('default scene: several optimizers racing on Rosenbrock, playing', async () => {
    const s = await state(page);
    assert(s.problem.startsWith('rosenbrock'), s.problem);
    assert(s.runs.length >= 4, `${s.runs.length} runs`);
    const names = s.runs.map(r => r.optimizer.split(':')[0]);
    for (const n of ['adam', 'sgd', 'rmsprop']) assert(names.includes(n), `no ${n} run`);
    assert(s.playing, 'not playing on load');
    for (const r of s.runs) assert(/^#[0-9a-f]{6}$/.test(r.colour), r.colour);
    return names.join(', ');
  });

  await check('canvas is not blank (landscape, panel and chart drawn)', async () => {
    await page.waitForTimeout(500);
    const png = await page.screenshot({ path: path.join(artifacts, 'playground-800x600.png') });
    const s = await state(page);
    const land = await regionStats(page, png, s.view);
    const panel = await regionStats(page, png, { left: 0, top: 0, width: s.view.left, height: 600 });
    assert(land.filled > 0.9 && land.colours > 60, `landscape ${JSON.stringify(land)}`);
    assert(panel.filled > 0.03 && panel.colours > 10, `panel ${JSON.stringify(panel)}`);
    return `landscape ${land.colours} colours, panel ${(panel.filled * 100).toFixed(0)}% drawn`;
  });

  await check('play advances steps; pause holds them', async () => {
    await page.evaluate(() => { adamlab.pause(); adamlab.reset(); adamlab.setSpeed(200); adamlab.play(); });
    await page.waitForTimeout(1000);
    const a = await state(page);
    assert(a.step > 20, `only ${a.step} steps after 1 s at 200 steps/s`);
    for (const r of a.runs) assert(r.step === a.step || r.diverged, `run ${r.id} at ${r.step}, scene at ${a.step}`);
    await page.evaluate(() => adamlab.pause());
    const b = await state(page);
    await page.waitForTimeout(300);
    const c = await state(page);
    assert(!c.playing && c.step === b.step, `paused but moved ${b.step} -> ${c.step}`);
    return `${a.step} steps in 1 s`;
  });

  await check('step(n) and reset() are exact', async () => {
    const s = await page.evaluate(() => { adamlab.reset(); adamlab.step(7); adamlab.step(); return adamlab.getState(); });
    assert(s.step === 8, `step ${s.step}`);
    const r = await page.evaluate(() => { adamlab.reset(); return adamlab.getState(); });
    assert(r.step === 0 && r.runs.every(x => x.x === r.start[0] && x.y === r.start[1]), 'reset did not return to start');
  });

  await check('updateRun changes a run (and restarts it) through the JS API', async () => {
    const s = await page.evaluate(() => {
      adamlab.step(50);
      const id = adamlab.getState().runs[0].id;
      const before = adamlab.getState().runs[0];
      adamlab.updateRun(id, 'adam:lr=0.2,beta1=0.5');
      return { before, after: adamlab.getState().runs.find(r => r.id === id), scene: adamlab.getState().step };
    });
    assert(s.after.optimizer.startsWith('adam:lr=0.2,beta1=0.5,'), s.after.optimizer);
    assert(s.after.step === s.scene && s.after.step === 50, `run step ${s.after.step}`);
    assert(s.after.x !== s.before.x, 'path did not change');
    return s.after.optimizer;
  });

  await check('addRun (with and without scheduler), trace, removeRun', async () => {
    const r = await page.evaluate(() => {
      const a = adamlab.addRun('rmsprop:lr=0.003');
      const b = adamlab.addRun('adam:lr=0.1', 'step:step_size=10');
      adamlab.step(5);
      const s = adamlab.getState();
      const csv = adamlab.trace(b).trim().split('\n');
      adamlab.removeRun(a);
      return { a, b, ids: s.runs.map(x => x.id), sched: s.runs.find(x => x.id === b).scheduler, csv, after: adamlab.getState().runs.map(x => x.id) };
    });
    assert(Number.isInteger(r.a) && r.ids.includes(r.a) && r.ids.includes(r.b), JSON.stringify(r.ids));
    assert(r.sched.startsWith('step:'), `scheduler ${r.sched}`);
    assert(r.csv[0] === 'step,x,y,loss,lr' && r.csv.length === 1 + 56, `csv ${r.csv.length} lines: ${r.csv.slice(0, 2)}`);
    assert(r.csv[1].startsWith('0,'), r.csv[1]);
    assert(!r.after.includes(r.a), 'run not removed');
    await page.evaluate(id => adamlab.removeRun(id), r.b);
  });

  await check('invalid input throws an Error naming the bad token; state unchanged', async () => {
    const r = await page.evaluate(() => {
      const before = JSON.stringify(adamlab.getState());
      const id = adamlab.getState().runs[0].id;
      const errors = [];
      for (const f of [() => adamlab.updateRun(id, 'adam:betaa=0.9'), () => adamlab.addRun('adamm'),
                       () => adamlab.setProblem('rosenbrok'), () => adamlab.addRun('adam:lr=abc'),
                       () => adamlab.removeRun(4242), () => adamlab.setStart('x', 1), () => adamlab.addRun('adam', 'warmup')]) {
        try { f(); errors.push(null); } catch (e) { errors.push(e instanceof Error ? e.message : 'not an Error: ' + e); }
      }
      return { errors, same: JSON.stringify(adamlab.getState()) === before };
    });
    const tokens = ['betaa', 'adamm', 'rosenbrok', 'abc', '4242', 'x', 'warmup'];
    r.errors.forEach((m, i) => assert(m && m.includes(tokens[i]), `call ${i}: ${m}`));
    assert(r.same, 'state changed');
    return r.errors[0];
  });

  await check('a diverging run stops, reports its step, and the page keeps running', async () => {
    const r = await page.evaluate(async () => {
      const id = adamlab.addRun('sgd:lr=1');
      adamlab.step(300);
      const run = adamlab.getState().runs.find(x => x.id === id);
      const f0 = adamlab.stats().frames;
      await new Promise(res => setTimeout(res, 300));
      adamlab.removeRun(id);
      return { run, frames: adamlab.stats().frames - f0 };
    });
    assert(r.run.diverged && Number.isInteger(r.run.divergedAt), JSON.stringify(r.run));
    assert(r.frames > 0, 'no frames after divergence');
    return `diverged at step ${r.run.divergedAt}`;
  });

  await check('clicking the landscape moves the start point there', async () => {
    const s = await state(page);
    const target = plotToPage(s.view, 0.5, 0.25);
    await page.mouse.click(target.x, target.y);
    await page.waitForTimeout(150);
    const t = await state(page);
    const upp = (s.view.xmax - s.view.xmin) / s.view.width;
    assert(Math.abs(t.start[0] - 0.5) < 2 * upp && Math.abs(t.start[1] - 0.25) < 2 * upp, `start ${t.start}`);
    assert(t.runs.every(r => r.step === 0 || t.playing), 'runs did not restart');
    return `start now (${t.start.map(v => v.toFixed(3))})`;
  });

  await check('dragging the start marker moves it; dragging elsewhere pans; the wheel zooms', async () => {
    const s = await state(page);
    const from = plotToPage(s.view, s.start[0], s.start[1]);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) { await page.mouse.move(from.x - 8 * i, from.y - 6 * i); await page.waitForTimeout(30); }
    await page.mouse.up();
    await page.waitForTimeout(100);
    const a = await state(page);
    assert(a.start[0] < s.start[0] && a.start[1] > s.start[1], `start ${s.start} -> ${a.start}`);
    const p = plotToPage(a.view, -1.5, -0.5);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) { await page.mouse.move(p.x + 12 * i, p.y); await page.waitForTimeout(30); }
    await page.mouse.up();
    await page.waitForTimeout(100);
    const b = await state(page);
    assert(b.view.xmin < a.view.xmin - 0.1 && b.start[0] === a.start[0], `pan: xmin ${a.view.xmin} -> ${b.view.xmin}`);
    await page.mouse.move(b.view.left + b.view.width / 2, b.view.top + b.view.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(150);
    const c = await state(page);
    const w0 = b.view.xmax - b.view.xmin, w1 = c.view.xmax - c.view.xmin;
    assert(w1 < w0 * 0.95, `zoom: width ${w0} -> ${w1}`);
    return `zoom ${(w0 / w1).toFixed(2)}x`;
  });

  await check('keyboard: space toggles play, right arrow steps, R resets', async () => {
    await page.evaluate(() => { adamlab.pause(); adamlab.reset(); });
    await page.keyboard.press('Space');   // a fast tap: the app's key latch must not lose it
    await page.waitForTimeout(200);
    const a = await state(page);
    await page.keyboard.press('Space');
    await page.waitForTimeout(100);
    const b = await state(page);
    await page.evaluate(() => adamlab.reset());
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
    const c = await state(page);
    await page.keyboard.press('r');
    await page.waitForTimeout(100);
    const d = await state(page);
    assert(a.playing && !b.playing, `space: ${a.playing} ${b.playing}`);
    assert(c.step === 2, `right arrow: step ${c.step}`);
    assert(d.step === 0, `R: step ${d.step}`);
  });

  await check('the landscape raster is rebuilt only when the view changes, not every frame', async () => {
    const r = await page.evaluate(async () => {
      adamlab.play();
      const a = adamlab.stats();
      await new Promise(res => setTimeout(res, 800));
      const b = adamlab.stats();
      adamlab.setProblem('himmelblau');
      await new Promise(res => setTimeout(res, 200));
      const c = adamlab.stats();
      adamlab.setProblem('rosenbrock');
      return { idle: b.rasterBuilds - a.rasterBuilds, frames: b.frames - a.frames, afterProblem: c.rasterBuilds - b.rasterBuilds, stats: b };
    });
    assert(r.frames > 3 && r.idle === 0, `rebuilt ${r.idle} times in ${r.frames} frames`);
    assert(r.afterProblem >= 1, 'not rebuilt for a new problem');
    report.frame = r.stats;
    return `frame ${r.stats.frameMs.toFixed(1)} ms (simulation + UI ${r.stats.uiFrameMs.toFixed(2)} ms), software WebGL`;
  });

  await check('the canvas follows window resizes', async () => {
    await page.setViewportSize({ width: 700, height: 450 });
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => ({ w: Module.canvas.width, h: Module.canvas.height, v: adamlab.getState().view }));
    assert(r.w === 700 && r.h === 450, `canvas ${r.w}x${r.h}`);
    assert(r.v.left + r.v.width <= 700 + 0.5, `view ${JSON.stringify(r.v)}`);
    await page.setViewportSize({ width: 800, height: 600 });
  });
  await page.close();

  await check('1920x1080: screenshot, layout fills the window', async () => {
    const big = await openPage(1920, 1080);
    await big.waitForTimeout(2500);
    const png = await big.screenshot({ path: path.join(artifacts, 'playground-1920x1080.png') });
    const s = await state(big);
    const land = await regionStats(big, png, s.view);
    assert(s.view.left + s.view.width > 1900 && land.colours > 60, JSON.stringify(s.view));
    await big.close();
  });

  await check('HiDPI (devicePixelRatio 2): backing store doubled, clicks land where aimed', async () => {
    const hi = await openPage(900, 600, 2, { hasTouch: true });
    await hi.waitForTimeout(1500);
    await hi.screenshot({ path: path.join(artifacts, 'playground-900x600-dpr2.png') });
    const r = await hi.evaluate(() => ({ w: Module.canvas.width, h: Module.canvas.height }));
    assert(r.w === 1800 && r.h === 1200, `canvas ${r.w}x${r.h}`);
    const s = await state(hi);
    const p = plotToPage(s.view, -1, 0.5);
    await hi.touchscreen.tap(p.x, p.y);
    await hi.waitForTimeout(200);
    const t = await state(hi);
    const upp = (s.view.xmax - s.view.xmin) / s.view.width;
    assert(Math.abs(t.start[0] + 1) < 3 * upp && Math.abs(t.start[1] - 0.5) < 3 * upp, `tap set start ${t.start}`);
    await hi.close();
  });

  await shareChecks({ browser, url, check, assert, artifacts, openPage, regionStats, messages, report });

  await checkNoConsoleMessages();
} finally {
  await browser.close();
}
if (report.firstFrameAt !== undefined) console.log(`first frame: ${report.firstFrameAt.toFixed(0)} ms after navigation`);
if (report.frame) console.log(`frame time: ${report.frame.frameMs.toFixed(1)} ms average, ${report.frame.uiFrameMs.toFixed(2)} ms simulation + UI (headless Chromium, SwiftShader)`);
if (report.tutorialFirstEmbedMs !== undefined)
  console.log(`tutorial: first visible embed drawn ${report.tutorialFirstEmbedMs} ms after navigation, ${report.tutorialEmbedFps.toFixed(0)} fps; paused offscreen: ${report.tutorialPausedOffscreen}`);
if (report.gridFps !== undefined)
  console.log(`12 embeds: 9 visible ready by ${report.gridVisibleReadyMs} ms; fps per embed ${report.gridFps}; parent worst timer lag ${report.gridLagMs.toFixed(0)} ms`);
finish();
