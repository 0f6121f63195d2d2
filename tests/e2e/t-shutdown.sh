#!/bin/sh
# SIGTERM (SPEC section 3): bbs serve stops accepting, every interactive
# session shows a one-line notice before it closes, and serve exits 0
# within 5 seconds (stop_server checks the status and the time).
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general >/dev/null
start_server --debug

# A pane's sleep keeps the screen its ssh left for the checks (a dead pane
# shows none of it); it waits for nothing, and the trap ends it.
tmux_start a 80 24 "ssh -F $T/ssh_config -i $T/alice -t bbs; echo EXIT=\$? >$T/exit_a; sleep 60"
tmux_start b 80 24 "ssh -F $T/ssh_config -i $T/bob -t bbs; echo EXIT=\$? >$T/exit_b; sleep 60"
use_session a
check "alice's session is up" wait_screen 10 'alice \(member\)'
use_session b
check "bob's session is up" wait_screen 10 'bob \(member\)'

# A client that vanishes (SIGKILL, no goodbye) leaves no UI behind.
bbs_count() {
	pgrep -fc "serve --listen 127.0.0.1:0 --data $T/data"
}
before=$(bbs_count)
# The echo after it keeps the pane's shell as ssh's parent for pkill -P.
tmux_start c 80 24 "ssh -F $T/ssh_config -i $T/alice -t bbs; echo EXIT=\$? >$T/exit_c"
check "a third session is up" wait_screen 10 'alice \(member\)'
check "... with its session process and UI" [ "$(bbs_count)" -eq $((before + 2)) ]
pane=$(tmux -L "$TMUX_SOCK" display -p -t c '#{pane_pid}')
pkill -KILL -P "$pane" ssh
bbs_count_is() {
	[ "$(bbs_count)" -eq "$1" ]
}
check "killing its ssh client ends both at once" wait_until 5 bbs_count_is "$before"

# A command still reading its input when the server stops gets its
# grace, finishes, and reports its own status, not "try again" (a script
# would post twice). The body is sent once the server has begun to stop.
( wait_until 10 grep -q 'stopping:' "$T/server.log"; printf 'Last words\nbody\n' ) |
	as alice post general >"$T/post.out" 2>"$T/post.err" &
poster=$!
wait_until 10 command_waiting || fail "the post never waited for its body"
stop_server
wait "$poster"
check "a post under way when the server stops completes with 0" [ $? -eq 0 ]
check "... and is stored once" [ "$(sqlite3 "$T/data/bbs.db" "SELECT count(*) FROM threads WHERE title = 'Last words'")" = 1 ]
use_session a
check "alice sees the shutdown notice" wait_screen 5 'server is shutting down'
use_session b
check "bob sees it too" wait_screen 5 'server is shutting down'
check "their ssh ends with 75 (try again later)" \
	wait_until 5 grep -q 'EXIT=75' "$T/exit_a"
check "... both" wait_until 5 grep -q 'EXIT=75' "$T/exit_b"
# Every bbs process (listener, spawner, sessions, UIs) has serve's argv.
no_bbs_left() {
	! pgrep -f "serve --listen 127.0.0.1:0 --data $T/data" >/dev/null
}
check "no session or UI process is left behind" no_bbs_left
ssh -F "$T/ssh_config" -i "$T/alice" bbs whoami >/dev/null 2>&1
check "new connections are refused" [ $? -eq 255 ]
