#pragma once
// The case's parameters as a tree generated from the case schema (core/Schema.hpp): one row
// per key, grouped by section, with its value, SI unit and allowed range, and the schema's
// description as tooltip. Values are edited in place and validated at once by the solver
// library itself (Case::set), so the viewer shows exactly the command line's messages. An
// invalid value stays visible, marked, until it is fixed; the case keeps the last valid one.
#include <QHash>
#include <QSet>
#include <QString>
#include <QTreeWidget>
#include <optional>

#include "io/Case.hpp"

namespace fdtwin::gui {

class CaseEditor : public QTreeWidget {
  Q_OBJECT

 public:
  enum Column { KeyColumn = 0, ValueColumn = 1, UnitColumn = 2, RangeColumn = 3 };

  explicit CaseEditor(QWidget* parent = nullptr);

  void setCase(const Case& c);
  void clearCase();
  // The case with every accepted edit; nullptr before setCase.
  const Case* currentCase() const { return m_case ? &*m_case : nullptr; }

  // Edits a key as the user would (the text typed into the value cell). Returns the error
  // message, or "" when the value was accepted.
  QString editValue(const QString& key, const QString& text);
  QString valueText(const QString& key) const;
  QTreeWidgetItem* itemFor(const QString& key) const { return m_items.value(key); }
  bool hasInvalidEdits() const { return !m_invalid.isEmpty(); }
  QString lastMessage() const { return m_message; }

  // The text Case::set expects for what the user typed into `key`'s cell (strings quoted).
  static std::string toSetText(const KeyDef& key, const QString& typed);
  // The cell text for a stored value.
  static QString displayText(const CaseValue& value);

 signals:
  void validated(const QString& message, bool error);
  void caseEdited();

 private:
  void build();
  void onItemChanged(QTreeWidgetItem* item, int column);
  QTreeWidgetItem* sectionItem(const QString& section);

  std::optional<Case> m_case;
  QHash<QString, QTreeWidgetItem*> m_items;
  QHash<QString, QTreeWidgetItem*> m_sections;
  QSet<QString> m_invalid;
  QString m_message;
  bool m_filling = false;
};

}  // namespace fdtwin::gui
