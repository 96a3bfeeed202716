// SPDX-License-Identifier: EUPL-1.2
// Every example in docs/regeltaal.md runs: a ```yaml block with a `# voorbeeld: NAAM` line is loaded
// as a rule file and run like `wegwijzer run`. A `# verwacht:` line starts the expected records (one
// per comment line); `# verwacht-fout:` the expected error lines (`voorbeeld.yaml:L:C: fout: ...`);
// `# verwacht-waarschuwing:` the warnings of a load that succeeds (an example without it has none);
// `# verwacht-overzicht:` what `wegwijzer run --firings --facts --agenda` writes after the run;
// `# invoer:` the lines read() and readline() read (standard input of `wegwijzer run`), one per
// comment line.
// `# verwacht-kosten:` the table of `wegwijzer run --kosten`.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "helpers.hpp"
#include "rules/cost_table.hpp"

namespace {

struct Example {
    std::string name;
    std::string yaml;
    std::vector<std::string> expected;
    std::vector<std::string> warnings;
    std::vector<std::string> summary;
    std::string input;
    bool has_input = false;
    std::vector<std::string> costs;
    bool expects_errors = false;
    bool has_expectation = false;
};

std::string strip_comment(const std::string& line) {
    std::size_t start = line.find('#');
    std::string rest = line.substr(start + 1);
    return rest.rfind(' ', 0) == 0 ? rest.substr(1) : rest;
}

std::vector<Example> examples() {
    std::ifstream in(std::string(WW_SOURCE_DIR) + "/docs/regeltaal.md");
    std::vector<Example> out;
    std::string line;
    bool in_block = false;
    Example current;
    enum class Part { yaml, expected, warnings, summary, input, costs } part = Part::yaml;
    while (std::getline(in, line)) {
        if (!in_block) {
            if (line.rfind("```yaml", 0) == 0) {
                in_block = true;
                current = Example{};
                part = Part::yaml;
            }
            continue;
        }
        if (line.rfind("```", 0) == 0) {
            in_block = false;
            if (!current.name.empty()) out.push_back(current);
            continue;
        }
        std::string trimmed = line.substr(std::min(line.find_first_not_of(' '), line.size()));
        if (trimmed.rfind("# voorbeeld:", 0) == 0) {
            current.name = strip_comment(trimmed).substr(std::string("voorbeeld:").size());
            current.name.erase(0, current.name.find_first_not_of(' '));
            current.yaml += "\n";  // keep line numbers equal to the block's
            continue;
        }
        if (trimmed == "# verwacht:" || trimmed == "# verwacht-fout:") {
            part = Part::expected;
            current.has_expectation = true;
            current.expects_errors = trimmed == "# verwacht-fout:";
            continue;
        }
        if (trimmed == "# verwacht-waarschuwing:") {
            part = Part::warnings;
            continue;
        }
        if (trimmed == "# verwacht-overzicht:") {
            part = Part::summary;
            continue;
        }
        if (trimmed == "# invoer:") {
            part = Part::input;
            current.has_input = true;
            continue;
        }
        if (part == Part::input) {
            if (trimmed.rfind("#", 0) == 0) current.input += strip_comment(trimmed) + "\n";
            continue;
        }
        if (trimmed == "# verwacht-kosten:") {
            part = Part::costs;
            continue;
        }
        if (part == Part::costs) {
            if (trimmed.rfind("#", 0) == 0) current.costs.push_back(strip_comment(trimmed));
            continue;
        }
        if (part == Part::summary) {
            if (trimmed.rfind("#", 0) == 0) current.summary.push_back(strip_comment(trimmed));
            continue;
        }
        if (part == Part::warnings) {
            if (trimmed.rfind("#", 0) == 0) current.warnings.push_back(strip_comment(trimmed));
            continue;
        }
        if (part == Part::expected) {
            if (trimmed.rfind("#", 0) == 0) current.expected.push_back(strip_comment(trimmed));
            continue;
        }
        current.yaml += line + "\n";
    }
    return out;
}

// gtest shows a parameter on failure; the example's name says which one.
void PrintTo(const Example& example, std::ostream* out) { *out << example.name; }

class DocsExample : public testing::TestWithParam<Example> {};

TEST_P(DocsExample, RunsAsDocumented) {
    const Example& ex = GetParam();
    if (ex.expects_errors) {
        EXPECT_EQ(ww::test::errors_of(ex.yaml, "voorbeeld.yaml"), ex.expected) << ex.yaml;
        return;
    }
    std::vector<std::string> warnings;
    try {
        const ww::RuleBase base = ww::test::load_text(ex.yaml, "voorbeeld.yaml");
        for (const auto& w : base.warnings().items()) {
            const std::string text = format(w);
            warnings.push_back(text.substr(0, text.find('\n')));
        }
    } catch (const ww::LoadError&) {
    }
    EXPECT_EQ(warnings, ex.warnings);
    std::vector<std::string> records;
    ASSERT_NO_THROW({
        try {
            records = ww::test::run_text(ex.yaml, "", ww::Strategy::depth, ex.has_input ? &ex.input : nullptr);
        } catch (const ww::LoadError& e) {
            std::ostringstream text;
            e.diagnostics.print(text);
            ADD_FAILURE() << text.str();
            throw;
        }
    });
    if (ex.has_expectation) {
        EXPECT_EQ(records, ex.expected);
    }
    if (!ex.summary.empty()) {
        ww::RunOutcome outcome = ww::run_rule_base(ww::test::load_text(ex.yaml), {}, ww::RunConfig{});
        std::vector<std::string> lines;
        std::istringstream text(ww::run_summary(outcome, true, true, true));
        for (std::string line; std::getline(text, line);) lines.push_back(line);
        EXPECT_EQ(lines, ex.summary);
    }
    if (!ex.costs.empty()) {
        ww::RunConfig config;
        config.profile = true;
        ww::RunOutcome outcome = ww::run_rule_base(ww::test::load_text(ex.yaml), {}, config);
        std::vector<std::string> lines;
        std::istringstream text(ww::cost_table(outcome.engine->profile(), false));
        for (std::string line; std::getline(text, line);) lines.push_back(line);
        EXPECT_EQ(lines, ex.costs);
    }
}

std::string test_name(const testing::TestParamInfo<Example>& info) {
    std::string name;
    for (char c : info.param.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Regeltaal, DocsExample, testing::ValuesIn(examples()), test_name);

TEST(DocsExamples, TheDocumentHasExamplesWithExpectations) {
    auto all = examples();
    EXPECT_GE(all.size(), 8u);
    std::size_t with_expectation = 0;
    for (const auto& e : all) with_expectation += e.has_expectation;
    EXPECT_GE(with_expectation, 6u);
}

}  // namespace
