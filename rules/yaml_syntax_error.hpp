// SPDX-License-Identifier: EUPL-1.2
// A YAML syntax error in Dutch at the place a person would fix it: a tab in the indentation, a key
// without its colon, a quote or bracket that is never closed. yaml-cpp notices these only later in the
// text (the next key, the end of the file) and says so in English; this finds the cause from the text
// around where it stopped. Every reader of YAML in the program reports its syntax errors through it
// (profiles, rule and fact files, scenario files), so that none answers a Dutch user in English.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/mark.h>

namespace ww {

struct YamlSyntaxError {
    YAML::Mark mark;
    std::string message;  // Dutch, starting "ongeldige YAML: "
};

// The message and place for yaml-cpp's error `message` at `mark` in `text` (YAML::Exception's msg and
// mark). Example: explain_yaml_error("a: {b: 1\n", e.mark, e.msg) names the { on line 1 that is not closed.
YamlSyntaxError explain_yaml_error(std::string_view text, const YAML::Mark& mark, const std::string& message);

// A quote in `text` that is never closed, where a scalar can start; nothing when every quote is closed.
// yaml-cpp reads such a quote as a text running to the end of the file and accepts the document, so a
// reader asks this when the last scalar it read is quoted.
std::optional<YamlSyntaxError> unclosed_quote(std::string_view text);

}  // namespace ww
