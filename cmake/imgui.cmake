# Dear ImGui 1.86 as a static library with the GLFW + OpenGL 3 backends.
# Sources come from scripts/fetch_imgui.sh (Debian's source package); -DIMGUI_DIR=... points at any copy.
set(IMGUI_DIR "${PROJECT_SOURCE_DIR}/third_party/imgui-1.86" CACHE PATH "Dear ImGui 1.86 source folder")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp" OR NOT EXISTS "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run scripts/fetch_imgui.sh "
                      "or configure with -DIMGUI_DIR=/path/to/imgui-1.86")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
# 32-bit indices: long trails and the loss chart can exceed 64k vertices in one window, and
# WebGL2 has no base-vertex draw to split them. No imgui.ini in a browser or in tests.
target_compile_definitions(imgui PUBLIC "ImDrawIdx=unsigned int" IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

if(EMSCRIPTEN)
  # WebGL2 = GL ES 3 ("#version 300 es"); GLFW is Emscripten's built-in port (-sUSE_GLFW=3).
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_link_options(imgui PUBLIC -sUSE_GLFW=3)
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()
