// Issue 12, "a product, not a debug window": a proportional UI face rasterised at the device
// pixel ratio and sized for the viewport, one control per option (typing refused values shows the
// refusal beside the field and changes nothing), "Add run" offering what the map lacks, labels
// rounded as a person would type them, internal figures under a collapsed "details".
//   node product_ui.mjs URL [ARTIFACT_DIR]
import path from 'node:path';
import { artifacts, check, assert, startBrowser, open, checkNoConsoleMessages, finish } from './harness.mjs';

const browser = await startBrowser();
const SIZES = [
  { name: 'desktop-1280x800', w: 1280, h: 800, dpr: 1 },
  { name: 'desktop-1280x800-dpr2', w: 1280, h: 800, dpr: 2 },
  { name: 'desktop-1920x1080', w: 1920, h: 1080, dpr: 1 },
  { name: 'phone-390x844-dpr3', w: 390, h: 844, dpr: 3, touch: true },
  { name: 'embed-480x320', w: 480, h: 320, dpr: 1, embed: true },
];
const lines = [];
const fmt = r => r ? `${r.left.toFixed(0)},${r.top.toFixed(0)} ${r.width.toFixed(0)}x${r.height.toFixed(0)}` : 'none';
const overlaps = (a, b) => !!a && !!b && a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const inside = (a, m) => a.left >= m.left - 0.5 && a.top >= m.top - 0.5 && a.left + a.width <= m.left + m.width + 0.5 && a.top + a.height <= m.top + m.height + 0.5;

// Waits until the page has drawn n more frames.
async function frames(page, n) {
  await page.evaluate(n => new Promise(resolve => {
    const f0 = adamlab.stats().frames;
    const poll = () => (adamlab.stats().frames >= f0 + n ? resolve() : setTimeout(poll, 5));
    poll();
  }), n);
}

const fontPx = {};
for (const size of SIZES) {
  await check(`${size.name}: proportional UI face, crisp at DPR ${size.dpr}, no overlaps`, async () => {
    const page = await open({ viewport: { width: size.w, height: size.h }, deviceScaleFactor: size.dpr, hasTouch: !!size.touch },
                            size.name, size.embed ? '#preset=adam&embed=1' : '#preset=adam');
    await page.evaluate(() => { adamlab.pause(); adamlab.step(150); });
    await frames(page, 3);
    const { f, L } = await page.evaluate(() => ({ f: adamlab.stats().font, L: adamlab.layout() }));
    assert(f.ui === 'Roboto' && f.uiProportional, `UI face ${JSON.stringify(f)}`);
    assert(f.mono === 'DejaVu Sans Mono' && f.monoFixed, `mono face ${JSON.stringify(f)}`);
    // Crisp: the atlas holds glyphs at CSS size x DPR and ImGui scales them back by 1/DPR.
    assert(Math.abs(f.rasterPx - f.px * size.dpr) < 0.01 && Math.abs(f.globalScale - 1 / size.dpr) < 1e-6, JSON.stringify(f));
    fontPx[size.name] = f.px;
    // Regions side by side or stacked, never on top of each other; overlays inside the map and apart.
    assert(!overlaps(L.map, L.controls) && !overlaps(L.map, L.chart.rect), `map ${fmt(L.map)} controls ${fmt(L.controls)} chart ${fmt(L.chart.rect)}`);
    const overlays = { legend: L.legend.rect, toolbar: L.toolbar && L.toolbar.rect, colourBar: L.colourBar.faded ? null : L.colourBar.rect };
    const names = Object.keys(overlays).filter(k => overlays[k]);
    for (const k of names) assert(inside(overlays[k], L.map), `${k} ${fmt(overlays[k])} leaves the map ${fmt(L.map)}`);
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++)
        assert(!overlaps(overlays[names[i]], overlays[names[j]]), `${names[i]} ${fmt(overlays[names[i]])} overlaps ${names[j]}`);
    // Option fields stacked without overlapping each other, inside the controls.
    const fields = Object.entries(L.fields);
    for (let i = 0; i < fields.length; i++) {
      assert(inside(fields[i][1], { left: L.controls.left, top: -1e6, width: L.controls.width, height: 2e6 }),
             `${fields[i][0]} ${fmt(fields[i][1])} outside the controls ${fmt(L.controls)}`);
      for (let j = i + 1; j < fields.length; j++)
        assert(!overlaps(fields[i][1], fields[j][1]), `${fields[i][0]} overlaps ${fields[j][0]}`);
    }
    await page.screenshot({ path: path.join(artifacts, `product-${size.name}.png`) });
    lines.push(`  ${size.name}: font ${f.px} px (raster ${f.rasterPx}), atlas ${f.atlasWidth}x${f.atlasHeight}, ${fields.length} fields`);
    await page.close();
    return `${f.px} px x ${size.dpr}`;
  });
}

await check('the text grows with the viewport: larger at 1920 px, readable on a phone', async () => {
  assert(fontPx['desktop-1920x1080'] > fontPx['desktop-1280x800'], JSON.stringify(fontPx));
  assert(fontPx['phone-390x844-dpr3'] >= 14, JSON.stringify(fontPx));
  assert(fontPx['desktop-1280x800'] === fontPx['desktop-1280x800-dpr2'], 'the CSS size must not depend on the DPR');
  return JSON.stringify(fontPx);
});

await check('a DPR change (another screen) rebuilds the atlas at the new ratio', async () => {
  const page = await open({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, 'product-dpr-change');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
  await frames(page, 4);
  const f = await page.evaluate(() => adamlab.stats().font);
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await frames(page, 4);
  const back = await page.evaluate(() => adamlab.stats().font);
  assert(Math.abs(f.rasterPx - 2 * f.px) < 0.01, `at DPR 2: ${JSON.stringify(f)}`);
  assert(Math.abs(back.rasterPx - back.px) < 0.01, `back at DPR 1: ${JSON.stringify(back)}`);
  await page.close();
  return `raster ${f.rasterPx} px, then ${back.rasterPx}`;
});

const page = await open({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, 'product-1280');

await check('"+ Add run" offers Adam first, then an optimizer not on the map; addRun() does the same', async () => {
  await page.evaluate(() => { adamlab.pause(); for (const r of adamlab.getState().runs) adamlab.removeRun(r.id); });
  await frames(page, 3);
  const added = [];
  for (let i = 0; i < 2; i++) {
    const b = await page.evaluate(() => adamlab.layout().addRun);
    assert(b, 'no Add run button');
    await page.mouse.click(b.left + b.width / 2, b.top + b.height / 2);
    await frames(page, 3);
    const runs = await page.evaluate(() => adamlab.getState().runs);
    added.push(runs[runs.length - 1].optimizer);
  }
  const id = await page.evaluate(() => adamlab.addRun());
  const third = await page.evaluate(id => adamlab.getState().runs.find(r => r.id === id).optimizer, id);
  assert(added[0].startsWith('adam:'), `first ${added[0]}`);
  assert(added[1].startsWith('sgd:') && /momentum=0\.9/.test(added[1]), `second ${added[1]}`);
  assert(third.startsWith('rmsprop:'), `addRun() ${third}`);
  return [added[0].split(':')[0], 'sgd momentum', 'rmsprop'].join(', ');
});

await check('run names round values as typed (3 significant digits), the values stay exact', async () => {
  const r = await page.evaluate(() => {
    const id = adamlab.getState().runs[0].id;
    adamlab.updateRun(id, 'adam:lr=0.009643217,beta1=0.69400001');
    const i = adamlab.getState().runs.findIndex(x => x.id === id);
    return { spec: adamlab.getState().runs[i].optimizer, label: adamlab.layout().runLabels[i] };
  });
  await frames(page, 2);
  const label = await page.evaluate(() => adamlab.layout().runLabels[0]);
  assert(label === 'Adam lr=0.00964 beta1=0.694', `label ${label}`);
  assert(r.spec.includes('lr=0.009643217') && r.spec.includes('beta1=0.69400001'), `spec ${r.spec}`);
  return label;
});

// Types into the selected run's field: click the value beside the track (or Ctrl+click it), then keys.
async function typeInto(key, text, how) {
  const f = await page.evaluate(k => adamlab.layout().fields[k], key);
  assert(f, `no field ${key}`);
  const x = f.left + 12, y = f.top + f.height / 2;
  if (how === 'ctrl') {
    await page.keyboard.down('Control');
    await page.mouse.click(x, y);
    await frames(page, 2);
    await page.keyboard.up('Control');
  } else {
    // A click on the value beside the track (the field's right end) types the exact value.
    await page.mouse.click(f.left + f.width - 15, y, { delay: 80 });
  }
  await frames(page, 2);
  const L = await page.evaluate(() => adamlab.layout());
  assert(L.fieldEdit.typing, `${how} on ${key} at ${x.toFixed(0)},${y.toFixed(0)} did not open typing (fields ${JSON.stringify(L.fields)})`);
  await page.keyboard.type(text);
  await frames(page, 1);
  await page.keyboard.press('Enter');
  await frames(page, 3);
}

await check('a refused typed value shows its message beside the field; the run and the layout are unchanged', async () => {
  const id = await page.evaluate(() => { const id = adamlab.getState().runs[0].id; adamlab.selectRun(id); adamlab.pause(); return id; });
  await frames(page, 3);
  const before = await page.evaluate(() => ({ s: adamlab.getState(), L: adamlab.layout() }));
  await typeInto('lr', '-1', 'value');
  const after = await page.evaluate(() => ({ s: adamlab.getState(), L: adamlab.layout() }));
  const spec = s => s.runs.find(r => r.id === id).optimizer;
  assert(after.L.fieldEdit.error.includes('Invalid learning rate: -1'), `error ${JSON.stringify(after.L.fieldEdit)}`);
  assert(spec(after.s) === spec(before.s), `spec ${spec(before.s)} -> ${spec(after.s)}`);
  assert(JSON.stringify(after.s.runs) === JSON.stringify(before.s.runs), 'the runs changed');
  // No layout jump: every other field where it was.
  for (const [k, r] of Object.entries(before.L.fields))
    if (k !== 'lr') assert(JSON.stringify(after.L.fields[k]) === JSON.stringify(r), `${k} moved: ${fmt(r)} -> ${fmt(after.L.fields[k])}`);
  await page.screenshot({ path: path.join(artifacts, 'product-refused-field.png') });
  // Esc keeps the last valid value.
  await page.keyboard.down('Escape');
  await frames(page, 2);
  await page.keyboard.up('Escape');
  await frames(page, 2);
  const esc = await page.evaluate(() => ({ s: adamlab.getState(), L: adamlab.layout() }));
  assert(!esc.L.fieldEdit.typing && esc.L.fieldEdit.error === '', JSON.stringify(esc.L.fieldEdit));
  assert(spec(esc.s) === spec(before.s), `after Esc: ${spec(esc.s)}`);
  return after.L.fieldEdit.error;
});

await check('a valid typed value applies exactly (Ctrl+click to type)', async () => {
  const id = await page.evaluate(() => adamlab.getState().runs[0].id);
  await typeInto('eps', '3.3e-7', 'ctrl');
  const r = await page.evaluate(id => ({ spec: adamlab.getState().runs.find(x => x.id === id).optimizer, edit: adamlab.layout().fieldEdit }), id);
  assert(/(^|[:,])eps=3\.3e-0?7($|,)/.test(r.spec), `spec ${r.spec}`);
  assert(!r.edit.typing && r.edit.error === '', JSON.stringify(r.edit));
  return r.spec;
});

await check('implementation notes and compute figures sit under a collapsed "details"', async () => {
  const id = await page.evaluate(() => adamlab.getState().runs[0].id);
  await page.evaluate(id => adamlab.setAnatomy(id), id);
  await frames(page, 3);
  const anatomy = await page.evaluate(() => adamlab.layout().details.anatomy);
  await page.evaluate(() => adamlab.setAnatomy(null));
  await page.evaluate(() => adamlab.sweep({ x: 'lr=1e-4:1:log:16', y: 'beta1=0:0.99:lin:16', steps: 50 }));
  await frames(page, 3);
  const sweep = await page.evaluate(() => adamlab.layout().details.sweep);
  assert(anatomy.drawn && !anatomy.open, `anatomy details ${JSON.stringify(anatomy)}`);
  assert(sweep.drawn && !sweep.open, `sweep details ${JSON.stringify(sweep)}`);
  await page.screenshot({ path: path.join(artifacts, 'product-sweep.png') });
  return 'anatomy and sweep collapsed';
});

await checkNoConsoleMessages();
await browser.close();
finish(lines);
