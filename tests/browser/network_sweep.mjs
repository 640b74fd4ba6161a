// Network sweeps in the browser (issue 11): in the network mode adamlab.sweep trains the network
// once per cell in the sweep worker; the 32 x 32 lr x beta1 sweep of 300-step trainings of the
// default network finishes there in under 5 s (timed and printed); the worker and the page give
// the same cells bit for bit; the heat map is drawn (pixels); a real click on a cell adds a run
// with that cell's hyperparameters (and the swept run's scheduler), trained as far as the sweep
// and ending on the cell's value; a network sweep outlives a switch to the landscape.
//   node network_sweep.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import os from 'node:os';
import { artifacts, check, assert, startBrowser, openPage, imageStats, checkNoConsoleMessages, finish } from './harness.mjs';

const browser = await startBrowser();
const lines = [];
const optionOf = (spec, key) => { const m = new RegExp(`[:,]${key}=([^,]+)`).exec(spec); return m ? Number(m[1]) : NaN; };

// Waits until the page has drawn n more frames (a loaded machine draws few per second).
async function frames(page, n) {
  await page.evaluate(n => new Promise(resolve => {
    const f0 = adamlab.stats().frames;
    const poll = () => (adamlab.stats().frames >= f0 + n ? resolve() : setTimeout(poll, 5));
    poll();
  }), n);
}

// A whole CSS pixel inside cell (ix, iy), and the cell that pixel falls in by the panel's rule.
function cellPixel(map, s, ix, iy) {
  const x = Math.round(map.left + (ix + 0.5) / s.nx * map.width), y = Math.round(map.top + map.height - (iy + 0.5) / s.ny * map.height);
  const cx = Math.min(s.nx - 1, Math.max(0, Math.floor((x - map.left) / map.width * s.nx)));
  const cy = Math.min(s.ny - 1, Math.max(0, Math.floor((map.top + map.height - y) / map.height * s.ny)));
  return { x, y, ix: cx, iy: cy };
}

try {
  await check('the 32 x 32 lr x beta1 sweep of 300-step trainings of the default network: in the worker, under 5 s', async () => {
    // Timed at 800x600, where software WebGL draws fastest (as sweep.mjs times landscape sweeps):
    // on a 2-core machine the page's drawing and the worker share the cores. The only page open.
    const small = await openPage(800, 600, '#mode=network');
    const run = await small.evaluate(() => {
      adamlab.pause();
      adamlab.reset();
      return adamlab.getState().runs.find(r => r.optimizer.startsWith('adam')).id;
    });
    // The worker's module is compiled while the page loads; wait for it so its start-up is not timed.
    await small.evaluate(async () => { for (let i = 0; i < 500 && !adamlab.sweepWorker().ready; i++) await new Promise(r => setTimeout(r, 20)); });
    const r = await small.evaluate(async run => {
      const t0 = performance.now();
      const out = await adamlab.sweep({ x: 'lr=1e-4:1:log:32', y: 'beta1=0:0.99:lin:32', steps: 300, metric: 'test_loss', run });
      return { ...out, wallMs: performance.now() - t0, s: adamlab.sweepState(), task: adamlab.getState().network };
    }, run);
    await small.close();
    const load = os.loadavg()[0].toFixed(1);
    lines.push(`network sweep 32x32x300 (${r.task.data}, ${r.task.model}, batch ${r.task.batchSize}; Adam lr x beta1, test_loss): ` +
               `${r.computeMs.toFixed(0)} ms computing in the ${r.s.computedIn}, ${r.wallMs.toFixed(0)} ms from the call to done ` +
               `(${(1024 * 300 / r.computeMs).toFixed(0)} k training steps/s; 800x600 page; load ${load} on ${os.cpus().length} cores)`);
    assert(r.s.network && r.s.done && r.s.cellsDone === 1024, JSON.stringify({ network: r.s.network, done: r.s.done, cells: r.s.cellsDone }));
    assert(r.s.computedIn === 'worker', `computed in the ${r.s.computedIn}`);
    assert(r.s.summary.finite > 900, `only ${r.s.summary.finite} cells finite`);
    assert(r.computeMs < 5000, `${r.computeMs.toFixed(0)} ms in the worker (floor: 5000 ms)`);
    return `${r.computeMs.toFixed(0)} ms in the worker, ${r.wallMs.toFixed(0)} ms wall; best test loss ${r.s.summary.min.toFixed(4)}`;
  });

  const page = await openPage(1280, 800, '#mode=network');
  // The default network scene: Adam, SGD and SGD with momentum on the spirals; paused at step 0.
  const adam = await page.evaluate(() => {
    adamlab.pause();
    adamlab.reset();
    return adamlab.getState().runs.find(r => r.optimizer.startsWith('adam')).id;
  });
  const big = await page.evaluate(async run => adamlab.sweep({ x: 'lr=1e-4:1:log:32', y: 'beta1=0:0.99:lin:32', steps: 300, metric: 'test_loss', run }), adam);
  lines.push(`the same sweep beside the 1280x800 page: ${big.computeMs.toFixed(0)} ms computing in the worker, ${big.pageMs.toFixed(0)} ms wall ` +
             `(load ${os.loadavg()[0].toFixed(1)})`);

  await check('the heat map is drawn: the grid\'s cells in many colours, a colour bar beside it', async () => {
    await frames(page, 3);
    const png = await page.screenshot({ path: path.join(artifacts, 'network-sweep-1280x800.png') });
    const s = await page.evaluate(() => adamlab.sweepState());
    assert(s.open && s.map && s.map.width > 100 && s.map.height > 100, `map ${JSON.stringify(s.map)}`);
    const st = await imageStats(page, png, { region: s.map, stride: 3 });
    assert(st.colours > 30, `heat map ${JSON.stringify(st)}`);
    return `${st.colours} colours over ${s.map.width.toFixed(0)} x ${s.map.height.toFixed(0)} px`;
  });

  await check('a real click on a cell adds a run with that cell\'s lr and beta1, trained to the sweep\'s step, ending on the cell\'s value', async () => {
    const s = await page.evaluate(() => adamlab.sweepState());
    const p = cellPixel(s.map, s, 20, 25);
    const cell = await page.evaluate(([i, j]) => adamlab.sweepCell(i, j), [p.ix, p.iy]);
    const before = await page.evaluate(() => adamlab.getState());
    await page.mouse.move(p.x, p.y);
    await frames(page, 2);
    await page.mouse.click(p.x, p.y, { delay: 100 });  // held across a frame: ImGui reads buttons once a frame
    await frames(page, 3);
    const after = await page.evaluate(() => adamlab.getState());
    assert(after.runs.length === before.runs.length + 1, `${before.runs.length} -> ${after.runs.length} runs`);
    const added = after.runs.find(r => !before.runs.some(b => b.id === r.id));
    const swept = before.runs.find(r => r.id === s.run);
    assert(optionOf(added.optimizer, 'lr') === cell.x && optionOf(added.optimizer, 'beta1') === cell.y,
           `added ${added.optimizer}, cell lr=${cell.x} beta1=${cell.y}`);
    assert(added.optimizer === cell.optimizer && added.scheduler === swept.scheduler, `${added.optimizer} | ${added.scheduler}`);
    assert(after.step === 300 && added.rowStep === 300, `scene at step ${after.step}, the run's row at ${added.rowStep}`);
    // The app module trained it step by step; the worker's module trained the cell: the same numbers.
    assert(added.testLoss === cell.metric, `the run's test loss ${added.testLoss} vs the cell's ${cell.metric}`);
    await page.screenshot({ path: path.join(artifacts, 'network-sweep-clicked-1280x800.png') });
    return `${added.optimizer}: test loss ${added.testLoss.toPrecision(6)} at step 300, as the cell`;
  });

  await check('the worker and the page compute the same cells, bit for bit (steps_to, best_loss, test_loss)', async () => {
    const r = await page.evaluate(async run => {
      const bits = () => JSON.stringify(adamlab.sweepMetric().metric);
      const out = {};
      for (const metric of ['steps_to:0.5', 'best_loss', 'test_loss']) {
        const o = { x: 'lr=1e-3:0.3:log:7', y: 'beta2=0.9:0.9999:log1m:5', steps: 60, metric, run };
        adamlab.setSweepWorker(true);
        await adamlab.sweep(o);
        const a = bits(), wa = adamlab.sweepState().computedIn;
        adamlab.setSweepWorker(false);
        await adamlab.sweep(o);
        const b = bits(), wb = adamlab.sweepState().computedIn;
        out[metric] = { same: a === b, where: `${wa}/${wb}`, nulls: JSON.parse(a).filter(v => v === null).length };
      }
      adamlab.setSweepWorker(true);
      return out;
    }, adam);
    for (const [metric, v] of Object.entries(r)) {
      assert(v.where === 'worker/page', `${metric}: ${v.where}`);
      assert(v.same, `${metric}: the worker and the page differ`);
    }
    return Object.entries(r).map(([m, v]) => `${m} identical (${v.nulls} null)`).join(', ');
  });

  await check('network sweeps refuse what they cannot compute, in the core\'s words, and the landscape has no test_loss', async () => {
    const r = await page.evaluate(() => {
      const tryit = f => { try { f(); return 'accepted'; } catch (e) { return e.message; } };
      const seeds = tryit(() => adamlab.sweep({ x: 'lr=1e-3:1:log:4', y: 'beta1=0:0.9:lin:4', steps: 10, seeds: 3 }));
      const key = tryit(() => adamlab.sweep({ x: 'lr=1e-3:1:log:4', y: 'momentum=0:0.9:lin:4', steps: 10 }));
      adamlab.setMode('landscape');
      const landscape = tryit(() => adamlab.sweep({ x: 'lr=1e-3:1:log:4', y: 'beta1=0:0.9:lin:4', steps: 10, metric: 'test_loss' }));
      adamlab.setMode('network');
      return { seeds, key, landscape };
    });
    assert(r.seeds.includes("invalid seeds '3'"), r.seeds);
    assert(r.key.includes("has no numeric option 'momentum'"), r.key);
    assert(r.landscape.includes("invalid metric 'test_loss'"), r.landscape);
    return `${r.seeds.slice(0, 60)}...; ${r.key.slice(0, 60)}...`;
  });

  await check('a network sweep started before a switch to the landscape finishes in the worker meanwhile', async () => {
    const r = await page.evaluate(async run => {
      const p = adamlab.sweep({ x: 'lr=1e-3:0.3:log:16', y: 'beta1=0:0.99:lin:16', steps: 200, metric: 'final_loss', run });
      adamlab.setMode('landscape');
      const shown = adamlab.sweepState();
      const out = await p;
      const hidden = adamlab.sweepState().hidden;
      adamlab.setMode('network');
      return { out, shownNetwork: shown.network, hidden: { network: hidden.network, done: hidden.done, cells: hidden.cellsDone, where: hidden.computedIn } };
    }, adam);
    assert(!r.shownNetwork, 'the landscape showed the network sweep');
    assert(r.out.outcome === 'done' && r.hidden.network && r.hidden.done && r.hidden.cells === 256 && r.hidden.where === 'worker',
           JSON.stringify(r));
    return `256 cells done in the worker while the landscape showed (${r.out.computeMs.toFixed(0)} ms)`;
  });
  await page.close();
} finally {
  await checkNoConsoleMessages();
  await browser.close();
}
finish(lines);
