#pragma once
// A message strip inside the window (instead of modal dialogs): errors in red until the next
// success or until closed, information in a neutral colour. Also echoed to the status bar.
#include <QWidget>

class QLabel;

namespace fdtwin::gui {

class MessageBar : public QWidget {
  Q_OBJECT

 public:
  explicit MessageBar(QWidget* parent = nullptr);
  void showError(const QString& text);
  void showInfo(const QString& text);
  void clearMessage();
  QString errorText() const { return m_error; }
  QString text() const;

 private:
  QLabel* m_label;
  QString m_error;
};

}  // namespace fdtwin::gui
