#include "network/StateLayout.hpp"

namespace fdtwin::network {

int StateLayout::add(std::string name, std::string component, std::string unit, double scale, double initial) {
  m_states.push_back({std::move(name), std::move(component), scale, initial, std::move(unit)});
  return size() - 1;
}

}  // namespace fdtwin::network
