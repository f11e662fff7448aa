// The case panel: a tree generated from the case schema, edited and validated live by the
// solver library (the same messages as the command line), saved as a new case file.
#include <gtest/gtest.h>

#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidgetItem>

#include "TestSupport.hpp"
#include "app/MainWindow.hpp"
#include "casepanel/CaseEditor.hpp"
#include "casepanel/CasePanel.hpp"
#include "core/Error.hpp"
#include "core/Schema.hpp"
#include "io/Case.hpp"

using namespace fdtwin::gui;

namespace {
const QString kCase = FDTWIN_SOURCE_DIR "/cases/barge-ai-20mw.toml";

// What the library itself says about `text` for `key` (the message the panel must show).
std::string libraryMessage(const fdtwin::Case& c, const std::string& key, const std::string& text) {
  fdtwin::Case copy = c;
  try {
    copy.set(key, text);
  } catch (const fdtwin::InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(CaseEditor, TreeComesFromTheSchema) {
  CasePanel panel;
  QString error;
  ASSERT_TRUE(panel.loadCase(kCase, &error)) << error.toStdString();
  CaseEditor* editor = panel.editor();
  for (const fdtwin::KeyDef& key : fdtwin::caseSchema()) {
    QTreeWidgetItem* item = editor->itemFor(QString::fromStdString(key.path));
    ASSERT_NE(item, nullptr) << key.path;
    EXPECT_EQ(item->text(CaseEditor::UnitColumn).toStdString(), key.unit);
    EXPECT_EQ(item->text(CaseEditor::RangeColumn).toStdString(), fdtwin::describeRange(key));
    EXPECT_TRUE(item->toolTip(CaseEditor::KeyColumn).startsWith(QString::fromStdString(key.description)));
  }
  EXPECT_EQ(editor->valueText("case.name"), "barge-ai-20mw");
  EXPECT_EQ(editor->valueText("it.rack_power_peak"), "120000");  // "120 kW" in SI
}

TEST(CaseEditor, InvalidValueShowsTheSchemasMessage) {
  MainWindow w;
  QString error;
  ASSERT_TRUE(w.casePanel()->loadCase(kCase, &error)) << error.toStdString();
  CaseEditor* editor = w.casePanel()->editor();
  const fdtwin::Case original = *editor->currentCase();
  auto* run = w.casePanel()->findChild<QPushButton*>("run");
  auto* validation = w.casePanel()->findChild<QLabel*>("validation");
  ASSERT_TRUE(run && validation);
  EXPECT_TRUE(run->isEnabled());

  // A fraction above one, a choice that does not exist, a unit of the wrong kind.
  for (const auto& [key, text] : std::vector<std::pair<std::string, std::string>>{
           {"it.liquid_fraction", "1.7"}, {"it.profile", "bogus"}, {"it.rack_power_peak", "3 m"}}) {
    const std::string expected = libraryMessage(
        original, key, CaseEditor::toSetText(*fdtwin::findKey(key), QString::fromStdString(text)));
    ASSERT_FALSE(expected.empty()) << key << " = " << text << " was accepted by the library";
    const QString shown = editor->editValue(QString::fromStdString(key), QString::fromStdString(text));
    EXPECT_EQ(shown.toStdString(), expected);
    EXPECT_EQ(validation->text().toStdString(), expected);
    EXPECT_FALSE(run->isEnabled()) << "Run with an invalid value";
    EXPECT_EQ(editor->itemFor(QString::fromStdString(key))->toolTip(CaseEditor::ValueColumn).toStdString(),
              expected);
    // Fixing it re-enables Run; the case holds the valid value.
    EXPECT_TRUE(
        editor->editValue(QString::fromStdString(key), CaseEditor::displayText(original.entry(key).value))
            .isEmpty());
    EXPECT_TRUE(run->isEnabled());
  }
  EXPECT_TRUE(editor->editValue("it.liquid_fraction", "0.8").isEmpty());
  EXPECT_DOUBLE_EQ(editor->currentCase()->real("it.liquid_fraction"), 0.8);
  EXPECT_TRUE(editor->editValue("it.rack_power_peak", "100 kW").isEmpty());
  EXPECT_EQ(editor->valueText("it.rack_power_peak"), "100000");
}

TEST(CaseEditor, SavesAsANewCaseFile) {
  QTemporaryDir dir;
  CasePanel panel;
  ASSERT_TRUE(panel.loadCase(kCase));
  ASSERT_TRUE(panel.editor()->editValue("it.utilization", "0.5").isEmpty());
  const QString saved = dir.filePath("edited.toml");
  QString error;
  ASSERT_TRUE(panel.saveCase(saved, &error)) << error.toStdString();
  CasePanel again;
  ASSERT_TRUE(again.loadCase(saved, &error)) << error.toStdString();
  EXPECT_DOUBLE_EQ(again.editor()->currentCase()->real("it.utilization"), 0.5);
  EXPECT_EQ(again.editor()->currentCase()->string("case.name"), "barge-ai-20mw");
  // Not with an invalid value pending.
  ASSERT_FALSE(panel.editor()->editValue("it.utilization", "-3").isEmpty());
  EXPECT_FALSE(panel.saveCase(dir.filePath("bad.toml"), &error));
  EXPECT_TRUE(error.contains("invalid")) << error.toStdString();
}

TEST(CaseEditor, TextForTheLibrary) {
  fdtwin::KeyDef s;
  s.type = fdtwin::ValueType::String;
  EXPECT_EQ(CaseEditor::toSetText(s, "my \"case\""), "\"my \\\"case\\\"\"");
  EXPECT_EQ(CaseEditor::toSetText(s, "\"already\""), "\"already\"");
  fdtwin::KeyDef r;
  r.type = fdtwin::ValueType::Real;
  EXPECT_EQ(CaseEditor::toSetText(r, " 120 kW "), "120 kW");
  EXPECT_EQ(CaseEditor::displayText(fdtwin::CaseValue(2.5e-8)), "2.5e-08");
  EXPECT_EQ(CaseEditor::displayText(fdtwin::CaseValue(true)), "true");
}
