// Numbers typed into the console's form fields.
#pragma once

#include <optional>
#include <string>

namespace ankang::console {

// A whole number or a decimal, spaces around allowed; nothing else.
std::optional<double> form_number(std::string text);

}  // namespace ankang::console
