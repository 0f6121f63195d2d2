#!/bin/sh
# The spawner leaves when its listener is gone, even when the listener was
# SIGKILLed and could not close anything itself. It used to see POLLIN
# with POLLHUP on the request socket, read nothing, and poll again at
# once, forever: one core per killed server.
. "$E2E_DIR/lib.sh"

member alice
start_server
spawner=$(pgrep -P "$SERVER_PID" | head -n 1)
check "the listener has a spawner" [ -n "$spawner" ]
out=$(as alice whoami) || fail "whoami exit $?"
check "a command runs" [ "$out" = "alice member" ]

kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
check "the spawner exits within 5 seconds of the listener's death" \
	wait_until 5 sh -c "! kill -0 $spawner"
if kill -0 "$spawner" 2>/dev/null; then
	ticks=$(awk '{print $14 + $15}' "/proc/$spawner/stat")
	kill -KILL "$spawner"
	fail "the spawner is still there (cpu ticks $ticks)"
fi
