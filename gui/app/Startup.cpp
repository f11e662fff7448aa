#include "app/Startup.hpp"

#include <vtkOpenGLRenderWindow.h>
#include <QCoreApplication>
#include <QSurfaceFormat>

namespace fdtwin::gui {

void prepareOpenGL() {
  QSurfaceFormat format;
  format.setRenderableType(QSurfaceFormat::OpenGL);
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  format.setSamples(0);
  format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
  format.setSwapInterval(0);  // no vsync wait: frames are paced by the time controller
  QSurfaceFormat::setDefaultFormat(format);
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  vtkOpenGLRenderWindow::SetGlobalMaximumNumberOfMultiSamples(0);
}

}  // namespace fdtwin::gui
