// Tests of clue.yaml loading (common/project_config) and the runtime's `backend` section with its
// environment overrides.
#include "runtime/config/backend_config.h"

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <map>

using namespace std::chrono_literals;
using namespace clue::runtime;
using clue::ConfigIssue;
using clue::ProjectConfig;

namespace {

EnvironmentLookup environmentOf(std::map<std::string, std::string> variables) {
    return [variables](const std::string& name) -> std::optional<std::string> {
        auto it = variables.find(name);
        return it == variables.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

struct Loaded {
    BackendConfig config;
    std::vector<ConfigIssue> issues;
    std::string report() const {
        std::string out;
        for (const auto& issue : issues) {
            out += issue.format() + "\n";
        }
        return out;
    }
};

Loaded load(const std::string& yaml, std::map<std::string, std::string> environment = {}) {
    Loaded loaded;
    const ProjectConfig project = ProjectConfig::parse(yaml, "clue.yaml", loaded.issues);
    loaded.config =
        loadBackendConfig(project, environmentOf(std::move(environment)), loaded.issues);
    return loaded;
}

} // namespace

TEST(BackendConfig, DefaultsWithoutASettingsFile) {
    std::vector<ConfigIssue> issues;
    const BackendConfig config = loadBackendConfig(ProjectConfig(), environmentOf({}), issues);
    EXPECT_TRUE(issues.empty());
    EXPECT_EQ(config.endpoint, "http://127.0.0.1:8000/v1");
    EXPECT_EQ(config.topLogprobs, 20);
    EXPECT_EQ(config.concurrency, 16);
    EXPECT_EQ(config.retry.maxAttempts, 4);
    EXPECT_EQ(config.missingSetting(),
              "no model is set: set backend.model in clue.yaml or CLUE_MODEL");
}

// A CR or LF in CLUE_API_KEY injected an HTTP header. The key is refused, and never shown.
TEST(BackendConfig, RefusesControlCharactersInTheKeyAndTheEndpoint) {
    Loaded loaded =
        load("backend:\n  model: m\n", {{"CLUE_API_KEY", "sk-SECRET\r\nX-Injected: 1"}});
    ASSERT_EQ(loaded.issues.size(), 1u) << loaded.report();
    EXPECT_EQ(loaded.issues[0].severity, ConfigIssue::Severity::Error);
    EXPECT_EQ(loaded.issues[0].message,
              "CLUE_API_KEY holds a control character (at byte 9): a line break in an API key "
              "would add HTTP headers; it is refused and nothing is sent");
    EXPECT_EQ(loaded.report().find("SECRET"), std::string::npos);
    EXPECT_TRUE(loaded.config.apiKey.empty());

    loaded = load("backend:\n  model: m\n  api_key_env: MY_KEY\n", {{"MY_KEY", "k\tk"}});
    ASSERT_EQ(loaded.issues.size(), 1u) << loaded.report();
    EXPECT_NE(loaded.issues[0].message.find("MY_KEY holds a control character (at byte 1)"),
              std::string::npos);

    loaded = load("backend:\n  model: m\n", {{"CLUE_ENDPOINT", "http://h/v1\r\nX: 1"}});
    ASSERT_EQ(loaded.issues.size(), 1u) << loaded.report();
    EXPECT_EQ(loaded.config.endpoint, "http://127.0.0.1:8000/v1");

    BackendConfig config; // as command-line flags could leave it
    config.model = "m";
    config.apiKey = "a\nb";
    EXPECT_EQ(config.unsafeSetting(),
              "the API key holds a control character (at byte 1): a line break in an API key "
              "would add HTTP headers; it is refused and nothing is sent");
    config.apiKey = "ab";
    config.endpoint = "http://h/\n";
    EXPECT_TRUE(config.unsafeSetting());
    config.endpoint = "http://h/";
    EXPECT_FALSE(config.unsafeSetting());
}

TEST(BackendConfig, ReadsEveryKeyOfTheBackendSection) {
    const Loaded loaded = load(R"(
backend:
  endpoint: https://vlm.example.org/v1
  model: OpenGVLab/InternVL2-8B
  api_key_env: VLM_KEY
  top_logprobs: 10
  concurrency: 32
  max_connections: 8
  timeouts:
    connect_s: 2.5
    request_s: 60
  retries:
    max_attempts: 6
    backoff_base_ms: 100
    backoff_max_ms: 2000
    retry_after_cap_s: 30
)",
                               {{"VLM_KEY", "sk-from-env"}});
    ASSERT_TRUE(loaded.issues.empty()) << loaded.report();
    const BackendConfig& config = loaded.config;
    EXPECT_EQ(config.endpoint, "https://vlm.example.org/v1");
    EXPECT_EQ(config.model, "OpenGVLab/InternVL2-8B");
    EXPECT_EQ(config.apiKeyEnv, "VLM_KEY");
    EXPECT_EQ(config.apiKey, "sk-from-env");
    EXPECT_EQ(config.topLogprobs, 10);
    EXPECT_EQ(config.concurrency, 32);
    EXPECT_EQ(config.connectTimeout, 2500ms);
    EXPECT_EQ(config.requestTimeout, 60s);
    EXPECT_EQ(config.retry.maxAttempts, 6);
    EXPECT_EQ(config.retry.baseDelay, 100ms);
    EXPECT_EQ(config.retry.maxDelay, 2000ms);
    EXPECT_EQ(config.retry.retryAfterCap, 30s);
    EXPECT_FALSE(config.missingSetting());

    const HttpClientOptions http = config.httpClientOptions();
    EXPECT_EQ(http.maxInFlight, 32u);
    EXPECT_EQ(http.maxHostConnections, 8);
    EXPECT_EQ(http.connectTimeout, 2500ms);
    EXPECT_EQ(http.totalTimeout, 60s);
    EXPECT_EQ(http.retry.maxAttempts, 6);
    const OpenAiBackendOptions backend = config.backendOptions();
    EXPECT_EQ(backend.endpoint, "https://vlm.example.org/v1");
    EXPECT_EQ(backend.model, "OpenGVLab/InternVL2-8B");
    EXPECT_EQ(backend.apiKey, "sk-from-env");
    EXPECT_EQ(backend.topLogprobs, 10);
}

TEST(BackendConfig, TheEnvironmentTakesOverTheFile) {
    const Loaded loaded = load("backend:\n  endpoint: http://a:1/v1\n  model: file-model\n"
                               "  api_key_env: VLM_KEY\n",
                               {{"CLUE_ENDPOINT", "http://b:2/v1"},
                                {"CLUE_MODEL", "env-model"},
                                {"CLUE_API_KEY", "sk-clue"},
                                {"VLM_KEY", "sk-named"}});
    ASSERT_TRUE(loaded.issues.empty()) << loaded.report();
    EXPECT_EQ(loaded.config.endpoint, "http://b:2/v1");
    EXPECT_EQ(loaded.config.model, "env-model");
    EXPECT_EQ(loaded.config.apiKey, "sk-clue");
}

TEST(BackendConfig, AnUnsetKeyVariableIsAWarning) {
    const Loaded loaded = load("backend:\n  model: m\n  api_key_env: VLM_KEY\n");
    ASSERT_EQ(loaded.issues.size(), 1u) << loaded.report();
    EXPECT_EQ(loaded.issues[0].format(),
              "clue.yaml:3:3: warning: backend.api_key_env: names VLM_KEY, which is not set: "
              "requests go without an API key");
    EXPECT_TRUE(loaded.config.apiKey.empty());
}

TEST(BackendConfig, AnApiKeyInTheFileIsRefused) {
    const Loaded loaded = load("backend:\n  model: m\n  api_key: sk-oops\n");
    ASSERT_EQ(loaded.issues.size(), 1u) << loaded.report();
    ASSERT_TRUE(clue::hasErrors(loaded.issues));
    EXPECT_NE(loaded.report().find("clue.yaml:3:3: error: backend.api_key: API keys do not belong "
                                   "in a settings file"),
              std::string::npos)
        << loaded.report();
    EXPECT_TRUE(loaded.config.apiKey.empty());
    EXPECT_EQ(loaded.report().find("sk-oops"), std::string::npos);
}

TEST(BackendConfig, UnknownKeysAreWarnedAboutWithTheirLine) {
    const Loaded loaded = load("backend:\n  model: m\n  concurency: 8\n  timeouts:\n"
                               "    connect: 5\n    colour: red\n");
    ASSERT_EQ(loaded.issues.size(), 3u) << loaded.report();
    EXPECT_EQ(loaded.issues[0].severity, ConfigIssue::Severity::Warning);
    EXPECT_EQ(loaded.issues[0].line, 3);
    EXPECT_EQ(loaded.issues[0].message,
              "unknown key 'concurency' in backend; did you mean 'concurrency'?");
    EXPECT_EQ(loaded.issues[1].line, 5);
    EXPECT_EQ(loaded.issues[1].message,
              "unknown key 'connect' in backend.timeouts; did you mean 'connect_s'?");
    EXPECT_EQ(loaded.issues[2].line, 6);
    EXPECT_EQ(loaded.issues[2].message,
              "unknown key 'colour' in backend.timeouts (known: connect_s, request_s)");
    EXPECT_EQ(loaded.config.concurrency, 16);
}

TEST(BackendConfig, WrongTypesAndRangesAreErrorsThatKeepTheDefault) {
    const Loaded loaded = load("backend:\n  top_logprobs: 50\n  concurrency: many\n"
                               "  endpoint: 127.0.0.1:8000\n  retries:\n    max_attempts: 0\n"
                               "  timeouts: [1, 2]\n  model: [a]\n");
    EXPECT_EQ(loaded.issues.size(), 6u) << loaded.report();
    const std::string report = loaded.report();
    EXPECT_NE(report.find("clue.yaml:2:3: error: backend.top_logprobs: must be between 1 and 20, "
                          "not 50"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find(":3:3: error: backend.concurrency: must be a whole number"),
              std::string::npos);
    EXPECT_NE(report.find(":4:3: error: backend.endpoint: must be an http:// or https:// URL"),
              std::string::npos);
    EXPECT_NE(report.find(":6:5: error: backend.retries.max_attempts: must be between 1 and 20"),
              std::string::npos);
    EXPECT_NE(report.find("error: backend.timeouts must be a mapping of keys"), std::string::npos);
    EXPECT_NE(report.find(":8:3: error: backend.model: must be a string"), std::string::npos);
    EXPECT_EQ(loaded.config.topLogprobs, 20);
    EXPECT_EQ(loaded.config.endpoint, "http://127.0.0.1:8000/v1");
}

TEST(BackendConfig, ABadEndpointInTheEnvironmentIsAnError) {
    const Loaded loaded = load("", {{"CLUE_ENDPOINT", "localhost:8000"}});
    ASSERT_EQ(loaded.issues.size(), 1u);
    EXPECT_EQ(loaded.issues[0].format(),
              "environment: error: CLUE_ENDPOINT must be an http:// or https:// URL");
}

TEST(BackendConfig, OtherSectionsAreLeftToTheirOwners) {
    const Loaded loaded = load("lint:\n  rules: {L101: off}\nsomething_new: 3\n"
                               "backend:\n  model: m\n");
    EXPECT_TRUE(loaded.issues.empty()) << loaded.report();
    EXPECT_EQ(loaded.config.model, "m");
}

TEST(ProjectConfig, ReportsYamlSyntaxErrorsWithTheirLine) {
    std::vector<ConfigIssue> issues;
    ProjectConfig::parse("backend:\n  model: m\n  bad: [1, 2\n", "clue.yaml", issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].severity, ConfigIssue::Severity::Error);
    EXPECT_GT(issues[0].line, 0);
    EXPECT_NE(issues[0].format().find("clue.yaml:"), std::string::npos);
    EXPECT_NE(issues[0].message.find("invalid YAML"), std::string::npos);
}

// yaml-cpp keeps both copies and its lookups take the first: the second would be ignored.
TEST(ProjectConfig, RefusesAKeyTwice) {
    std::vector<ConfigIssue> issues;
    ProjectConfig::parse("backend:\n  model: m\n  endpoint: http://a/v1\n  model: n\n", "clue.yaml",
                         issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].format(), "clue.yaml:4:3: error: invalid YAML: duplicate key 'model': "
                                  "each key may appear once in a mapping");
}

TEST(ProjectConfig, TheRootMustBeAMapping) {
    std::vector<ConfigIssue> issues;
    const ProjectConfig config = ProjectConfig::parse("- backend\n", "clue.yaml", issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_NE(issues[0].message.find("must be a mapping"), std::string::npos);
    EXPECT_TRUE(config.section("backend").IsNull());
    issues.clear();
    ProjectConfig::parse("", "clue.yaml", issues); // an empty file is fine
    EXPECT_TRUE(issues.empty());
}

TEST(ProjectConfig, LoadsAFileAndFindsItFromASubdirectory) {
    clue::test::TempDir dir;
    const auto file = dir.write("clue.yaml", "backend:\n  model: from-file\n");
    std::filesystem::create_directories(dir / "rules/std");
    EXPECT_EQ(ProjectConfig::find(dir / "rules/std"), file);
    std::vector<ConfigIssue> issues;
    const ProjectConfig project = ProjectConfig::load(file, issues);
    EXPECT_TRUE(issues.empty());
    EXPECT_EQ(project.file(), file.string());
    EXPECT_EQ(loadBackendConfig(project, environmentOf({}), issues).model, "from-file");

    ProjectConfig::load(dir / "absent.yaml", issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_NE(issues[0].format().find(
                  "absent.yaml: error: cannot read the settings file: No such file or directory"),
              std::string::npos);
}
