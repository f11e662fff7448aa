#include "sweep/SweepProgress.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>

#include "core/Constants.hpp"

namespace fdtwin::sweep {

std::string humanSeconds(double s) {
  if (s >= 7200.0) return fmt::format("{:.1f} h", s / constants::kSecondsPerHour);
  if (s >= 120.0) return fmt::format("{:.1f} min", s / 60.0);
  if (s >= 10.0) return fmt::format("{:.0f} s", s);
  return fmt::format("{:.1f} s", s);
}

SweepProgress::SweepProgress(std::FILE* out, bool quiet, std::size_t total, std::size_t done,
                             std::size_t failed, std::size_t toRun)
    : m_out(out),
      m_quiet(quiet),
      m_tty(isatty(fileno(out)) != 0),
      m_total(total),
      m_done(done),
      m_failed(failed),
      m_toRun(toRun),
      m_start(std::chrono::steady_clock::now()) {}

double SweepProgress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

std::string SweepProgress::counts() const {
  std::string eta = "?";
  if (m_finishedNow > 0) {
    const double rate = static_cast<double>(m_finishedNow) / std::max(elapsed(), 1e-9);
    eta = humanSeconds(static_cast<double>(m_toRun - m_finishedNow) / rate);
  } else if (m_toRun == 0) {
    eta = "0 s";
  }
  return fmt::format("{}/{} done, {} failed, {} running, ETA {}", m_done, m_total, m_failed, m_running, eta);
}

void SweepProgress::draw() {
  if (m_quiet || !m_tty) return;
  const int width = 24;
  const double frac = m_total ? static_cast<double>(m_done + m_failed) / static_cast<double>(m_total) : 1.0;
  const int filled = static_cast<int>(frac * width);
  std::fprintf(m_out, "\r\x1b[K[%s%s] %s", std::string(static_cast<std::size_t>(filled), '#').c_str(),
               std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), counts().c_str());
  std::fflush(m_out);
  m_lineOpen = true;
}

void SweepProgress::message(const std::string& text) {
  if (m_quiet) return;
  if (m_lineOpen) std::fputs("\r\x1b[K", m_out);
  std::fprintf(m_out, "%s\n", text.c_str());
  m_lineOpen = false;
  draw();
}

void SweepProgress::started(const std::string&) {
  ++m_running;
  draw();
}

void SweepProgress::finished(const CaseOutcome& o, const std::string& name) {
  if (m_running > 0) --m_running;
  if (o.interrupted) {
    draw();
    return;
  }
  ++m_finishedNow;
  (o.ok ? m_done : m_failed) += 1;
  if (m_quiet) return;
  if (!o.ok) {
    message(fmt::format("sweep: {} FAILED in {}: {}{}", name, humanSeconds(o.wallSeconds), o.message,
                        m_tty ? "" : "  [" + counts() + "]"));
  } else if (!m_tty) {
    message(fmt::format("sweep: {} done in {}  [{}]", name, humanSeconds(o.wallSeconds), counts()));
  } else {
    draw();
  }
}

void SweepProgress::tick() { draw(); }

void SweepProgress::close() {
  if (m_lineOpen && !m_quiet) std::fputs("\n", m_out);
  m_lineOpen = false;
  std::fflush(m_out);
}

}  // namespace fdtwin::sweep
