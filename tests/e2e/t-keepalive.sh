#!/bin/sh
# Dead peers (issue 12, item 8): a client silent for the keepalive
# interval (60 s; --keepalive lowers it here to 1 s) is sent a keepalive
# with want-reply, one an interval; one that answers none for 4 intervals
# is dropped. Before, only the kernel's TCP keepalive applied, and a
# stopped client (its kernel still acknowledges) was never dropped. A
# normal idle OpenSSH session answers and stays.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
member alice
member bob
start_server --keepalive 1

# Sessions held by `post`, which waits for its body (see t-sessions).
mkfifo "$T/in"
exec 3<>"$T/in"

# The keepalives a client has answered (ssh -v logs each request).
asked() {
	grep -c 'global_request: rtype keepalive@openssh.com want_reply 1' \
		"$1" 2>/dev/null
}
asked_at_least() {
	[ "$(asked "$1")" -ge "$2" ]
}

# An idle exec session and an idle board: both answer, both stay.
ssh -v -E "$T/idle.log" -F "$T/ssh_config" -i "$T/alice" bbs post general \
	<"$T/in" >/dev/null 2>&1 3>&- &
idle=$!
wait_until 20 command_waiting || fail "the idle command did not start"
tmux_start board 80 24 "ssh -t -v -E '$T/board.log' -F '$T/ssh_config' -i '$T/bob' bbs; echo rc=\$?" 3>&-
wait_screen 20 'general' || fail "the board did not open"
# 6 answered is 6 s of silence from the server's side: past the 4 s a
# silent client is given.
check "an idle exec session is asked and answers" \
	wait_until 30 asked_at_least "$T/idle.log" 6
check "... and stays" kill -0 "$idle"
check "... its command still waiting" command_waiting
check "an idle board is asked and answers" \
	wait_until 30 asked_at_least "$T/board.log" 6
check "... and stays open" not screen_has 'rc='
keys q
wait_screen 10 'rc=0' || fail "the board did not close"

# A client that stops answering: ssh stopped, its kernel still there.
exec 3>&-
wait_until 20 not command_waiting || fail "the idle command did not end"
wait "$idle"
mkfifo "$T/in2"
exec 3<>"$T/in2"
ssh -F "$T/ssh_config" -i "$T/alice" bbs post general \
	<"$T/in2" >/dev/null 2>&1 3>&- &
stopped=$!
wait_until 20 command_waiting || fail "the command did not start"
kill -STOP "$stopped"
t0=$(date +%s)
check "a stopped client is dropped" wait_until 20 grep -q \
	'client silent for 4 s, keepalives unanswered; closing' "$T/server.log"
secs=$(($(date +%s) - t0))
check "... after about 4 s of silence (took $secs s)" [ "$secs" -ge 3 -a "$secs" -le 8 ]
check "... and its command is ended" wait_until 10 not command_waiting
kill -CONT "$stopped"
wait "$stopped"
check "... and its ssh sees the connection closed" [ $? -eq 255 ]
stop_server
