// Reading labels: UnsafeBench's layout and clue-sim's as they are, CSV quoting, configured columns
// and values, bad rows reported by line (skipped or failing the read), and the category map.
#include "eval/labels/category_map.h"
#include "eval/labels/csv_records.h"
#include "eval/labels/label_reader.h"
#include "tests/judge/plan_builder.h"

#include <gtest/gtest.h>

namespace clue::eval {
namespace {

namespace fs = std::filesystem;

const fs::path kJsonl = "/data/set/labels.jsonl";
const fs::path kCsv = "/data/set/labels.csv";

LabelSet read(const std::string& text, const fs::path& file, LabelOptions options = {}) {
    auto set = parseLabels(text, file, options);
    EXPECT_TRUE(set) << (set ? "" : set.error().message);
    return set ? std::move(set.value()) : LabelSet{};
}

LabelFailure fail(const std::string& text, const fs::path& file, LabelOptions options = {}) {
    auto set = parseLabels(text, file, options);
    EXPECT_FALSE(set);
    return set ? LabelFailure{} : set.error();
}

TEST(Labels, UnsafeBenchJsonlAsIs) {
    const LabelSet set =
        read("{\"image\": \"img/a.png\", \"safety_label\": \"Unsafe\", \"category\": \"Violence\", "
             "\"source\": \"Lexica\"}\n"
             "\n"
             "{\"image\": \"/abs/b.jpg\", \"safety_label\": \"Safe\", \"category\": \"Hate\", "
             "\"source\": \"Laion5B\", \"text\": \"ignored\"}\n",
             kJsonl);
    ASSERT_EQ(set.images.size(), 2u);
    EXPECT_EQ(set.images[0].path, "/data/set/img/a.png");
    EXPECT_EQ(set.images[0].given, "img/a.png");
    EXPECT_TRUE(set.images[0].unsafe);
    EXPECT_EQ(set.images[0].category, "Violence");
    EXPECT_EQ(set.images[0].source, "Lexica");
    EXPECT_EQ(set.images[0].line, 1u);
    EXPECT_EQ(set.images[1].path, "/abs/b.jpg");
    EXPECT_FALSE(set.images[1].unsafe);
    EXPECT_EQ(set.images[1].line, 3u);
    EXPECT_EQ(set.unsafeCount(), 1u);
}

TEST(Labels, ClueSimLabelsAsIs) {
    const LabelSet set =
        read("{\"path\": \"images/00001.png\", \"sha256\": \"ab\", \"label\": \"unsafe\", "
             "\"violated\": [\"r\"], \"category\": \"violence\", \"scenario\": \"unsafe\"}\n"
             "{\"path\": \"images/00002.png\", \"label\": \"safe\", \"violated\": [], "
             "\"category\": null, \"scenario\": \"safe\"}\n",
             kJsonl);
    ASSERT_EQ(set.images.size(), 2u);
    EXPECT_EQ(set.images[0].category, "violence");
    EXPECT_FALSE(set.images[1].category);
    EXPECT_FALSE(set.images[1].source);
}

TEST(Labels, CsvWithQuotesNewlinesCrlfAndABom) {
    const LabelSet set = read("\xEF\xBB\xBFimage,safety_label,category,source\r\n"
                              "\"a, b.png\",Unsafe,\"Self-harm\",Lexica\r\n"
                              "c.png,safe,,\r\n"
                              "\"d\"\"e.png\",UNSAFE,\"two\nlines\",x\n",
                              kCsv);
    ASSERT_EQ(set.images.size(), 3u);
    EXPECT_EQ(set.images[0].given, "a, b.png");
    EXPECT_EQ(set.images[0].line, 2u);
    EXPECT_FALSE(set.images[1].unsafe);
    EXPECT_FALSE(set.images[1].category) << "an empty field is no category";
    EXPECT_EQ(set.images[2].given, "d\"e.png");
    EXPECT_TRUE(set.images[2].unsafe) << "values compare without regard to case";
    EXPECT_EQ(set.images[2].category, "two\nlines");
    EXPECT_EQ(set.images[2].line, 4u);
}

TEST(Labels, ColumnsAndValuesAreConfigurable) {
    LabelOptions options;
    options.imageColumns = {"file"};
    options.labelColumns = {"nsfw"};
    options.categoryColumns = {"topic"};
    options.unsafeValues = {"yes"};
    options.safeValues = {"no"};
    const LabelSet set = read("{\"file\": \"a.png\", \"nsfw\": \"YES\", \"topic\": \"gore\"}\n"
                              "{\"file\": \"b.png\", \"nsfw\": \"no\"}\n",
                              kJsonl, options);
    ASSERT_EQ(set.images.size(), 2u);
    EXPECT_TRUE(set.images[0].unsafe);
    EXPECT_EQ(set.images[0].category, "gore");
    options.format = LabelFormat::Csv;
    EXPECT_EQ(read("file,nsfw\nc.png,yes\n", "labels.txt", options).images.size(), 1u);
}

TEST(Labels, JsonBooleansAndNumbersAreReadByTheirText) {
    const LabelSet set = read("{\"image\": \"a.png\", \"safety_label\": true}\n"
                              "{\"image\": \"b.png\", \"safety_label\": 0}\n",
                              kJsonl);
    ASSERT_EQ(set.images.size(), 2u);
    EXPECT_TRUE(set.images[0].unsafe);
    EXPECT_FALSE(set.images[1].unsafe);
}

const std::string kBadRows =
    "{\"image\": \"a.png\", \"safety_label\": \"Unsafe\"}\n"
    "not json\n"
    "{\"image\": \"b.png\", \"safety_label\": \"maybe\"}\n"
    "{\"safety_label\": \"Safe\"}\n"
    "{\"image\": 7, \"safety_label\": \"Safe\"}\n"
    "{\"image\": \"a.png\", \"safety_label\": \"Safe\"}\n"
    "{\"image\": \"c.png\", \"safety_label\": \"Safe\", \"category\": [1]}\n"
    "[1, 2]\n"
    "{\"image\": \"d.png\", \"safety_label\": \"Safe\"}\n";

TEST(Labels, BadRowsFailTheReadByDefaultAndAreAllReportedByLine) {
    const LabelFailure failure = fail(kBadRows, kJsonl);
    ASSERT_EQ(failure.rows.size(), 7u) << failure.message;
    std::vector<std::size_t> lines;
    for (const LabelProblem& p : failure.rows) {
        lines.push_back(p.line);
    }
    EXPECT_EQ(lines, (std::vector<std::size_t>{2, 3, 4, 5, 6, 7, 8}));
    EXPECT_EQ(failure.rows[0].message, "not a JSON object");
    EXPECT_NE(failure.rows[1].message.find("label 'maybe' in 'safety_label' is neither"),
              std::string::npos)
        << failure.rows[1].message;
    EXPECT_NE(failure.rows[2].message.find("no image path"), std::string::npos);
    EXPECT_NE(failure.rows[4].message.find("already labelled on line 1"), std::string::npos);
    EXPECT_NE(failure.rows[5].message.find("'category' must be a short string"), std::string::npos);
}

TEST(Labels, BadRowsAreSkippedOnRequestAndListed) {
    LabelOptions options;
    options.badRows = BadRows::Skip;
    const LabelSet set = read(kBadRows, kJsonl, options);
    ASSERT_EQ(set.images.size(), 2u);
    EXPECT_EQ(set.images[1].given, "d.png");
    EXPECT_EQ(set.skipped.size(), 7u);
    EXPECT_EQ(set.skipped.front().line, 2u);
}

TEST(Labels, CsvRowsOfTheWrongWidthAndUnclosedQuotes) {
    LabelOptions options;
    options.badRows = BadRows::Skip;
    const LabelSet set = read("image,safety_label\n"
                              "a.png,Safe\n"
                              "b.png,Safe,extra\n"
                              "\"c.png\"x,Safe\n"
                              "\"d.png,Safe\n",
                              kCsv, options);
    ASSERT_EQ(set.images.size(), 1u);
    ASSERT_EQ(set.skipped.size(), 3u);
    EXPECT_EQ(set.skipped[0].line, 3u);
    EXPECT_EQ(set.skipped[0].message, "3 fields where the header has 2");
    EXPECT_EQ(set.skipped[1].line, 4u);
    EXPECT_EQ(set.skipped[2].line, 5u);
    EXPECT_NE(set.skipped[2].message.find("not closed"), std::string::npos);
}

TEST(Labels, FileLevelProblems) {
    EXPECT_NE(fail("", kJsonl).message.find("no labelled image"), std::string::npos);
    EXPECT_NE(fail("file,verdict\na.png,safe\n", kCsv).message.find("no column 'image' or 'path'"),
              std::string::npos);
    EXPECT_NE(fail("image,x\na.png,safe\n", kCsv).message.find("'safety_label' or 'label'"),
              std::string::npos);
    auto missing = readLabels("/nonexistent/labels.jsonl", {});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("cannot read"), std::string::npos);
}

TEST(CsvRecords, SplitsFieldsAndKeepsLineNumbers) {
    CsvRecords records("a,b\n\n\"x\ny\",\"\"\"q\"\"\"\nlast");
    CsvRecord r;
    ASSERT_TRUE(records.next(r));
    EXPECT_EQ(r.fields, (std::vector<std::string>{"a", "b"}));
    ASSERT_TRUE(records.next(r));
    EXPECT_EQ(r.line, 3u);
    EXPECT_EQ(r.fields, (std::vector<std::string>{"x\ny", "\"q\""}));
    ASSERT_TRUE(records.next(r));
    EXPECT_EQ(r.line, 5u);
    EXPECT_EQ(r.fields, (std::vector<std::string>{"last"}));
    EXPECT_FALSE(records.next(r));
}

class CategoryMapTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::PlanBuilder b;
        b.rule("gore", b.pred("blood is visible"));
        b.rule("nudity", b.pred("a nude body is visible"));
        b.rule("violence", b.pred("a weapon is visible")); // a rule named like a category
        plan_ = b.build();
        plan_.rules[0].category = "violence";
        plan_.rules[1].category = "sexual";
        plan_.categories = {{"violence", "Violence"}, {"sexual", "Sexual"}};
    }
    plan::Plan plan_;
};

TEST_F(CategoryMapTest, NamesResolveToCategoriesAndRules) {
    auto map = CategoryMap::parse("Violence: category:violence\n"
                                  "Shocking: [gore, rule:violence]\n"
                                  "Sexual: sexual\n"
                                  "Spam: []\n",
                                  "map.yaml", plan_);
    ASSERT_TRUE(map) << map.error();
    const CategoryTarget* shocking = map->find("Shocking");
    ASSERT_NE(shocking, nullptr);
    EXPECT_EQ(shocking->rules, (std::set<std::string>{"gore", "violence"}));
    EXPECT_TRUE(map->coversCategory(*shocking, "violence")) << "gore is a violence rule";
    EXPECT_FALSE(map->coversCategory(*shocking, "sexual"));
    EXPECT_TRUE(CategoryMap::coversRule(*shocking, "gore"));
    EXPECT_FALSE(CategoryMap::coversRule(*map->find("Violence"), "gore"))
        << "a category says nothing about one of its rules";
    EXPECT_TRUE(map->find("Spam")->empty());
    EXPECT_EQ(map->find("Hate"), nullptr) << "unmapped";
}

TEST_F(CategoryMapTest, MistakesAreLocated) {
    auto error = [&](const std::string& yaml) {
        auto map = CategoryMap::parse(yaml, "map.yaml", plan_);
        EXPECT_FALSE(map);
        return map ? std::string() : map.error();
    };
    EXPECT_EQ(error("A: violence\n"),
              "map.yaml:1:4: 'violence' is both a category and a rule of the plan: write "
              "'category:violence' or 'rule:violence'");
    EXPECT_EQ(error("A: gore\nB: [nudity, arson]\n"),
              "map.yaml:2:13: 'arson' is no category or rule of the plan");
    EXPECT_EQ(error("A: gore\nA: nudity\n"), "map.yaml:2:1: dataset category 'A' is given twice");
    EXPECT_EQ(error("A: {x: 1}\n"),
              "map.yaml:1:4: expected a category or rule name, or a list of them");
    EXPECT_EQ(error("- a\n"),
              "map.yaml: the category map must be a mapping of dataset categories to names");
    EXPECT_EQ(error("A: rule:sexual\n"), "map.yaml:1:4: 'rule:sexual' is no rule of the plan");
}

TEST_F(CategoryMapTest, WithoutAFileIdsMapToThemselves) {
    const CategoryMap map = CategoryMap::identity(plan_);
    ASSERT_NE(map.find("sexual"), nullptr);
    EXPECT_EQ(map.find("sexual")->categories, (std::set<std::string>{"sexual"}));
    EXPECT_EQ(map.find("gore")->rules, (std::set<std::string>{"gore"}));
    EXPECT_EQ(map.find("violence")->categories, (std::set<std::string>{"violence"}))
        << "a category wins over a rule of the same id";
    EXPECT_EQ(map.find("Violence"), nullptr) << "names are compared exactly";
}

} // namespace
} // namespace clue::eval
