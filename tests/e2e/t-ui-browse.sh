#!/bin/sh
# Browsing the board in a real terminal: the key-offer notice, boards with
# thread and unread counts (compared with t-ui-browse.screen), help, a
# board's threads (stickies first, markers), a long thread in the pager
# (lines, pages, first and last post, next post), and quitting with q.
. "$E2E_DIR/lib.sh"

member alice
member bob
keygen stranger
admin board create general --title "General discussion" >/dev/null
admin board create memes --title "Pictures, mostly" >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server

post() { # AUTHOR ARGS... < body
	"$E2E_POST" "$T/data/bbs.db" "$@" || fail "e2e-post $*"
}
old=$(echo "Read the rules first." | post bob thread general "House rules")
old=${old%% *}
long=$(echo "The first post of a long one." | post bob thread general "A long thread")
long=${long%% *}
post bob fill "$long" 60 >/dev/null
echo "A cat." | post bob thread memes "Cats" >/dev/null
db "UPDATE threads SET sticky = 1 WHERE id = $old" || fail "sticky"
db "UPDATE threads SET locked = 1 WHERE id = $old" || fail "locked"
db "UPDATE posts SET hidden_reason = 'off topic' WHERE body LIKE 'Reply 2 of 60.%'" ||
	fail "hidden"

# A client that offers another key first gets the notice, once.
tmux_start notice 80 24 ssh -t -F "$T/ssh_config" -o IdentitiesOnly=yes \
	-i "$T/stranger" -i "$T/alice" bbs
check "the key-offer notice shows" wait_screen 20 'more than one public key'
check "... naming IdentitiesOnly" wait_screen 5 'IdentitiesOnly yes'
keys x
check "any key goes on to the boards" wait_screen 10 '^ general'
keys q

ui a 80 24 alice
check "the boards show" wait_screen 20 '^ general +General discussion'
check "... without the key-offer notice" not screen_has 'public key'
screen >"$T/boards.screen"
check "the boards screen is as expected" \
	diff -u "$E2E_DIR/t-ui-browse.screen" "$T/boards.screen"

keys '?'
check "? shows the board keys" wait_screen 10 'mark every post on the board read'
check "... and the keys of every screen" wait_screen 5 'next unread post, anywhere'
keys x
check "any key closes help" wait_screen 10 '^ Board'

keys Enter
check "Enter opens the threads" wait_screen 10 'bbs > general'
check "the sticky thread comes first, marked" \
	wait_until 5 line_has 3 '^ +1 +\[sticky\] \[locked\] House rules +bob +0$'
check "then the thread with news, its unread count" \
	wait_until 5 line_has 4 '^ +61 +A long thread +bob +60$'

keys j Enter
check "Enter reads the thread" wait_screen 10 'The first post of a long one'
check "... the title and post count above" wait_screen 5 '^ A long thread +61 posts$'
check "... posts marked new" wait_screen 5 '^.? bob +[0-9-]+ [0-9:]+ +#[0-9]+ +new$'
check "... quoted lines shown" wait_screen 5 '^ +> quoting an earlier post, line 1$'
keys j
check "j scrolls a line" wait_screen 10 '^.? +The first post of a long one'
keys Space
check "space pages down" wait_screen 10 'Reply 6 of 60'
keys G
check "G goes to the last post" wait_screen 10 'Reply 60 of 60'
check "... its last line at the bottom" \
	wait_until 5 line_has 22 'show how posts flow in the pager'
keys R
check "... and current: R quotes it, not the tail at the top" \
	wait_screen 10 '^ > Reply 60 of 60'
keys Escape
check "... (a quote alone is abandoned at once)" wait_screen 10 'r reply +R quote'
keys k k k k k k
check "k scrolls back" wait_screen 10 'Reply 58 of 60'
keys g
check "g goes to the first post" wait_screen 10 'The first post of a long one'
keys J
check "J brings the next post to the top" wait_until 10 line_has 4 'Reply 1 of 60'
check "... its header first" wait_until 5 line_has 3 'bob .*#'
keys J
check "a hidden post shows the sysop's reason" \
	wait_until 10 line_has 4 '^.? +\[hidden by sysop: off topic\]$'
keys R
check "... and cannot be quoted" wait_screen 10 'A hidden post cannot be quoted'
keys End
check "End is G" wait_screen 10 'Reply 60 of 60'
keys q
check "q goes back to the threads" wait_screen 10 'New +Thread'
check "... which count the thread read" wait_screen 5 '^ +A long thread +bob +60$'
keys g Enter
check "the locked thread opens" wait_screen 10 'House rules +\[sticky\] \[locked\] 1 post'
keys r
check "r on a locked thread says why not" wait_screen 10 'This thread is locked'
keys q Left
check "Left goes back to the boards" wait_screen 10 '^ Board'
keys q
check "q on the boards ends the session" wait_until 10 pane_dead
stop_server
