# The UI's fonts, embedded in the app (native and WebAssembly alike, no file system needed):
# Debian's fonts-roboto-unhinted and fonts-dejavu-core, subset by scripts/embed_fonts.py with
# python3-fonttools at build time (scripts/install_deps.sh installs all three). Nothing of them is
# committed. Defines ADAMLAB_FONT_SOURCES (the generated .cpp) for the app target.
set(ADAMLAB_UI_FONT /usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf
    CACHE FILEPATH "Proportional UI typeface (TTF)")
set(ADAMLAB_SYMBOL_FONT /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
    CACHE FILEPATH "Typeface the math signs the UI face lacks are merged from (TTF)")
set(ADAMLAB_MONO_FONT /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
    CACHE FILEPATH "Monospace typeface for aligned numbers (TTF)")
foreach(f ADAMLAB_UI_FONT ADAMLAB_SYMBOL_FONT ADAMLAB_MONO_FONT)
  if(NOT EXISTS "${${f}}")
    message(FATAL_ERROR "${f}: ${${f}} not found; run scripts/install_deps.sh "
                        "(fonts-roboto-unhinted, fonts-dejavu-core) or pass -D${f}=path.ttf")
  endif()
endforeach()

# A python3 that has fontTools: Debian's /usr/bin/python3 (a python3 earlier on PATH may lack it).
if(NOT ADAMLAB_FONT_PYTHON)
  find_program(ADAMLAB_PATH_PYTHON NAMES python3)
  foreach(py /usr/bin/python3 ${ADAMLAB_PATH_PYTHON})
    execute_process(COMMAND ${py} -c "import fontTools.subset" RESULT_VARIABLE r OUTPUT_QUIET ERROR_QUIET)
    if(r EQUAL 0)
      set(ADAMLAB_FONT_PYTHON ${py} CACHE FILEPATH "python3 with fontTools (embeds the UI fonts)")
      break()
    endif()
  endforeach()
  if(NOT ADAMLAB_FONT_PYTHON)
    message(FATAL_ERROR "no python3 with fontTools; run scripts/install_deps.sh (python3-fonttools)")
  endif()
endif()

# Per including directory: a custom command's output only serves targets of its own directory.
set(ADAMLAB_FONT_SOURCES ${CMAKE_CURRENT_BINARY_DIR}/generated/font_data.cpp)
add_custom_command(
  OUTPUT ${ADAMLAB_FONT_SOURCES}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/generated
  COMMAND ${ADAMLAB_FONT_PYTHON} ${PROJECT_SOURCE_DIR}/scripts/embed_fonts.py ${ADAMLAB_FONT_SOURCES}
          ${ADAMLAB_UI_FONT} ${ADAMLAB_SYMBOL_FONT} ${ADAMLAB_MONO_FONT}
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/embed_fonts.py ${ADAMLAB_UI_FONT} ${ADAMLAB_SYMBOL_FONT} ${ADAMLAB_MONO_FONT}
  COMMENT "Subsetting and embedding the UI fonts"
  VERBATIM)
