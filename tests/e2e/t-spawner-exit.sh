#!/bin/sh
# No process outlives its server: the spawner ends when the listener goes,
# whether the listener stopped cleanly (SIGTERM) or was killed (SIGKILL, as
# a failed test's cleanup does). A spawner once spun forever on the closed
# request socket instead.
. "$E2E_DIR/lib.sh"

member alice

# Processes whose command line names this test's data directory (the
# bracket keeps the pattern from matching the shell that runs pgrep).
gone() {
	! pgrep -f -- "serve .*--data $T/dat[a]" >/dev/null
}

start_server
out=$(as alice whoami </dev/null) || fail "whoami exit $?"
check "the server serves" [ "$out" = "alice member" ]
stop_server
check "nothing is left after a clean stop" wait_until 5 gone

start_server
as alice whoami </dev/null >/dev/null || fail "whoami exit $?"
kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
check "nothing is left after the listener is killed" wait_until 5 gone
