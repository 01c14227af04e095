// The routes of the API (docs/cli/serve.md, docs/serve.openapi.json) and what each allows.
#pragma once

#include <string>
#include <string_view>

namespace clue::serve {

enum class Route { Judge, JudgeBatch, Plan, Healthz, Readyz, Metrics, Unknown };

struct RouteMatch {
    Route route = Route::Unknown;
    bool methodAllowed = false;
    std::string_view allow; // the Allow header of a 405
};

RouteMatch matchRoute(std::string_view method, std::string_view path);

// The route as a metrics label: its path, or "other" for an unknown one (never the raw path,
// which a client chooses).
std::string routeLabel(Route route);

// Whether the route needs a bearer token when tokens are configured (all but /healthz).
bool needsToken(Route route);

} // namespace clue::serve
