// Exports as a user gets them (issue 12): the PNG is the figure (the map or the network's view
// with paths and legend, the loss chart below) without the control panel or a hover read-out,
// at the canvas's device pixels; the CSV names each run's optimizer and scheduler; the anatomy
// of a step shows the selected optimizer's update equations. Screenshots of the anatomy at
// 1280x800 and 390x844 (DPR 3). No console errors.
//   node figure_export.mjs URL [ARTIFACT_DIR]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { artifacts, check, assert, startBrowser, open, checkNoConsoleMessages, finish } from './harness.mjs';

await startBrowser();
const lines = [];

// Waits until the page has drawn n more frames (a loaded machine draws few per second).
async function frames(page, n) {
  await page.evaluate(n => new Promise(resolve => {
    const f0 = adamlab.stats().frames;
    const poll = () => (adamlab.stats().frames >= f0 + n ? resolve() : setTimeout(poll, 5));
    poll();
  }), n);
}

// adamlab.exportPng() (the figure) or adamlab.screenshot() (the canvas as shown), as bytes.
async function png(page, method) {
  const b64 = await page.evaluate(async m => {
    const blob = await adamlab[m]();
    return new Promise(resolve => {
      const f = new FileReader();
      f.onload = () => resolve(f.result.slice(f.result.indexOf(',') + 1));
      f.readAsDataURL(blob);
    });
  }, method);
  return Buffer.from(b64, 'base64');
}

// Decodes a PNG (8-bit RGB or RGBA, not interlaced: what canvas.toDataURL writes) in node, so
// multi-megapixel images never cross into the page.
function decodePng(bytes) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < bytes.length) {
    const len = bytes.readUInt32BE(pos), type = bytes.toString('ascii', pos + 4, pos + 8);
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert(data[8] === 8 && (data[9] === 2 || data[9] === 6) && data[12] === 0, `unsupported PNG: depth ${data[8]}, colour ${data[9]}`);
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0, b = y ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? px[(y - 1) * stride + x - channels] : 0;
      let v = row[x];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[y * stride + x] = v & 255;
    }
  }
  return { width, height, channels, px };
}

// Measures `region` (CSS px of the canvas, scaled to the image's pixels by `dpr`; null = all) of
// a PNG: the share of pixels in the panels' background colour (ImGui WindowBg, 23,26,31 +-3),
// the number of pure white pixels (the panel's text), the distinct colours.
function stats(bytes, region, dpr) {
  const img = decodePng(bytes);
  const r = region || { left: 0, top: 0, width: img.width / dpr, height: img.height / dpr };
  const x0 = Math.round(r.left * dpr), y0 = Math.round(r.top * dpr);
  const x1 = Math.min(img.width, x0 + Math.round(r.width * dpr)), y1 = Math.min(img.height, y0 + Math.round(r.height * dpr));
  let bg = 0, white = 0, n = 0;
  const colours = new Set();
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * img.channels, R = img.px[i], G = img.px[i + 1], B = img.px[i + 2];
      n++;
      if (Math.abs(R - 23) <= 3 && Math.abs(G - 26) <= 3 && Math.abs(B - 31) <= 3) bg++;
      if (R === 255 && G === 255 && B === 255) white++;
      colours.add(R << 16 | G << 8 | B);
    }
  return { width: img.width, height: img.height, bg: bg / n, white, colours: colours.size };
}

const canvasSize = page => page.evaluate(() => ({ w: Module.canvas.width, h: Module.canvas.height, dpr: devicePixelRatio }));

// The figure at `name`'s size: its pixel size is the canvas's, the control column's region is
// covered by the figure (no panel background or text there, unlike the screenshot), and a
// hovering mouse changes nothing in it (the screenshot's hover read-out does change).
async function figureChecks(page, name, { mapBg, hoverA, hoverB }) {
  const L = await page.evaluate(() => adamlab.layout());
  const size = await canvasSize(page);
  await page.mouse.move(hoverA.x, hoverA.y);
  await frames(page, 3);
  const shotA = await png(page, 'screenshot');
  const figA = await png(page, 'exportPng');
  await page.mouse.move(hoverB.x, hoverB.y);
  await frames(page, 3);
  const shotB = await png(page, 'screenshot');
  const figB = await png(page, 'exportPng');
  fs.writeFileSync(path.join(artifacts, `figure-${name}.png`), figA);
  fs.writeFileSync(path.join(artifacts, `figure-${name}-screen.png`), shotA);
  const whole = stats(figA, null, size.dpr);
  assert(whole.width === size.w && whole.height === size.h, `figure ${whole.width}x${whole.height}, canvas ${size.w}x${size.h}`);
  assert(whole.colours > 200, `${whole.colours} colours: a blank figure?`);
  let note = `${whole.width}x${whole.height} at DPR ${size.dpr}`;
  if (L.controls && L.mode === 'desktop') {
    // The column's region above where the figure's chart begins (a third of the height at most).
    const region = { left: L.controls.left + 4, top: 4, width: L.controls.width - 12, height: L.controls.height * 0.6 };
    const shot = stats(shotA, region, size.dpr), fig = stats(figA, region, size.dpr);
    assert(shot.bg > 0.5 && shot.white > 200, `the screenshot's panel: bg ${shot.bg.toFixed(2)}, ${shot.white} white text pixels`);
    assert(fig.white < shot.white / 4, `panel text in the figure: ${fig.white} white pixels (screenshot ${shot.white})`);
    if (mapBg) assert(fig.bg < 0.05, `the panel's background fills ${(fig.bg * 100).toFixed(1)}% of the column's region in the figure`);
    note += `; column region: bg ${(shot.bg * 100).toFixed(0)}% -> ${(fig.bg * 100).toFixed(1)}%, text px ${shot.white} -> ${fig.white}`;
  }
  // The hover read-out is real on screen (it follows the mouse) and absent from the figure.
  assert(!shotA.equals(shotB), 'the screenshots at two mouse positions are identical: no hover read-out to test against');
  assert(figA.equals(figB), 'the figure changed with the mouse position: a hover read-out or tooltip is in it');
  return note + '; the same figure wherever the mouse hovers';
}

try {
  // ------------------------------------------------------------------ landscape figure
  const page = await open({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 }, '1280x800@2');
  await page.evaluate(() => {
    adamlab.setState('#preset=momentum');
    adamlab.pause();
    adamlab.reset();
    adamlab.step(60);
  });
  await frames(page, 3);

  await check('landscape: the PNG is the figure at device pixels, without the panel or the hover read-out', async () => {
    const L = await page.evaluate(() => adamlab.layout());
    const m = L.map;
    return figureChecks(page, 'landscape', {
      mapBg: true,
      hoverA: { x: m.left + m.width * 0.45, y: m.top + m.height * 0.55 },
      hoverB: { x: m.left + m.width * 0.62, y: m.top + m.height * 0.4 },
    });
  });

  await check('landscape: the figure keeps the map and the chart, and the page is as before', async () => {
    const before = await page.evaluate(() => [adamlab.layout(), adamlab.getState()]);
    const fig = await png(page, 'exportPng');
    await frames(page, 2);
    const after = await page.evaluate(() => [adamlab.layout(), adamlab.getState()]);
    assert(JSON.stringify(after[0].controls) === JSON.stringify(before[0].controls) &&
           JSON.stringify(after[0].map) === JSON.stringify(before[0].map), 'the layout changed after an export');
    assert(after[1].step === before[1].step && after[1].link === before[1].link, 'the scene changed after an export');
    // The figure's bottom third is the chart (the chart window's background, run-coloured lines).
    const { w } = await canvasSize(page);
    const css = w / 2;
    const chart = stats(fig, { left: 0, top: 800 - 150, width: css, height: 140 }, 2);
    assert(chart.bg > 0.4 && chart.colours > 20, `chart region: bg ${chart.bg.toFixed(2)}, ${chart.colours} colours`);
    // The map runs to the left edge (the panel was there).
    const left = stats(fig, { left: 2, top: 200, width: 40, height: 200 }, 2);
    assert(left.bg < 0.05, `left edge: ${(left.bg * 100).toFixed(1)}% panel background`);
    return `chart region ${chart.colours} colours; layout and scene unchanged`;
  });

  // ------------------------------------------------------------------ CSV
  await check('CSV: run,optimizer,scheduler,step,x,y,loss,lr, each run naming its specs, parses per RFC 4180', async () => {
    const r = await page.evaluate(() => {
      adamlab.setState('#problem=rosenbrock&run=adam:lr=0.05,beta1=0.8&run=sgd:lr=0.001,momentum=0.9,nesterov=true@step:step_size=5,gamma=0.5');
      adamlab.pause();
      adamlab.reset();
      adamlab.step(10);
      return { csv: adamlab.exportCsv(), state: adamlab.getState() };
    });
    const rows = parseCsv(r.csv);
    assert(rows[0].join() === 'run,optimizer,scheduler,step,x,y,loss,lr', rows[0].join());
    assert(rows.length === 1 + 2 * 11, `${rows.length} rows`);
    for (const row of rows.slice(1)) {
      assert(row.length === 8, `${row.length} fields: ${row.join('|')}`);
      const run = r.state.runs.find(x => String(x.id) === row[0]);
      assert(run, `no run ${row[0]}`);
      // Every key=value of the csv's spec is in the run's full spec, and the name matches.
      const [name, params = ''] = row[1].split(':');
      assert(run.optimizer.split(':')[0] === name, `${row[1]} vs ${run.optimizer}`);
      for (const kv of params.split(/,(?=[a-z_0-9]+=)/).filter(Boolean)) assert(run.optimizer.includes(kv), `${kv} not in ${run.optimizer}`);
      assert(row[2] === '' ? run.scheduler === '' : run.scheduler.startsWith(row[2].split(':')[0]), `${row[2]} vs ${run.scheduler}`);
      assert([3, 4, 5, 6, 7].every(i => row[i] !== '' && !Number.isNaN(Number(row[i]))), row.join('|'));
    }
    const adam = rows.find(x => x[1].startsWith('adam')), sgd = rows.find(x => x[1].startsWith('sgd'));
    assert(adam[1] === 'adam:lr=0.05,beta1=0.8' && adam[2] === '', adam.join('|'));
    assert(sgd[1] === 'sgd:lr=0.001,momentum=0.9,nesterov=true' && sgd[2] === 'step:step_size=5,gamma=0.5', sgd.join('|'));
    assert(r.csv.split('\n')[1].includes('"adam:lr=0.05,beta1=0.8"'), 'a spec with commas is quoted');
    fs.writeFileSync(path.join(artifacts, 'export-runs.csv'), r.csv);
    return `${rows.length - 1} rows; ${adam[1]} / ${sgd[1]} @ ${sgd[2]}`;
  });

  // ------------------------------------------------------------------ anatomy equations
  await check('anatomy: the selected optimizer\'s equations, as torch computes them, with coloured terms', async () => {
    const r = await page.evaluate(() => {
      const [adam, sgd] = adamlab.getState().runs.map(x => x.id);
      adamlab.setAnatomy(adam);
      const a = adamlab.anatomy(adam);
      const s = adamlab.anatomy(sgd);
      return { a, s, state: adamlab.getState().anatomy };
    });
    const text = r.a.equations.map(l => l.text);
    for (const want of ['g ← grad', 'm ← β₁·m + (1 - β₁)·g', 'v ← β₂·v + (1 - β₂)·g²', 'p ← p - lr/(1 - β₁^t)·m / denom'])
      assert(text.includes(want), `adam lacks '${want}': ${text.join(' | ')}`);
    assert(r.a.symbols.includes('β₁ = 0.8'), r.a.symbols);
    // Every coloured term is one of the anatomy's vectors, with its role (its colour).
    for (const an of [r.a, r.s])
      for (const l of an.equations)
        for (const seg of l.segments)
          if (seg.term) assert(seg.term in an.vectors && seg.role === an.vectors[seg.term].role, `term ${seg.term} (${seg.role}) in '${l.text}'`);
    const roles = new Set(r.a.equations.flatMap(l => l.segments.map(x => x.role)).filter(Boolean));
    assert(['gradient', 'moment', 'scaling', 'step'].every(x => roles.has(x)), [...roles].join());
    const stext = r.s.equations.map(l => l.text);
    assert(stext.includes('d ← g + μ·buf') && stext[stext.length - 1] === 'p ← p - lr·d', stext.join(' | '));
    // The panel shows the same lines (getState reads them from the UI's anatomy view).
    assert(JSON.stringify(r.state.equations) === JSON.stringify(text), `${JSON.stringify(r.state.equations)}`);
    return `adam: ${text.length} lines, sgd+nesterov: ${stext.length}; roles ${[...roles].join(', ')}`;
  });

  await check('anatomy screenshot at 1280x800: the equations beside the numbers', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.mouse.move(1270, 790);
    await frames(page, 4);
    await page.screenshot({ path: path.join(artifacts, 'anatomy-equations-1280.png') });
    return 'anatomy-equations-1280.png';
  });
  await page.close();

  // ------------------------------------------------------------------ phone: figure + anatomy
  const phone = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true }, '390x844@3');
  await check('phone 390x844 DPR 3: the figure is the canvas\'s 1170x2532 pixels, map over chart', async () => {
    await phone.evaluate(() => { adamlab.setState('#preset=momentum'); adamlab.pause(); adamlab.reset(); adamlab.step(40); });
    await frames(phone, 3);
    const size = await canvasSize(phone);
    const fig = await png(phone, 'exportPng');
    fs.writeFileSync(path.join(artifacts, 'figure-phone.png'), fig);
    const s = stats(fig, null, 3);
    assert(s.width === size.w && s.height === size.h && size.w === 1170 && size.h === 2532, `${s.width}x${s.height} vs canvas ${size.w}x${size.h}`);
    // The figure's top two thirds are map (no sheet, tabs or controls there).
    const top = stats(fig, { left: 0, top: 0, width: 390, height: 520 }, 3);
    assert(top.bg < 0.05, `${(top.bg * 100).toFixed(1)}% panel background in the figure's map`);
    return `${s.width}x${s.height}`;
  });
  await check('anatomy screenshot at 390x844 DPR 3 (the Controls tab, scrolled to the anatomy)', async () => {
    await phone.evaluate(() => { const id = adamlab.getState().runs[1].id; adamlab.selectRun(id); adamlab.setAnatomy(id); });
    await frames(phone, 3);
    // The sheet's "Controls" tab: tapped, then scrolled down to the anatomy section.
    const L = await phone.evaluate(() => adamlab.layout());
    const sheet = L.controls;
    // Held across frames: ImGui reads the press once a frame.
    await phone.mouse.move(sheet.left + 100, sheet.top + 56);
    await frames(phone, 2);
    await phone.mouse.down();
    await frames(phone, 2);
    await phone.mouse.up();
    await frames(phone, 4);
    await phone.mouse.move(sheet.left + sheet.width / 2, sheet.top + sheet.height / 2);
    for (let k = 0; k < 9; k++) { await phone.mouse.wheel(0, 300); await frames(phone, 1); }
    await frames(phone, 3);
    await phone.screenshot({ path: path.join(artifacts, 'anatomy-equations-phone.png') });
    const eq = await phone.evaluate(() => adamlab.getState().anatomy.equations);
    assert(eq && eq.includes('buf ← μ·buf + (1 - τ)·g') && eq[eq.length - 1] === 'p ← p - lr·buf', JSON.stringify(eq));
    return `${eq.length} lines; anatomy-equations-phone.png`;
  });
  await phone.close();

  // ------------------------------------------------------------------ network figure
  const net = await open({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 }, 'net 1280x800@2');
  await net.evaluate(() => { adamlab.setMode('network'); adamlab.pause(); adamlab.step(150); });
  await frames(net, 4);
  await check('network: the PNG is the figure (boundary + chart) at device pixels, no panel, no hover read-out', async () => {
    const L = await net.evaluate(() => adamlab.layout());
    const m = L.map;
    return figureChecks(net, 'network', {
      mapBg: false,
      hoverA: { x: m.left + m.width * 0.5, y: m.top + m.height * 0.5 },
      hoverB: { x: m.left + m.width * 0.4, y: m.top + m.height * 0.35 },
    });
  });
  await net.close();
} catch (e) {
  await check('the checks ran to the end', async () => { throw e; });
}

// RFC 4180: records of fields; quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows[rows.length - 1].push(field); field = ''; }
    else if (c === '\n') { rows[rows.length - 1].push(field); field = ''; rows.push([]); }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || rows[rows.length - 1].length) rows[rows.length - 1].push(field);
  if (!rows[rows.length - 1].length) rows.pop();
  if (quoted) throw new Error('an unterminated quote');
  return rows;
}

await checkNoConsoleMessages();
finish(lines);
