// The route table.
#include "serve/routes.h"

#include <algorithm>
#include <array>

namespace clue::serve {
namespace {

struct RouteEntry {
    std::string_view path;
    Route route;
    std::string_view allow;
};

constexpr std::array<RouteEntry, 6> kRoutes = {{
    {"/v1/judge", Route::Judge, "POST"},
    {"/v1/judge/batch", Route::JudgeBatch, "POST"},
    {"/v1/plan", Route::Plan, "GET, PUT"},
    {"/healthz", Route::Healthz, "GET"},
    {"/readyz", Route::Readyz, "GET"},
    {"/metrics", Route::Metrics, "GET"},
}};

bool allowed(std::string_view allow, std::string_view method) {
    for (std::size_t at = 0; at < allow.size();) {
        const auto comma = std::min(allow.find(", ", at), allow.size());
        if (allow.substr(at, comma - at) == method) {
            return true;
        }
        at = comma + 2;
    }
    return false;
}

} // namespace

RouteMatch matchRoute(std::string_view method, std::string_view path) {
    for (const RouteEntry& entry : kRoutes) {
        if (entry.path == path) {
            return {entry.route, allowed(entry.allow, method), entry.allow};
        }
    }
    return {};
}

std::string routeLabel(Route route) {
    for (const RouteEntry& entry : kRoutes) {
        if (entry.route == route) {
            return std::string(entry.path);
        }
    }
    return "other";
}

bool needsToken(Route route) {
    return route != Route::Healthz;
}

} // namespace clue::serve
