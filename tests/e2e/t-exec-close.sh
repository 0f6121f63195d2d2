#!/bin/sh
# A command's exit status always reaches the client: the session waits for
# the client to close the channel before it disconnects, however fast the
# command ends and however much input the client is still sending (a
# closed output fd left in the event loop, or a flood of input, once made
# that wait return at once, and ssh then exited 255 with the output lost).
. "$E2E_DIR/lib.sh"

member alice
start_server

i=0
while [ "$i" -lt 20 ]; do
	as alice whoami --bogus </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq 64 ] || fail "run $i: exit $rc, not 64: $(cat "$T/err")"
	grep -q "^whoami: unknown option '--bogus' (usage: whoami \[--json\])$" \
		"$T/err" ||
		fail "run $i: the error line was lost"
	out=$(as alice whoami </dev/null) || fail "run $i: whoami exit $?"
	[ "$out" = "alice member" ] || fail "run $i: whoami printed '$out'"
	i=$((i + 1))
done
echo "ok   20 fast commands each kept their status and output"

# A client still sending when the command ends: its data must not cut the
# wait for its close short (the wait once counted polls, not time).
i=0
while [ "$i" -lt 10 ]; do
	out=$(yes 'more input' | as alice whoami) ||
		fail "run $i with input pouring in: exit $?"
	[ "$out" = "alice member" ] || fail "run $i: whoami printed '$out'"
	i=$((i + 1))
done
echo "ok   10 commands ended while input poured in kept their status"
stop_server
