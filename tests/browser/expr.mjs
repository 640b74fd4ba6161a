// "Your own landscape" (issue 13): a newcomer picks "f(x, y) = your own..." in the problem combo,
// types a function with real key events, sees the landscape change, makes a typo and is told the
// column (a caret under it, the scene unchanged), races Adam against SGD, shares the link and it
// opens the same scene; the examples are one click away; where f is NaN the map shows the NaN
// colour and a run that walks in diverges. Plus adamlab.setProblem('expr:...') refusals.
//   node expr.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import { url, artifacts, assert, check, checkNoConsoleMessages, finish, open, startBrowser, frames, press, clickRect } from './harness.mjs';

const NAN_RGB = [0x8a, 0x8a, 0x8a];  // src/sim/landscape.h kNanRgba

const state = page => page.evaluate(() => adamlab.getState());
const layout = page => page.evaluate(() => adamlab.layout());
const editor = async page => (await layout(page)).functionEditor;
// Replaces the field's text by typing it: click, select all, type character by character.
async function typeFunction(page, text) {
  await clickRect(page, (await editor(page)).field);
  await press(page, 'Control', 'a');
  await page.keyboard.type(text, { delay: 25 });
  await frames(page, 4);
}
// The state without what moves by itself or with the pointer and keys.
function stable(s) {
  const c = JSON.parse(JSON.stringify(s));
  delete c.uiTyping;
  delete c.undo;
  return JSON.stringify(c);
}
// Every `stride`-th pixel of a screenshot region (CSS px at DPR 1) as [r, g, b] triples.
async function pixels(page, region, stride = 3) {
  const png = await page.screenshot({ clip: { x: region.left, y: region.top, width: region.width, height: region.height } });
  return page.evaluate(async ({ b64, stride }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let y = 0; y < c.height; y += stride)
      for (let x = 0; x < c.width; x += stride) { const i = 4 * (y * c.width + x); out.push([d[i], d[i + 1], d[i + 2]]); }
    return out;
  }, { b64: Buffer.from(png).toString('base64'), stride });
}
const near = (p, q, tol = 6) => Math.abs(p[0] - q[0]) <= tol && Math.abs(p[1] - q[1]) <= tol && Math.abs(p[2] - q[2]) <= tol;
const share = (px, f) => px.filter(f).length / px.length;
function changed(a, b) { let n = 0; for (let i = 0; i < a.length; i++) if (!near(a[i], b[i], 12)) n++; return n / a.length; }
// The map's middle, clear of the legend and colour bar in its corners.
function mapCentre(map, fx = 0.5, fy = 0.5) {
  return { left: map.left + map.width * (0.5 - fx / 2), top: map.top + map.height * (0.5 - fy / 2), width: map.width * fx, height: map.height * fy };
}

await startBrowser();
const page = await open({ viewport: { width: 1280, height: 1000 } }, '1280x1000');
await page.evaluate(() => adamlab.pause());
await frames(page);
const TYPED = 'sin(x)*cos(y) + 0.1*(x^2+y^2)';
let caretNote = '';

await check('the combo entry "f(x, y) = your own..." opens the editor on a typed function', async () => {
  const L = await layout(page);
  assert(!L.functionEditor.shown, 'the editor shows on rosenbrock');
  await clickRect(page, L.problemCombo.combo);
  const entry = (await layout(page)).problemCombo.ownEntry;
  assert(entry && entry.width > 50, `no entry in the open combo: ${JSON.stringify((await layout(page)).problemCombo)}`);
  await page.screenshot({ path: path.join(artifacts, 'expr-combo-open.png') });
  await clickRect(page, entry);
  const s = await state(page);
  const e = await editor(page);
  assert(s.problem.startsWith('expr:'), s.problem);
  assert(e.shown && e.field && e.field.width > 150 && e.error === '', JSON.stringify(e));
  assert(e.text && s.problem === 'expr:' + e.text.replace(/\s/g, ''), `field ${e.text} / scene ${s.problem}`);
  return s.problem;
});

let typedSpec = '';
await check('typing a function with the keyboard redraws the landscape; the field keeps its spacing; one undo step', async () => {
  const map = (await layout(page)).map;
  const before = await pixels(page, mapCentre(map, 0.8, 0.8));
  const depth = (await state(page)).undo.undoDepth;
  await typeFunction(page, TYPED);
  const s = await state(page);
  const e = await editor(page);
  typedSpec = s.problem;
  assert(s.problem === 'expr:sin(x)*cos(y)+0.1*(x^2+y^2)', s.problem);
  assert(e.text === TYPED && e.error === '', JSON.stringify(e));
  await press(page, 'Enter');  // ends the editing session
  await frames(page);
  const after = await pixels(page, mapCentre(map, 0.8, 0.8));
  const c = changed(before, after);
  assert(c > 0.3, `only ${(c * 100).toFixed(1)}% of the map changed`);
  const depthAfter = (await state(page)).undo.undoDepth;
  assert(depthAfter === depth + 1, `undo depth ${depth} -> ${depthAfter} for one typing session of ${TYPED.length} keys`);
  await page.screenshot({ path: path.join(artifacts, 'expr-typed.png') });
  return `${(c * 100).toFixed(0)}% of the map changed, undo ${depth} -> ${depthAfter}`;
});

let caretX = {};
// [valid prefix typed first, the rest (every longer prefix invalid), column, message part]
for (const [prefix, rest, column, part] of [
  ['', 'sn(x) + y^2', 1, "unknown name 'sn' at column 1 (did you mean 'sin'?)"],
  ['x^2 + 10', '*(y^2 - 1', 18, "expected ')' at column 18 to close the '(' at column 10"],
]) {
  await check(`a typo (${prefix + rest}) shows the message and a caret under column ${column}; the scene stays`, async () => {
    await typeFunction(page, prefix);
    const before = stable(await state(page));
    const link = await page.evaluate(() => adamlab.getLink());
    await page.keyboard.type(rest, { delay: 25 });
    await frames(page, 4);
    const e = await editor(page);
    assert(e.text === prefix + rest, e.text);
    assert(e.error.includes(part) && e.column === column, `${e.error} (column ${e.column})`);
    assert(e.message && e.message.top >= e.field.top + e.field.height, `message ${JSON.stringify(e.message)} not under the field ${JSON.stringify(e.field)}`);
    assert(e.caret && e.caret.top >= e.field.top + e.field.height - 4 && e.caret.top < e.message.top, `caret ${JSON.stringify(e.caret)}`);
    // The caret in the error colour, drawn where the layout says.
    const px = await pixels(page, { left: e.caret.left - 1, top: e.caret.top, width: e.caret.width + 2, height: e.caret.height }, 1);
    assert(share(px, p => p[0] > 170 && p[1] < 150 && p[2] < 140) > 0.02, 'no red caret pixels');
    caretX[column] = e.columnX - e.field.left;
    assert(stable(await state(page)) === before, 'the state changed');
    assert(await page.evaluate(() => adamlab.getLink()) === link, 'the link changed');
    await page.screenshot({ path: path.join(artifacts, `expr-typo-col${column}.png`) });
    return e.error;
  });
}

await check('the caret moves one mono character per column', async () => {
  const advance = (caretX[18] - caretX[1]) / 17;
  // DejaVu Sans Mono advances 0.602 em; the UI face is 13-16 px here.
  assert(advance > 6 && advance < 11, `advance ${advance}`);
  // Column 1 sits at the field's text start (frame padding in).
  assert(caretX[1] > 2 && caretX[1] < 12, `column 1 at ${caretX[1]}`);
  caretNote = `column 1 at +${caretX[1].toFixed(1)} px, ${advance.toFixed(2)} px per column`;
  return caretNote;
});

let beforeFix = '';
await check('fixing the typo (End, then ")") sets the scene\'s problem', async () => {
  beforeFix = (await state(page)).problem;
  await clickRect(page, (await editor(page)).field);
  await press(page, 'End');
  await page.keyboard.type(')', { delay: 25 });
  await frames(page, 4);
  const s = await state(page);
  const e = await editor(page);
  assert(e.error === '' && e.text === 'x^2 + 10*(y^2 - 1)', JSON.stringify(e));
  assert(s.problem === 'expr:x^2+10*(y^2-1)', s.problem);
  await press(page, 'Enter');
  return `${beforeFix} -> ${s.problem}`;
});

await check('undo takes back the fix as one step and reloads the field from the scene', async () => {
  await page.evaluate(() => adamlab.undo());
  await frames(page);
  const s = await state(page);
  const e = await editor(page);
  assert(s.problem === beforeFix, s.problem);
  assert(e.text === beforeFix.slice(5) && e.error === '', JSON.stringify(e));
  await page.evaluate(() => adamlab.redo());
  await frames(page);
  assert((await state(page)).problem === 'expr:x^2+10*(y^2-1)', (await state(page)).problem);
  return `undo: ${e.text}, redo back`;
});

let raceLink = '';
await check('Adam against SGD on the typed function: both step, both go downhill, different paths', async () => {
  await page.evaluate(t => {
    adamlab.setProblem('expr:' + t);
    for (const r of adamlab.getState().runs) adamlab.removeRun(r.id);
    adamlab.addRun('adam:lr=0.05');
    adamlab.addRun('sgd:lr=0.05');
    adamlab.pause();
    adamlab.step(150);
  }, TYPED);
  await frames(page);
  const s = await state(page);
  assert(s.runs.length === 2 && s.step === 150, JSON.stringify(s.runs));
  const start = await page.evaluate(() => { const t = adamlab.trace(adamlab.getState().runs[0].id).split('\n')[1].split(','); return Number(t[3]); });
  for (const r of s.runs) {
    assert(!r.diverged && Number.isFinite(r.loss) && r.loss < start, `${r.optimizer}: loss ${r.loss} from ${start}`);
  }
  const [ta, tb] = await page.evaluate(() => adamlab.getState().runs.map(r => adamlab.trace(r.id).split('\n')[21]));
  assert(ta !== tb && ta.split(',')[1] !== tb.split(',')[1], `the same position at step 20: ${ta} / ${tb}`);
  raceLink = await page.evaluate(() => adamlab.getLink());
  await page.screenshot({ path: path.join(artifacts, 'expr-race.png') });
  return s.runs.map(r => `${r.optimizer.split(':')[0]} loss ${r.loss.toFixed(4)}`).join(', ');
});

await check('the link opens the same scene in a new page (problem, start, runs, their positions), editor included', async () => {
  assert(raceLink.includes('problem=expr'), raceLink);
  const other = await open({ viewport: { width: 1280, height: 1000 } }, 'link', raceLink);
  await frames(other);
  const a = await state(page), b = await state(other);
  const scene = s => JSON.stringify({ problem: s.problem, start: s.start, step: s.step,
    runs: s.runs.map(r => [r.optimizer, r.scheduler, r.step, r.x, r.y, r.loss]) });
  assert(scene(a) === scene(b), `${scene(a)}\n!=\n${scene(b)}`);
  const e = await editor(other);
  assert(e.shown && e.text === a.problem.slice(5), JSON.stringify(e));
  await other.close();
  return `${raceLink.length} chars`;
});

await check('an example button sets its function', async () => {
  const e = await editor(page);
  assert(e.examples.cliff, JSON.stringify(e.examples));
  await clickRect(page, e.examples.cliff);
  const s = await state(page);
  assert(s.problem === 'expr:tanh(4*(x^2+y^2-2))+0.02*(x^2+y^2);view=-3,3,-3,3;start=2.6,2.2;minimum=0,0', s.problem);
  assert((await editor(page)).text.startsWith('tanh(4*(x^2+y^2-2)) + 0.02*(x^2+y^2)'), (await editor(page)).text);
  assert(s.minima.length === 1 && s.start[0] === 2.6 && s.start[1] === 2.2, JSON.stringify(s));
  await frames(page);
  await page.screenshot({ path: path.join(artifacts, 'expr-example-cliff.png') });
  return s.problem;
});

await check('a constant\'s field rewrites the text (valley: a)', async () => {
  await clickRect(page, (await editor(page)).examples.valley);
  let e = await editor(page);
  assert(e.constants.a, JSON.stringify(e.constants));
  const r = e.constants.a;
  // Ctrl+click a drag field to type into it (ImGui), then type the new value.
  await page.keyboard.down('Control');
  await clickRect(page, r);
  await page.keyboard.up('Control');
  await frames(page);
  await press(page, 'Control', 'a');
  await page.keyboard.type('10', { delay: 25 });
  await press(page, 'Enter');
  await frames(page);
  const s = await state(page);
  e = await editor(page);
  assert(s.problem.startsWith('expr:a*(y-x^2)^2+(1-x)^2;a=10;view='), s.problem);
  assert(e.text.startsWith('a*(y-x^2)^2 + (1-x)^2;a=10;'), e.text);
  return e.text;
});

await check('where f is NaN the map shows the NaN colour, and nowhere else', async () => {
  await page.evaluate(() => { adamlab.setProblem('expr:log(x) + y^2; view=-2,2,-2,2; start=1,1'); adamlab.pause(); });
  await frames(page, 4);
  const map = (await layout(page)).map;
  const left = await pixels(page, { left: map.left + map.width * 0.15, top: map.top + map.height * 0.3, width: map.width * 0.3, height: map.height * 0.4 });
  const right = await pixels(page, { left: map.left + map.width * 0.6, top: map.top + map.height * 0.3, width: map.width * 0.3, height: map.height * 0.4 });
  const l = share(left, p => near(p, NAN_RGB)), r = share(right, p => near(p, NAN_RGB));
  assert(l > 0.8, `x < 0: only ${(l * 100).toFixed(0)}% NaN colour`);
  assert(r < 0.02, `x > 0: ${(r * 100).toFixed(0)}% NaN colour`);
  await page.screenshot({ path: path.join(artifacts, 'expr-nan.png') });
  return `x<0: ${(l * 100).toFixed(0)}%, x>0: ${(r * 100).toFixed(1)}%`;
});

await check('a run driven into the NaN region reads as diverged, the page lives on', async () => {
  const s = await page.evaluate(() => {
    for (const r of adamlab.getState().runs) adamlab.removeRun(r.id);
    adamlab.setStart(0.5, 0.5);
    adamlab.addRun('sgd:lr=1');      // x - 1/x = 0.5 - 2: into x < 0 at step 1
    adamlab.addRun('adam:lr=0.01');  // small steps towards x = 0: finite for a while
    adamlab.pause();
    adamlab.step(5);
    return adamlab.getState();
  });
  const [sgd, adam] = s.runs;
  assert(sgd.diverged && sgd.divergedAt === 1, JSON.stringify(sgd));
  assert(!adam.diverged, JSON.stringify(adam));
  await frames(page, 4);
  const again = await state(page);
  assert(again.runs.length === 2, 'runs lost');
  await page.screenshot({ path: path.join(artifacts, 'expr-diverged.png') });
  return `sgd diverged at step ${sgd.divergedAt}`;
});

await check('setProblem refuses bad text with the column, leaving the whole state unchanged', async () => {
  const before = stable(await state(page));
  const link = await page.evaluate(() => adamlab.getLink());
  const cases = [
    ['expr:sn(x)', "unknown name 'sn' at column 1 (did you mean 'sin'?)", 1],
    ['expr:x^2 + (y', "expected ')' at column 9 to close the '(' at column 7", 9],
    ['expr:x^2; view=1,0,0,1', 'view needs XMIN < XMAX', 11],
    ['expr:', 'expected an expression', 1],
  ];
  for (const [spec, part, column] of cases) {
    const r = await page.evaluate(s => { try { adamlab.setProblem(s); return { ok: true }; } catch (e) { return { message: e.message, column: e.column }; } }, spec);
    assert(r.message && r.message.includes(part), `${spec}: ${JSON.stringify(r)}`);
    assert(r.column === column, `${spec}: column ${r.column}, expected ${column}`);
  }
  const unknown = await page.evaluate(() => { try { adamlab.setProblem('rosenbrok'); return 'accepted'; } catch (e) { return [e.message, e.column]; } });
  assert(unknown[1] === undefined && /unknown problem/.test(unknown[0]), JSON.stringify(unknown));
  assert(stable(await state(page)) === before, 'the state changed');
  assert(await page.evaluate(() => adamlab.getLink()) === link, 'the link changed');
  return `${cases.length + 1} refusals`;
});

await check('getState().problem is the canonical spec; setProblem accepts it back unchanged', async () => {
  await page.evaluate(() => adamlab.setProblem('expr: a * x^2 + y^2 ;a = 3'));
  const s = await state(page);
  assert(s.problem === 'expr:a*x^2+y^2;a=3', s.problem);
  await page.evaluate(p => adamlab.setProblem(p), s.problem);
  assert((await state(page)).problem === s.problem, 'not a fixed point');
  return s.problem;
});

await check('the editor\'s parts sit inside the control column, one under another, none overlapping', async () => {
  await page.evaluate(() => adamlab.setProblem('expr:a*(y-x^2)^2 + (1-x)^2; a=100; minimum=1,1'));
  await typeFunction(page, 'a*(y-x^2)^2 + (1-x)^2; a=100; minimum=1,1 +');  // a trailing mistake: message and caret shown
  const L = await layout(page);
  const e = L.functionEditor;
  const parts = { field: e.field, caret: e.caret, message: e.message, a: e.constants.a, ...e.examples };
  const inside = (r, m) => r.left >= m.left - 0.5 && r.left + r.width <= m.left + m.width + 0.5;
  const overlaps = (a, b) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
  for (const [k, r] of Object.entries(parts)) {
    assert(r, `${k} missing`);
    assert(inside(r, L.controls), `${k} ${JSON.stringify(r)} leaves the controls ${JSON.stringify(L.controls)}`);
  }
  const names = Object.keys(parts);
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      assert(!overlaps(parts[names[i]], parts[names[j]]), `${names[i]} overlaps ${names[j]}`);
  await press(page, 'Enter');
  return `${names.length} parts; ${e.error}`;
});

await check('an embed of a typed function draws its map (no editor)', async () => {
  const F = encodeURIComponent('sin(x)*cos(y)+0.1*(x^2+y^2);view=-4,4,-4,4;start=-3,2.5');
  const embed = await open({ viewport: { width: 480, height: 320 } }, 'embed', `#embed=1&problem=expr:${F}`);
  await frames(embed, 4);
  const s = await state(embed);
  const L = await layout(embed);
  assert(s.problem === 'expr:sin(x)*cos(y)+0.1*(x^2+y^2);view=-4,4,-4,4;start=-3,2.5', s.problem);
  assert(!L.functionEditor.shown && L.map.width >= 470 && L.map.height >= 300, JSON.stringify({ map: L.map, editor: L.functionEditor.shown }));
  const px = await pixels(embed, mapCentre(L.map, 0.5, 0.5));
  const colourful = share(px, p => Math.max(...p) - Math.min(...p) > 60);  // viridis, not the dark page
  assert(colourful > 0.8, `${(colourful * 100).toFixed(0)}% of the map's middle is coloured`);
  await embed.screenshot({ path: path.join(artifacts, 'expr-embed-480x320.png') });
  await embed.close();
  return `map ${L.map.width}x${L.map.height}, ${(colourful * 100).toFixed(0)}% coloured`;
});

await checkNoConsoleMessages();
finish(caretNote ? [`caret: ${caretNote}`] : []);
