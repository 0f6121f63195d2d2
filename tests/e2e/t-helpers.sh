#!/bin/sh
# The listener's helpers, the spawner and the key lookup process, leave
# when the listener is gone, even when it was SIGKILLed and could not
# close anything itself. The spawner used to see POLLIN with POLLHUP on
# its request socket, read nothing, and poll again at once, forever: one
# core per killed server. And when a helper dies, the server stops
# rather than serve without it.
. "$E2E_DIR/lib.sh"

member alice
start_server
helpers=$(pgrep -P "$SERVER_PID" | tr '\n' ' ')
check "the listener has two helpers" [ "$(echo $helpers | wc -w)" -eq 2 ]
out=$(as alice whoami) || fail "whoami exit $?"
check "a command runs" [ "$out" = "alice member" ]

kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
for pid in $helpers; do
	check "helper $pid exits within 5 seconds of the listener's death" \
		wait_until 5 sh -c "! kill -0 $pid"
	if kill -0 "$pid" 2>/dev/null; then
		ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
		kill -KILL "$pid"
		fail "helper $pid is still there (cpu ticks $ticks)"
	fi
done

# A helper that dies takes the server down, with a line in its log. The
# lookup process is the newer of the two (no session is open). The old
# log goes first: start_server would otherwise find its "listening on"
# before the new server has truncated it.
rm -f "$T/server.log"
start_server
check "the new server has its helpers" \
	wait_until 10 sh -c "[ \$(pgrep -c -P $SERVER_PID) -eq 2 ]"
kill -KILL "$(pgrep -n -P "$SERVER_PID")"
check "the server stops when its lookup process dies" \
	wait_until 10 sh -c "! kill -0 $SERVER_PID"
check "... saying so" grep -q 'the lookup process ended' "$T/server.log"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
