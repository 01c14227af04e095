#!/bin/sh
# Checks that each stage includes only the stages below it: common < plan < compiler < lsp,
# runtime < eval, serve, and cli above all of them.
# The compiler and the runtime meet only through the plan. Prints every offending include.
set -u
root=${1:-.}
status=0
check() { # check FOLDER ALLOWED-PREFIXES...
    folder=$1; shift
    allowed=$(printf '%s|' "$@")
    bad=$(grep -rnE '#include "[a-z_]+/' "$root/$folder" --include='*.h' --include='*.cpp' |
          grep -vE "#include \"(${allowed%|})/")
    if [ -n "$bad" ]; then
        printf '%s may include only %s:\n%s\n' "$folder/" "$*" "$bad"
        status=1
    fi
}
check common common
check plan common plan
check compiler common plan compiler
check runtime common plan runtime
check eval common plan runtime eval
check serve common plan runtime serve
check lsp common plan compiler lsp
exit $status
