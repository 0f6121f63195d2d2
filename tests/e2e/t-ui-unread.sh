#!/bin/sh
# Unread tracking: n jumps to the next unread post anywhere, oldest board
# first (not the first listed), then says when nothing is left; read
# positions survive a reconnect and a thread reopens at its first unread
# post; m marks a board read.
. "$E2E_DIR/lib.sh"

member alice
member bob
# zeta is the older board, though alpha is listed first.
admin board create zeta >/dev/null
admin board create alpha >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server

post() {
	"$E2E_POST" "$T/data/bbs.db" "$@" || fail "e2e-post $*"
}
echo "Alpha news." | post bob thread alpha "On alpha" >/dev/null
z=$(echo "Zeta's first post." | post bob thread zeta "On zeta")
z=${z%% *}
post bob fill "$z" 30 >/dev/null

ui a 80 24 alice
check "the boards show unread counts" wait_screen 20 '^ alpha +1 +1$'
check "... on each board" wait_screen 5 '^ zeta +1 +31$'
keys n
check "n goes to the oldest board's first unread post" \
	wait_screen 10 'bbs > zeta > On zeta'
check "... from the thread's start" wait_until 5 line_has 4 "Zeta's first post"
check "... the first page is read" wait_until 5 \
	test "$(db "SELECT count(*) FROM reads r JOIN posts p ON p.id = r.last_post_id WHERE p.body LIKE 'Reply 3 of 30.%'")" = 1
keys G
check "G shows the thread's end" wait_screen 10 'Reply 30 of 30'
keys n
check "n goes on to the next board with news" wait_screen 10 'bbs > alpha > On alpha'
keys n
check "with all read, n says so" wait_screen 10 'Nothing unread'
keys q
check "q from there goes to the board's threads" wait_screen 10 'bbs > alpha'
keys q
check "... then to the boards, all read" wait_screen 10 '^ zeta +1$'

# Read positions are kept in the database, not the session.
echo "One more." | post bob reply "$z" >/dev/null
check "a new post shows as unread" wait_screen 5 '^ zeta +1 +1$'
keys q
check "alice quits" wait_until 10 pane_dead
ui a2 80 24 alice
check "after reconnecting the counts are the same" wait_screen 20 '^ zeta +1 +1$'
check "... alpha still read" wait_screen 5 '^ alpha +1$'

# A half-read thread reopens at its first unread post.
post bob fill "$z" 10 >/dev/null
check "more news" wait_screen 5 '^ zeta +1 +11$'
keys j Enter
check "zeta's threads show the thread's unread count" wait_screen 10 '^ +11 +On zeta'
keys Enter
check "the thread opens at the first unread post" wait_screen 10 '^.? +One more\.$'
check "... at the top, marked new" wait_until 5 line_has 3 'bob .* new$'
keys q q
check "back on the boards" wait_screen 10 '^ Board'
post bob fill "$z" 5 >/dev/null
check "news again" wait_screen 5 '^ zeta +1 +[0-9]+$'
keys m
check "m marks the board read" wait_screen 5 '^ zeta +1$'
check "... in the database" [ "$(db "SELECT r.last_post_id = t.last_post_id FROM reads r JOIN threads t ON t.id = r.thread_id JOIN members m ON m.id = r.member_id WHERE t.id = $z AND m.pseudonym = 'alice'")" = 1 ]
keys q
stop_server
