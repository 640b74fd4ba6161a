# Every Emscripten decision of the project in one place (hello_imgui style).
# Included from the top-level CMakeLists.txt before any target is defined.

# C++ exceptions are off by default in 3.1.6 (a throw aborts): spec parsing and validation must
# be catchable everywhere, including adamlab_core, so compile and link every target with them.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

# The JS bridge (src/app/app_bridge.cpp): every function window.adamlab calls through cwrap.
set(ADAMLAB_WEB_EXPORTS
  _main _al_get_state _al_reset_to_defaults _al_play _al_pause _al_step _al_reset _al_set_problem _al_set_start
  _al_add_run _al_remove_run _al_update_run _al_trace _al_stats _al_zoom_at _al_set_speed
  _al_set_step_limit _al_set_visible _al_select_run _al_duplicate_run
  _al_get_link _al_set_link _al_refuse_link _al_dismiss_link_errors _al_presets _al_anatomy _al_set_anatomy
  _al_export_csv _al_export_json
  _al_sweep_start _al_sweep_state _al_sweep_cancel _al_sweep_clear _al_sweep_cell _al_sweep_metric _al_set_noise
  _al_sweep_use_worker _al_sweep_remote _al_sweep_receive _al_sweep_compute_here
  _al_layout
  _al_undo _al_redo
  _malloc _free)

function(adamlab_configure_web_app target)
  list(JOIN ADAMLAB_WEB_EXPORTS "," exports)
  # Output .js (+ .wasm) and use our own HTML shell from web/: the .html minifier 3.1.6 calls
  # is not installed on Debian.
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "adamlab_app" SUFFIX ".js")
  target_compile_options(${target} PRIVATE -O2)
  target_link_options(${target} PRIVATE
    -O2
    -sUSE_GLFW=3
    -sMIN_WEBGL_VERSION=2
    -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1
    -sENVIRONMENT=web
    -sEXPORTED_FUNCTIONS=${exports}
    -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString)
endfunction()

# The sweep worker (src/app/sweep_worker_main.cpp, run by web/sweep_worker.js): the core alone,
# no GL or ImGui, loaded into a Web Worker with importScripts. Its own build of the core sources
# may use -msimd128: the batched engine runs unfused in WebAssembly (batch::default_arithmetic)
# and with -ffp-contract=off vectorised loops round every operation as the scalar ones do, so
# its cells equal the app's (tests/browser/sweep.mjs compares them bit for bit). -O2, not -O3:
# as fast on a 256 x 256 x 1000 sweep (within noise) and 23% smaller (147 KB gzip against 190 KB).
set(ADAMLAB_SWEEP_WORKER_EXPORTS _sw_start _sw_advance _sw_metric _sw_progress _sw_compute_ms _sw_stop _malloc _free)

function(adamlab_configure_sweep_worker target)
  list(JOIN ADAMLAB_SWEEP_WORKER_EXPORTS "," exports)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME "adamlab_sweep_worker" SUFFIX ".js")
  target_compile_options(${target} PRIVATE -O2 -msimd128)
  target_link_options(${target} PRIVATE
    -O2
    -msimd128
    --no-entry
    -sENVIRONMENT=worker
    -sMODULARIZE=1
    -sEXPORT_NAME=AdamLabSweepModule
    -sALLOW_MEMORY_GROWTH=1
    -sFILESYSTEM=0
    -sEXPORTED_FUNCTIONS=${exports}
    -sEXPORTED_RUNTIME_METHODS=cwrap,UTF8ToString)
endfunction()
