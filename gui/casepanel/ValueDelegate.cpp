#include "casepanel/ValueDelegate.hpp"

#include <QComboBox>

#include "core/Schema.hpp"

namespace fdtwin::gui {
namespace {
QStringList optionsOf(const QModelIndex& index) {
  const auto type = static_cast<ValueType>(index.data(ValueDelegate::kTypeRole).toInt());
  if (type == ValueType::Boolean) return {"true", "false"};
  if (type == ValueType::Choice) return index.data(ValueDelegate::kChoicesRole).toStringList();
  return {};
}
}  // namespace

QWidget* ValueDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
  const QStringList options = optionsOf(index);
  if (options.isEmpty()) return QStyledItemDelegate::createEditor(parent, option, index);
  auto* combo = new QComboBox(parent);
  combo->addItems(options);
  return combo;
}

void ValueDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    combo->setCurrentText(index.data(Qt::EditRole).toString());
    return;
  }
  QStyledItemDelegate::setEditorData(editor, index);
}

void ValueDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const {
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    model->setData(index, combo->currentText(), Qt::EditRole);
    return;
  }
  QStyledItemDelegate::setModelData(editor, model, index);
}

}  // namespace fdtwin::gui
