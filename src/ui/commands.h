#pragma once
// The one way the UI changes the simulation: panels queue commands while they draw (reading
// the scene as const), and the app applies them after the frame's UI is built. A command that
// throws adamlab::Error leaves the scene unchanged; its message is shown verbatim.
#include <functional>
#include <string>
#include <vector>

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

class CommandQueue {
 public:
  void push(std::function<void(Scene&)> command) { pending_.push_back(std::move(command)); }
  // Applies every queued command in order; returns the last error message ("" if none).
  std::string apply(Scene& scene);

 private:
  std::vector<std::function<void(Scene&)>> pending_;
};

}  // namespace adamlab::ui
