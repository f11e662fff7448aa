#pragma once
// The state vector of the plant network. Each component reserves a contiguous slice of
// named states; the network owns the vector. Each state carries a typical magnitude from
// which its absolute tolerance is derived (atol_i = rtol * scale_i), so that a 300 K
// temperature, a 19 MW engine output and a 0.5 state of charge are all integrated to the
// same relative accuracy.
#include <string>
#include <vector>

namespace fdtwin::network {

struct StateInfo {
  std::string name;       // "rack hall1-r01-03 T_chip"
  std::string component;  // "racks"
  double scale = 1.0;     // typical magnitude, in the state's unit
  double initial = 0.0;   // initial value
  std::string unit;       // "K", "W", "1"
};

class StateLayout {
 public:
  // Reserves one state; returns its index.
  int add(std::string name, std::string component, std::string unit, double scale, double initial);
  int size() const { return static_cast<int>(m_states.size()); }
  const StateInfo& info(int i) const { return m_states[static_cast<size_t>(i)]; }
  const std::vector<StateInfo>& states() const { return m_states; }

 private:
  std::vector<StateInfo> m_states;
};

}  // namespace fdtwin::network
