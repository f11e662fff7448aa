#pragma once
// Editors for the value cells of CaseEditor: a drop-down for choices and booleans, a line
// edit otherwise. The key's type and choices travel in the item's data roles.
#include <QStyledItemDelegate>

namespace fdtwin::gui {

class ValueDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  static constexpr int kTypeRole = Qt::UserRole + 2;     // int(fdtwin::ValueType)
  static constexpr int kChoicesRole = Qt::UserRole + 3;  // QStringList

  using QStyledItemDelegate::QStyledItemDelegate;
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

}  // namespace fdtwin::gui
