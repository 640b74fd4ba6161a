// The sweep worker: computes hyperparameter sweeps off the page's thread, in the small
// adamlab_sweep_worker module (src/app/sweep_worker_main.cpp: the core only, no GL or ImGui).
// The page (sweep_client.js) sends {type: 'start', serial, config} (a SweepConfig the app module
// already validated, as sim/sweep_wire.h text) and {type: 'cancel', serial}. The worker computes
// in chunks of about CHUNK_MS, so a cancel or a new start is read between chunks, and after every
// chunk posts {type: 'progress', serial, begin, metric (Float64Array of the cells finished since
// the last message, transferred), progress, computeMs, done}. Also {type: 'ready', loadMs} once
// the module is compiled, and {type: 'error', serial, message} if a config is refused.
'use strict';
const CHUNK_MS = 40;
const t0 = performance.now();
importScripts('adamlab_sweep_worker.js');

let M = null, fn = null;
const waiting = [];  // messages that arrived while the module was compiling
let job = null;      // {serial, cells, sent}
let scheduled = false;

// Yield to the message queue without setTimeout's 4 ms clamp on nested timers.
const channel = new MessageChannel();
channel.port1.onmessage = step;
function schedule() {
  if (scheduled) return;
  scheduled = true;
  channel.port2.postMessage(0);
}

function step() {
  scheduled = false;
  if (!job) return;
  const done = fn.advance(CHUNK_MS);
  const base = fn.metric() >> 3;
  const metric = M.HEAPF64.slice(base + job.sent, base + done);  // a copy: transferable
  const finished = done >= job.cells;
  postMessage({ type: 'progress', serial: job.serial, begin: job.sent, metric, progress: fn.progress(),
                computeMs: fn.computeMs(), done: finished }, [metric.buffer]);
  job.sent = done;
  if (finished) {
    fn.stop();
    job = null;
  } else {
    schedule();
  }
}

function handle(m) {
  if (m.type === 'start') {
    const r = JSON.parse(fn.start(m.config));
    if (r.error !== undefined) {
      job = null;
      postMessage({ type: 'error', serial: m.serial, message: r.error });
      return;
    }
    job = { serial: m.serial, cells: r.cells, sent: 0 };
    schedule();
  } else if (m.type === 'cancel') {
    if (job && job.serial === m.serial) {
      fn.stop();
      job = null;
    }
  }
}

onmessage = e => { if (fn) handle(e.data); else waiting.push(e.data); };

AdamLabSweepModule().then(module => {
  M = module;
  fn = {
    start: M.cwrap('sw_start', 'string', ['string']),
    advance: M.cwrap('sw_advance', 'number', ['number']),
    metric: M.cwrap('sw_metric', 'number', []),
    progress: M.cwrap('sw_progress', 'number', []),
    computeMs: M.cwrap('sw_compute_ms', 'number', []),
    stop: M.cwrap('sw_stop', null, []),
  };
  postMessage({ type: 'ready', loadMs: performance.now() - t0 });
  // Only the last start counts; a cancel of an earlier one is moot.
  for (const m of waiting.splice(0)) handle(m);
}, e => postMessage({ type: 'loadError', message: String(e && e.message || e) }));
