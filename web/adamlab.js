// window.adamlab: the playground's JS API (tests and embedding pages depend on it).
// Load before adamlab_app.js. Every call goes to a C++ export that returns JSON; an
// {"error": message} reply becomes `throw new Error(message)` and leaves the state unchanged.
(function () {
  'use strict';
  const Module = (window.Module = window.Module || {});
  Module.canvas = Module.canvas || document.getElementById('canvas');
  const status = document.getElementById('status');

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  let started = false;
  const fns = {};

  function showStatus(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.className = isError ? 'error' : '';
    status.style.display = text ? '' : 'none';
  }

  Module.onFirstFrame = function () {
    started = true;
    api.firstFrameAt = performance.now();  // ms since navigation start
    showStatus('');
    if (hashChangedBeforeReady) loadAddressHash();  // the app read the hash before that change
    resolveReady(api);
    writeHash();
    applyVisibility();
  };
  Module.onAbort = function (what) {
    showStatus('AdamLab failed to start: ' + what, true);
    rejectReady(new Error('AdamLab failed to start: ' + what));
  };

  const signatures = {
    al_get_state: [], al_reset_to_defaults: [], al_play: [], al_pause: [], al_reset: [], al_step: ['number'],
    al_set_problem: ['string'], al_set_start: ['number', 'number'], al_add_run: ['string', 'string'],
    al_remove_run: ['number'], al_update_run: ['number', 'string', 'string'], al_trace: ['number'],
    al_duplicate_run: ['number'], al_set_visible: ['number', 'number'], al_select_run: ['number'],
    al_set_speed: ['number'], al_set_step_limit: ['number'], al_zoom_at: ['number', 'number', 'number'],
    al_stats: [], al_get_link: ['number'], al_set_link: ['string'], al_refuse_link: ['number'],
    al_dismiss_link_errors: [], al_presets: [],
    al_anatomy: ['number', 'number', 'number'], al_set_anatomy: ['number', 'number', 'number'],
    al_export_csv: [], al_export_json: [], al_request_figure: [],
    al_sweep_start: ['string', 'string', 'number', 'string', 'number', 'number'], al_sweep_state: [],
    al_sweep_cancel: [], al_sweep_clear: [], al_sweep_cell: ['number', 'number'], al_sweep_metric: [],
    al_set_noise: ['string', 'number'], al_layout: [],
    al_set_mode: ['string'], al_set_network: ['string', 'string', 'number', 'number'], al_new_seed: [],
    al_load_csv: ['string', 'number'], al_net_presets: [], al_pytorch_code: ['number', 'number'],
    al_show_pytorch_code: ['number', 'number'],
    al_paste_pytorch: ['string', 'number'], al_set_clipboard: ['string'], al_paste_field: [],
    al_undo: [], al_redo: [],
  };

  // Strings go to C++ through malloc'd memory, not through ccall's 'string' conversion: that one
  // reserves 4 bytes per character on the wasm stack (5 MB), so a megabyte-long link or spec
  // would overflow it and corrupt memory ("memory access out of bounds").
  const encoder = new TextEncoder();
  function heapString(text, owned) {
    const bytes = encoder.encode(text);
    const p = Module._malloc(bytes.length + 1);
    if (!p) throw new Error(`out of memory for a ${bytes.length}-byte argument`);
    owned.push(p);
    Module.HEAPU8.set(bytes, p);
    Module.HEAPU8[p + bytes.length] = 0;
    return p;
  }
  function call(name, ...args) {
    if (!started) throw new Error('AdamLab is not ready yet: await adamlab.ready first');
    const types = signatures[name];
    if (!fns[name]) fns[name] = Module.cwrap(name, 'string', types.map(t => (t === 'string' ? 'number' : t)));
    const owned = [];
    let reply;
    try {
      const cargs = args.map((a, i) => (types[i] === 'string' ? heapString(a === undefined || a === null ? '' : String(a), owned) : a));
      reply = JSON.parse(fns[name](...cargs));
    } finally {
      for (const p of owned) Module._free(p);
    }
    if (reply.error !== undefined) {
      const error = new Error(reply.error);
      if (reply.column !== undefined) error.column = reply.column;  // a typed function's mistake (setProblem)
      throw error;
    }
    return reply;
  }

  // Argument checks in JS for what cannot cross into C++ faithfully (a string where a number
  // belongs would arrive as NaN; a NUL would cut a string short; a huge string would be copied
  // into the heap, which never shrinks). Messages name the bad token, like the C++ ones.
  // The limits are src/core/limits.h's kMaxLinkChars and kMaxSpecChars.
  const kMaxLinkChars = 262144, kMaxSpecChars = 4096, kMaxRunId = 2147483647;
  const kMaxPasteChars = 8192;  // src/export/torch_parse.h kMaxTorchPasteChars
  const kNotGiven = -1;  // an optional run or step left out (src/app/bridge_json.h)
  // Any value as text for a message: objects whose toString throws or is not a function included.
  function describe(value) {
    let text;
    try { text = typeof value === 'symbol' ? value.toString() : String(value); } catch (_) { text = Object.prototype.toString.call(value); }
    return text.length > 80 ? text.slice(0, 80) + `... (${text.length} characters)` : text;
  }
  function spec(value, what, optional) {
    if (optional && (value === undefined || value === null)) return '';
    if (typeof value !== 'string') throw new Error(`invalid ${what} spec: '${describe(value)}' (expected a string)`);
    if (value.length > kMaxSpecChars) throw new Error(`invalid ${what} spec: ${value.length} characters long (at most ${kMaxSpecChars})`);
    const nul = value.indexOf('\0');
    if (nul >= 0) throw new Error(`invalid ${what} spec: '${describe(value.slice(0, nul))}' is followed by a NUL character (at index ${nul})`);
    return value;
  }
  function number(value, what) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`invalid ${what}: '${describe(value)}'`);
    return value;
  }
  function runId(value) {
    if (!Number.isInteger(value) || value < 0 || value > kMaxRunId) throw new Error(`invalid run id: '${describe(value)}'`);
    return value;
  }
  // An optional whole step (undefined/null: follow the run).
  function optionalStep(options) {
    if (options === undefined || options === null) return kNotGiven;
    if (typeof options !== 'object') throw new Error(`invalid anatomy options: '${describe(options)}' (expected {step, biasCorrection})`);
    const k = options.step;
    if (k === undefined || k === null) return kNotGiven;
    if (!Number.isInteger(k) || k < 0) throw new Error(`invalid step: '${describe(k)}' (a whole number >= 0)`);
    return k;
  }
  function biasCorrection(options) { return options && options.biasCorrection === false ? 0 : 1; }
  // A link goes in whole or not at all: too long, it is refused (the banner says why) before it
  // is copied; a raw NUL, which no URL carries, is sent percent-encoded so the part holding it is
  // reported like any other bad part instead of silently cutting the link short.
  function applyLink(link) {
    if (link.length > kMaxLinkChars) return call('al_refuse_link', link.length);
    return call('al_set_link', link.replace(/\0/g, '%00'));
  }

  const api = {
    ready,
    firstFrameAt: null,
    /** Plain snapshot: problem, start, step, playing, speed, stepLimit, minima, runs[...]. */
    getState() { const s = call('al_get_state'); return s; },
    play() { call('al_play'); },
    pause() { call('al_pause'); },
    step(n = 1) { call('al_step', number(n, 'step count')); },
    reset() { call('al_reset'); },
    /** Back to the default scene (as the page opens with no link): always works, whatever state
     *  the page is in. The address bar follows. */
    resetToDefaults() { call('al_reset_to_defaults'); writeHash(true); },
    /** A built-in problem ('rosenbrock', 'beale:a=...') or your own function,
     *  'expr:sin(x)*cos(y) + 0.1*(x^2+y^2); a=1; view=-4,4,-4,4; start=-3,2; minimum=0,0'.
     *  Invalid text throws an Error naming the column (e.g. "unknown name 'sn' at column 1 (did you
     *  mean 'sin'?)"), with error.column the 1-based column in the text after 'expr:'; the state is
     *  unchanged. getState().problem is the scene's canonical spec. */
    setProblem(problemSpec) { call('al_set_problem', spec(problemSpec, 'problem')); },
    setStart(x, y) { call('al_set_start', number(x, 'start x'), number(y, 'start y')); },
    /** Returns the new run's id. optimizerSpec omitted: the optimizer "Add run" offers (the first
     *  of Adam, SGD with momentum, RMSprop, AdamW, NAdam, ... not on the map yet).
     *  schedulerSpec: '' or omitted = no scheduler. */
    addRun(optimizerSpec, schedulerSpec) {
      return call('al_add_run', spec(optimizerSpec, 'optimizer', true), spec(schedulerSpec, 'scheduler', true)).id;
    },
    removeRun(id) { call('al_remove_run', runId(id)); },
    /** Restarts the run from the start point with the new specs (scheduler omitted = none). */
    updateRun(id, optimizerSpec, schedulerSpec) {
      call('al_update_run', runId(id), spec(optimizerSpec, 'optimizer'), spec(schedulerSpec, 'scheduler', true));
    },
    /** The run's rows as the CLI's csv: header step,x,y,loss,lr; %.17g numbers; row 0 = start. */
    trace(id) { return call('al_trace', runId(id)).csv; },
    duplicateRun(id) { return call('al_duplicate_run', runId(id)).id; },
    setVisible(id, visible) { call('al_set_visible', runId(id), visible ? 1 : 0); },
    selectRun(id) { call('al_select_run', runId(id)); },
    setSpeed(stepsPerSecond) { call('al_set_speed', number(stepsPerSecond, 'speed')); },
    setStepLimit(limit) { call('al_set_step_limit', number(limit, 'step limit')); },
    /** Zoom the landscape by factor (> 1 = in) about (x, y) in CSS pixels of the canvas. */
    zoomAt(factor, x, y) { call('al_zoom_at', number(factor, 'zoom factor'), number(x, 'x'), number(y, 'y')); },
    /** Frame counters: frames, frameMs (average CPU ms per frame), uiFrameMs (of which simulation
     *  + building the UI), simFrameMs (of which the simulation), maxFrameMs, rasterBuilds, netRasterBuilds,
     *  heapBytes (the WebAssembly memory's size; it only grows). */
    stats() { const s = call('al_stats'); s.firstFrameAt = api.firstFrameAt; s.renderPaused = renderPaused; return s; },

    // --- links, presets, anatomy, export ---
    /** The scene as a link hash ('#problem=...&run=...'); {embed: true} gives the embed variant. */
    getLink(options) { return call('al_get_link', options && options.embed ? 1 : 0).link; },
    /** Loads a link (hash, query or whole URL). Returns {errors: ['<part>: <why>', ...]}: bad
     *  parts are ignored (and shown in the page), the rest loads. Never throws for a bad link. */
    setState(linkOrHash) {
      if (typeof linkOrHash !== 'string') throw new Error(`invalid link: '${describe(linkOrHash)}' (expected a string)`);
      const r = applyLink(linkOrHash);
      writeHash(true);
      return r;
    },
    /** The lesson presets: [{name, title, caption, link}]. */
    presets() { return call('al_presets').presets; },
    loadPreset(name) { return api.setState('#preset=' + spec(name, 'preset') + '&autoplay=1'); },
    /** The network presets: [{name, title, caption, link}]; loadPreset(name) loads one (in Network mode). */
    netPresets() { return call('al_net_presets').presets; },
    dismissLinkErrors() { call('al_dismiss_link_errors'); },
    /** The anatomy of run id's next step from step k (default: its current step):
     *  {t, step, position, nextPosition, update, vectors: {name: {value: [x, y], role}}, scalars, note, diagnosis}. */
    anatomy(id, options) {
      return call('al_anatomy', runId(id), optionalStep(options), biasCorrection(options));
    },
    /** Shows the anatomy mode for run id (null = off) at step k (default: follow the run). */
    setAnatomy(id, options) {
      const run = id === null || id === undefined ? kNotGiven : runId(id);
      call('al_set_anatomy', run, optionalStep(options), biasCorrection(options));
    },
    /** PyTorch code that reproduces a run ({run: id}) or the whole scene ({scene: true}) in the mode
     *  shown, to the current step: {script, constructor, scheduler, mode, runs: [{id, constructor,
     *  scheduler}]}. The script prints the csv of trace(id) (one block per run for a scene). */
    pytorchCode(options) {
      if (!options || typeof options !== 'object')
        throw new Error(`invalid pytorchCode options: '${describe(options)}' (expected {run: id} or {scene: true})`);
      if (options.scene === true) return call('al_pytorch_code', kNotGiven, 1);
      return call('al_pytorch_code', runId(options.run), 0);
    },
    /** Opens the "PyTorch code" window for {run: id} or {scene: true}; null closes it. Returns
     *  {open, lines}. */
    showPytorchCode(options) {
      if (options === null || options === undefined) return call('al_show_pytorch_code', kNotGiven, 2);
      if (typeof options !== 'object')
        throw new Error(`invalid showPytorchCode options: '${describe(options)}' (expected {run: id}, {scene: true} or null)`);
      if (options.scene === true) return call('al_show_pytorch_code', kNotGiven, 1);
      return call('al_show_pytorch_code', runId(options.run), 0);
    },
    /** What the app's Copy buttons last put on the clipboard: {text, copied} (copied: the
     *  browser accepted it), or null. */
    lastCopy() { return lastCopy; },
    /** Every run's trace as csv (RFC 4180): run,optimizer,scheduler,step,x,y,loss,lr, the specs
     *  as a link writes them (quoted, as they hold commas; the scheduler empty for none). */
    exportCsv() { return call('al_export_csv').csv; },
    /** The scene as a plain object: {format, link, state}. */
    exportJson() { return call('al_export_json'); },
    /** The figure as a PNG Blob: the map (or the network's view) with its paths and legend, and
     *  the loss chart below, without the control panel, toolbar or hover read-out, at the
     *  canvas's device pixels (CSS size x devicePixelRatio). Drawn for one frame, never shown. */
    exportPng() { return captureFigure(); },
    /** The whole canvas as shown (controls, hover and all) as a PNG Blob, after the next frame. */
    screenshot() { return capturePng(); },
    downloadCsv() { download(new Blob([api.exportCsv()], { type: 'text/csv' }), 'adamlab-traces.csv'); },
    downloadJson() { download(new Blob([JSON.stringify(api.exportJson(), null, 2)], { type: 'application/json' }), 'adamlab-scene.json'); },
    async downloadPng() { download(await captureFigure(), 'adamlab.png'); },
    /** The full URL of the scene, and an <iframe> snippet that embeds it. */
    linkUrl() { return pageUrl() + api.getLink(); },
    embedCode() {
      const src = pageUrl() + api.getLink({ embed: true });
      return `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="720" height="440" ` +
             'style="border:0;max-width:100%" loading="lazy" title="AdamLab playground"></iframe>';
    },
    /** Copies the link (or the embed code) to the clipboard and shows it in a popup either way. */
    copyLink() { return copyText(api.linkUrl(), 'Link to this scene'); },
    copyEmbed() { return copyText(api.embedCode(), 'Embed code'); },

    // --- sweeps and gradient noise ---
    /** Sweeps two hyperparameters of a run (default: the selected one) and shows the heat map:
     *  {x: 'lr=1e-4:1:log:256', y: 'beta1=0:0.99:lin:256', steps: 1000, metric: 'final_loss',
     *   seeds: 1, run: id}. Axis scales: lin, log, log1m (1 - x evenly in log). Metrics:
     *  final_loss, best_loss, steps_to:T, diverged. In the network mode every cell trains the
     *  network (a run of the network scene, its scheduler kept), the losses are the training
     *  set's (best_loss and steps_to read it every 5 steps), test_loss is the test set's, and
     *  seeds is 1. Throws an Error naming the bad token; else
     *  computes over frames and resolves when done (or cancelled) to
     *  {cells, ms, computeMs, cancelled, summary}. ms is the sweep's wall time in the app. */
    sweep(options = {}) {
      if (typeof options !== 'object' || options === null) throw new Error(`invalid sweep options: '${describe(options)}'`);
      const seeds = options.seeds === undefined ? 1 : number(options.seeds, 'sweep seeds');
      const run = options.run === undefined || options.run === null ? kNotGiven : runId(options.run);
      const started = call('al_sweep_start', spec(options.x, 'sweep x'), spec(options.y, 'sweep y'),
                           number(options.steps === undefined ? 500 : options.steps, 'sweep steps'),
                           spec(options.metric === undefined ? 'final_loss' : options.metric, 'sweep metric'), seeds, run);
      writeHash(true);
      const t0 = performance.now();
      // This sweep's own outcome, even after another sweep (or a reset) has taken its place.
      return new Promise((resolve, reject) => {
        const poll = () => {
          let s;
          try { s = call('al_sweep_state'); } catch (e) { reject(e); return; }
          if (s.network !== started.network) s = s.hidden;  // the mode was switched meanwhile
          const mine = s.active && s.serial === started.serial;
          if (mine && s.running) { setTimeout(poll, 8); return; }
          writeHash();
          const base = { cells: started.cells, run: started.run, pageMs: performance.now() - t0 };
          if (mine) {
            resolve(Object.assign(base, { ms: s.elapsedMs, computeMs: s.computeMs, cancelled: !!s.cancelled,
                                          outcome: s.cancelled ? 'cancelled' : 'done', summary: s.summary || null }));
            return;
          }
          const ended = (s.ended || []).find(e => e.serial === started.serial);
          const outcome = ended ? ended.outcome : 'replaced by a newer sweep';
          // Its cells are gone with it: only the outcome is known.
          resolve(Object.assign(base, { ms: null, computeMs: null, cancelled: outcome !== 'done', outcome, summary: null }));
        };
        poll();
      });
    },
    /** {network, active, running, done, cancelled, progress, cellsDone, cells, nx, ny, elapsedMs,
     *  computeMs, runStepsPerMs, budgetMs, run, optimizer, scheduler, xKey, yKey, request, link,
     *  summary: {finite, nan, min, max, best}, map: {left, top, width, height} (CSS px of the heat
     *  map's cells, null when not shown), hidden: the other mode's sweep, the same fields}.
     *  Each mode has its own sweep; these calls act on the mode shown. */
    sweepState() { return call('al_sweep_state'); },
    cancelSweep() { call('al_sweep_cancel'); },
    clearSweep() { call('al_sweep_clear'); writeHash(true); },
    /** Cell (ix, iy), 0-based from the bottom-left: {x, y, xKey, yKey, metric, status, optimizer,
     *  scheduler} (optimizer and scheduler: the run the cell trained). */
    sweepCell(ix, iy) { return call('al_sweep_cell', number(ix, 'cell ix'), number(iy, 'cell iy')); },
    /** {nx, ny, cellsDone, metric: [...]} row-major with y outer; null = pending or NaN. */
    sweepMetric() { return call('al_sweep_metric'); },
    /** Gradient noise for every run: 'none' or 'gaussian:std=S[,relative=true]', with its seed. */
    setNoise(noiseSpec, seed = 0) { call('al_set_noise', spec(noiseSpec, 'noise'), number(seed, 'seed')); },
    // --- the network mode (issue 11) ---
    /** Shows 'network' (neural networks training on data) or 'landscape' (the 2D test functions).
     *  Play, pause, step, reset, speed, step limit and the run calls act on the mode shown;
     *  getState() describes it ({mode, step, epoch, runs: [{trainLoss, testLoss, trainAccuracy,
     *  testAccuracy, diverged, divergedAt, ...}], network: {data, model, batchSize, seed,
     *  parameters, layers, step, epoch, view, ...}}). */
    setMode(mode) {
      if (mode !== 'network' && mode !== 'landscape') throw new Error(`invalid mode: '${describe(mode)}' (landscape or network)`);
      call('al_set_mode', mode);
      writeHash(true);
    },
    /** The network task, every given part at once (a refused one changes nothing):
     *  {data: 'spirals:noise=0.2', model: 'mlp:hidden=16x16,activation=relu', batchSize: 10, seed: 1}.
     *  Every run restarts on the new task. */
    setNetwork(options) {
      if (typeof options !== 'object' || options === null) throw new Error(`invalid network options: '${describe(options)}' (expected {data, model, batchSize, seed})`);
      for (const k of Object.keys(options))
        if (!['data', 'model', 'batchSize', 'seed'].includes(k)) throw new Error(`unknown network option '${describe(k)}' (data, model, batchSize, seed)`);
      const whole = (v, what) => {
        if (v === undefined || v === null) return kNotGiven;
        if (!Number.isInteger(v) || v < 0) throw new Error(`invalid ${what}: '${describe(v)}' (a whole number)`);
        return v;
      };
      call('al_set_network', spec(options.data, 'data', true), spec(options.model, 'model', true),
           whole(options.batchSize, 'batch size'), whole(options.seed, 'seed'));
      writeHash(true);
    },
    /** New data, initial weights and batch order (Reset keeps them): returns the new seed. */
    newSeed() { const r = call('al_new_seed').seed; writeHash(true); return r; },
    /** Trains on the user's rows instead: 'x,y,label' lines (2D classes 0..7) or 'x,y' (1D
     *  regression), an optional header. A bad row throws an Error naming its line; nothing loads. */
    loadCsv(text, testFraction = 0.3) {
      if (typeof text !== 'string') throw new Error(`invalid csv: '${describe(text)}' (expected a string)`);
      if (text.length > kMaxLinkChars) throw new Error(`invalid csv: ${text.length} characters long (at most ${kMaxLinkChars})`);
      if (text.indexOf('\0') >= 0) throw new Error(`invalid csv: a NUL character at index ${text.indexOf('\0')}`);
      call('al_load_csv', text, number(testFraction, 'test fraction'));
      writeHash(true);
    },
    // --- PyTorch in (issue 12) ---
    /** Reads a pasted torch.optim constructor, optionally with a scheduler line, e.g.
     *  'opt = torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.98))\n' +
     *  'sched = torch.optim.lr_scheduler.StepLR(opt, step_size=30)', and adds it as a new run
     *  (or, with {id}, replaces that run) in the mode shown, selected. Returns {id, optimizer,
     *  scheduler, notes, mode, state}: the specs it became, arguments accepted without effect
     *  (foreach=True), and getState() after. Anything it cannot map throws an Error naming it
     *  with its position ("... at line 1, column 17") and changes nothing. At most 8192 characters. */
    pastePyTorch(text, options) {
      if (typeof text !== 'string') throw new Error(`invalid paste: '${describe(text)}' (expected a string)`);
      if (text.length > kMaxPasteChars) throw new Error(`paste too long: ${text.length} characters (at most ${kMaxPasteChars})`);
      const nul = text.indexOf('\0');
      if (nul >= 0) throw new Error(`paste holds a NUL character (at index ${nul})`);
      if (options !== undefined && options !== null && typeof options !== 'object') throw new Error(`invalid paste options: '${describe(options)}' (expected {id})`);
      const id = !options || options.id === undefined || options.id === null ? kNotGiven : runId(options.id);
      const r = call('al_paste_pytorch', text, id);
      writeHash(true);
      r.state = api.getState();
      return r;
    },
    /** The "Paste PyTorch" field of the mode shown: {drawn, field, add, update} (CSS px rects of
     *  the text field and its two buttons, as last drawn), its text, and its message line: refusal (a refused paste, "" if none) or status. */
    pasteField() { return call('al_paste_field'); },
    // --- undo and redo (src/app/app_undo.cpp) ---
    /** Undoes the last change to the scene shown (each mode has its own history): returns the
     *  state after it, as getState(), with changed: false when there was nothing to undo (no
     *  error). Playback is not undone: the scene plays on, or stays paused at the same step.
     *  getState().undo = {canUndo, canRedo, undoDepth, redoDepth, bytes}. */
    undo() { const s = call('al_undo'); writeHash(true); return s; },
    /** Redoes what undo() undid; changed: false when there is nothing to redo. */
    redo() { const s = call('al_redo'); writeHash(true); return s; },
    /** Where the last frame put everything, in CSS px ({left, top, width, height} or null): mode
     *  ('desktop' | 'phone' | 'embed'), map, controls, chart {rect, plot, readable, shown, quantity},
     *  legend {rect, entries, faded, lossValues}, colourBar {rect, compact, faded}, toolbar, hover,
     *  anatomyLegend, start, minima [...], page ('landscape' | 'network'), modeSwitch {landscape, network}
     *  (the switch's buttons; src/app/app_layout_bridge.cpp). */
    layout() { return call('al_layout'); },
  };
  window.adamlab = api;

  // --- helpers for the page-side features ---
  function pageUrl() { return location.origin === 'null' ? location.href.replace(/[?#].*$/, '') : location.origin + location.pathname; }

  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // WebGL clears its drawing buffer once a frame is composited, so the canvas is read inside the
  // frame callback, right after the app rendered (Module.onFrameRendered).
  let pngWaiters = [];
  Module.onFrameRendered = function () {
    if (!pngWaiters.length) return;
    const waiters = pngWaiters;
    pngWaiters = [];
    let url = null, error = null;
    try { url = Module.canvas.toDataURL('image/png'); } catch (e) { error = e; }
    for (const w of waiters) error ? w.reject(error) : w.resolve(dataUrlBlob(url));
  };
  function dataUrlBlob(url) {
    const bytes = atob(url.slice(url.indexOf(',') + 1));
    const buf = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
    return new Blob([buf], { type: 'image/png' });
  }
  function capturePng() {
    return ready.then(() => new Promise((resolve, reject) => {
      pngWaiters.push({ resolve, reject });
      if (renderPaused) { Module.resumeMainLoop(); setTimeout(applyVisibility, 100); }
      setTimeout(() => reject(new Error('no frame was drawn to capture')), 5000);
    }));
  }
  // The figure: the app draws it as an extra frame at the start of the next display frame, and
  // calls back (Module.onFigureRendered) while it is in the drawing buffer.
  let figureWaiters = [];
  Module.onFigureRendered = function () {
    const waiters = figureWaiters;
    figureWaiters = [];
    let blob = null, error = null;
    try { blob = dataUrlBlob(Module.canvas.toDataURL('image/png')); } catch (e) { error = e; }
    for (const w of waiters) error ? w.reject(error) : w.resolve(blob);
  };
  function captureFigure() {
    return ready.then(() => new Promise((resolve, reject) => {
      figureWaiters.push({ resolve, reject });
      call('al_request_figure');
      if (renderPaused) { Module.resumeMainLoop(); setTimeout(applyVisibility, 100); }
      setTimeout(() => reject(new Error('no frame was drawn to capture')), 5000);
    }));
  }

  // The copied text also shows in a popup, so it is visible (and selectable) even where the
  // clipboard is unavailable (an http page, a sandboxed iframe, headless browsers).
  function showPopup(title, text, note) {
    let box = document.getElementById('popup');
    if (!box) {
      box = document.createElement('div');
      box.id = 'popup';
      box.innerHTML = '<div class="head"><span class="title"></span><button type="button" aria-label="Close">×</button></div>' +
                      '<textarea readonly rows="3" spellcheck="false"></textarea><div class="note"></div>';
      document.body.appendChild(box);
      box.querySelector('button').addEventListener('click', () => { box.hidden = true; });
    }
    box.querySelector('.title').textContent = title;
    box.querySelector('.note').textContent = note;
    const area = box.querySelector('textarea');
    area.value = text;
    box.hidden = false;
    area.focus();
    area.select();
    clearTimeout(showPopup.timer);
    showPopup.timer = setTimeout(() => { box.hidden = true; }, 15000);
  }
  async function copyText(text, title) {
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        // A denied permission may never settle in some browsers: give it a moment, then fall back.
        await Promise.race([navigator.clipboard.writeText(text),
          new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard timeout')), 800))]);
        copied = true;
      }
    } catch (_) { copied = false; }
    if (!copied) {
      const t = document.createElement('textarea');
      t.value = text;
      t.setAttribute('readonly', '');
      t.style.position = 'fixed'; t.style.opacity = '0';
      document.body.appendChild(t);
      t.select();
      try { copied = document.execCommand('copy'); } catch (_) { copied = false; }
      t.remove();
    }
    showPopup(title, text, copied ? 'Copied to the clipboard.' : 'Select it and copy (the clipboard is not available here).');
    return { text, copied };
  }

  // ImGui's clipboard (the code window's Copy buttons, Ctrl+C in a text field): 3.1.6's GLFW
  // drops it, so main_web.cpp hands it here. No popup: the window shows "copied".
  let lastCopy = null;
  Module.onCopyText = function (text) {
    lastCopy = { text, copied: false };
    const entry = lastCopy;
    const fallback = () => {
      const t = document.createElement('textarea');
      t.value = text;
      t.style.position = 'fixed';
      t.style.opacity = '0';
      document.body.appendChild(t);
      t.select();
      try { entry.copied = document.execCommand('copy'); } catch (_) { entry.copied = false; }
      t.remove();
    };
    if (navigator.clipboard && window.isSecureContext)
      navigator.clipboard.writeText(text).then(() => { entry.copied = true; }, fallback);
    else
      fallback();
  };

  Module.onUiAction = function (name) {
    const actions = {
      copyLink: () => api.copyLink(), copyEmbed: () => api.copyEmbed(), exportCsv: () => api.downloadCsv(),
      exportJson: () => api.downloadJson(), exportPng: () => api.downloadPng(),
      // Always a new tab: in an embed the tutorial must not replace the page holding it, and in the
      // playground the scene stays where it is.
      openTutorial: () => { window.open(new URL('tutorial.html', location.href).href, '_blank', 'noopener'); },
      openFull: () => {
        const hash = api.getLink().slice(1).split('&').filter(p => !/^(embed|loop)=/.test(p)).join('&');
        window.open(pageUrl() + '#' + hash, '_blank', 'noopener');
      },
    };
    // Out of the frame callback: a download or a popup must not run inside the wasm call stack.
    if (actions[name]) setTimeout(() => Promise.resolve().then(actions[name]).catch(e => showPopup('Error', String(e && e.message || e), '')), 0);
  };

  // --- the address bar follows the scene (so it is always a shareable link) ---
  // lastHash is the address bar as this page last wrote or loaded it, read back from location.hash
  // (which may encode it differently from getLink()). A location.hash that differs from it is
  // someone else's change (a typed address, a clicked link, the embedding page): it is loaded,
  // never overwritten, also when it came before the app was ready (the app had read the old hash)
  // or its hashchange event has not run yet when the half-second update comes.
  let lastHash = null, hashChangedBeforeReady = false;
  function loadAddressHash() {
    lastHash = location.hash;
    try { applyLink(location.hash); } catch (_) { /* a failed start: nothing to load into */ }
  }
  // apiChange: the scene was just set through the API, which supersedes an address not yet loaded.
  function writeHash(apiChange) {
    if (!started) return;
    if (!apiChange && lastHash !== null && location.hash !== lastHash) loadAddressHash();
    let hash;
    try { hash = api.getLink(); } catch (_) { return; }
    if (location.hash !== hash || location.search) {
      try { history.replaceState(history.state, '', location.pathname + hash); } catch (_) { /* sandboxed */ }
    }
    lastHash = location.hash;
  }
  setInterval(() => { if (!document.hidden) writeHash(); }, 500);
  addEventListener('hashchange', () => {
    if (!started) { hashChangedBeforeReady = true; return; }
    if (location.hash !== lastHash) loadAddressHash();
  });

  // --- offscreen embeds do not burn CPU: no frames while hidden or scrolled out of view ---
  let renderPaused = false, inView = true;
  function applyVisibility() {
    if (!started) return;
    const want = inView && !document.hidden;
    if (want && renderPaused) { Module.resumeMainLoop(); renderPaused = false; }
    else if (!want && !renderPaused) { Module.pauseMainLoop(); renderPaused = true; }
  }
  if ('IntersectionObserver' in window && Module.canvas) {
    // Inside an iframe the implicit root is the top-level viewport: this sees the embed scroll away.
    new IntersectionObserver(entries => {
      inView = entries[entries.length - 1].isIntersecting;
      applyVisibility();
    }).observe(Module.canvas);
  }
  document.addEventListener('visibilitychange', applyVisibility);

  // --- postMessage bridge: a parent page drives an embedded playground ---
  //   parent -> iframe: {adamlab: 'call', id, method, args: [...]}
  //   iframe -> parent: {adamlab: 'reply', id, result} or {adamlab: 'reply', id, error}
  //                     {adamlab: 'event', event: 'ready' | 'step' | 'diverged', ...}
  // Only plain data crosses (results go through JSON; a Blob becomes a data: URL).
  const parentWindow = window.parent !== window ? window.parent : null;
  const bridgeMethods = new Set(Object.keys(api).filter(k => typeof api[k] === 'function' &&
    !['downloadCsv', 'downloadJson', 'downloadPng', 'copyLink', 'copyEmbed', 'lastCopy'].includes(k)));
  let parentOrigin = '*';
  function post(message) { if (parentWindow) parentWindow.postMessage(message, parentOrigin); }
  function plain(value) {
    if (value instanceof Blob) {
      return new Promise((resolve, reject) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result);
        r.onerror = () => reject(r.error);
        r.readAsDataURL(value);
      });
    }
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  }
  addEventListener('message', async e => {
    const m = e.data;
    if (!parentWindow || e.source !== parentWindow || !m || m.adamlab !== 'call') return;
    const origin = e.origin && e.origin !== 'null' ? e.origin : '*';
    const reply = body => parentWindow.postMessage(Object.assign({ adamlab: 'reply', id: m.id === undefined ? null : m.id }, body), origin);
    try {
      if (typeof m.method !== 'string' || !bridgeMethods.has(m.method)) throw new Error(`unknown method: '${describe(m.method)}'`);
      if (m.args !== undefined && !Array.isArray(m.args)) throw new Error('args must be an array');
      await ready;
      reply({ result: await plain(await api[m.method](...(m.args || []))) });
    } catch (err) {
      reply({ error: err && err.message ? err.message : describe(err) });
    }
  });
  if (parentWindow) {
    ready.then(() => {
      post({ adamlab: 'event', event: 'ready', embed: !!call('al_get_state').embed });
      // step and diverged events, at most ten a second.
      let lastStep = -1;
      const diverged = new Set();
      setInterval(() => {
        if (document.hidden) return;
        let s;
        try { s = call('al_get_state'); } catch (_) { return; }
        if (s.step < lastStep) diverged.clear();  // a reset (or a loop) starts the runs again
        if (s.step !== lastStep) { lastStep = s.step; post({ adamlab: 'event', event: 'step', step: s.step, playing: s.playing }); }
        for (const r of s.runs) {
          if (r.diverged && !diverged.has(r.id + r.optimizer)) {
            diverged.add(r.id + r.optimizer);
            post({ adamlab: 'event', event: 'diverged', run: r.id, optimizer: r.optimizer, step: r.divergedAt });
          }
        }
      }, 100);
    });
  }

  // Paste: 3.1.6's GLFW has no clipboard, so Ctrl+V in an ImGui text field would paste nothing.
  // The browser still fires a DOM paste event right after the keydown (GLFW does not prevent its
  // default), before the next frame: its text becomes what ImGui's Ctrl+V reads (al_set_clipboard).
  addEventListener('paste', e => {
    if (!started || !e.clipboardData || (e.target && e.target.matches && e.target.matches('input,textarea,[contenteditable]'))) return;
    const text = e.clipboardData.getData('text/plain');
    if (text.length > kMaxLinkChars || text.indexOf('\0') >= 0) return;
    try { call('al_set_clipboard', text); e.preventDefault(); } catch (_) { /* nothing to paste into */ }
  });

  // Touch: 3.1.6's GLFW ignores touch coordinates, so turn one finger into mouse events on the
  // canvas (WEB_PITFALLS section 5), and two fingers into a pinch zoom about their midpoint.
  (function (canvas) {
    let pinch = null;
    const mouse = { touchstart: 'mousedown', touchmove: 'mousemove', touchend: 'mouseup', touchcancel: 'mouseup' };
    const send = (type, t) => canvas.dispatchEvent(new MouseEvent(type, {
      clientX: t.clientX, clientY: t.clientY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true }));
    const spread = (a, b) => Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
    for (const type in mouse) {
      addEventListener(type, e => {
        if (e.target !== canvas) return;
        e.preventDefault();
        e.stopPropagation();  // capture on window: GLFW's own canvas listeners never see it
        if (e.touches.length >= 2) {
          const [a, b] = [e.touches[0], e.touches[1]];
          const d = spread(a, b);
          if (pinch && type === 'touchmove' && pinch.d > 0 && started) {
            const r = canvas.getBoundingClientRect();
            try { api.zoomAt(d / pinch.d, (a.clientX + b.clientX) / 2 - r.left, (a.clientY + b.clientY) / 2 - r.top); } catch (_) {}
          }
          pinch = { d };
          return;
        }
        const t = e.changedTouches[0];
        if (type === 'touchstart' && !pinch) { send('mousemove', t); send('mousedown', t); return; }
        if (type === 'touchmove' && !pinch) { send('mousemove', t); return; }
        if ((type === 'touchend' || type === 'touchcancel') && e.touches.length === 0) { send('mouseup', t); pinch = null; }
      }, { capture: true, passive: false });
    }
  })(Module.canvas);
})();
