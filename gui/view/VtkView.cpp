#include "view/VtkView.hpp"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QWheelEvent>

#include <cmath>

namespace fdtwin::gui {

VtkView::VtkView(QWidget* parent) : QOpenGLWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(200, 150);
  // Render only inside paintGL; blit ourselves; no multisampling (VTK's framebuffers are
  // blitted 1:1 into Qt's, whose format has no samples).
  m_window->SetReadyForRendering(false);
  m_window->SetFrameBlitModeToNoBlit();
  m_window->SetMultiSamples(0);
  m_window->SetOwnContext(0);
  m_window->SetForceMaximumHardwareLineWidth(1);

  m_observers[0] = m_window->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkView::onWindowEvent);
  m_observers[1] = m_window->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkView::onWindowEvent);
  m_observers[2] = m_window->AddObserver(vtkCommand::WindowFrameEvent, this, &VtkView::onWindowEvent);

  m_interactor->SetRenderWindow(m_window);
  m_interactor->SetInteractorStyle(m_style);
  m_interactor->EnableRenderOff();  // VTK renders in paintGL only
  m_observers[3] = m_interactor->AddObserver(vtkCommand::RenderEvent, this, &VtkView::onWindowEvent);
  m_interactor->Initialize();
}

VtkView::~VtkView() {
  makeCurrent();
  releaseGL();
  doneCurrent();
  m_window->RemoveObserver(m_observers[0]);
  m_window->RemoveObserver(m_observers[1]);
  m_window->RemoveObserver(m_observers[2]);
  m_interactor->RemoveObserver(m_observers[3]);
  m_interactor->SetRenderWindow(nullptr);
  // The renderer belongs to the scene model, which may outlive this view.
  m_window->GetRenderers()->RemoveAllItems();
}

void VtkView::setRenderer(vtkRenderer* renderer) {
  m_window->GetRenderers()->RemoveAllItems();
  if (renderer) m_window->AddRenderer(renderer);
  update();
}

vtkGenericOpenGLRenderWindow* VtkView::renderWindow() const { return m_window; }

void VtkView::onWindowEvent(vtkObject*, unsigned long event, void* data) {
  switch (event) {
    case vtkCommand::WindowMakeCurrentEvent:
      // Only when not current: re-making current inside VTK's render re-binds Qt's
      // framebuffer behind VTK's back (the view turns black, GL error 0x506 every frame).
      if (context() && QOpenGLContext::currentContext() != context()) makeCurrent();
      break;
    case vtkCommand::WindowIsCurrentEvent:
      *static_cast<bool*>(data) = context() && QOpenGLContext::currentContext() == context();
      break;
    case vtkCommand::WindowFrameEvent:
      break;  // we present in paintGL ourselves
    case vtkCommand::RenderEvent:
      update();  // the interactor wants a new frame
      break;
    default:
      break;
  }
}

void VtkView::initializeGL() {
  connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkView::releaseGL, Qt::DirectConnection);
  m_window->SetOwnContext(0);
  m_window->OpenGLInitContext();
  m_glReady = true;
  // Qt 6: defaultFramebufferObject() is 0 here; nothing is drawn until paintGL.
}

void VtkView::releaseGL() {
  if (!m_glReady) return;
  m_glReady = false;
  if (context()) disconnect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &VtkView::releaseGL);
  m_window->ReleaseGraphicsResources(m_window);
  m_window->Finalize();
}

void VtkView::resizeGL(int w, int h) {
  const double dpr = devicePixelRatioF();
  const int dw = static_cast<int>(std::lround(w * dpr)), dh = static_cast<int>(std::lround(h * dpr));
  m_interactor->UpdateSize(dw, dh);  // also sizes the render window
  m_window->SetSize(dw, dh);
}

void VtkView::paintGL() {
  if (!m_glReady) return;
  QElapsedTimer timer;
  timer.start();
  vtkOpenGLState* state = m_window->GetState();
  state->Reset();
  state->Push();
  state->vtkglDepthFunc(GL_LEQUAL);
  m_window->SetReadyForRendering(true);
  m_window->Render();
  m_window->SetReadyForRendering(false);

  // Blit VTK's display framebuffer into the widget's, then force alpha to 1 (Mesa would
  // otherwise blend the view with what is behind the window).
  QOpenGLExtraFunctions* f = context()->extraFunctions();
  f->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  state->Reset();  // we bound a framebuffer behind VTK's cache
  const int* size = m_window->GetSize();
  m_window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1], GL_COLOR_BUFFER_BIT,
                                   GL_NEAREST);
  state->vtkglViewport(0, 0, size[0], size[1]);
  state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  state->vtkglClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  state->vtkglClear(GL_COLOR_BUFFER_BIT);
  state->Pop();
  if (m_finishFrames) f->glFinish();
  m_lastFrameMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
  ++m_frames;
  emit frameRendered();
}

QPointF VtkView::toDisplay(const QPointF& pos) const {
  const double dpr = devicePixelRatioF();
  return {pos.x() * dpr, (height() - pos.y()) * dpr - 1.0};
}

QPointF VtkView::fromDisplay(double x, double y) const {
  const double dpr = devicePixelRatioF();
  return {x / dpr, height() - (y + 1.0) / dpr};
}

void VtkView::forwardPosition(const QPointF& pos, Qt::KeyboardModifiers mods) {
  const double dpr = devicePixelRatioF();
  m_interactor->SetEventInformationFlipY(
      static_cast<int>(std::lround(pos.x() * dpr)), static_cast<int>(std::lround(pos.y() * dpr)),
      (mods & Qt::ControlModifier) ? 1 : 0, (mods & Qt::ShiftModifier) ? 1 : 0);
}

void VtkView::mousePressEvent(QMouseEvent* event) {
  forwardPosition(event->position(), event->modifiers());
  if (event->button() == Qt::LeftButton) {
    m_pressPos = event->position();
    m_pressed = true;
    m_dragged = false;
    m_interactor->InvokeEvent(vtkCommand::LeftButtonPressEvent);
  } else if (event->button() == Qt::MiddleButton) {
    m_interactor->InvokeEvent(vtkCommand::MiddleButtonPressEvent);
  } else if (event->button() == Qt::RightButton) {
    m_interactor->InvokeEvent(vtkCommand::RightButtonPressEvent);
  }
  event->accept();
}

void VtkView::mouseMoveEvent(QMouseEvent* event) {
  if (m_pressed && (event->position() - m_pressPos).manhattanLength() > kClickSlop) m_dragged = true;
  forwardPosition(event->position(), event->modifiers());
  m_interactor->InvokeEvent(vtkCommand::MouseMoveEvent);
  event->accept();
}

void VtkView::mouseReleaseEvent(QMouseEvent* event) {
  forwardPosition(event->position(), event->modifiers());
  if (event->button() == Qt::LeftButton) {
    m_interactor->InvokeEvent(vtkCommand::LeftButtonReleaseEvent);
    const bool click = m_pressed && !m_dragged;
    m_pressed = false;
    if (click) {
      const QPointF d = toDisplay(event->position());
      emit clicked(d.x(), d.y());
    }
  } else if (event->button() == Qt::MiddleButton) {
    m_interactor->InvokeEvent(vtkCommand::MiddleButtonReleaseEvent);
  } else if (event->button() == Qt::RightButton) {
    m_interactor->InvokeEvent(vtkCommand::RightButtonReleaseEvent);
  }
  event->accept();
}

void VtkView::wheelEvent(QWheelEvent* event) {
  forwardPosition(event->position(), event->modifiers());
  const int delta = event->angleDelta().y();
  if (delta > 0)
    m_interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent);
  else if (delta < 0)
    m_interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent);
  event->accept();
}

}  // namespace fdtwin::gui
