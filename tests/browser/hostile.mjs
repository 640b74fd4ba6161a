// Browser test of the hostile inputs of issue 9 (docs/INPUTS.md): shared links with extreme views,
// page-killing zooms, run ids past 2^32, sweeps replaced or abandoned, refused calls that used to
// change state, megabyte strings, NUL characters, objects that cannot be printed. Each is sent
// through the JS API and, where a parent page could send it, through postMessage; after each the
// page must still draw frames and answer, and a refused call must leave the state as it was.
//   node hostile.mjs URL [ARTIFACT_DIR]      (run.sh calls it after hardening.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { here, url, artifacts, check, assert, startBrowser, openPage, checkNoConsoleMessages, finish } from './harness.mjs';

await startBrowser();
const report = [];

// Everything a refused call must leave alone: scene, selection, playback, link and its
// messages, panels, anatomy, view, sweep (without its clock fields).
function snapshot() {
  const s = adamlab.getState(), w = adamlab.sweepState();
  delete s.uiTyping;
  return JSON.stringify({ s, link: adamlab.getLink(), sweep: [w.active, w.running, w.done, w.cancelled, w.serial, w.request, w.run] });
}
// Frames are still being drawn (a trapped wasm module stops them for good) and the view is finite.
async function alive(page, what) {
  const f0 = await page.evaluate(() => adamlab.stats().frames);
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => ({ frames: adamlab.stats().frames, view: adamlab.getState().view }));
  assert(r.frames > f0, `${what}: no frames drawn since (${f0} -> ${r.frames})`);
  const v = r.view;
  assert(v && [v.xmin, v.xmax, v.ymin, v.ymax].every(Number.isFinite) && v.xmax > v.xmin && v.ymax > v.ymin,
         `${what}: view ${JSON.stringify(v)}`);
  return r.frames - f0;
}
// Runs fn(page) in the page with snapshot() and reports its error and whether the state changed.
const refusalProbe = `(${snapshot.toString()})`;
async function refused(page, body) {
  return page.evaluate(`(() => {
    const snapshot = ${refusalProbe};
    const before = snapshot();
    let error = null;
    try { (${body})(); } catch (e) { error = e instanceof Error ? e.message : 'not an Error: ' + String(e); }
    return { error, same: snapshot() === before, after: snapshot(), before };
  })()`);
}

try {
  // ------------------------------------------------------------------ 1, 5: views from links, drags, zooms
  await check('1. #view=0,1.7e308,0,1 is refused naming the width; a drag on the map keeps the page alive', async () => {
    const page = await openPage(900, 600, '#view=0,1.7e308,0,1');
    const s = await page.evaluate(() => adamlab.getState());
    assert(s.linkErrors.some(e => e.startsWith('view=0,1.7e308,0,1: view width') && e.includes('too large')), s.linkErrors.join(' | '));
    const v = s.view;
    await page.mouse.move(v.left + v.width * 0.3, v.top + v.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(v.left + v.width * 0.3 + 30 * i, v.top + v.height * 0.6 - 12 * i);
    await page.mouse.up();
    const frames = await alive(page, 'after the drag');
    await page.goto(url + '#view=1e308,1.7e308,0,1');
    await page.evaluate(() => adamlab.ready);
    const s2 = await page.evaluate(() => adamlab.getState());
    assert(s2.linkErrors.some(e => e.startsWith('view=1e308,1.7e308,0,1: view')), s2.linkErrors.join(' | '));
    await alive(page, 'after #view=1e308,1.7e308,0,1');
    await page.close();
    return `${s.linkErrors[0]}; ${frames} frames after the drag`;
  });

  const page = await openPage(900, 600);

  await check('2. zoomAt(1e-300, 1e308, 1e308) and zoomAt(1e300, ...) clamp the view; frames go on; the link loads back', async () => {
    const r = await page.evaluate(() => {
      adamlab.zoomAt(1e-300, 1e308, 1e308);
      const out = { v1: adamlab.getState().view, link1: adamlab.getLink() };
      adamlab.zoomAt(1e300, 1, 1);
      out.v2 = adamlab.getState().view;
      out.link2 = adamlab.getLink();
      out.reload = adamlab.setState(out.link2).errors;
      return out;
    });
    assert(Number.isFinite(r.v1.xmax - r.v1.xmin) && r.v1.xmax - r.v1.xmin <= 1.01e300, JSON.stringify(r.v1));
    assert(r.v2.xmax - r.v2.xmin > 0, JSON.stringify(r.v2));
    assert(r.reload.length === 0, r.reload.join(' | '));
    await alive(page, 'after extreme zooms');
    await page.evaluate(() => adamlab.resetToDefaults());
    return `zoomed out to width ${r.v1.xmax - r.v1.xmin}, in to ${r.v2.xmax - r.v2.xmin}`;
  });

  await check('5. zooming far in at 1e12 and far out never collapses the view; the page\'s own link always loads back', async () => {
    const r = await page.evaluate(() => {
      adamlab.setState('#view=999999999999,1000000000001,-1,1');
      const st = adamlab.getState().view;
      for (let i = 0; i < 60; i++) adamlab.zoomAt(10, st.left + st.width / 2, st.top + st.height / 2);
      const inV = adamlab.getState().view, inErrors = adamlab.setState(adamlab.getLink()).errors;
      for (let i = 0; i < 400; i++) adamlab.zoomAt(1 / 1.2, st.left + 5, st.top + 5);
      const outV = adamlab.getState().view, outErrors = adamlab.setState(adamlab.getLink()).errors;
      return { inV, inErrors, outV, outErrors };
    });
    assert(r.inV.xmax > r.inV.xmin && r.inErrors.length === 0, JSON.stringify(r));
    assert(r.outV.xmax > r.outV.xmin && r.outErrors.length === 0, JSON.stringify(r));
    await alive(page, 'after zooming far in and out');
    await page.evaluate(() => adamlab.resetToDefaults());
    return `width ${(r.inV.xmax - r.inV.xmin).toPrecision(3)} at 1e12, ${(r.outV.xmax - r.outV.xmin).toPrecision(3)} zoomed out`;
  });

  await check('2, 5 via postMessage: the parent page\'s extreme zooms and links leave the embed alive', async () => {
    const p = await (await import('./harness.mjs')).open({ viewport: { width: 760, height: 480 } }, 'parent');
    const parentPage = fs.readFileSync(path.join(here, 'parent.html'), 'utf8');
    await p.route(url + 'test-parent.html', route => route.fulfill({ body: parentPage, contentType: 'text/html' }));
    await p.goto(url + 'test-parent.html#preset=adam&embed=1');
    await p.evaluate(() => window.ready);
    const r = await p.evaluate(async () => {
      const out = {};
      const attempt = async (...a) => { try { return { result: await call(...a) }; } catch (e) { return { error: e.message }; } };
      out.zoom = await attempt('zoomAt', 1e-300, 1e308, 1e308);
      out.zoom0 = await attempt('zoomAt', 0, 10, 10);
      out.view = await attempt('setState', '#view=0,1.7e308,0,1');
      out.id = await attempt('removeRun', 2 ** 32 + 1);
      out.huge = await attempt('setState', '#' + 'x'.repeat(4 << 20));
      out.nul = await attempt('addRun', 'adam\0:lr=-1');
      const f0 = (await call('stats')).frames;
      await new Promise(resolve => setTimeout(resolve, 400));
      out.frames = (await call('stats')).frames - f0;
      out.state = await call('getState');
      return out;
    });
    await p.close();
    assert(r.zoom.result === null, JSON.stringify(r.zoom));
    assert(r.zoom0.error === 'invalid zoom factor: 0 (must be > 0)', JSON.stringify(r.zoom0));
    assert(r.view.result.errors.some(e => e.includes('view width')), JSON.stringify(r.view));
    assert(r.id.error && r.id.error.startsWith('invalid run id'), JSON.stringify(r.id));
    assert(r.huge.result.errors[0].startsWith('link too long: 4194305 characters'), JSON.stringify(r.huge).slice(0, 300));
    assert(r.nul.error && r.nul.error.includes('NUL'), JSON.stringify(r.nul));
    assert(r.frames > 0 && r.state.runs.length > 0, `frames ${r.frames}`);
    return `${r.frames} frames in 0.4 s after the hostile calls; ${r.huge.result.errors[0]}`;
  });

  // ------------------------------------------------------------------ 3: ids past 2^31 and 2^32
  await check('3. run ids past 2^31 and 2^32 are refused, never wrapped onto run 1; the state is unchanged', async () => {
    await page.evaluate(() => { adamlab.resetToDefaults(); adamlab.pause(); });
    const calls = {
      'removeRun(2**32+1)': 'adamlab.removeRun(2 ** 32 + 1)', 'removeRun(2**31)': 'adamlab.removeRun(2 ** 31)',
      'updateRun(2**32+1)': "adamlab.updateRun(2 ** 32 + 1, 'sgd:lr=0.1')", 'setVisible(2**32+1)': 'adamlab.setVisible(2 ** 32 + 1, false)',
      'selectRun(2**32+2)': 'adamlab.selectRun(2 ** 32 + 2)', 'trace(2**32+1)': 'adamlab.trace(2 ** 32 + 1)',
      'duplicateRun(2**32+1)': 'adamlab.duplicateRun(2 ** 32 + 1)', 'sweep({run: 2**32+1})': "adamlab.sweep({x: 'lr=1e-3:1:log:4', y: 'beta1=0:0.9:lin:4', run: 2 ** 32 + 1})",
      'anatomy(2**32+1)': 'adamlab.anatomy(2 ** 32 + 1)', 'setAnatomy(2**32+1)': 'adamlab.setAnatomy(2 ** 32 + 1)',
    };
    const out = [];
    for (const [name, body] of Object.entries(calls)) {
      const r = await refused(page, `() => ${body}`);
      assert(r.error && r.error.startsWith('invalid run id'), `${name}: ${r.error}`);
      assert(r.same, `${name} changed the state`);
      out.push(r.error);
    }
    return out[1];
  });

  // ------------------------------------------------------------------ 6: sweeps replaced or abandoned
  await check('6. a replaced, a cleared-by-removal and a reset sweep each resolve as not finished, with why', async () => {
    const r = await page.evaluate(async () => {
      adamlab.resetToDefaults();
      const big = { x: 'lr=1e-4:1:log:256', y: 'beta1=0:0.99:lin:256', steps: 2000 };
      const first = adamlab.sweep(big);
      const second = adamlab.sweep(Object.assign({}, big, { steps: 10 }));
      const out = { first: await first, second: await second };
      const id = adamlab.addRun('adam:lr=0.01');
      const removed = adamlab.sweep(Object.assign({}, big, { run: id }));
      adamlab.removeRun(id);
      out.removed = await removed;
      const reset = adamlab.sweep(big);
      adamlab.resetToDefaults();
      out.reset = await reset;
      return out;
    });
    assert(r.first.cancelled === true && r.first.outcome === 'replaced by a newer sweep' && r.first.summary === null, JSON.stringify(r.first));
    assert(r.second.cancelled === false && r.second.outcome === 'done' && r.second.summary.done === 65536, JSON.stringify(r.second).slice(0, 300));
    assert(r.removed.cancelled === true && r.removed.outcome === 'cleared: the swept run was removed', JSON.stringify(r.removed));
    assert(r.reset.cancelled === true && r.reset.outcome === 'cleared: the playground was reset to defaults', JSON.stringify(r.reset));
    return `${r.first.outcome}; ${r.removed.outcome}; ${r.reset.outcome}`;
  });

  // ------------------------------------------------------------------ 7 and smaller: refused calls change nothing
  await check('7 and the smaller cases: every refused call names its value and leaves the whole state as it was', async () => {
    await page.evaluate(() => adamlab.resetToDefaults());
    const cases = {
      'setAnatomy(id, {step: 2.5})': ["() => adamlab.setAnatomy(adamlab.getState().runs[2].id, {step: 2.5})", "invalid step: '2.5'"],
      'anatomy(id, {step: -5})': ['() => adamlab.anatomy(adamlab.getState().runs[0].id, {step: -5})', "invalid step: '-5'"],
      'anatomy(id, 7)': ['() => adamlab.anatomy(adamlab.getState().runs[0].id, 7)', "invalid anatomy options: '7'"],
      'setState({toString: 1})': ['() => adamlab.setState({toString: 1})', "invalid link: '[object Object]' (expected a string)"],
      'addRun({toString() { throw 1 }})': ['() => adamlab.addRun({toString() { throw 1; }})', "invalid optimizer spec: '[object Object]'"],
      'zoomAt(0)': ['() => adamlab.zoomAt(0, 10, 10)', 'invalid zoom factor: 0 (must be > 0)'],
      'zoomAt(-2)': ['() => adamlab.zoomAt(-2, 10, 10)', 'invalid zoom factor: -2 (must be > 0)'],
      'sweep({seeds: 1e9})': ["() => adamlab.sweep({x: 'lr=1e-3:1:log:4', y: 'beta1=0:0.9:lin:4', seeds: 1e9})", 'invalid sweep seeds: 1000000000 (1 to 64)'],
      'sweep({y: unknown key})': ["() => adamlab.sweep({x: 'lr=1e-3:1:log:4', y: 'beta9=0:0.9:lin:4'})", "invalid y 'beta9=0:0.9:lin:4': adam has no numeric option 'beta9'"],
      'addRun(NUL)': ["() => adamlab.addRun('adam\\0:lr=-1')", "invalid optimizer spec: 'adam' is followed by a NUL character (at index 4)"],
      'setProblem(5 MB)': ["() => adamlab.setProblem('x'.repeat(5e6))", 'invalid problem spec: 5000000 characters long (at most 4096)'],
    };
    const out = [];
    for (const [name, [body, want]] of Object.entries(cases)) {
      await page.evaluate(() => adamlab.play());  // a refused call must not pause it either
      const r = await refused(page, body);
      assert(r.error && r.error.includes(want), `${name}: got ${JSON.stringify(r.error)}, want …${want}…`);
      assert(!r.error.includes('--'), `${name}: names a CLI option: ${r.error}`);
      assert(r.same, `${name} changed the state:\n${r.before}\n${r.after}`);
      out.push(r.error);
    }
    const ok = await page.evaluate(() => adamlab.anatomy(adamlab.getState().runs[0].id, null).optimizer);
    assert(typeof ok === 'string', 'anatomy(id, null) did not answer');
    await alive(page, 'after the refused calls');
    return `${out.length} refusals, e.g. ${out[0]}`;
  });

  // ------------------------------------------------------------------ 8, 9: big strings and NULs in links
  await check('8. a 4 MB link (API) and a 1 MB one (address bar) are refused before it is copied: the heap does not grow', async () => {
    const r = await page.evaluate(async () => {
      adamlab.resetToDefaults();
      const heap0 = adamlab.stats().heapBytes, scene0 = adamlab.getLink();
      const errors = adamlab.setState('#problem=beale&' + 'run=adam&'.repeat(466034)).errors;
      location.hash = '#' + 'y'.repeat(1 << 20);  // Chromium keeps URLs up to 2 MB
      await new Promise(resolve => setTimeout(resolve, 300));
      const banner = adamlab.getState().linkErrors;
      const atLimit = adamlab.setState('#problem=beale&' + 'x'.repeat(262144 - 15)).errors;
      return { heap0, heap1: adamlab.stats().heapBytes, errors, banner, sameScene: adamlab.getState().problem, scene0, atLimit };
    });
    assert(r.errors.length === 1 && r.errors[0].startsWith('link too long: 4194321 characters (at most 262144)'), r.errors.join());
    assert(r.banner.length === 1 && r.banner[0].startsWith('link too long: 1048577 characters'), r.banner.join());
    assert(r.atLimit.length === 1 && !r.atLimit[0].startsWith('link too long'), r.atLimit.join().slice(0, 200));
    assert(r.heap1 - r.heap0 <= 4 << 20, `heap grew from ${r.heap0} to ${r.heap1}`);
    await alive(page, 'after the 4 MB links');
    return `heap ${(r.heap0 / 2 ** 20).toFixed(1)} -> ${(r.heap1 / 2 ** 20).toFixed(1)} MB; ${r.errors[0]}`;
  });

  await check('9. a NUL in a link no longer cuts it short: the rest is read and its bad parts reported', async () => {
    const r = await page.evaluate(() => adamlab.setState('#problem=beale\0&run=sgd:lr=-1').errors);
    assert(r.some(e => e.startsWith('problem=beale%00:') && e.includes("invalid name 'beale\\x00'")), r.join(' | '));
    assert(r.some(e => e.includes('Invalid learning rate: -1')), r.join(' | '));
    await page.evaluate(() => adamlab.resetToDefaults());
    return r.join(' | ');
  });

  await page.screenshot({ path: path.join(artifacts, 'hostile-after.png') });
  await page.close();
} catch (e) {
  await check('hostile input checks ran to the end', async () => { throw e; });
}
await checkNoConsoleMessages();
finish(report);
