// SPDX-License-Identifier: EUPL-1.2
// Values interpolated into the markdown report cannot turn into markup: no heading, list, link,
// raw HTML, emphasis or table cell, and no way out of a code span.
#include <gtest/gtest.h>

#include "advies/markdown_tekst.hpp"

namespace ww::advies {
namespace {

TEST(MarkdownTekst, PunctuationThatOpensMarkupIsEscaped) {
    EXPECT_EQ(md_tekst("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
    EXPECT_EQ(md_tekst("[klik](javascript:alert(1))"), "\\[klik\\](javascript:alert(1))");
    EXPECT_EQ(md_tekst("*vet* _schuin_ `code` ~weg~ a|b"), "\\*vet\\* \\_schuin\\_ \\`code\\` \\~weg\\~ a\\|b");
    EXPECT_EQ(md_tekst("![plaatje](x.png)"), "\\!\\[plaatje\\](x.png)");
    EXPECT_EQ(md_tekst("a\\b &amp;"), "a\\\\b \\&amp;");
}

TEST(MarkdownTekst, NoNewBlockCanStart) {
    EXPECT_EQ(md_tekst("# Kop"), "\\# Kop");
    EXPECT_EQ(md_tekst("Zeist\n## Nu doen: niets"), "Zeist \\#\\# Nu doen: niets");
    EXPECT_EQ(md_tekst("- item"), "\\- item");
    EXPECT_EQ(md_tekst("+ item"), "\\+ item");
    EXPECT_EQ(md_tekst("> citaat"), "\\> citaat");
    EXPECT_EQ(md_tekst("12. punt"), "12\\. punt");
    EXPECT_EQ(md_tekst("3) punt"), "3\\) punt");
    EXPECT_EQ(md_tekst("===="), "\\====");
    EXPECT_EQ(md_tekst("a\r\nb"), "a  b");
    // Ordinary Dutch text stays as it is.
    EXPECT_EQ(md_tekst("Wijk Noord-Oost (2024): 3 van de 5 vragen."), "Wijk Noord-Oost (2024): 3 van de 5 vragen.");
}

TEST(MarkdownTekst, CodeSpansHoldAnyText) {
    EXPECT_EQ(md_code("drijfveer.bepalen"), "`drijfveer.bepalen`");
    EXPECT_EQ(md_code("a`b"), "``a`b``");
    EXPECT_EQ(md_code("``x``"), "``` ``x`` ```");
    EXPECT_EQ(md_code("`"), "`` ` ``");
    EXPECT_EQ(md_code("a\nb"), "`a b`");
}

}  // namespace
}  // namespace ww::advies
