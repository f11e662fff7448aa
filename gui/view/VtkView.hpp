#pragma once
// The interactive 3D view: a QOpenGLWidget driving a vtkGenericOpenGLRenderWindow.
//
// Debian's QVTKOpenGLNativeWidget is built for Qt 5, so this class does its job for Qt 6
// (docs/gui.md, "Design"). VTK renders into its own framebuffers inside paintGL (and only
// there); paintGL then blits VTK's display framebuffer into the widget's framebuffer.
// The traps this class exists to avoid (each one seen to turn the view black or crash):
//   - VTK asks for "make current" many times inside one Render(), some from inside its own
//     framebuffer binds; answering with QOpenGLWidget::makeCurrent() each time re-binds Qt's
//     framebuffer behind VTK's state cache. Only make current when not current already.
//   - VTK's OpenGL state cache must be reset before rendering and after any framebuffer we
//     bind ourselves, and pushed/popped around our paint.
//   - GL resources are released with the context current, before the context goes.
// Mouse and wheel events go to a vtkRenderWindowInteractor (device pixels, y up) whose own
// rendering is disabled: its render requests become update(). A click that does not drag
// (fewer than kClickSlop pixels) is reported by clicked() instead of only rotating.
#include <QOpenGLWidget>
#include <QPointF>

#include <vtkNew.h>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkInteractorStyleTrackballCamera;
class vtkObject;
class vtkRenderer;

namespace fdtwin::gui {

class VtkView : public QOpenGLWidget {
  Q_OBJECT

 public:
  static constexpr int kClickSlop = 4;  // logical pixels a press may move and still be a click

  explicit VtkView(QWidget* parent = nullptr);
  ~VtkView() override;

  void setRenderer(vtkRenderer* renderer);
  vtkGenericOpenGLRenderWindow* renderWindow() const;
  // Milliseconds spent in the last paintGL (VTK render + blit, finished on the GPU when
  // setFinishFrames(true); used by the benchmark).
  double lastFrameMs() const { return m_lastFrameMs; }
  long frameCount() const { return m_frames; }
  void setFinishFrames(bool finish) { m_finishFrames = finish; }
  // Logical widget position -> VTK display coordinates (device pixels, origin bottom left).
  QPointF toDisplay(const QPointF& widgetPos) const;
  // VTK display coordinates -> logical widget position.
  QPointF fromDisplay(double x, double y) const;

 signals:
  void clicked(double displayX, double displayY);
  void frameRendered();

 protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  void releaseGL();
  void onWindowEvent(vtkObject* caller, unsigned long event, void* data);
  void forwardPosition(const QPointF& pos, Qt::KeyboardModifiers mods);

  vtkNew<vtkGenericOpenGLRenderWindow> m_window;
  vtkNew<vtkGenericRenderWindowInteractor> m_interactor;
  vtkNew<vtkInteractorStyleTrackballCamera> m_style;
  unsigned long m_observers[4] = {0, 0, 0, 0};
  bool m_glReady = false;
  bool m_finishFrames = false;
  QPointF m_pressPos;
  bool m_pressed = false;
  bool m_dragged = false;
  double m_lastFrameMs = 0.0;
  long m_frames = 0;
};

}  // namespace fdtwin::gui
