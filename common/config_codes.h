// The stable codes of settings problems (clue.yaml, the environment, flags that name settings);
// docs/diagnostics.md explains each one. They share the namespace of the compiler's codes
// (compiler/diag/diagnostic_codes.h) and take the range E090-E099, W090-W099.
#pragma once

namespace clue::code {

inline constexpr const char* ConfigUnreadable = "E090";   // the settings file cannot be read
inline constexpr const char* ConfigMalformed = "E091";    // not YAML, or not a mapping
inline constexpr const char* ConfigInvalidValue = "E092"; // a value of the wrong type or range
inline constexpr const char* ConfigEnvironment = "E093";  // an environment variable or a flag
inline constexpr const char* ConfigUnknownKey = "W090";   // a key or name nothing reads
inline constexpr const char* ConfigDoubtful = "W091";     // a setting that works, not as meant

} // namespace clue::code
