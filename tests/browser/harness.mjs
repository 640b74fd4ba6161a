// What the browser tests (test.mjs, sweep.mjs, hardening.mjs, layout.mjs; share_checks.mjs through test.mjs)
// share: the command line, Chromium, the `check`/`assert` helpers with their "ok"/"FAIL" lines
// and final "N passed, N failed" line, pages that collect console messages, screenshot statistics.
//   node FILE.mjs URL [ARTIFACT_DIR]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export const here = path.dirname(new URL(import.meta.url).pathname);
export const url = process.argv[2];
export const artifacts = process.argv[3] || path.join(here, 'artifacts');

// Software WebGL2 (SwiftShader through ANGLE), and no background traffic to a closed network.
// Not --disable-gpu: with it, Chromium composites the WebGL canvas by reading pixels back and
// logs "GPU stall due to ReadPixels" warnings.
const CHROMIUM_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let passed = 0, failed = 0;
export async function check(name, fn) {
  try {
    const note = await fn();
    passed++;
    console.log(`ok   ${name}${note ? ` (${note})` : ''}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
  }
}
export function assert(cond, message) { if (!cond) throw new Error(message); }

// Console messages and page errors of every page opened by open() / openPage(): the last check
// of each file asserts there are none.
export const messages = [];
let browser = null;

// Creates the artifact directory and launches Chromium (once per file, before any check).
export async function startBrowser() {
  fs.mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return browser;
}

// A new page (browser.newPage(options)) whose console messages and errors go to `messages`
// under `label`, at url + hash, once window.adamlab.ready resolves.
export async function open(options, label, hash = '') {
  const page = await browser.newPage(options);
  page.on('console', m => messages.push(`${label} [${m.type()}] ${m.text()}`));
  page.on('pageerror', e => messages.push(`${label} [pageerror] ${e.message}`));
  await page.goto(url + hash);
  await page.evaluate(() => window.adamlab.ready);
  return page;
}
export function openPage(width, height, hash = '') {
  return open({ viewport: { width, height } }, `${width}x${height}`, hash);
}

export async function checkNoConsoleMessages() {
  await check('no console errors or warnings', async () => {
    assert(messages.length === 0, messages.join('\n'));
  });
}

// Prints `lines` (a file's measurements), where the screenshots are and the "N passed, N failed"
// line, and exits (1 on failure).
export function finish(lines = []) {
  for (const line of lines) console.log(line);
  console.log(`screenshots: ${artifacts}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// Decodes a PNG (bytes) in the page (the browser has a PNG decoder; node has none built in) and
// measures every `stride`-th pixel of `region` (CSS pixels, scaled by the screenshot's pixel
// ratio if `scaled`; the whole image if none): the distinct colours, the share that is not the
// background, and the share that is red.
// n animation frames.
export const frames = (page, n = 3) => page.evaluate(n => new Promise(r => { const f = k => (k ? requestAnimationFrame(() => f(k - 1)) : r()); f(n); }), n);
// Keys held across a frame: ImGui reads keys once a frame, and a tap between two frames is lost.
export async function press(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  await page.waitForTimeout(120);
  for (const k of keys.reverse()) await page.keyboard.up(k);
  await page.waitForTimeout(60);
}
// A click at the middle of a layout() rectangle, then a few frames for ImGui to act on it.
export async function clickRect(page, r) {
  await page.mouse.click(r.left + r.width / 2, r.top + r.height / 2, { delay: 100 });
  await frames(page);
}

export async function imageStats(page, png, { region = null, stride, scaled = false }) {
  return page.evaluate(async ({ b64, region, stride, scaled }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const s = scaled ? img.width / innerWidth : 1;
    const d = region
      ? g.getImageData(Math.round(region.left * s), Math.round(region.top * s), Math.round(region.width * s), Math.round(region.height * s)).data
      : g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let filled = 0, red = 0, n = 0;
    for (let i = 0; i < d.length; i += 4 * stride) {
      n++;
      colours.add((d[i] >> 3) << 10 | (d[i + 1] >> 3) << 5 | (d[i + 2] >> 3));
      if (Math.abs(d[i] - 23) + Math.abs(d[i + 1] - 25) + Math.abs(d[i + 2] - 31) > 30) filled++;
      if (d[i] > 170 && d[i + 1] < 90 && d[i + 2] < 100) red++;
    }
    return { width: img.width, height: img.height, colours: colours.size, filled: filled / n, red: red / n };
  }, { b64: Buffer.from(png).toString('base64'), region, stride, scaled });
}
