#!/bin/sh
# A guest's session ends after a while without input (10 minutes;
# --guest-idle lowers it here): one line, status 75. With guests read
# the guest's ssh -t is the read-only board, which waits for keys: a key
# keeps it open, and once the guest stops typing the server sends the UI
# SIGTERM (then SIGKILL 2 s later), which it obeys, and the session
# closes saying why.
. "$E2E_DIR/lib.sh"

admin board create news --public >/dev/null
start_server --guest-idle 2
admin config set guests read || fail "config set guests read"

# The pane stays alive after (cat): tmux may drop the last output of a
# pane whose process has exited.
tmux_start idle 80 24 "ssh -t -F '$T/ssh_config' -l guest -o PreferredAuthentications=none bbs; echo rc=\$?; exec cat"
check "the guest's board opens" wait_screen 20 'bbs > boards +guest \(read-only\)'
# Typing keeps it open: keys for over 3 s, longer than the idle time,
# each answered before the next (A turns plain ASCII on, then off...).
start=$(date +%s)
state=on n=0
while [ $(($(date +%s) - start)) -lt 4 ] && [ "$n" -lt 1000 ]; do
	keys A
	wait_screen 5 "Plain ASCII $state\\." || fail "A was not answered"
	[ "$state" = on ] && state=off || state=on
	n=$((n + 1))
done
check "keys for 3 s keep the guest in" not screen_has 'rc='
last=$(date +%s)
check "an idle guest is closed" wait_screen 10 'rc=75'
check "... saying why" screen_has 'closed after 2 seconds without input'
# The server counts whole seconds: 2 s idle is at least 1 s after the key.
check "... counting from the last key" [ $(($(date +%s) - last)) -ge 1 ]
# Killed, the UI would leave its screen up (the alternate screen, never
# left); ended by SIGTERM it gives the terminal back (endwin()).
check "... the UI obeyed SIGTERM and gave the terminal back" \
	not screen_has 'bbs > boards'
stop_server
check "... with nothing in the log" not grep -qiE 'error|signal' "$T/server.log"
