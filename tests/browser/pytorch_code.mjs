// "PyTorch code" (issue 12): the JS API returns a script for a run tuned through the API, its
// constructor line leaves torch's defaults out, the script run under real torch (/usr/bin/python3,
// PyTorch 1.13) prints the numbers of adamlab.trace(id) to 1e-10 (landscape, with noise and a
// scheduler; the whole scene; the network mode), the window opens at desktop, phone and embed
// sizes (screenshots, canvas not blank) and its Copy button copies the script, and refused calls
// change nothing.
//   node tests/browser/pytorch_code.mjs URL [ARTIFACT_DIR]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { artifacts, assert, check, checkNoConsoleMessages, finish, imageStats, open, openPage, startBrowser } from './harness.mjs';

const PYTHON = '/usr/bin/python3';  // Debian's python3-torch (the python3 first on PATH lacks torch)
const REL_TOL = 1e-10;
const measured = [];

function runPython(script) {
  const r = spawnSync(PYTHON, ['-'], { input: script, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 300000 });
  if (r.status !== 0) throw new Error(`python exited ${r.status} (signal ${r.signal}): ${(r.stderr || '').slice(-400)}`);
  return r.stdout;
}

function relDiff(a, b) {
  const x = Number(a), y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity;
  if (x === y) return 0;
  return Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
}

// Max relative difference of two csv texts with the same header, rows and step column.
function compareCsv(ours, theirs) {
  const a = ours.trim().split('\n'), b = theirs.trim().split('\n');
  assert(a.length === b.length, `${a.length} rows from python, ${b.length} from the page`);
  assert(a[0] === b[0], `headers differ: ${a[0]} vs ${b[0]}`);
  let worst = 0;
  for (let i = 1; i < a.length; i++) {
    const fa = a[i].split(','), fb = b[i].split(',');
    assert(fa[0] === fb[0], `step columns differ: ${a[i]} vs ${b[i]}`);
    for (let j = 1; j < fa.length; j++) worst = Math.max(worst, relDiff(fa[j], fb[j]));
  }
  return worst;
}

// The "# run" blocks of a whole-scene script's output.
function blocks(output) {
  return output.split(/^# run .*\n/m).filter(s => s.trim().length > 0);
}

await startBrowser();
const page = await openPage(1280, 800);
const api = (fn, ...args) => page.evaluate(fn, ...args);

let id = 0;
await check('a run tuned through the API gives its script and constructor lines', async () => {
  const s = await api(() => { adamlab.pause(); return adamlab.getState(); });
  id = s.runs[0].id;
  const code = await api(id => {
    adamlab.updateRun(id, 'adam:lr=0.05,beta1=0.8', 'step:step_size=30,gamma=0.5');
    adamlab.setNoise('gaussian:std=0.3', 5);
    adamlab.reset();
    adamlab.step(150);
    return adamlab.pytorchCode({ run: id });
  }, id);
  assert(code.constructor === 'torch.optim.Adam(params, lr=0.05, betas=(0.8, 0.999))', code.constructor);
  assert(code.scheduler === 'torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.5)', code.scheduler);
  assert(code.mode === 'landscape' && code.runs.length === 1 && code.runs[0].id === id, JSON.stringify(code.runs));
  assert(code.script.includes('STEPS = 150') && code.script.includes('NOISE_SEED = 5'), 'steps or noise seed missing');
  return code.constructor;
});

await check('the constructor line leaves every torch default out', async () => {
  const lines = await api(id => {
    const out = [];
    for (const spec of ['adam', 'adam:lr=0.001,beta2=0.999,eps=1e-8', 'sgd:lr=0.1,momentum=0.9,nesterov=true', 'rmsprop:centered=true']) {
      adamlab.updateRun(id, spec);
      out.push(adamlab.pytorchCode({ run: id }).constructor);
    }
    return out;
  }, id);
  const want = ['torch.optim.Adam(params)', 'torch.optim.Adam(params)',
    'torch.optim.SGD(params, lr=0.1, momentum=0.9, nesterov=True)', 'torch.optim.RMSprop(params, centered=True)'];
  assert(JSON.stringify(lines) === JSON.stringify(want), JSON.stringify(lines));
  await api(id => { adamlab.updateRun(id, 'adam:lr=0.05,beta1=0.8', 'step:step_size=30,gamma=0.5'); adamlab.reset(); adamlab.step(150); }, id);
});

await check('the run\'s script under torch 1.13 prints adamlab.trace(id) to 1e-10', async () => {
  const { script, trace } = await api(id => ({ script: adamlab.pytorchCode({ run: id }).script, trace: adamlab.trace(id) }), id);
  const worst = compareCsv(runPython(script), trace);
  measured.push(`landscape run (adam + StepLR + noise, 150 steps): max relative difference ${worst.toExponential(2)}`);
  assert(worst <= REL_TOL, `max relative difference ${worst}`);
  return `max rel diff ${worst.toExponential(2)}`;
});

await check('the whole scene\'s script prints every run\'s trace', async () => {
  const { script, traces } = await api(() => ({
    script: adamlab.pytorchCode({ scene: true }).script,
    traces: adamlab.getState().runs.map(r => adamlab.trace(r.id)),
  }));
  const out = blocks(runPython(script));
  assert(out.length === traces.length && traces.length >= 2, `${out.length} blocks for ${traces.length} runs`);
  const worst = Math.max(...out.map((b, i) => compareCsv(b, traces[i])));
  measured.push(`landscape scene (${traces.length} runs): max relative difference ${worst.toExponential(2)}`);
  assert(worst <= REL_TOL, `max relative difference ${worst}`);
  return `${traces.length} runs, max rel diff ${worst.toExponential(2)}`;
});

await check('refused calls throw and change nothing', async () => {
  const r = await api(() => {
    const before = adamlab.getLink() + JSON.stringify(adamlab.getState());
    const errors = [];
    for (const bad of [{ run: 99999 }, { run: -1 }, { run: 1.5 }, 'run', null, {}]) {
      try { adamlab.pytorchCode(bad); errors.push(null); } catch (e) { errors.push(e.message); }
    }
    try { adamlab.showPytorchCode({ run: 99999 }); errors.push(null); } catch (e) { errors.push(e.message); }
    return { errors, same: before === adamlab.getLink() + JSON.stringify(adamlab.getState()) };
  });
  assert(r.errors.every(e => e), `a bad call was accepted: ${JSON.stringify(r.errors)}`);
  assert(r.errors[0] === 'no run with id 99999', r.errors[0]);
  assert(r.same, 'a refused call changed the scene');
  return r.errors[0];
});

async function shot(p, name, width, height) {
  const png = await p.screenshot({ path: path.join(artifacts, `pytorch-code-${name}.png`) });
  const stats = await imageStats(p, png, { stride: 7 });
  assert(stats.colours > 20 && stats.filled > 0.2, `blank screenshot: ${JSON.stringify(stats)}`);
  return stats;
}

await check('the code window opens (desktop) and its Copy button copies the script', async () => {
  const r = await api(id => adamlab.showPytorchCode({ run: id }), id);
  assert(r.open && r.lines > 40, JSON.stringify(r));
  await page.waitForTimeout(300);
  await shot(page, 'desktop', 1280, 800);
  // The window is centred, 760 x 600 here: its first button sits under the title bar.
  // Down and up a few frames apart (a slow, software-rendered frame must see both).
  await page.mouse.move(640 - 380 + 22, 400 - 300 + 30);
  await page.waitForTimeout(200);
  await page.mouse.down();
  await page.waitForTimeout(200);
  await page.mouse.up();
  await page.waitForFunction(() => adamlab.lastCopy() !== null, null, { timeout: 10000 }).catch(() => {});
  const copy = await api(() => adamlab.lastCopy());
  const script = await api(id => adamlab.pytorchCode({ run: id }).script, id);
  assert(copy && copy.text === script, `copied ${copy ? copy.text.length + ' characters' : 'nothing'}`);
  return `${r.lines} lines`;
});

await check('the window closes through the API', async () => {
  const r = await api(() => adamlab.showPytorchCode(null));
  assert(r.open === false, JSON.stringify(r));
});

for (const [name, w, h, hash] of [['phone', 390, 844, ''], ['embed', 480, 320, '#embed=1&preset=adam']]) {
  await check(`the code window is readable at ${name} size ${w}x${h}`, async () => {
    const p = await openPage(w, h, hash);
    const r = await p.evaluate(() => { adamlab.pause(); return adamlab.showPytorchCode({ scene: true }); });
    assert(r.open, JSON.stringify(r));
    await p.waitForTimeout(300);
    await shot(p, name, w, h);
    await p.close();
  });
}

await check('the network mode: the run\'s script reproduces the losses and accuracies', async () => {
  const r = await api(() => {
    adamlab.setMode('network');
    adamlab.pause();
    adamlab.reset();
    adamlab.step(40);
    const s = adamlab.getState();
    return { code: adamlab.pytorchCode({ run: s.runs[0].id }), run: s.runs[0], step: s.step };
  });
  assert(r.code.mode === 'network' && r.step === 40, `mode ${r.code.mode}, step ${r.step}`);
  const rows = runPython(r.code.script).trim().split('\n');
  assert(rows[0] === 'step,train_loss,test_loss,train_accuracy,test_accuracy,lr', rows[0]);
  const last = rows[rows.length - 1].split(',');
  assert(last[0] === '40', `last row ${rows[rows.length - 1]}`);
  const worst = Math.max(relDiff(last[1], r.run.trainLoss), relDiff(last[2], r.run.testLoss),
    relDiff(last[3], r.run.trainAccuracy), relDiff(last[4], r.run.testAccuracy));
  measured.push(`network run (${r.code.constructor}, 40 steps): max relative difference ${worst.toExponential(2)}`);
  assert(worst <= REL_TOL, `max relative difference ${worst}`);
  return `max rel diff ${worst.toExponential(2)}`;
});

await check('the network window opens', async () => {
  const r = await api(() => adamlab.showPytorchCode({ scene: true }));
  assert(r.open, JSON.stringify(r));
  await page.waitForTimeout(300);
  await shot(page, 'network', 1280, 800);
});

await checkNoConsoleMessages();
finish(measured);
