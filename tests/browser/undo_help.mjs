// Undo/redo and the help overlay (issue 12): steps made through the JS API and with the mouse
// are undone with real key presses and the API back to exactly the previous state and redone
// forward; Ctrl+Z while typing in a field leaves the scene alone; `?` opens the help, Esc and a
// click outside close it; the help's tutorial link opens a new tab; the tutorial links back.
//   node tests/browser/undo_help.mjs URL [ARTIFACT_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser, open, openPage, check, assert, checkNoConsoleMessages, finish, artifacts, url, messages } from './harness.mjs';

const browser = await startBrowser();
const lines = [];
const state = page => page.evaluate(() => adamlab.getState());

// Real key events, each held across a frame (ImGui 1.86 reads keys once per frame), modifiers
// pressed first and released last, as fingers do.
async function chord(page, keys) {
  for (const k of keys) { await page.keyboard.down(k); await page.waitForTimeout(30); }
  await page.waitForTimeout(40);
  for (const k of [...keys].reverse()) { await page.keyboard.up(k); await page.waitForTimeout(20); }
  await page.waitForTimeout(120);
}

// What a scene is, exactly: its link and every run as getState shows it (position, loss, lr)
// after Reset and 40 steps, without the run ids, which a restored scene numbers afresh. Playback
// is not part of an undo step (undo keeps the step it is at), so each scene is compared at the
// same step; Reset and stepping are no undo steps themselves.
async function sceneNow(page) {
  const s = await page.evaluate(() => { adamlab.pause(); adamlab.reset(); adamlab.step(40); return adamlab.getState(); });
  return sceneOf(s);
}
function sceneOf(s) {
  const runs = s.runs.map(r => { const c = { ...r }; delete c.id; return c; });
  return JSON.stringify({ link: s.link, problem: s.problem, start: s.start, step: s.step, runs });
}
// Polls getState until pred(state) holds (frames are slow on a loaded machine).
async function until(page, pred, ms = 3000) {
  const t0 = Date.now();
  let s = await state(page);
  while (!pred(s) && Date.now() - t0 < ms) { await page.waitForTimeout(50); s = await state(page); }
  return s;
}
function firstDifference(a, b) {
  const x = JSON.parse(a), y = JSON.parse(b);
  for (const k of Object.keys(x)) if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) return `${k}: ${JSON.stringify(x[k]).slice(0, 300)} vs ${JSON.stringify(y[k]).slice(0, 300)}`;
  return null;
}
function same(a, b, what) {
  const d = a === b ? null : firstDifference(a, b) || 'differs';
  assert(!d, `${what}: ${d}`);
}

const page = await openPage(1280, 800);
await page.evaluate(() => { adamlab.pause(); adamlab.step(40); });
await page.waitForTimeout(150);
const snaps = [];  // the scene after each step, snaps[0] = as opened

await check('the page as it opened has nothing to undo; Undo and Redo report so', async () => {
  const s = await state(page);
  assert(s.undo && s.undo.canUndo === false && s.undo.canRedo === false, JSON.stringify(s.undo));
  const r = await page.evaluate(() => adamlab.undo());
  assert(r.changed === false && r.runs.length === s.runs.length, `undo on nothing: changed ${r.changed}`);
  snaps.push(await sceneNow(page));
  return `undo() -> changed: false, playing/pausing/stepping made no step`;
});

let runId = null;
await check('three steps: add a run and change its lr (API), drag the start with the mouse (one step)', async () => {
  runId = await page.evaluate(() => adamlab.addRun('adamw:lr=0.01,weight_decay=0.05'));
  snaps.push(await sceneNow(page));
  await page.evaluate(id => adamlab.updateRun(id, 'adamw:lr=0.03,weight_decay=0.05'), runId);
  snaps.push(await sceneNow(page));
  const before = await state(page);
  assert(before.undo.undoDepth === 2, `undo depth ${before.undo.undoDepth} after two calls`);
  await page.waitForTimeout(100);
  const L = await page.evaluate(() => adamlab.layout());
  const from = { x: L.start.left + L.start.width / 2, y: L.start.top + L.start.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) { await page.mouse.move(from.x + 6 * i, from.y - 4 * i); await page.waitForTimeout(25); }
  await page.mouse.up();
  await page.waitForTimeout(150);
  const after = await state(page);
  assert(after.start[0] > before.start[0] && after.start[1] > before.start[1], `the drag did not move the start: ${before.start} -> ${after.start}`);
  assert(after.undo.undoDepth === 3, `a 12-move drag made ${after.undo.undoDepth - 2} steps, not 1`);
  snaps.push(await sceneNow(page));
  await page.screenshot({ path: path.join(artifacts, 'undo-after-steps.png') });
  return `start (${before.start.map(v => v.toFixed(3))}) -> (${after.start.map(v => v.toFixed(3))}) in 12 moves = 1 step; depth 3`;
});

await check('Ctrl+Z (real keys) twice and adamlab.undo() once: each back to the exact previous scene', async () => {
  await chord(page, ['Control', 'z']);
  same(await sceneNow(page), snaps[2], 'after the first Ctrl+Z (start drag undone)');
  await chord(page, ['Control', 'z']);
  same(await sceneNow(page), snaps[1], 'after the second Ctrl+Z (lr change undone)');
  const r = await page.evaluate(() => adamlab.undo());
  assert(r.changed === true, 'undo() said nothing changed');
  assert(!r.playing && r.step === 40, `playback changed by undo: playing ${r.playing}, step ${r.step} (was paused at 40)`);
  same(await sceneNow(page), snaps[0], 'undo() (the added run gone)');
  const s = await state(page);
  assert(s.undo.canUndo === false && s.undo.redoDepth === 3, JSON.stringify(s.undo));
  return 'three states equal, link, step 40 and every run\'s position included';
});

await check('Ctrl+Shift+Z, Ctrl+Y and adamlab.redo(): forward again to each exact scene; nothing more to redo', async () => {
  await chord(page, ['Control', 'Shift', 'Z']);
  same(await sceneNow(page), snaps[1], 'after Ctrl+Shift+Z');
  await chord(page, ['Control', 'y']);
  same(await sceneNow(page), snaps[2], 'after Ctrl+Y');
  const r = await page.evaluate(() => adamlab.redo());
  assert(r.changed === true, 'redo() said nothing changed');
  same(await sceneNow(page), snaps[3], 'after redo()');
  const none = await page.evaluate(() => adamlab.redo());
  assert(none.changed === false, 'redo past the end changed something');
  same(await sceneNow(page), snaps[3], 'a redo with nothing to redo');
  return 'the run, its lr and the dragged start back, in order';
});

await check('Cmd+Z twice when the browser drops z\'s keyup (as macOS does while Cmd is held): two undos', async () => {
  const s0 = await state(page);
  assert(s0.undo.undoDepth >= 2, `depth ${s0.undo.undoDepth}`);
  for (let i = 0; i < 2; i++) {
    await page.keyboard.down('Meta');
    await page.waitForTimeout(30);
    await page.keyboard.down('z');  // the second time the browser calls it a repeat
    await page.waitForTimeout(60);
    await page.keyboard.up('Meta');  // and z's keyup never comes
    await page.waitForTimeout(120);
  }
  await page.keyboard.up('z');
  await page.waitForTimeout(60);
  const s = await state(page);
  assert(s.undo.undoDepth === s0.undo.undoDepth - 2, `depth ${s0.undo.undoDepth} -> ${s.undo.undoDepth}`);
  same(await sceneNow(page), snaps[1], "after two Cmd+Z");
  await page.evaluate(() => { adamlab.redo(); adamlab.redo(); });
  same(await sceneNow(page), snaps[3], 'redone');
  return `depth ${s0.undo.undoDepth} -> ${s.undo.undoDepth}`;
});

await check('a new change after an undo clears the redo list', async () => {
  await page.evaluate(() => adamlab.undo());
  assert((await state(page)).undo.canRedo, 'nothing to redo after an undo');
  await page.evaluate(() => adamlab.setProblem('beale'));
  const s = await state(page);
  assert(!s.undo.canRedo && s.undo.canUndo, JSON.stringify(s.undo));
  await page.evaluate(() => adamlab.undo());
  same(await sceneNow(page), snaps[2], 'undoing the problem change');
  return `undo depth ${s.undo.undoDepth}, redo cleared`;
});

await check('Ctrl+Z while typing in a text field undoes the typing, not the scene', async () => {
  await page.evaluate(() => adamlab.setStart(0.25, 0.25));
  const beforeScene = await sceneNow(page);
  const before = await state(page);
  assert(before.undo.canUndo, 'the test needs something to undo');
  // A text field of the control column: the step limit box (found where a click starts typing).
  let found = null;
  for (let y = 60; y < 260 && found === null; y += 4) {
    await page.mouse.click(200, y);
    await page.waitForTimeout(50);
    const s = await state(page);
    if (s.uiTyping) found = y;
    else if (s.undo.undoDepth !== before.undo.undoDepth) await page.evaluate(() => adamlab.undo());  // a slider moved
  }
  assert(found !== null, 'no text field in the control column');
  await chord(page, ['End']);
  await chord(page, ['7']);
  await chord(page, ['Control', 'z']);
  await chord(page, ['Control', 'z']);
  const typing = await state(page);
  assert(typing.uiTyping, 'the field lost the keyboard');
  await chord(page, ['Escape']);  // leaves the field without applying
  const after = await state(page);
  same(await sceneNow(page), beforeScene, 'Ctrl+Z in a field changed the scene');
  assert(after.undo.undoDepth === before.undo.undoDepth, `undo depth ${before.undo.undoDepth} -> ${after.undo.undoDepth}`);
  assert(!after.uiTyping, 'Esc did not leave the field');
  return `field at y=${found}; scene and depth ${after.undo.undoDepth} unchanged`;
});

await check('the network mode has its own history: data, model and seed changes undo there only', async () => {
  const land = await state(page);
  await page.evaluate(() => { adamlab.setMode('network'); adamlab.pause(); });
  const n0 = await state(page);
  const n0Scene = await sceneNow(page);
  assert(n0.undo.canUndo === false, `network history not empty: ${JSON.stringify(n0.undo)}`);
  await page.evaluate(() => adamlab.setNetwork({ data: 'moons:noise=0.15', seed: 9 }));
  await page.evaluate(() => adamlab.setNetwork({ model: 'mlp:hidden=8,activation=tanh' }));
  const n2 = await state(page);
  assert(n2.undo.undoDepth === 2, `depth ${n2.undo.undoDepth}`);
  await chord(page, ['Control', 'z']);
  const n1 = await state(page);
  assert(n1.network.model !== n2.network.model && n1.network.data === n2.network.data, `${n1.network.model} / ${n1.network.data}`);
  await page.evaluate(() => adamlab.undo());
  same(await sceneNow(page), n0Scene, 'the network scene after two undos');
  await page.evaluate(() => adamlab.setMode('landscape'));
  const l = await state(page);
  assert(l.undo.undoDepth === land.undo.undoDepth && l.undo.canRedo === land.undo.canRedo, 'the landscape history changed');
  return `network: ${n2.network.data}, ${n2.network.model} undone to ${n0.network.data}, ${n0.network.model}`;
});

await check('the Undo button undoes like Ctrl+Z', async () => {
  const before = await sceneNow(page);
  const b0 = await state(page);
  await page.evaluate(() => adamlab.setStart(0.5, 0.5));
  await page.waitForTimeout(100);
  // Undo, Redo and "?" follow the mode switch: on its row where it has room, else the next one.
  const L = await page.evaluate(() => adamlab.layout());
  const row = L.modeSwitch.landscape;
  const shot = await page.screenshot({ clip: { x: L.controls.left, y: row.top - 4, width: L.controls.width, height: 2 * row.height + 16 } });
  fs.writeFileSync(path.join(artifacts, 'undo-buttons.png'), shot);
  let where = null;
  for (const y of [row.top + row.height / 2, row.top + row.height * 1.5 + 5]) {
    for (let x = L.controls.left + 14; x < L.controls.left + L.controls.width - 10 && !where; x += 24) {
      if (y < row.top + row.height && x < row.left + 2 * row.width + 40) continue;  // the mode switch itself
      await page.mouse.click(x, y, { delay: 60 });
      const s = await until(page, s => s.start[0] !== 0.5, 300);
      if (s.start[0] === b0.start[0] && s.start[1] === b0.start[1]) where = { x, y };
      else if (s.undo.undoDepth !== b0.undo.undoDepth + 1) throw new Error(`a click at (${x}, ${y}) changed the history`);
    }
    if (where) break;
  }
  assert(where, 'no click on the rows of the mode switch undid the start move');
  same(await sceneNow(page), before, 'the Undo button');
  return `Undo at (${Math.round(where.x)}, ${Math.round(where.y)}): start back`;
});

await check('`?` opens the help over the page; Esc closes it; a click outside closes it', async () => {
  await chord(page, ['?']);
  let s = await until(page, s => s.help.open && s.help.card);
  assert(s.help.open && s.help.card, `help not open: ${JSON.stringify(s.help)}`);
  await page.waitForTimeout(100);
  await page.screenshot({ path: path.join(artifacts, 'help-1280x800.png') });
  await chord(page, ['Escape']);
  s = await until(page, s => !s.help.open);
  assert(!s.help.open, 'Esc did not close the help');
  await chord(page, ['?']);
  s = await until(page, s => s.help.open && s.help.card);
  assert(s.help.open, '? did not open the help again');
  const depth = s.undo.undoDepth, start = s.start;
  const c = s.help.card;
  await page.mouse.click(Math.max(4, c.left - 10), c.top + 20, { delay: 60 });
  await page.waitForTimeout(120);
  const t = await until(page, s => !s.help.open);
  assert(!t.help.open, 'a click outside did not close the help');
  assert(t.undo.undoDepth === depth && t.start[0] === start[0] && t.start[1] === start[1], 'the click that closed the help also reached the page');
  return `card ${Math.round(c.width)}x${Math.round(c.height)} at (${Math.round(c.left)}, ${Math.round(c.top)})`;
});

await check('the help\'s "Open the tutorial" opens tutorial.html in a new tab', async () => {
  await chord(page, ['?']);
  const c = (await until(page, s => s.help.open && s.help.card)).help.card;
  const opened = [];
  const onPage = p => opened.push(p);
  page.context().on('page', onPage);
  // Its second row, below the title: the one button on the left.
  for (let dy = 30; dy <= 60 && !opened.length; dy += 6) {
    await page.mouse.click(c.left + 70, c.top + dy, { delay: 60 });
    for (let i = 0; i < 20 && !opened.length; i++) await page.waitForTimeout(100);
  }
  page.context().off('page', onPage);
  assert(opened.length === 1, `${opened.length} new tabs`);
  await opened[0].waitForLoadState();
  const u = opened[0].url();
  await opened[0].close();
  await page.bringToFront();  // a background tab draws no frames
  assert(/\/tutorial\.html$/.test(u), u);
  assert(page.url().startsWith(url), 'the playground navigated away');
  await chord(page, ['Escape']);
  return u.replace(url, '');
});

await check('the tutorial links back: "Open the playground" at the top, and each live figure to the full playground', async () => {
  const tut = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  tut.on('console', m => messages.push(`tutorial [${m.type()}] ${m.text()}`));
  await tut.route('**/index.html*', r => r.abort());  // the figures' playgrounds are not under test
  await tut.goto(url.replace(/index\.html$/, '').replace(/\/?$/, '/') + 'tutorial.html');
  const r = await tut.evaluate(() => {
    const top = [...document.querySelectorAll('a')].find(a => /Open the playground/.test(a.textContent));
    const rect = top && top.getBoundingClientRect();
    const figures = [...document.querySelectorAll('figure iframe')].map(f => {
      const link = f.closest('figure').querySelector('a.open');
      return { src: f.getAttribute('src'), href: link && link.getAttribute('href') };
    });
    return { top: top && { href: top.getAttribute('href'), y: rect.top, visible: rect.width > 0 && rect.height > 0 }, figures };
  });
  assert(r.top && r.top.visible && r.top.y < 100 && /^index\.html/.test(r.top.href), JSON.stringify(r.top));
  const missing = r.figures.filter(f => !f.href || !f.href.startsWith('index.html#'));
  assert(r.figures.length > 0 && missing.length === 0, `figures without a link: ${JSON.stringify(missing)}`);
  await tut.close();
  messages.splice(0, messages.length, ...messages.filter(m => !/^tutorial .*ERR_FAILED/.test(m)));
  return `top link at y=${Math.round(r.top.y)}, ${r.figures.length} figures each linked`;
});

for (const [w, h, dpr, label, hash] of [[390, 844, 3, 'phone', ''], [480, 320, 1, 'embed', '#preset=adam&embed=1']]) {
  await check(`the help is readable at ${w}x${h} (${label}, DPR ${dpr})`, async () => {
    const p = await open({ viewport: { width: w, height: h }, deviceScaleFactor: dpr, hasTouch: label === 'phone' },
                         `${w}x${h}`, hash);
    try {
    await chord(p, ['?']);
    const s = await until(p, s => s.help.open && s.help.card);
    assert(s.help.open && s.help.card, 'help not open');
    const c = s.help.card;
    assert(c.left >= 0 && c.top >= 0 && c.left + c.width <= w && c.top + c.height <= h, `card off screen: ${JSON.stringify(c)}`);
    assert(c.width >= w - 20, `card ${c.width} wide on a ${w} px screen`);
    await p.waitForTimeout(100);
    await p.screenshot({ path: path.join(artifacts, `help-${label}-${w}x${h}.png`) });
    await chord(p, ['Escape']);
    assert(!(await until(p, s => !s.help.open)).help.open, 'Esc did not close it');
    return `card ${Math.round(c.width)}x${Math.round(c.height)}`;
    } finally { await p.close(); }
  });
}

await checkNoConsoleMessages();
finish(lines);
