// The layout read-out for tests and embedding pages: where this frame put each region and each
// overlay of the map, in CSS px (tests/browser/layout.mjs checks the invariants of issue 10 with
// it: a legend names the runs, the chart is readable or replaced, overlays clear the start and
// the minima). One export, al_layout, wrapped as adamlab.layout() in web/adamlab.js.
#include <string>

#include "app/bridge_json.h"
#include "imgui.h"
#include "ui/layout.h"
#include "ui/option_meta.h"

namespace {

using adamlab::ui::Box;

std::string g_layout_result;

std::string rect(const Box& b) {
  if (b.empty()) return "null";
  return "{\"left\":" + adamlab::json_number(b.x) + ",\"top\":" + adamlab::json_number(b.y) + ",\"width\":" +
         adamlab::json_number(b.w) + ",\"height\":" + adamlab::json_number(b.h) + "}";
}

const char* boolean(bool v) { return v ? "true" : "false"; }

}  // namespace

AL_EXPORT const char* al_layout() {
  return adamlab::app::respond_json(g_layout_result, [](adamlab::app::App& app) {
    const auto& ui = app.ui();
    const auto& l = ui.layout();
    const bool net = app.network();
    // Network mode: the main view's overlays and the network chart, in the same regions.
    const auto& o = net ? ui.net().view().overlays() : ui.landscape().overlays();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const char* quantity = net ? (ui.net().chart().accuracy_shown() ? "accuracy" : "loss") : adamlab::ui::to_string(ui.chart().quantity());
    const Box plot = !ui.chart_shown() ? Box{} : net ? ui.net().chart().plot_box() : ui.chart().plot_box();
    const bool zoomed = net ? ui.net().chart().zoomed() : ui.chart().zoomed();
    std::string s = "{\"mode\":\"" + std::string(adamlab::ui::to_string(l.mode)) + "\",\"touch\":" + boolean(l.touch);
    s += ",\"page\":\"" + std::string(adamlab::ui::to_string(app.mode())) + "\"";
    s += ",\"display\":{\"width\":" + adamlab::json_number(display.x) + ",\"height\":" + adamlab::json_number(display.y) + "}";
    s += ",\"map\":" + rect(l.map) + ",\"controls\":" + rect(l.controls);
    s += ",\"chart\":{\"rect\":" + rect(l.chart) + ",\"plot\":" + rect(plot) +
         ",\"readable\":" + boolean(l.chart_readable) + ",\"shown\":" + boolean(ui.chart_shown()) + ",\"quantity\":\"" + quantity +
         "\",\"zoomed\":" + boolean(zoomed) + "}";
    s += ",\"legend\":{\"rect\":" + rect(o.legend) + ",\"entries\":" + std::to_string(o.legend_entries) +
         ",\"faded\":" + boolean(o.legend_faded) + ",\"lossValues\":" + boolean(o.legend_has_values) + "}";
    s += ",\"colourBar\":{\"rect\":" + rect(o.colour_bar) + ",\"compact\":" + boolean(o.colour_bar_compact) +
         ",\"faded\":" + boolean(o.colour_bar_faded) + "}";
    s += ",\"toolbar\":" + (o.toolbar.empty() ? std::string("null")
                                               : "{\"rect\":" + rect(o.toolbar) + ",\"clear\":" + boolean(o.toolbar_clear) + "}");
    s += ",\"hover\":" + rect(o.hover);
    s += ",\"modeSwitch\":{\"landscape\":" + rect(ui.mode_switch().landscape) + ",\"network\":" + rect(ui.mode_switch().network) + "}";
    s += ",\"anatomyLegend\":" + rect(!net && ui.anatomy_view().active() ? ui.anatomy_view().legend_box() : Box{});
    if (net) {  // the network lesson menu (ui/net_lessons.h), for real clicks
      const auto& m = ui.net().lesson_boxes();
      s += ",\"lessonMenu\":{\"combo\":" + rect(m.combo) + ",\"caption\":" + rect(m.caption) + ",\"items\":[";
      for (std::size_t i = 0; i < m.items.size(); ++i) s += (i ? "," : "") + rect(m.items[i]);
      s += "]}";
    }
    // The selected run's option fields (ui/option_control.h) and the details disclosures, for
    // real clicks and typing in tests/browser/product_ui.mjs.
    const auto& runs = net ? ui.net().run_panel() : ui.panel().run_panel();
    s += ",\"fields\":{";
    for (std::size_t i = 0; i < runs.field_boxes().size(); ++i)
      s += (i ? ",\"" : "\"") + runs.field_boxes()[i].first + "\":" + rect(runs.field_boxes()[i].second);
    s += "},\"addRun\":" + rect(runs.add_box()) + ",\"fieldEdit\":{\"typing\":" + std::string(boolean(runs.field_edit().id != 0)) +
         ",\"error\":" + adamlab::json_string(runs.field_edit().error) + "}";
    if (!net) {  // the problem combo and the function editor (ui/function_editor.h), for tests/browser/expr.mjs
      const auto& fe = ui.panel().function_editor();
      const auto& fb = fe.boxes();
      auto named = [](const std::vector<std::pair<std::string, Box>>& boxes) {
        std::string o = "{";
        for (std::size_t i = 0; i < boxes.size(); ++i) o += (i ? "," : "") + adamlab::json_string(boxes[i].first) + ":" + rect(boxes[i].second);
        return o + "}";
      };
      s += ",\"problemCombo\":{\"combo\":" + rect(ui.panel().problem_combo().combo) + ",\"ownEntry\":" +
           rect(ui.panel().problem_combo().own_entry) + "}";
      s += ",\"functionEditor\":{\"shown\":" + std::string(boolean(fb.shown)) + ",\"text\":" + adamlab::json_string(fe.text()) +
           ",\"error\":" + adamlab::json_string(fe.error()) + ",\"column\":" + std::to_string(fe.error_column()) +
           ",\"field\":" + rect(fb.field) + ",\"message\":" + rect(fb.message) + ",\"caret\":" + rect(fb.caret) +
           ",\"columnX\":" + adamlab::json_number(fb.column_x) + ",\"examples\":" + named(fb.examples) +
           ",\"constants\":" + named(fb.constants) + "}";
    }
    auto details = [](const adamlab::ui::DetailsState& d) {
      return "{\"drawn\":" + std::string(boolean(d.drawn)) + ",\"open\":" + boolean(d.open) + "}";
    };
    // Each run's name as the run list, the legend and the chart show it (ui/option_meta.h).
    s += ",\"runLabels\":[";
    bool first = true;
    auto label = [&](const adamlab::Spec& opt, const std::string& sched) {
      s += (first ? "" : ",") + adamlab::json_string(adamlab::ui::run_label(opt, sched));
      first = false;
    };
    if (net)
      for (const auto& r : app.net_scene().runs()) label(r.optimizer, r.scheduler);
    else
      for (const auto& r : app.scene().runs()) label(r.optimizer, r.scheduler);
    s += "]";
    const auto& sweep = net ? ui.net().sweep() : ui.sweep();
    s += ",\"details\":{\"sweep\":" + details(sweep.details()) + ",\"anatomy\":" + details(ui.anatomy_view().details()) + "}";
    s += ",\"start\":" + rect(o.start) + ",\"minima\":[";
    for (std::size_t i = 0; i < o.minima.size(); ++i) s += (i ? "," : "") + rect(o.minima[i]);
    return s + "]}";
  });
}
