#pragma once
// Every function web/adamlab.js and web/sweep_client.js call (app_bridge.cpp,
// app_sweep_bridge.cpp): JSON out, {"error": message} for a refused call, which then changes
// nothing. Declared here so the bridge fuzz target (tests/fuzz/bridge_fuzz.cpp) calls exactly
// these. Ids, counts and steps arrive as JS numbers (doubles) and are checked before any cast.
#if defined(__EMSCRIPTEN__)
#include <emscripten/emscripten.h>
#define AL_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define AL_EXPORT extern "C"
#endif

AL_EXPORT const char* al_get_state();
AL_EXPORT const char* al_reset_to_defaults();
AL_EXPORT const char* al_play();
AL_EXPORT const char* al_pause();
AL_EXPORT const char* al_reset();
AL_EXPORT const char* al_step(double n);
AL_EXPORT const char* al_set_problem(const char* spec);
AL_EXPORT const char* al_set_start(double x, double y);
AL_EXPORT const char* al_add_run(const char* optimizer, const char* scheduler);
AL_EXPORT const char* al_remove_run(double id);
AL_EXPORT const char* al_update_run(double id, const char* optimizer, const char* scheduler);
AL_EXPORT const char* al_duplicate_run(double id);
AL_EXPORT const char* al_set_visible(double id, int visible);
AL_EXPORT const char* al_select_run(double id);
AL_EXPORT const char* al_set_speed(double steps_per_second);
AL_EXPORT const char* al_set_step_limit(double limit);
AL_EXPORT const char* al_trace(double id);
AL_EXPORT const char* al_zoom_at(double factor, double x, double y);
AL_EXPORT const char* al_stats();
AL_EXPORT const char* al_get_link(int embed);
AL_EXPORT const char* al_set_link(const char* link);
AL_EXPORT const char* al_refuse_link(double chars);
AL_EXPORT const char* al_dismiss_link_errors();
AL_EXPORT const char* al_presets();
AL_EXPORT const char* al_anatomy(double id, double k, int bias_correction);
AL_EXPORT const char* al_set_anatomy(double id, double k, int bias_correction);
AL_EXPORT const char* al_export_csv();
AL_EXPORT const char* al_export_json();
AL_EXPORT const char* al_request_figure();
AL_EXPORT const char* al_sweep_start(const char* x, const char* y, double steps, const char* metric, double seeds, double id);
AL_EXPORT const char* al_sweep_state();
AL_EXPORT const char* al_sweep_cancel();
AL_EXPORT const char* al_sweep_clear();
AL_EXPORT const char* al_sweep_cell(double ix, double iy);
AL_EXPORT const char* al_sweep_metric();
AL_EXPORT const char* al_sweep_use_worker(double on);
AL_EXPORT const char* al_sweep_remote(double known_serial);
AL_EXPORT const char* al_sweep_receive(double serial, double begin, double count, const double* values, double progress,
                                       double compute_ms);
AL_EXPORT const char* al_sweep_compute_here(double serial);
AL_EXPORT const char* al_set_noise(const char* spec, double seed);
// The network mode (app_network_bridge.cpp). "" / kNotGiven leave a part as it is.
AL_EXPORT const char* al_set_mode(const char* mode);
AL_EXPORT const char* al_set_network(const char* data, const char* model, double batch_size, double seed);
AL_EXPORT const char* al_new_seed();
AL_EXPORT const char* al_load_csv(const char* csv, double test_fraction);
// Undo and redo (app_undo_bridge.cpp): getState() with "changed": false when there was nothing
// to undo (redo), which is no error.
AL_EXPORT const char* al_undo();
AL_EXPORT const char* al_redo();
// The network presets (nn/net_presets.h): {"presets":[{name, title, caption, link}]}.
AL_EXPORT const char* al_net_presets();
// PyTorch code (app_export_bridge.cpp): {"script", "constructor", "scheduler", "mode", "runs":
// [{id, constructor, scheduler}]} for run `id` of the mode shown, or every run if whole_scene != 0.
AL_EXPORT const char* al_pytorch_code(double id, int whole_scene);
// The code window: show 0 = run id's code, 1 = the whole scene's, 2 = close. {"open", "lines"}.
AL_EXPORT const char* al_show_pytorch_code(double id, int show);
// "PyTorch in" (app_paste_bridge.cpp): a pasted torch.optim constructor (+ optional scheduler
// line) adds a run (id == kNotGiven, -1) or replaces run `id`, in the mode shown, and selects it:
// {id, optimizer, scheduler, notes, mode}, or {"error": "... at line L, column C"}.
AL_EXPORT const char* al_paste_pytorch(const char* text, double id);
// The text of a DOM paste event, for Ctrl+V in an ImGui text field (GLFW 3.1.6 has no clipboard).
AL_EXPORT const char* al_set_clipboard(const char* text);
// That field in the mode shown: {drawn, field, add, update (CSS px rects), text, refusal, status}.
AL_EXPORT const char* al_paste_field();
