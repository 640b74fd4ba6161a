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
    resolveReady(api);
  };
  Module.onAbort = function (what) {
    showStatus('AdamLab failed to start: ' + what, true);
    rejectReady(new Error('AdamLab failed to start: ' + what));
  };

  const signatures = {
    al_get_state: [], al_play: [], al_pause: [], al_reset: [], al_step: ['number'],
    al_set_problem: ['string'], al_set_start: ['number', 'number'], al_add_run: ['string', 'string'],
    al_remove_run: ['number'], al_update_run: ['number', 'string', 'string'], al_trace: ['number'],
    al_duplicate_run: ['number'], al_set_visible: ['number', 'number'], al_select_run: ['number'],
    al_set_speed: ['number'], al_set_step_limit: ['number'], al_zoom_at: ['number', 'number', 'number'],
    al_stats: [],
  };

  function call(name, ...args) {
    if (!started) throw new Error('AdamLab is not ready yet: await adamlab.ready first');
    if (!fns[name]) fns[name] = Module.cwrap(name, 'string', signatures[name]);
    const reply = JSON.parse(fns[name](...args));
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply;
  }

  // Argument checks in JS for what cannot cross into C++ faithfully (a string where a number
  // belongs would arrive as NaN). Messages name the bad token, like the C++ ones.
  function spec(value, what, optional) {
    if (optional && (value === undefined || value === null)) return '';
    if (typeof value !== 'string') throw new Error(`invalid ${what} spec: '${String(value)}' (expected a string)`);
    return value;
  }
  function number(value, what) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`invalid ${what}: '${String(value)}'`);
    return value;
  }
  function runId(value) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`invalid run id: '${String(value)}'`);
    return value;
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
    setProblem(problemSpec) { call('al_set_problem', spec(problemSpec, 'problem')); },
    setStart(x, y) { call('al_set_start', number(x, 'start x'), number(y, 'start y')); },
    /** Returns the new run's id. schedulerSpec: '' or omitted = no scheduler. */
    addRun(optimizerSpec, schedulerSpec) {
      return call('al_add_run', spec(optimizerSpec, 'optimizer'), spec(schedulerSpec, 'scheduler', true)).id;
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
    /** Frame counters: frames, frameMs (average CPU ms per frame), maxFrameMs, rasterBuilds. */
    stats() { const s = call('al_stats'); s.firstFrameAt = api.firstFrameAt; return s; },
  };
  window.adamlab = api;

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
