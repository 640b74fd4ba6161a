// Sweeps in a Web Worker (sweep_worker.js), so the page keeps its frame rate while a large grid
// computes. Load after adamlab.js. The app module stays the one place that validates (errors are
// synchronous and name the bad token), owns the sweep and draws it: here the page only ferries
// the validated config to the worker (al_sweep_remote) and the finished cells back into the
// app's SweepSession (al_sweep_receive), which the ImGui panel draws as before.
// Without Worker support, or if the worker fails to load, sweeps compute a slice per frame in
// the app module (the same SweepJob, so the same numbers).
//   adamlab.sweepWorker()          {available, ready, failed, loadMs, error}
//   adamlab.setSweepWorker(false)  compute in the page (a running sweep moves along); true: back
(function () {
  'use strict';
  const Module = window.Module;
  const api = window.adamlab;
  if (!Module || !api) return;
  const info = { available: typeof Worker === 'function', ready: false, failed: false, loadMs: null, error: null };
  const embed = /[#?&]embed=(1|true)(&|$)/.test(location.hash + '&' + location.search);
  let worker = null;
  let enabled = info.available;
  let sent = -1;       // serial of the sweep the worker computes (-1: none)
  let appReady = false;
  const fns = {};

  function call(name, types, ...args) {
    if (!fns[name]) fns[name] = Module.cwrap(name, 'string', types);
    const r = JSON.parse(fns[name](...args));
    if (r.error !== undefined) throw new Error(r.error);
    return r;
  }

  function ensureWorker() {
    if (worker || info.failed || !info.available) return;
    try {
      worker = new Worker('sweep_worker.js');
    } catch (e) {
      fail(e);
      return;
    }
    worker.onmessage = onMessage;
    worker.onerror = e => { e.preventDefault(); fail(e.message || 'the sweep worker failed'); };
  }

  function fail(e) {
    info.failed = true;
    info.error = String(e && e.message || e);
    if (worker) worker.terminate();
    worker = null;
    sent = -1;
    enabled = false;
    if (appReady) call('al_sweep_use_worker', ['number'], 0);  // a running sweep goes on in the page
  }

  // Brings the worker in line with the app: start the app's running remote sweep, or stop one the
  // app no longer wants (cancelled, cleared, replaced, its run removed).
  function sync() {
    if (!appReady || !enabled) return;
    const r = call('al_sweep_remote', ['number'], sent);
    if (r.running && r.config !== undefined) {
      ensureWorker();
      if (!worker) return;
      if (sent >= 0) worker.postMessage({ type: 'cancel', serial: sent });
      worker.postMessage({ type: 'start', serial: r.serial, config: r.config });
      sent = r.serial;
    } else if (!r.running && sent >= 0) {
      if (worker) worker.postMessage({ type: 'cancel', serial: sent });
      sent = -1;
    }
  }

  function onMessage(e) {
    const m = e.data;
    if (m.type === 'ready') {
      info.ready = true;
      info.loadMs = m.loadMs;
    } else if (m.type === 'loadError') {
      fail(m.message);
    } else if (m.type === 'error') {
      info.error = m.message;
      if (m.serial === sent) { sent = -1; call('al_sweep_compute_here', ['number'], m.serial); }
    } else if (m.type === 'progress' && m.serial === sent && appReady) {
      const n = m.metric.length;
      const p = n ? Module._malloc(n * 8) : 0;
      let r;
      try {
        if (n) Module.HEAPF64.set(m.metric, p >> 3);
        r = call('al_sweep_receive', ['number', 'number', 'number', 'number', 'number', 'number'],
                 m.serial, m.begin, n, p, m.progress, m.computeMs);
      } finally {
        if (p) Module._free(p);
      }
      if (m.done) sent = -1;
      else if (!r.ok) sync();  // the app moved on: cancel, or start its new sweep
    }
  }

  // Pre-warm: fetch and compile the worker's module while the app loads, so the first sweep
  // does not pay for it. An embed (a tutorial may hold a dozen) waits for its first sweep.
  if (!embed) ensureWorker();

  // After every frame: a sweep the panel's button or a link started, a cancel, a removed run.
  const frameRendered = Module.onFrameRendered;
  Module.onFrameRendered = function () {
    if (frameRendered) frameRendered.apply(this, arguments);
    try { sync(); } catch (_) { /* the app reports its own errors */ }
  };
  // Right after main() made the app and before its first frame, so a link's sweep (started in
  // that frame) goes to the worker from its first cell.
  function onAppRunning() {
    if (appReady) return;
    try {
      if (enabled) call('al_sweep_use_worker', ['number'], 1);
      appReady = true;
    } catch (_) { /* the app did not start: adamlab.ready reports it */ }
  }
  Module.postRun = [].concat(Module.postRun || [], onAppRunning);
  api.ready.then(() => { onAppRunning(); sync(); }, () => {});

  // The API's sweep calls hand over at once, not a frame later.
  for (const name of ['sweep', 'cancelSweep', 'clearSweep']) {
    const inner = api[name];
    api[name] = function () {
      const result = inner.apply(api, arguments);
      sync();
      return result;
    };
  }
  api.sweepWorker = () => Object.assign({ enabled, computing: sent >= 0 }, info);
  api.setSweepWorker = on => {
    enabled = !!on && info.available && !info.failed;
    if (!enabled && worker && sent >= 0) worker.postMessage({ type: 'cancel', serial: sent });
    if (!enabled) sent = -1;
    if (appReady) call('al_sweep_use_worker', ['number'], enabled ? 1 : 0);
    sync();
    return enabled;
  };
})();
