#include "casepanel/CaseEditor.hpp"

#include <QBrush>
#include <QHeaderView>
#include <cstdio>

#include "casepanel/ValueDelegate.hpp"
#include "core/Error.hpp"
#include "core/Schema.hpp"

namespace fdtwin::gui {
namespace {
constexpr int kKeyRole = Qt::UserRole + 1;
const QBrush kInvalid(QColor(248, 215, 218));
}  // namespace

CaseEditor::CaseEditor(QWidget* parent) : QTreeWidget(parent) {
  setColumnCount(4);
  setHeaderLabels({tr("Parameter"), tr("Value"), tr("Unit"), tr("Range")});
  header()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
  header()->setSectionResizeMode(ValueColumn, QHeaderView::Interactive);
  header()->resizeSection(ValueColumn, 140);
  setAlternatingRowColors(true);
  setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                  QAbstractItemView::SelectedClicked);
  setItemDelegate(new ValueDelegate(this));
  connect(this, &QTreeWidget::itemChanged, this, &CaseEditor::onItemChanged);
}

QString CaseEditor::displayText(const CaseValue& value) {
  if (const auto* d = std::get_if<double>(&value)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", *d);
    return buf;
  }
  if (const auto* i = std::get_if<long long>(&value)) return QString::number(*i);
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  return QString::fromStdString(std::get<std::string>(value));
}

std::string CaseEditor::toSetText(const KeyDef& key, const QString& typed) {
  std::string text = typed.trimmed().toStdString();
  if (key.type != ValueType::String && key.type != ValueType::Choice && key.type != ValueType::Path)
    return text;
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return text;  // already TOML
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void CaseEditor::clearCase() {
  m_case.reset();
  m_invalid.clear();
  m_message.clear();
  build();
}

void CaseEditor::setCase(const Case& c) {
  m_case = c;
  m_invalid.clear();
  m_message.clear();
  build();
}

QTreeWidgetItem* CaseEditor::sectionItem(const QString& section) {
  if (section.isEmpty()) return invisibleRootItem();
  if (auto* item = m_sections.value(section)) return item;
  const int dot = section.lastIndexOf('.');
  QTreeWidgetItem* parent = sectionItem(dot < 0 ? QString() : section.left(dot));
  auto* item = new QTreeWidgetItem(parent, {section.mid(dot + 1)});
  QFont f = item->font(KeyColumn);
  f.setBold(true);
  item->setFont(KeyColumn, f);
  item->setFlags(Qt::ItemIsEnabled);
  m_sections.insert(section, item);
  return item;
}

void CaseEditor::build() {
  m_filling = true;
  clear();
  m_items.clear();
  m_sections.clear();
  if (m_case) {
    for (const KeyDef& key : caseSchema()) {
      const QString path = QString::fromStdString(key.path);
      const int dot = path.lastIndexOf('.');
      auto* item = new QTreeWidgetItem(sectionItem(dot < 0 ? QString() : path.left(dot)));
      item->setText(KeyColumn, path.mid(dot + 1));
      item->setData(KeyColumn, kKeyRole, path);
      item->setData(ValueColumn, ValueDelegate::kTypeRole, static_cast<int>(key.type));
      QStringList choices;
      for (const auto& c : key.choices) choices << QString::fromStdString(c);
      item->setData(ValueColumn, ValueDelegate::kChoicesRole, choices);
      item->setText(ValueColumn,
                    m_case->has(key.path) ? displayText(m_case->entry(key.path).value) : QString());
      item->setText(UnitColumn, QString::fromStdString(key.unit));
      item->setText(RangeColumn, QString::fromStdString(describeRange(key)));
      const QString tip =
          QString::fromStdString(key.description) + (key.required ? tr(" (required)") : QString());
      for (int c = 0; c < columnCount(); ++c) item->setToolTip(c, tip);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
      m_items.insert(path, item);
    }
  }
  expandToDepth(0);
  m_filling = false;
}

QString CaseEditor::valueText(const QString& key) const {
  auto* item = m_items.value(key);
  return item ? item->text(ValueColumn) : QString();
}

QString CaseEditor::editValue(const QString& key, const QString& text) {
  QTreeWidgetItem* item = m_items.value(key);
  if (!item) return tr("%1: not a key of the case schema").arg(key);
  item->setText(ValueColumn, text);  // validated by onItemChanged
  return m_invalid.contains(key) ? m_message : QString();
}

void CaseEditor::onItemChanged(QTreeWidgetItem* item, int column) {
  if (m_filling || column != ValueColumn || !m_case) return;
  const QString key = item->data(KeyColumn, kKeyRole).toString();
  const KeyDef* def = findKey(key.toStdString());
  if (!def) return;
  Case edited = *m_case;
  QString error;
  try {
    edited.set(def->path, toSetText(*def, item->text(ValueColumn)));
  } catch (const InputError& e) {
    error = QString::fromUtf8(e.what());
  } catch (const std::exception& e) {
    error = QString::fromUtf8(e.what());
  }
  m_filling = true;
  if (error.isEmpty()) {
    m_case = std::move(edited);
    m_invalid.remove(key);
    item->setBackground(ValueColumn, QBrush());
    item->setToolTip(ValueColumn, QString::fromStdString(def->description));
    // Show the value as stored (SI), e.g. "120 kW" -> 120000.
    if (m_case->has(def->path)) item->setText(ValueColumn, displayText(m_case->entry(def->path).value));
    m_message = m_invalid.isEmpty() ? tr("%1 = %2").arg(key, item->text(ValueColumn)) : m_message;
    emit validated(m_message, !m_invalid.isEmpty());
    emit caseEdited();
  } else {
    m_invalid.insert(key);
    item->setBackground(ValueColumn, kInvalid);
    item->setToolTip(ValueColumn, error);
    m_message = error;
    emit validated(error, true);
  }
  m_filling = false;
}

}  // namespace fdtwin::gui
