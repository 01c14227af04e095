#!/bin/sh
# Checks that .ci/run runs exactly the README's test command (the shell block after "Build and
# run every test"), and that the set-up and test commands configure alike, so that the second
# reuses the first one's build.
set -u
root=${1:-.}
readme_test=$(awk '/^Build and run every test/ {found=1} found && /^```sh$/ {getline; print; exit}' \
              "$root/README.md")
readme_setup=$(awk '/^```sh$/ {getline; print; exit}' "$root/README.md")
ci_test=$(grep -E '^cmake ' "$root/.ci/run")
status=0
if [ -z "$readme_test" ] || [ "$readme_test" != "$ci_test" ]; then
    printf '.ci/run runs:\n  %s\nbut the README says:\n  %s\n' "$ci_test" "$readme_test"
    status=1
fi
configure() { printf '%s\n' "$1" | grep -oE 'cmake -S [^&]*' | sed 's/ *$//'; }
if [ "$(configure "$readme_setup")" != "$(configure "$readme_test")" ]; then
    printf 'the set-up configures with:\n  %s\nand the test command with:\n  %s\n' \
        "$(configure "$readme_setup")" "$(configure "$readme_test")"
    status=1
fi
exit $status
