// Unit tests of core/ChildProcess: what the child sees (log, folder, environment, signals) and
// how its end is reported (exit status, 126/127 for a child that cannot start).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/ChildProcess.hpp"

namespace fdtwin {
namespace {

namespace fs = std::filesystem;

class ChildProcess : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("fdtwin-child-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::string log() const { return (m_dir / "child.log").string(); }
  std::string logText() const {
    std::ifstream in(log());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ChildSpec shell(const std::string& script) const {
    ChildSpec c;
    c.argv = {"sh", "-c", script};
    c.searchPath = true;
    c.logPath = log();
    return c;
  }

  fs::path m_dir;
};

TEST_F(ChildProcess, WritesStdoutAndStderrToTheLogAndReportsTheExitStatus) {
  const ChildExit e = runChild(shell("echo out; echo err >&2; read line || echo no-input; exit 3"));
  ASSERT_TRUE(WIFEXITED(e.waitStatus));
  EXPECT_EQ(WEXITSTATUS(e.waitStatus), 3);
  EXPECT_EQ(logText(), "out\nerr\nno-input\n");  // stdin is /dev/null
  EXPECT_GE(e.wallSeconds, 0.0);
}

TEST_F(ChildProcess, RunsInItsFolderWithPwdSetAndTheLogRelativeToTheParent) {
  fs::create_directories(m_dir / "case");
  ChildSpec c = shell("pwd -P; echo \"$PWD\"");
  c.workDir = (m_dir / "case").string();
  const ChildExit e = runChild(c);
  ASSERT_TRUE(WIFEXITED(e.waitStatus) && WEXITSTATUS(e.waitStatus) == 0) << logText();
  const std::string real = fs::canonical(m_dir / "case").string();
  EXPECT_EQ(logText(), real + "\n" + real + "\n");
}

TEST_F(ChildProcess, SetsOrKeepsEnvironmentVariables) {
  ::setenv("FDTWIN_TEST_KEPT", "parent", 1);
  ::setenv("FDTWIN_TEST_REPLACED", "parent", 1);
  ChildSpec c = shell("echo $FDTWIN_TEST_KEPT $FDTWIN_TEST_REPLACED $FDTWIN_TEST_NEW");
  c.env = {{"FDTWIN_TEST_KEPT", "child", false},
           {"FDTWIN_TEST_REPLACED", "child", true},
           {"FDTWIN_TEST_NEW", "new", false}};
  runChild(c);
  EXPECT_EQ(logText(), "parent child new\n");
  ::unsetenv("FDTWIN_TEST_KEPT");
  ::unsetenv("FDTWIN_TEST_REPLACED");
}

TEST_F(ChildProcess, ExitsWith127WhenTheProgramCannotRunAnd126WithoutItsFolder) {
  ChildSpec missing = shell("");
  missing.argv = {"fdtwin-no-such-program"};
  const ChildExit e = runChild(missing);
  ASSERT_TRUE(WIFEXITED(e.waitStatus));
  EXPECT_EQ(WEXITSTATUS(e.waitStatus), 127);

  ChildSpec noPath = shell("exit 0");
  noPath.searchPath = false;  // "sh" is then a path relative to the parent's folder
  EXPECT_EQ(WEXITSTATUS(runChild(noPath).waitStatus), 127);

  ChildSpec noDir = shell("exit 0");
  noDir.workDir = (m_dir / "missing").string();
  const ChildExit d = runChild(noDir);
  ASSERT_TRUE(WIFEXITED(d.waitStatus));
  EXPECT_EQ(WEXITSTATUS(d.waitStatus), 126);
}

TEST_F(ChildProcess, ReportsASignalAndRestoresDefaultSignalsOnRequest) {
  // The parent blocks SIGTERM (as the sweep does): a child that keeps the mask survives its own
  // SIGTERM, one with default signals does not.
  sigset_t term, old;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &term, &old), 0);
  const ChildExit kept = runChild(shell("kill -TERM $$; exit 5"));
  ChildSpec reset = shell("kill -TERM $$; exit 5");
  reset.defaultSignals = true;
  const ChildExit ended = runChild(reset);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  EXPECT_TRUE(WIFEXITED(kept.waitStatus) && WEXITSTATUS(kept.waitStatus) == 5);
  ASSERT_TRUE(WIFSIGNALED(ended.waitStatus));
  EXPECT_EQ(WTERMSIG(ended.waitStatus), SIGTERM);
}

TEST_F(ChildProcess, FindsProgramsOnPath) {
  EXPECT_FALSE(findProgram("sh").empty());
  EXPECT_EQ(findProgram("fdtwin-no-such-program"), "");
  EXPECT_EQ(findProgram("/bin/sh"), "/bin/sh");
}

}  // namespace
}  // namespace fdtwin
