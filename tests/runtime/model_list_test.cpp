// The preflight's model list: vLLM's and OpenAI's shape read, other shapes refused, and a model
// the server does not serve named with the closest id it does.
#include "runtime/backend/model_list.h"

#include <gtest/gtest.h>

using namespace clue::runtime;

namespace {

TEST(ModelList, ReadsTheIdsInTheServersOrder) {
    auto ids = parseModelList(R"({"object": "list", "data": [
        {"id": "llava-hf/llava-1.5-7b-hf", "object": "model", "max_model_len": 4096},
        {"id": "clue-sim", "object": "model"}, {"object": "model"}]})");
    ASSERT_TRUE(ids);
    EXPECT_EQ(ids.value(), (std::vector<std::string>{"llava-hf/llava-1.5-7b-hf", "clue-sim"}));
}

TEST(ModelList, RefusesWhatIsNotAList) {
    for (const char* body :
         {"", "<html>Not Found</html>", "[]", R"({"data": {}})", R"({"x": 1})"}) {
        auto ids = parseModelList(body);
        ASSERT_FALSE(ids) << body;
        EXPECT_EQ(ids.error().kind, BackendErrorKind::MalformedResponse);
    }
}

TEST(ModelList, AServedModelPasses) {
    EXPECT_FALSE(modelNotServed({"a", "clue-sim"}, "clue-sim", "http://h/v1"));
}

TEST(ModelList, AMisspelledModelGetsADidYouMean) {
    auto problem = modelNotServed({"llava-1.5", "clue-sim"}, "clue-sin", "http://h/v1");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->kind, BackendErrorKind::ModelNotServed);
    EXPECT_EQ(problem->message, "the server at http://h/v1 does not serve the model 'clue-sin': "
                                "did you mean 'clue-sim'? It serves 'llava-1.5', 'clue-sim' "
                                "(--model)");
}

TEST(ModelList, AnUnrelatedModelGetsTheServedList) {
    auto problem = modelNotServed({"clue-sim"}, "gpt-4o", "http://h/v1");
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->message,
              "the server at http://h/v1 does not serve the model 'gpt-4o'; it serves "
              "'clue-sim' (--model)");
    auto empty = modelNotServed({}, "gpt-4o", "http://h/v1");
    ASSERT_TRUE(empty);
    EXPECT_NE(empty->message.find("its model list is empty"), std::string::npos);
}

} // namespace
