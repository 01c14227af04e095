// Tests of HTML escaping: the five special characters, and everything else untouched.
#include "common/html_escape.h"

#include <gtest/gtest.h>

TEST(HtmlEscape, TheFiveSpecialCharactersBecomeReferences) {
    EXPECT_EQ(clue::htmlEscape(R"(<a href="x" title='y'>&</a>)"),
              "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(clue::htmlEscape("&amp;"), "&amp;amp;") << "already escaped text is escaped again";
}

TEST(HtmlEscape, OtherTextIsKept) {
    EXPECT_EQ(clue::htmlEscape(""), "");
    EXPECT_EQ(clue::htmlEscape("Sexual, 95% (n/a) \xc3\xa9\xe2\x86\x92"),
              "Sexual, 95% (n/a) \xc3\xa9\xe2\x86\x92");
}
