// Browser test of bad and extreme input (docs/INPUTS.md): the JS API's extreme values, the
// postMessage bridge's hostile messages, typing bad values into the UI with real key events,
// hostile links, reset to defaults, and bounded memory over 10^6 steps.
//   node hardening.mjs URL [ARTIFACT_DIR]      (run.sh calls it after test.mjs)
// Prints one line per check, the measured heap, and a final "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { here, url, artifacts, check, assert, messages, startBrowser, openPage, checkNoConsoleMessages, finish } from './harness.mjs';

// The WASM heap may not grow past this while 12 runs play 10^6 steps (docs/INPUTS.md, "Limits").
const HEAP_BOUND_BYTES = 64 * 1024 * 1024;

const report = [];
const browser = await startBrowser();
const state = page => page.evaluate(() => adamlab.getState());
// Real key events, each held across a frame (ImGui 1.86 reads keys once per frame).
async function keys(page, list) {
  for (const k of list) { await page.keyboard.down(k); await page.waitForTimeout(40); await page.keyboard.up(k); await page.waitForTimeout(40); }
}
// Empties the focused ImGui text field and types `text`, then Enter.
async function retype(page, text) {
  await keys(page, ['End', ...Array(12).fill('Backspace'), ...text.split(''), 'Enter']);
  await page.waitForTimeout(150);
}
let stepLimitY = null;  // where the step limit field was found
const stepLimitX = 200;
// The scene without what moves on its own (frames, view) for before/after comparisons.
const sceneOf = s => JSON.stringify({ problem: s.problem, start: s.start, step: s.step, speed: s.speed,
  stepLimit: s.stepLimit, runs: s.runs.map(r => [r.id, r.optimizer, r.scheduler, r.x, r.y]) });

try {
  const page = await openPage(800, 600);

  // ------------------------------------------------------------------ JS API
  await check('JS API: extreme and malformed values get their message; the scene is unchanged', async () => {
    const r = await page.evaluate(() => {
      adamlab.pause();
      adamlab.reset();
      const scene = s => JSON.stringify({ problem: s.problem, start: s.start, step: s.step, speed: s.speed,
        stepLimit: s.stepLimit, runs: s.runs.map(x => [x.id, x.optimizer, x.x, x.y]) });
      const before = scene(adamlab.getState());
      const id = adamlab.getState().runs[0].id;
      const cases = {
        'step(NaN)': () => adamlab.step(NaN), 'step(-1)': () => adamlab.step(-1), 'step(1.5)': () => adamlab.step(1.5),
        'step("5")': () => adamlab.step('5'), 'setStart(NaN,0)': () => adamlab.setStart(NaN, 0),
        'setStart(0,Infinity)': () => adamlab.setStart(0, Infinity), 'setSpeed(1e9)': () => adamlab.setSpeed(1e9),
        'setSpeed(0)': () => adamlab.setSpeed(0), 'setStepLimit(1e12)': () => adamlab.setStepLimit(1e12),
        'setStepLimit(0)': () => adamlab.setStepLimit(0), 'setProblem(123)': () => adamlab.setProblem(123),
        'updateRun(lr=-1)': () => adamlab.updateRun(id, 'adam:lr=-1'), 'updateRun(beta2=1)': () => adamlab.updateRun(id, 'adam:beta2=1'),
        'addRun(lr=nan)': () => adamlab.addRun('adam:lr=nan'), 'removeRun(-1)': () => adamlab.removeRun(-1),
        'removeRun(1e300)': () => adamlab.removeRun(1e300), 'zoomAt(NaN)': () => adamlab.zoomAt(NaN, 1, 1),
        'setNoise(std=-1)': () => adamlab.setNoise('gaussian:std=-1'),
        'sweep 10^6 x 10^6': () => adamlab.sweep({ x: 'lr=1e-4:1:log:1000000', y: 'beta1=0:0.99:lin:1000000', steps: 100 }),
        'sweep steps 1e12': () => adamlab.sweep({ x: 'lr=1e-4:1:log:8', y: 'beta1=0:0.99:lin:8', steps: 1e12 }),
      };
      const errors = {};
      for (const [name, f] of Object.entries(cases)) {
        try { f(); errors[name] = null; } catch (e) { errors[name] = e instanceof Error ? e.message : 'not an Error: ' + e; }
      }
      return { errors, same: scene(adamlab.getState()) === before };
    });
    const expected = {
      'step(NaN)': "invalid step count: 'NaN'", 'step(-1)': 'invalid step count: -1', 'step(1.5)': 'invalid step count: 1.5',
      'step("5")': "invalid step count: '5'", 'setStart(NaN,0)': "invalid start x: 'NaN'",
      'setStart(0,Infinity)': "invalid start y: 'Infinity'", 'setSpeed(1e9)': 'invalid speed: 1000000000 (steps per second, 0.25 to 20000)',
      'setSpeed(0)': 'invalid speed: 0 (steps per second, 0.25 to 20000)',
      'setStepLimit(1e12)': 'invalid step limit: 1000000000000 (1 to 200000)', 'setStepLimit(0)': 'invalid step limit: 0 (1 to 200000)',
      'setProblem(123)': "invalid problem spec: '123' (expected a string)", 'updateRun(lr=-1)': 'Invalid learning rate: -1',
      'updateRun(beta2=1)': 'Invalid beta parameter at index 1: 1', 'addRun(lr=nan)': "'nan'", 'removeRun(-1)': "invalid run id: '-1'",
      'removeRun(1e300)': "invalid run id: '1e+300'", 'zoomAt(NaN)': "invalid zoom factor: 'NaN'", 'setNoise(std=-1)': 'std',
      'sweep 10^6 x 10^6': '1000000', 'sweep steps 1e12': 'steps',
    };
    for (const [name, want] of Object.entries(expected))
      assert(r.errors[name] && r.errors[name].includes(want), `${name}: got ${JSON.stringify(r.errors[name])}, want …${want}…`);
    assert(r.same, 'state changed');
    return `${Object.keys(expected).length} refusals, e.g. ${r.errors['setStepLimit(1e12)']}`;
  });

  await check('JS API: step(1e12) stops at the step limit; a 13th run is refused; a huge start diverges at step 0', async () => {
    const r = await page.evaluate(() => {
      adamlab.resetToDefaults();
      adamlab.pause();
      const t0 = performance.now();
      adamlab.step(1e12);
      const ms = performance.now() - t0;
      const s = adamlab.getState();
      while (adamlab.getState().runs.length < 12) adamlab.addRun('adam');
      let thirteenth = null;
      try { adamlab.addRun('adam'); } catch (e) { thirteenth = e.message; }
      adamlab.resetToDefaults();
      adamlab.pause();
      adamlab.setStart(1e300, -1e300);
      adamlab.step(5);
      const huge = adamlab.getState();
      adamlab.resetToDefaults();
      return { step: s.step, limit: s.stepLimit, ms, thirteenth, huge: huge.runs.map(x => [x.diverged, x.divergedAt]) };
    });
    assert(r.step === r.limit, `step ${r.step} of ${r.limit}`);
    assert(r.thirteenth === 'too many runs (at most 12)', r.thirteenth);
    assert(r.huge.every(([d, k]) => d && k === 0), JSON.stringify(r.huge));
    return `step(1e12) -> ${r.step} in ${r.ms.toFixed(0)} ms`;
  });

  await check('JS API: zoomAt(1e300) and zoomAt(1e-300) clamp the view; it never reaches zero width', async () => {
    const r = await page.evaluate(async () => {
      const frame = () => new Promise(res => requestAnimationFrame(() => requestAnimationFrame(res)));
      adamlab.zoomAt(1e300, 300, 300); await frame();
      const tiny = adamlab.getState().view;
      adamlab.zoomAt(1e-300, 300, 300); await frame();
      adamlab.zoomAt(1e-300, 300, 300); await frame();
      const huge = adamlab.getState().view;
      return { tiny, huge };
    });
    const w = v => v.xmax - v.xmin;
    assert(w(r.tiny) > 0 && Number.isFinite(w(r.tiny)), JSON.stringify(r.tiny));
    assert(w(r.huge) > 0 && Number.isFinite(w(r.huge)), JSON.stringify(r.huge));
    await page.screenshot({ path: path.join(artifacts, 'hardening-zoomed-out.png') });
    await page.evaluate(() => adamlab.resetToDefaults());
    return `widths ${w(r.tiny).toPrecision(2)} .. ${w(r.huge).toPrecision(2)}`;
  });

  // ------------------------------------------------------------------ hostile links
  await check('setState of hostile links: bounded time, errors reported (summarized), valid parts load', async () => {
    const r = await page.evaluate(() => {
      const many = '#problem=himmelblau' + '&run=adam:lr=0.01'.repeat(10000);
      const links = {
        many, numbers: '#limit=1e300&speed=1e308&start=1e400,0&at=99999999999&view=0,0,0,1&problem=quadratic',
        long: '#run=adam:lr=' + '9'.repeat(100000) + '&problem=' + 'x'.repeat(100000),  // under kMaxLinkChars
        garbage: '#%%%ZZ%&%00=%ff&run=%E2%82&problem=%72osenbrock&&&=&==',
      };
      const out = {};
      for (const [name, link] of Object.entries(links)) {
        const t0 = performance.now();
        const errors = adamlab.setState(link).errors;
        out[name] = { ms: performance.now() - t0, errors, state: adamlab.getState() };
      }
      return out;
    });
    for (const [name, x] of Object.entries(r)) assert(x.ms < 3000, `${name} took ${x.ms} ms`);
    assert(r.many.state.runs.length === 12 && r.many.errors.length === 21, `${r.many.state.runs.length} runs, ${r.many.errors.length} errors`);
    assert(r.many.errors[20] === '... and 9968 more', r.many.errors[20]);
    assert(r.numbers.state.problem.startsWith('quadratic') && r.numbers.errors.length === 5, r.numbers.errors.join('; '));
    assert(r.long.errors.length === 2 && r.long.errors.every(e => e.length <= 240), r.long.errors.map(e => e.length).join());
    assert(r.garbage.errors.length > 0 && r.garbage.state.problem.startsWith('rosenbrock'), r.garbage.errors.join('; '));
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(artifacts, 'hardening-hostile-link.png') });
    return Object.entries(r).map(([n, x]) => `${n} ${x.ms.toFixed(0)} ms`).join(', ');
  });

  await check('reset to defaults: the banner button and resetToDefaults() bring back the default scene', async () => {
    const fresh = await openPage(800, 600);
    const defaults = sceneOf(await state(fresh));
    await fresh.close();
    // The banner's "Start over" button after a hostile link, clicked with the mouse.
    await page.evaluate(() => adamlab.setState('#problem=saddle&run=sgd:lr=1e300&run=adam:lr=abc&embed=1&panels=landscape'));
    await page.waitForTimeout(200);
    const png = await page.screenshot({ path: path.join(artifacts, 'hardening-banner.png') });
    let clicked = false;
    for (let y = 30; y < 200 && !clicked; y += 4) {
      // The banner is at the map's top left; its last line is the button.
      const s = await state(page);
      if (!s.embed) { clicked = true; break; }
      await page.mouse.click(60, y);
      await page.waitForTimeout(60);
      if (!(await state(page)).embed) clicked = true;
    }
    assert(clicked, 'no Start over button found in the banner');
    const a = await state(page);
    // The JS method, from a broken state.
    const b = await page.evaluate(() => {
      adamlab.setState('#problem=goldstein_price&start=1e150,1e150&run=sgd:lr=10&limit=5&at=5');
      adamlab.resetToDefaults();
      return adamlab.getState();
    });
    const norm = s => JSON.stringify({ problem: s.problem, start: s.start, runs: s.runs.map(r => r.optimizer), stepLimit: s.stepLimit,
      speed: s.speed, playing: s.playing, embed: s.embed, preset: s.preset, linkErrors: s.linkErrors });
    const want = JSON.parse(defaults);
    for (const s of [a, b]) {
      assert(s.problem === want.problem && s.runs.map(r => r.optimizer).join() === want.runs.map(r => r[1]).join(), norm(s));
      assert(s.playing && !s.embed && s.preset === null && s.linkErrors.length === 0 && s.link.indexOf('problem=saddle') < 0, norm(s));
    }
    return `${a.runs.length} runs on ${a.problem.split(':')[0]}, link ${a.link}`;
  });

  // ------------------------------------------------------------------ the UI's numeric fields
  await check('UI: typing a bad step limit with the keyboard shows the message and changes nothing', async () => {
    await page.evaluate(() => { adamlab.resetToDefaults(); adamlab.pause(); });
    await page.waitForTimeout(100);
    const before = await state(page);
    // The step limit field is the row below the speed slider (which a click would change), right
    // of its label; find it by where typing starts.
    for (let y = 104; y < 140 && stepLimitY === null; y += 3) {
      await page.mouse.click(stepLimitX, y);
      await page.waitForTimeout(60);
      if ((await state(page)).uiTyping) stepLimitY = y;
    }
    assert(stepLimitY !== null, 'no text field under the step limit row');
    assert((await state(page)).speed === before.speed, 'a click changed the speed');
    await retype(page, '0');
    const after = await state(page);
    await page.mouse.move(600, 300);  // no tooltip over the message
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(artifacts, 'hardening-ui-error.png') });
    assert(after.uiError === 'invalid step limit: 0 (1 to 200000)', JSON.stringify(after.uiError));
    assert(after.stepLimit === before.stepLimit, `limit ${before.stepLimit} -> ${after.stepLimit}`);
    // A good value then applies and clears the message.
    await page.mouse.click(stepLimitX, stepLimitY, { delay: 100 });
    await page.waitForTimeout(60);
    await retype(page, '500');
    const good = await state(page);
    assert(good.stepLimit === 500 && good.uiError === '', `limit ${good.stepLimit}, message ${good.uiError}`);
    return `"${after.uiError}" shown, limit kept at ${before.stepLimit}`;
  });

  await check('UI: an lr typed into its exact-value box that torch rejects shows torch\'s message', async () => {
    await page.evaluate(() => { adamlab.setState('#run=adam:lr=0.05'); adamlab.pause(); adamlab.reset(); });
    await page.waitForTimeout(150);
    const before = await state(page);
    // A click on the value beside the lr slider types the exact value (at 800x600 the run's
    // options are below the fold: a taller page shows them).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(400);
    const f = await page.evaluate(() => adamlab.layout().fields.lr);
    assert(f, 'no lr field in the layout');
    await page.mouse.click(f.left + f.width - 15, f.top + f.height / 2, { delay: 100 });
    await page.waitForTimeout(300);  // text mode takes the keyboard in the frame after the click
    assert((await state(page)).uiTyping, 'a click on the value did not start typing');
    await retype(page, '-1');
    const after = await state(page);
    await page.mouse.move(600, 300);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(artifacts, 'hardening-ui-lr-error.png') });
    // The refusal is shown beside the field (the field keeps the typed text to fix).
    const edit = await page.evaluate(() => adamlab.layout().fieldEdit);
    assert(edit.error.startsWith('Invalid learning rate: -1'), JSON.stringify(edit));
    assert(sceneOf(after) === sceneOf(before), 'the scene changed');
    await keys(page, ['Escape']);
    await page.setViewportSize({ width: 800, height: 600 });
    await page.waitForTimeout(400);
    return `"${edit.error}"`;
  });

  // ------------------------------------------------------------------ postMessage
  await check('postMessage: unknown methods, wrong argument types and non-plain data get error replies', async () => {
    const p = await browser.newPage({ viewport: { width: 800, height: 500 } });
    p.on('pageerror', e => messages.push(`parent [pageerror] ${e.message}`));
    const parentPage = fs.readFileSync(path.join(here, 'parent.html'), 'utf8');
    await p.route(url + 'test-parent.html', route => route.fulfill({ body: parentPage, contentType: 'text/html' }));
    await p.goto(url + 'test-parent.html#preset=adam&embed=1');
    await p.evaluate(() => window.ready);
    const r = await p.evaluate(async () => {
      const lab = document.getElementById('lab').contentWindow;
      const raw = (message) => new Promise(resolve => {
        const listener = e => { if (e.data && e.data.adamlab === 'reply' && e.data.id === message.id) { removeEventListener('message', listener); resolve(e.data); } };
        addEventListener('message', listener);
        lab.postMessage(message, location.origin);
        setTimeout(() => resolve('no reply'), 3000);
      });
      const out = {};
      out.proto = await raw({ adamlab: 'call', id: 'a', method: '__proto__' });
      out.ctor = await raw({ adamlab: 'call', id: 'b', method: 'constructor' });
      out.number = await raw({ adamlab: 'call', id: 'c', method: 42 });
      out.argsObject = await raw({ adamlab: 'call', id: 'd', method: 'step', args: { 0: 5 } });
      out.stepObject = await raw({ adamlab: 'call', id: 'e', method: 'step', args: [{ n: 5 }] });
      out.startStrings = await raw({ adamlab: 'call', id: 'f', method: 'setStart', args: ['a', 'b'] });
      out.addRunArray = await raw({ adamlab: 'call', id: 'g', method: 'addRun', args: [['adam']] });
      out.date = await raw({ adamlab: 'call', id: 'h', method: 'setProblem', args: [new Date(0)] });
      out.hugeString = await raw({ adamlab: 'call', id: 'i', method: 'setProblem', args: ['x'.repeat(1 << 20)] });
      out.hugeStep = await raw({ adamlab: 'call', id: 'j', method: 'step', args: [1e12] });
      out.state = await raw({ adamlab: 'call', id: 'k', method: 'getState' });
      // Ignored without a reply: not a call, or not from the parent window.
      out.notCall = await raw({ adamlab: 'reply', id: 'l', method: 'reset' });
      return out;
    });
    await p.close();
    assert(r.proto.error === "unknown method: '__proto__'", JSON.stringify(r.proto));
    assert(r.ctor.error === "unknown method: 'constructor'", JSON.stringify(r.ctor));
    assert(r.number.error === "unknown method: '42'", JSON.stringify(r.number));
    assert(r.argsObject.error === 'args must be an array', JSON.stringify(r.argsObject));
    assert(r.stepObject.error === "invalid step count: '[object Object]'", JSON.stringify(r.stepObject));
    assert(r.startStrings.error === "invalid start x: 'a'", JSON.stringify(r.startStrings));
    assert(r.addRunArray.error === "invalid optimizer spec: 'adam' (expected a string)", JSON.stringify(r.addRunArray));
    assert(r.date.error && r.date.error.startsWith('invalid problem spec:'), JSON.stringify(r.date));
    assert(r.hugeString.error === 'invalid problem spec: 1048576 characters long (at most 4096)', JSON.stringify(r.hugeString).slice(0, 200));
    assert(r.hugeStep.result === null && r.state.result.step === r.state.result.stepLimit, JSON.stringify(r.hugeStep));
    assert(r.notCall === 'no reply', JSON.stringify(r.notCall));
    return `e.g. ${r.stepObject.error}; ${r.startStrings.error}`;
  });

  // ------------------------------------------------------------------ numeric edges drawn
  await check('saddle and goldstein_price far out: colour bar and loss chart show real numbers', async () => {
    await page.evaluate(() => { adamlab.setState('#problem=saddle&run=sgd:lr=0.01&run=adam:lr=0.05&speed=20000&limit=2000'); });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(artifacts, 'hardening-saddle.png') });
    await page.evaluate(() => { adamlab.setState('#problem=styblinski_tang&run=adam:lr=0.1&run=sgd:lr=0.01&speed=2000'); });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(artifacts, 'hardening-styblinski.png') });
    await page.evaluate(() => { adamlab.setState('#problem=goldstein_price&view=-1e40,1e40,-1e40,1e40'); });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(artifacts, 'hardening-goldstein-far.png') });
    const s = await state(page);
    assert(s.problem.startsWith('goldstein_price') && s.linkErrors.length === 0, s.linkErrors.join());
    await page.evaluate(() => adamlab.resetToDefaults());
  });

  // ------------------------------------------------------------------ memory and time
  await check(`10^6 steps with 12 runs at the step limit keep the WASM heap under ${HEAP_BOUND_BYTES >> 20} MB; the page still answers`, async () => {
    const r = await page.evaluate(async () => {
      const tick = () => new Promise(res => setTimeout(res, 0));
      adamlab.resetToDefaults();
      adamlab.pause();
      const heap0 = adamlab.stats().heapBytes;
      while (adamlab.getState().runs.length < 12) adamlab.addRun(['adam:lr=0.01', 'sgd:lr=0.001,momentum=0.9', 'rmsprop:lr=0.003', 'adamw:lr=0.02'][adamlab.getState().runs.length % 4]);
      adamlab.setStepLimit(200000);
      const samples = [heap0];
      let steps = 0;
      const t0 = performance.now();
      // Five passes over the longest scene: 12 runs x 200000 steps each, the trails at their cap.
      for (let pass = 0; pass < 5; pass++) {
        adamlab.reset();
        for (let k = 0; k < 10; k++) { adamlab.step(20000); steps += 20000; samples.push(adamlab.stats().heapBytes); await tick(); }
      }
      // Then the real clock: playing at maximum speed, looping, for two seconds.
      adamlab.setState(adamlab.getLink().replace(/&?(at|autoplay)=[^&]*/g, '') + '&loop=1&autoplay=1&speed=20000&limit=200000');
      await new Promise(res => setTimeout(res, 2000));
      samples.push(adamlab.stats().heapBytes);
      const ms = performance.now() - t0;
      const q0 = performance.now();
      const s = adamlab.getState();
      const answerMs = performance.now() - q0;
      const rows = s.runs.length;
      return { heap0, max: Math.max(...samples), last: samples[samples.length - 1], steps, ms, answerMs, rows, frames: adamlab.stats().frames };
    });
    report.push(`heap: ${(r.heap0 / 1048576).toFixed(1)} MB at start, ${(r.max / 1048576).toFixed(1)} MB max over ${r.steps} scene steps x ${r.rows} runs (bound ${HEAP_BOUND_BYTES >> 20} MB)`);
    assert(r.heap0 > 0, 'heapBytes not reported');
    assert(r.max <= HEAP_BOUND_BYTES, `heap ${r.max} B`);
    assert(r.steps >= 1e6, `${r.steps} steps`);
    assert(r.answerMs < 100, `getState took ${r.answerMs} ms`);
    const f0 = r.frames;
    await page.waitForTimeout(300);
    const f1 = await page.evaluate(() => adamlab.stats().frames);
    assert(f1 > f0, 'no frames after the long play');
    await page.screenshot({ path: path.join(artifacts, 'hardening-long-play.png') });
    await page.evaluate(() => adamlab.resetToDefaults());
    return `max heap ${(r.max / 1048576).toFixed(1)} MB, ${r.steps} steps x ${r.rows} runs in ${(r.ms / 1000).toFixed(1)} s, getState ${r.answerMs.toFixed(1)} ms after`;
  });

  await page.close();
  await checkNoConsoleMessages();
} finally {
  await browser.close();
}
finish(report);
