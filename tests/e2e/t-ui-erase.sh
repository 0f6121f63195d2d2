#!/bin/sh
# erase-me from the interactive board (SPEC section 7), in tmux with the
# real ssh client: E explains what happens; a wrong confirmation or Esc
# changes nothing; typing the pseudonym erases the member and ends the
# session with a last word; the key is refused at the next connection;
# the posts stay as [erased], or with the posts option are gone, a thread
# keeping its title and the others' replies; the log names nobody.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
admin config set rate_posts 1000 >/dev/null
member alice
member bob
member carol
start_server

post() { # AUTHOR ARGS... < body
	"$E2E_POST" "$T/data/bbs.db" "$@" || fail "e2e-post $*"
}
a=$(echo "Alice was here." | post alice thread general "Alice's thread")
a=${a%% *}
echo "Hello alice." | post bob reply "$a" >/dev/null
c=$(echo "Carol's first words." | post carol thread general "Carol's thread")
c=${c%% *}
echo "Bob answers carol." | post bob reply "$c" >/dev/null
echo "Carol again, on alice's thread." | post carol reply "$a" >/dev/null

# --- cancelling ----------------------------------------------------------------
# The shell records ssh's status itself: tmux does not always have it.
tmux_start a 80 24 "ssh -t -F $T/ssh_config -i $T/alice bbs; echo EXIT=\$? >$T/exit_a"
check "alice's boards" wait_screen 20 '^ general'
keys E
check "E explains what erasing does" \
	wait_screen 10 'This removes you, alice, from the board for good'
check "... that posts stay as [erased] unless removed too" \
	screen_has 'their author shown as \[erased\]'
check "... offering to remove the posts" screen_has '\[ \] also remove my posts'
check "... and asking for the pseudonym" screen_has '^ Your pseudonym:'
keys -l 'bob'
keys Enter
check "a wrong confirmation cancels, saying so" \
	wait_screen 10 'Not erased: that is not your pseudonym'
check "... alice is still there" [ "$(as alice whoami)" = "alice member" ]
keys E
wait_screen 10 'This removes you' || fail "erase screen again"
keys -l 'Alice'
keys Enter
check "the pseudonym in another case cancels too" \
	wait_screen 10 'Not erased: that is not your pseudonym'
keys E
wait_screen 10 'This removes you' || fail "erase screen, third time"
keys -l 'alice'
keys Escape
check "Esc cancels, even with the pseudonym typed" wait_screen 10 'Not erased\.'
check "... alice is still there" [ "$(as alice whoami)" = "alice member" ]
check "... and nothing is on the log" \
	[ "$(db "SELECT count(*) FROM modlog WHERE act = 'erase-me'")" = 0 ]

# --- erasing, posts kept as [erased] ---------------------------------------------
keys E
wait_screen 10 'This removes you' || fail "erase screen, fourth time"
keys -l 'alice'
keys Enter
check "the session ends with a last word" \
	wait_screen 10 '^You are erased from this board\.$'
check "... that the posts stay" screen_has '^your posts stay as \[erased\]\. Goodbye\.$'
check "... the client is gone" wait_until 10 test -s "$T/exit_a"
check "... and exited 0" grep -qx 'EXIT=0' "$T/exit_a"
as alice whoami >/dev/null 2>&1
check "alice's key is refused at the next connection" [ $? -eq 255 ]
as bob read "$a" --json >"$T/a.json" || fail "read"
check "her posts stay, by [erased]" "$PY" -c '
import json, sys
t = json.load(open(sys.argv[1]))
assert t["author"] == "[erased]", t
assert t["posts"][0]["author"] == "[erased]", t
assert t["posts"][0]["body"] == "Alice was here.", t
assert t["posts"][1]["author"] == "bob", t
' "$T/a.json"
check "the pseudonym is gone" [ "$(db "SELECT count(*) FROM members WHERE pseudonym = 'alice'")" = 0 ]
check "the log says a member erased themselves" \
	[ "$(as bob modlog --limit 1 | cut -f3-5 | tr '\t' ' ')" = "anonymous erase-me a member" ]
as bob modlog >"$T/modlog" || fail "modlog"
check "... never who" not grep -q alice "$T/modlog"

# --- erasing with the posts --------------------------------------------------------
ui c 80 24 carol
check "carol's boards" wait_screen 20 '^ general'
keys E
wait_screen 10 'This removes you, carol' || fail "carol's erase screen"
keys Tab
check "Tab chooses to remove the posts too" wait_screen 10 '\[x\] also remove my posts'
keys -l 'carol'
keys Enter
check "the last word says the posts are gone" \
	wait_screen 10 '^Your keys, your pseudonym and your posts$'
check "... the client is gone" wait_until 10 pane_dead
as carol whoami >/dev/null 2>&1
check "carol's key is refused" [ $? -eq 255 ]
check "her posts are gone from the database" \
	[ "$(db "SELECT count(*) FROM posts WHERE body LIKE 'Carol%'")" = 0 ]
as bob read "$c" >"$T/c.txt" || fail "read carol's thread"
check "her thread keeps its title, by [erased]" \
	grep -q "^$c	general	.*	\[erased\]	-	Carol's thread$" "$T/c.txt"
check "... and bob's reply" grep -q '^    Bob answers carol\.$' "$T/c.txt"
check "the log says a member and their posts" \
	[ "$(as bob modlog --limit 1 | cut -f3-5 | tr '\t' ' ')" = "anonymous erase-me a member and their posts" ]
stop_server
