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
  _al_get_link _al_set_link _al_dismiss_link_errors _al_presets _al_anatomy _al_set_anatomy
  _al_export_csv _al_export_json
  _al_sweep_start _al_sweep_state _al_sweep_cancel _al_sweep_clear _al_sweep_cell _al_sweep_metric _al_set_noise
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
