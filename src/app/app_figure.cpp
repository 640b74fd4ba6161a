// The exported figure's frame (App::figure_frame, app.h).
#include "app/app.h"

namespace adamlab::app {

void App::figure_frame() {
  ui_.set_figure(true);
  // Whatever this frame would queue is dropped: it takes no input, and must change nothing.
  if (network()) {
    ui::NetCommandQueue discarded;
    ui_.draw_network(net_scene_, discarded, error_);
  } else {
    ui::CommandQueue discarded;
    ui_.draw(scene_, discarded, error_);
  }
  ui_.set_figure(false);
  ui_.take_requests();
}

}  // namespace adamlab::app
