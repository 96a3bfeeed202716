#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Usage errors come out in Dutch, in the program's own 'wegwijzer: fout:' form, with exit status 2.
# $1: the wegwijzer program.
ww=$1
fail=0
check() {  # check EXPECTED-SUBSTRING ARGS...
    expected=$1
    shift
    err=$("$ww" "$@" 2>&1 >/dev/null)
    status=$?
    if [ "$status" -ne 2 ]; then echo "FOUT: '$*' gaf status $status, verwacht 2"; fail=1; fi
    case "$err" in
        *"wegwijzer: fout: $expected"*) ;;
        *) echo "FOUT: '$*' gaf: $err (verwacht: $expected)"; fail=1 ;;
    esac
    case "$err" in
        *" is required"*|*"not expected"*|*"not in {"*|*"Could not convert"*) echo "FOUT: Engels in: $err"; fail=1 ;;
    esac
}
check "geef een opdracht"
check "PROFIEL ontbreekt" advies
check "--format: 'xml' is geen van" advies x.yaml --format xml
check "onverwacht argument: --onbekend" advies x.yaml --onbekend
check "onbekende opdracht 'bestaat-niet'" bestaat-niet
[ $fail -eq 0 ] && echo "5 passed, 0 failed"
exit $fail
