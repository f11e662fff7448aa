#pragma once

namespace fdtwin::gui {

// Must run before QApplication is created: the default OpenGL format of every QOpenGLWidget
// (3.2 core profile, depth 24, stencil 8, no multisampling), which VTK's OpenGL2 backend needs,
// and VTK's global multisampling off (our widget blits VTK's framebuffer itself).
void prepareOpenGL();

}  // namespace fdtwin::gui
