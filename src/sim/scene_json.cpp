#include "sim/scene_json.h"

#include <cmath>
#include <cstdio>

#include "sim/link.h"
#include "sim/palette.h"
#include "sim/trace_format.h"

namespace adamlab {

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  return format_number(value);
}

namespace {

std::string colour_hex(int index) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(run_colour_rgb(index)));
  return buf;
}

}  // namespace

std::string scene_state_json(const Scene& scene) {
  std::string s = "{\"problem\":" + json_string(scene.problem_spec());
  s += ",\"start\":[" + json_number(scene.start().x()) + "," + json_number(scene.start().y()) + "]";
  s += ",\"step\":" + std::to_string(scene.step_count());
  s += std::string(",\"playing\":") + (scene.playing() ? "true" : "false");
  s += ",\"speed\":" + json_number(scene.speed());
  s += ",\"stepLimit\":" + std::to_string(scene.step_limit());
  s += ",\"minima\":[";
  bool first = true;
  for (const auto& m : scene.problem().minima()) {
    s += (first ? "[" : ",[") + json_number(m.x()) + "," + json_number(m.y()) + "]";
    first = false;
  }
  s += "],\"runs\":[";
  first = true;
  for (const auto& r : scene.runs()) {
    const TraceRow row = r.run.row();
    s += first ? "{" : ",{";
    first = false;
    s += "\"id\":" + std::to_string(r.id);
    s += ",\"optimizer\":" + json_string(to_string(r.optimizer));
    s += ",\"scheduler\":" + json_string(r.scheduler);
    s += ",\"colour\":" + json_string(colour_hex(r.colour));
    s += std::string(",\"visible\":") + (r.visible ? "true" : "false");
    s += ",\"step\":" + std::to_string(row.step);
    s += ",\"x\":" + json_number(row.x) + ",\"y\":" + json_number(row.y);
    s += ",\"loss\":" + json_number(row.loss) + ",\"lr\":" + json_number(row.lr);
    s += std::string(",\"diverged\":") + (r.run.diverged() ? "true" : "false");
    s += ",\"divergedAt\":" + (r.run.diverged() ? std::to_string(r.run.diverged_at()) : std::string("null"));
    s += "}";
  }
  s += "],\"noise\":" + json_string(scene.noise().enabled() ? to_string(noise_spec(scene.noise())) : "none");
  if (scene.noise().enabled()) s += ",\"seed\":" + std::to_string(scene.noise().seed);
  return s + "}";
}

std::string run_trace_csv(const SceneRun& run) { return trace_csv(run.history.rows()); }

const char* const kSceneTracesCsvHeader = "run,optimizer,scheduler,step,x,y,loss,lr";

std::string scene_traces_csv(const Scene& scene) {
  std::string out = std::string(kSceneTracesCsvHeader) + "\n";
  for (const auto& r : scene.runs()) {
    // The run's columns once per run (the shortest spec that rebuilds it, as in a link).
    const std::string head = std::to_string(r.id) + "," + csv_field(shortest_spec("optimizer", to_string(r.optimizer))) + "," +
                             csv_field(r.scheduler.empty() ? "" : shortest_spec("scheduler", r.scheduler)) + ",";
    for (const auto& row : r.history.rows()) out += head + trace_csv_row(row) + "\n";
  }
  return out;
}

}  // namespace adamlab
