#pragma once
// The "Paste PyTorch" field: a multi-line input for a torch.optim constructor (and optionally a
// scheduler line) with "Add run" and "Update selected". The paste is read by the core's parser
// (export/torch_parse.h) when a button is pressed; the scene change is queued like every other
// edit, and its outcome (the new run selected, or the refusal) shows in a fixed-height line under
// the buttons, so nothing below moves when a message comes or goes.
#include <optional>
#include <string>

#include "core/error.h"
#include "export/torch_parse.h"
#include "ui/commands.h"

namespace adamlab::ui {

struct PasteRequest {
  std::string optimizer, scheduler;
  int update_id = -1;  // -1: add a new run
  std::vector<std::string> notes;
};

// Where the field and its buttons were last drawn (CSS px), for tests and the JS API.
struct PasteBoxRects {
  bool drawn = false;
  float field[4] = {0, 0, 0, 0};   // x, y, w, h
  float add[4] = {0, 0, 0, 0};
  float update[4] = {0, 0, 0, 0};
};

class PasteBox {
 public:
  // Draws the box; a pressed button with a paste that parsed queues the add or update on
  // `commands` and, once applied, selects the run (`selected`, which outlives the frame).
  template <class SceneT>
  void draw(BasicCommandQueue<SceneT>& commands, int& selected, bool has_selected, bool touch) {
    const std::optional<PasteRequest> request = draw_box(selected, has_selected, touch);
    if (!request) return;
    PasteBox* self = this;
    int* target = &selected;
    commands.push([self, target, r = *request](SceneT& scene) {
      try {
        const int id = r.update_id >= 0 ? r.update_id : scene.add_run(r.optimizer, r.scheduler);
        if (r.update_id >= 0) scene.update_run(r.update_id, r.optimizer, r.scheduler);
        *target = id;
        self->applied(id, r);
      } catch (const Error& e) {
        self->refused(e.what());
      }
    });
  }

  const std::string& error() const { return error_; }
  const std::string& status() const { return status_; }
  std::string text() const { return buffer_; }
  const PasteBoxRects& rects() const { return rects_; }

 private:
  std::optional<PasteRequest> draw_box(int selected, bool has_selected, bool touch);
  void applied(int id, const PasteRequest& request);
  void refused(const std::string& message);

  char buffer_[kMaxTorchPasteChars + 1] = {};
  std::string error_;   // the last refusal ("" = none)
  std::string status_;  // the last success
  PasteBoxRects rects_;
};

}  // namespace adamlab::ui
