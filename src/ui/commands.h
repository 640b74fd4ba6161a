#pragma once
// The one way the UI changes a simulation: panels queue commands while they draw (reading the
// scene as const), and the app applies them after the frame's UI is built. A command that throws
// adamlab::Error leaves the scene unchanged; its message is shown verbatim. One queue type per
// scene kind: the landscape's Scene and the network mode's NetScene.
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"

namespace adamlab {
class Scene;
class NetScene;
}

namespace adamlab::ui {

template <class S>
class BasicCommandQueue {
 public:
  void push(std::function<void(S&)> command) { pending_.push_back(std::move(command)); }
  // Applies every queued command in order; returns the last error message ("" if none).
  std::string apply(S& scene) {
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
  bool empty() const { return pending_.empty(); }

 private:
  std::vector<std::function<void(S&)>> pending_;
};

using CommandQueue = BasicCommandQueue<Scene>;
using NetCommandQueue = BasicCommandQueue<NetScene>;

}  // namespace adamlab::ui
