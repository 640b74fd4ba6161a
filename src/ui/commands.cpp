#include "ui/commands.h"

#include "core/error.h"
#include "sim/scene.h"

namespace adamlab::ui {

std::string CommandQueue::apply(Scene& scene) {
  std::string error;
  auto pending = std::move(pending_);
  pending_.clear();
  for (auto& command : pending) {
    try {
      command(scene);
    } catch (const Error& e) {
      error = e.what();
    }
  }
  return error;
}

}  // namespace adamlab::ui
