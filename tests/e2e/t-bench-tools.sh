#!/bin/sh
# scripts/bench is no test and CI never runs it, so this keeps its tools
# fitting the board: the loadgen reaches bbs's first screen by the marker
# tests/bench/lib.sh names (the moderation UI once changed the bottom bar
# and every benchmark connection then waited in vain), and the screen
# sshd runs in the comparison draws the same text. No timing is checked.
. "$E2E_DIR/lib.sh"

member alice
start_server

marker=$(sed -n "s/^MARKER='\(.*\)'\$/\1/p" "$E2E_DIR/../bench/lib.sh")
check "tests/bench/lib.sh names the first screen's marker" [ -n "$marker" ]
"$LOADGEN" -p "$PORT" -i "$T/alice" -m "$marker" -c 1 -n 3 >"$T/load" 2>&1
check "the loadgen finds the marker on bbs's first screen, 3 of 3" \
	grep -q ' ok=3 failed=0 ' "$T/load"
check "the screen sshd runs in the comparison ends with the same text" \
	grep -q "\"$marker\"" "$E2E_DIR/../bench/screen.c"
stop_server
