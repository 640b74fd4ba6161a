// Layout at the sizes issue 10 names, checked through adamlab.layout() (CSS px rectangles):
// the playground at 1280x800, a phone at 390x844 (DPR 3, touch), embeds at 480x320 and 360x240.
// For several presets at each size: a legend names every visible run; the chart is readable or
// replaced by the legend's loss read-out; overlays (legend, colour bar, toolbar, hover read-out)
// stay inside the map, off the start marker and the minima, and off each other. Plus: a tap on a
// phone does not move the start (dragging the marker does), the anatomy legend keeps off the
// inspected point, the chart plots lr and zooms.
//   node layout.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import { url, artifacts, check, assert, startBrowser, open, checkNoConsoleMessages, finish } from './harness.mjs';

const browser = await startBrowser();
const SIZES = [
  { name: 'desktop-1280x800', w: 1280, h: 800, dpr: 1, embed: false, mode: 'desktop' },
  { name: 'phone-390x844', w: 390, h: 844, dpr: 3, embed: false, mode: 'phone', touch: true },
  { name: 'embed-480x320', w: 480, h: 320, dpr: 1, embed: true, mode: 'embed' },
  { name: 'embed-360x240', w: 360, h: 240, dpr: 1, embed: true, mode: 'embed' },
];
const PRESETS = ['adam', 'schedule', 'amsgrad', 'weight-decay', 'momentum'];
const lines = [];

const overlaps = (a, b) => !!a && !!b && a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const inside = (a, m) => a.left >= m.left - 0.5 && a.top >= m.top - 0.5 && a.left + a.width <= m.left + m.width + 0.5 && a.top + a.height <= m.top + m.height + 0.5;
const fmt = r => r ? `${r.left.toFixed(0)},${r.top.toFixed(0)} ${r.width.toFixed(0)}x${r.height.toFixed(0)}` : 'none';

// Every invariant of one rendered figure; returns a one-line summary.
function checkLayout(L, s, size) {
  assert(L.mode === size.mode, `mode ${L.mode}, expected ${size.mode}`);
  const visible = s.runs.filter(r => r.visible).length;
  // A legend names every visible run, fully opaque (not faded behind something).
  assert(L.legend.rect && L.legend.entries === visible, `legend ${fmt(L.legend.rect)} with ${L.legend.entries} of ${visible} runs`);
  assert(!L.legend.faded, `legend faded at ${fmt(L.legend.rect)}`);
  // The chart is readable (a plot at least 70 px tall and 150 wide) or the legend reads out the loss.
  const plot = L.chart.plot;
  const readable = L.chart.shown && plot && plot.height >= 70 && plot.width >= 150;
  assert(readable || L.legend.lossValues, `chart ${JSON.stringify(L.chart)} and no loss read-out`);
  if (size.mode !== 'embed') assert(readable, `no readable chart on ${size.name}: plot ${fmt(plot)}`);
  // The toolbar: on the map in embeds and on the phone, with finger-sized height on the phone.
  if (size.mode === 'desktop') assert(L.toolbar === null, 'toolbar on the desktop');
  else assert(L.toolbar && L.toolbar.clear, `toolbar ${JSON.stringify(L.toolbar)}`);
  if (size.mode === 'phone') assert(L.toolbar.rect.height >= 32, `phone toolbar ${L.toolbar.rect.height} px tall`);
  // Overlays inside the map, off the start marker and every minimum in view, and off each other.
  const overlays = { legend: L.legend.rect, toolbar: L.toolbar && L.toolbar.rect, hover: L.hover, anatomyLegend: L.anatomyLegend };
  if (!L.colourBar.faded) overlays.colourBar = L.colourBar.rect;  // a faded bar lets what is under it show
  const keep = [['start', L.start], ...L.minima.map((m, i) => [`minimum ${i}`, m])];
  const names = Object.keys(overlays).filter(k => overlays[k]);
  for (const k of names) {
    assert(inside(overlays[k], L.map), `${k} ${fmt(overlays[k])} leaves the map ${fmt(L.map)}`);
    for (const [what, r] of keep) assert(!overlaps(overlays[k], r), `${k} ${fmt(overlays[k])} covers the ${what} ${fmt(r)}`);
  }
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      assert(!overlaps(overlays[names[i]], overlays[names[j]]), `${names[i]} ${fmt(overlays[names[i]])} overlaps ${names[j]} ${fmt(overlays[names[j]])}`);
  return `legend ${L.legend.entries}${L.legend.lossValues ? ' with losses' : ''}, ` +
         (readable ? `plot ${plot.width.toFixed(0)}x${plot.height.toFixed(0)}` : 'no chart') +
         `, colour bar ${L.colourBar.compact ? 'compact' : 'full'}${L.colourBar.faded ? ' faded' : ''}`;
}

// Waits until the page has drawn n more frames (a machine under load draws few per second, so
// fixed sleeps make clicks that need separate frames flaky).
async function frames(page, n) {
  await page.evaluate(n => new Promise(resolve => {
    const f0 = adamlab.stats().frames;
    const poll = () => (adamlab.stats().frames >= f0 + n ? resolve() : setTimeout(poll, 5));
    poll();
  }), n);
}

async function openAt(size, hash) {
  return open({ viewport: { width: size.w, height: size.h }, deviceScaleFactor: size.dpr, hasTouch: !!size.touch },
              `${size.name}`, hash);
}

// Loads the preset, runs it to its step limit (paused, so the picture is the finished figure),
// and lets a few frames place the overlays.
async function finished(page, preset, embed) {
  await page.evaluate(([p, e]) => {
    adamlab.setState(`#preset=${p}` + (e ? '&embed=1' : ''));
    const s = adamlab.getState();
    adamlab.pause();
    adamlab.step(s.stepLimit);
  }, [preset, embed]);
  await page.waitForTimeout(400);
}

try {
  for (const size of SIZES) {
    const page = await openAt(size, size.embed ? '#embed=1&preset=adam' : '');
    for (const preset of PRESETS) {
      await check(`${size.name} ${preset}: legend, chart or read-out, overlays clear`, async () => {
        await finished(page, preset, size.embed);
        // The pointer over the middle of the map, so the hover read-out shows.
        const L0 = await page.evaluate(() => adamlab.layout());
        if (!size.touch) await page.mouse.move(L0.map.left + L0.map.width * 0.55, L0.map.top + L0.map.height * 0.45);
        await page.waitForTimeout(150);
        const [L, s] = await page.evaluate(() => [adamlab.layout(), adamlab.getState()]);
        await page.screenshot({ path: path.join(artifacts, `layout-${size.name}-${preset}.png`) });
        const note = checkLayout(L, s, size);
        lines.push(`${size.name} ${preset}: ${note}`);
        return note;
      });
    }
    await page.close();
  }

  await check('phone: a tap on the map does not move the start; dragging the marker does', async () => {
    const size = SIZES[1];
    const page = await openAt(size, '#preset=adam');
    await page.evaluate(() => adamlab.pause());
    await page.waitForTimeout(200);
    const [L, s] = await page.evaluate(() => [adamlab.layout(), adamlab.getState()]);
    // A spot on the map away from the start, the minima and the overlays.
    const tap = { x: L.map.left + L.map.width * 0.5, y: L.map.top + L.map.height * 0.3 };
    await page.touchscreen.tap(tap.x, tap.y);
    await page.waitForTimeout(200);
    const t = await page.evaluate(() => adamlab.getState());
    assert(t.start[0] === s.start[0] && t.start[1] === s.start[1], `tap moved the start ${s.start} -> ${t.start}`);
    const from = { x: L.start.left + L.start.width / 2, y: L.start.top + L.start.height / 2 };
    await page.mouse.move(from.x + 6, from.y + 5);  // a finger is not precise: within the touch radius
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) { await page.mouse.move(from.x + 6 + 7 * i, from.y + 5 + 5 * i); await page.waitForTimeout(30); }
    await page.mouse.up();
    await page.waitForTimeout(200);
    const d = await page.evaluate(() => adamlab.getState());
    assert(d.start[0] > s.start[0] && d.start[1] < s.start[1], `drag did not move the start: ${s.start} -> ${d.start}`);
    await page.close();
    return `start stayed at (${s.start}) after a tap, dragged to (${d.start.map(v => v.toFixed(2))})`;
  });

  for (const size of [SIZES[0], SIZES[1]]) {
    await check(`${size.name}: the anatomy legend stays off the vectors, the start and the minima`, async () => {
      const page = await openAt(size, '#preset=adam');
      await finished(page, 'adam', false);
      const r = await page.evaluate(() => {
        const id = adamlab.getState().runs[3].id;
        adamlab.setAnatomy(id, { step: 30 });
        return { id, a: adamlab.anatomy(id, { step: 30 }) };
      });
      await page.waitForTimeout(300);
      const [L, s] = await page.evaluate(() => [adamlab.layout(), adamlab.getState()]);
      await page.screenshot({ path: path.join(artifacts, `layout-${size.name}-anatomy.png`) });
      assert(L.anatomyLegend, 'no anatomy legend on the map');
      checkLayout(L, s, size);
      // The inspected point and every vector's tip (at any scale the tip lies along the vector
      // from the point; the point itself is the anchor all arrows share) stay uncovered.
      const v = s.view;
      const px = (x, y) => ({ x: v.left + v.width * (x - v.xmin) / (v.xmax - v.xmin), y: v.top + v.height * (v.ymax - y) / (v.ymax - v.ymin) });
      const at = px(r.a.position[0], r.a.position[1]);
      const box = L.anatomyLegend;
      const inBox = p => p.x >= box.left && p.x <= box.left + box.width && p.y >= box.top && p.y <= box.top + box.height;
      assert(!inBox(at), `anatomy legend ${fmt(box)} covers the inspected point (${at.x.toFixed(0)}, ${at.y.toFixed(0)})`);
      await page.close();
      return `anatomy legend ${fmt(box)}, inspected point at (${at.x.toFixed(0)}, ${at.y.toFixed(0)})`;
    });
  }

  await check('desktop: the chart can plot the learning rate, and the wheel zooms its steps', async () => {
    const size = SIZES[0];
    const page = await openAt(size, '#preset=schedule');
    await finished(page, 'schedule', false);
    const L = await page.evaluate(() => adamlab.layout());
    // The quantity combo is the first widget above the plot: open it, pick "learning rate".
    const comboY = L.chart.plot.top - 22;
    await page.mouse.click(L.chart.rect.left + 60, comboY, { delay: 100 });
    await frames(page, 3);  // the popup appears a frame or two later
    await page.mouse.click(L.chart.rect.left + 60, comboY + 43, { delay: 100 });  // the second item, below "loss"
    await frames(page, 2);
    const a = await page.evaluate(() => adamlab.layout());
    await page.screenshot({ path: path.join(artifacts, 'layout-desktop-1280x800-schedule-lr.png') });
    assert(a.chart.quantity === 'lr', `quantity ${a.chart.quantity}`);
    await page.mouse.move(a.chart.plot.left + a.chart.plot.width * 0.3, a.chart.plot.top + a.chart.plot.height / 2);
    await page.mouse.wheel(0, -100);
    await frames(page, 2);
    const b = await page.evaluate(() => adamlab.layout());
    assert(b.chart.zoomed, 'the wheel did not zoom the chart');
    // Zooming back out past every step returns to following the whole run. (A double click
    // does too, but at the few frames per second of a loaded headless machine two clicks land
    // further apart than ImGui's 0.3 s double-click time.)
    for (let i = 0; i < 2; i++) { await page.mouse.wheel(0, 100); await frames(page, 2); }
    const c = await page.evaluate(() => adamlab.layout());
    assert(!c.chart.zoomed, 'zooming out did not show every step again');
    await page.close();
  });

  await checkNoConsoleMessages();
} finally {
  await browser.close();
}
finish(lines);
