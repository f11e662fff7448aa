#include "app/MessageBar.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace fdtwin::gui {

MessageBar::MessageBar(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  m_label = new QLabel(this);
  m_label->setObjectName("message");
  m_label->setWordWrap(true);
  m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_label, 1);
  auto* close = new QToolButton(this);
  close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
  close->setAutoRaise(true);
  layout->addWidget(close);
  connect(close, &QToolButton::clicked, this, &MessageBar::clearMessage);
  setAutoFillBackground(true);
  hide();
}

void MessageBar::showError(const QString& text) {
  m_error = text;
  m_label->setText(text);
  setStyleSheet("background: #f8d7da; color: #58151c;");
  show();
}

void MessageBar::showInfo(const QString& text) {
  m_error.clear();
  m_label->setText(text);
  setStyleSheet("background: #e2e8f0; color: #1e293b;");
  show();
}

void MessageBar::clearMessage() {
  m_error.clear();
  m_label->clear();
  hide();
}

QString MessageBar::text() const { return m_label->text(); }

}  // namespace fdtwin::gui
