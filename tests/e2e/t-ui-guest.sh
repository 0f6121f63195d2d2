#!/bin/sh
# A guest's board (SPEC section 10), in tmux with the real ssh: with
# guests read, ssh -t guest@HOST opens the public boards read-only: a
# public board's thread shows and a members-only board does not (nor do
# its threads in search), no unread counts, no key for members on the
# bars; every key that writes (w, r, R, f, m, p, I, E...) says the
# board is for members; '?' says how to join with the board's join
# line; q quits with status 0; and the database is byte for byte what
# it was before the guest came. With guests join, ssh -t still prints
# how to join and closes.
. "$E2E_DIR/lib.sh"

admin board create news --public --title "Open to all" >/dev/null
admin board create general --title "Members only" >/dev/null
member alice
start_server

post() { # AUTHOR ARGS... < body
	"$E2E_POST" "$T/data/bbs.db" "$@" || fail "e2e-post $*"
}
echo "Everyone may read this." | post alice thread news "Open letter" >/dev/null
echo "Not for strangers." | post alice thread general "Secret plan" >/dev/null
admin config set guests read || fail "config set guests read"
db .dump >"$T/before.sql"

# guest_ui NAME W H: a guest's ssh -t in tmux, then its status. The pane
# stays alive after (cat): tmux may drop the last output of a pane whose
# process has exited.
guest_ui() {
	tmux_start "$1" "$2" "$3" "ssh -t -F '$T/ssh_config' -l guest -o PreferredAuthentications=none bbs; echo rc=\$?; exec cat"
}

# members_only: the message a key for members gets; then j (a line
# down) clears it, so that the next check sees its own.
members_only() {
	msg='This board is for its members: \? says how to join\.'
	wait_screen 10 "$msg" || return 1
	keys j
	wait_until 10 not screen_has "$msg"
}

guest_ui g 80 24
check "a guest's ssh -t opens the board" wait_screen 20 '^ news +Open to all'
check "... read-only, says the top bar" line_has 1 'bbs > boards +guest \(read-only\)'
check "... without the members-only board" not screen_has 'general|Members only'
check "... without unread counts" not screen_has ' New$'
check "the guest's bar: no key for members" line_has 24 '^ \? help  q quit  Enter open  / search  o log *$'
for k in p I E m n a; do
	keys "$k"
	check "$k on the boards: for members" members_only
done
keys Enter
check "Enter opens the public board" wait_screen 10 'bbs > news'
check "... its thread" wait_screen 5 'Open letter'
check "... no unread count" not screen_has '^ +1 +Open letter'
check "the threads' bar for a guest" line_has 24 '^ \? help  q back  Enter read *$'
keys w
check "w (new thread): for members" members_only
keys m
check "m: for members" members_only
keys k Enter
check "the guest reads the thread" wait_screen 10 'Everyone may read this\.'
check "... no post marked new" not screen_has '  new$'
for k in r R f u; do
	keys "$k"
	check "$k in the thread: for members" members_only
done
keys '?'
check "'?' says how to join" wait_screen 10 'You are a guest: you read the public boards'
check "... with the board's join line" \
	screen_has "  ssh -p $PORT guest@127\\.0\\.0\\.1 join CODE NAME < ~/\\.ssh/bbs_ed25519\\.pub"
check "... and no key for members" not screen_has 'reply|flag the current|next unread'
keys x q q
check "back on the boards" wait_screen 10 '^ news'
keys /
check "/ searches" wait_screen 10 'bbs > search'
keys -l 'strangers'
keys Enter
check "the members-only board's posts are not found" wait_screen 10 '0 hits'
check "... nor shown" not screen_has 'Secret plan'
keys C-u
keys -l 'Everyone'
keys Enter
check "a public board's post is" wait_screen 10 '1 hit'
check "... shown" screen_has 'Open letter'
keys q
check "q leaves the search" wait_screen 10 '^ news'
keys o
check "o: the log, as a guest sees it" wait_screen 10 'bbs > moderation log'
check "... the public board's creation" screen_has 'board-create +news'
check "... not the other's" not screen_has 'general'
keys q q
check "q quits" wait_screen 10 'rc=0'

db .dump >"$T/after.sql"
check "the guest's session changed nothing in the database" \
	cmp -s "$T/before.sql" "$T/after.sql"

# --- guests no longer read: an open board ends at its next poll ------------
guest_ui reader 80 24
check "a guest's board again" wait_screen 20 '^ news'
admin config set guests join || fail "config set guests join"
check "guests join ends the open guest board, saying why" \
	wait_screen 10 'no longer lets guests read'
check "... and ssh returns" wait_screen 10 'rc=[0-9]'

# --- guests join: the door, not the board ---------------------------------
guest_ui door 80 24
check "with guests join, ssh -t prints how to join" \
	wait_screen 20 "guest@127\\.0\\.0\\.1 join CODE NAME"
check "... and closes" wait_screen 10 'rc=0'
stop_server
check "the log names no guest" not grep -qi 'guest' "$T/server.log"
