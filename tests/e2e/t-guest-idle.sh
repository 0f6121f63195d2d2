#!/bin/sh
# A guest's session ends after a while without input (10 minutes;
# --guest-idle lowers it here): one line, status 75. Only the read-only
# board for guests (guests read, ssh -t) waits for a guest's keys; until
# it exists the board prints how to join and closes at once, and this
# test is skipped (77).
. "$E2E_DIR/lib.sh"

start_server --guest-idle 2
admin config set guests read || fail "config set guests read"

tmux_start idle 80 24 "ssh -t -F '$T/ssh_config' -l guest -o PreferredAuthentications=none bbs; echo rc=\$?"
wait_until 10 sh -c 'tmux -L "$1" capture-pane -p -t "=idle:" | grep -qE "rc=|[a-z]"' \
	sh "$TMUX_SOCK" || fail "the guest board did not start"
if wait_until 1 screen_has 'rc=0' && screen_has 'join CODE NAME'; then
	echo "skip: no read-only board for guests yet"
	stop_server
	exit 77
fi
check "an idle guest is closed" wait_screen 10 'rc=75'
check "... saying why" screen_has 'closed after 2 seconds without input'
stop_server
