#!/bin/sh
# Writing in the built-in editor, checked in the database: a new thread
# (title with wide characters, lines split and joined), a reply, a reply
# quoting the post under the cursor, abandoning with and without the
# confirmation, a refusal (rate limit, empty body) shown as a message with
# the draft kept, and a long paste.
. "$E2E_DIR/lib.sh"

member alice
member bob
member root --role sysop
admin board create general --title "General discussion" >/dev/null
admin board create news --post-role sysop >/dev/null
start_server
printf 'Line one of bob\n> an old quote\nend' |
	"$E2E_POST" "$T/data/bbs.db" bob thread general "Bob's thread" >/dev/null ||
	fail "e2e-post"
echo "From the sysops." |
	"$E2E_POST" "$T/data/bbs.db" root thread news "A notice" >/dev/null ||
	fail "e2e-post news"

last_body() {
	db "SELECT body FROM posts ORDER BY id DESC LIMIT 1"
}

ui a 80 24 alice
check "the board opens" wait_screen 20 '^ general'
keys Enter
check "the threads show" wait_screen 10 "Bob's thread"

# A new thread: title, then a body whose lines are split and joined.
keys w
check "w opens the editor on the title" wait_screen 10 '^ Title: *$'
keys -l 'Hello 世界 from alice'
keys Enter
keys -l 'First line'
keys Enter
keys -l 'Second line'
keys Home BSpace
check "backspace at a line's start joins the lines" wait_screen 10 '^ First lineSecond line *$'
keys Enter Up End
keys -l '!'
check "Enter splits it again; Up, End move" wait_screen 10 '^ First line! *$'
check "... the title kept" wait_screen 5 '^ Title: Hello 世界 from alice *$'
keys C-s
check "Ctrl-S sends and shows the thread" wait_screen 10 '^ Hello 世界 from alice +1 post$'
check "the thread is in the database" \
	[ "$(db "SELECT title FROM threads ORDER BY id DESC LIMIT 1")" = "Hello 世界 from alice" ]
check "... with its body" [ "$(last_body)" = "$(printf 'First line!\nSecond line')" ]

# A reply.
keys r
check "r opens a reply" wait_screen 10 'reply to: Hello 世界 from alice'
keys -l 'A plain reply'
keys C-s
check "the reply shows in the thread" wait_screen 10 '^[ │] +A plain reply$'
check "... and is in the database" [ "$(last_body)" = "A plain reply" ]

# A quoting reply on another thread: R quotes the current post.
keys q
check "back to the threads" wait_screen 10 'New +Thread'
keys G Enter
check "Bob's thread opens" wait_screen 10 'Line one of bob'
keys R
check "R quotes the current post" wait_screen 10 '^ > Line one of bob *$'
check "... with its author" wait_screen 5 '^ bob wrote: *$'
check "... an old quote quoted again" wait_screen 5 '^ >> an old quote *$'
keys -l 'My answer'
keys C-s
check "the quoting reply shows" wait_screen 10 '^[ │] +My answer$'
check "... quoted lines in the database" [ "$(last_body)" = "$(printf 'bob wrote:\n> Line one of bob\n>> an old quote\n> end\n\nMy answer')" ]
check "... dimmed on screen under the reply" wait_screen 5 '^[ │] +> Line one of bob$'

# Abandoning: nothing typed closes at once; typed text asks first.
keys r
check "a reply opens" wait_screen 10 'reply to: '
keys Escape
check "Esc with nothing typed just closes" wait_screen 10 'r reply +R quote'
keys q w
check "a new thread's editor opens" wait_screen 10 '^ Title: *$'
keys -l 'Doomed'
keys Escape
check "Esc with text asks first" wait_screen 10 'Abandon this draft\?'
keys n
check "any other key keeps editing" wait_screen 10 'Ctrl-S send'
check "... the text kept" wait_screen 5 '^ Title: Doomed *$'
keys Escape
check "asked again" wait_screen 10 'Abandon this draft\?'
keys y
check "y abandons" wait_screen 10 'Draft abandoned'
check "... nothing was stored" [ "$(db "SELECT count(*) FROM threads WHERE title = 'Doomed'")" = 0 ]

# Refusals are messages and the draft stays.
keys w
check "the editor opens again" wait_screen 10 '^ Title: *$'
keys -l 'Only a title'
keys C-s
check "an empty body is refused in the bottom bar" wait_screen 10 'Not sent: .*body'
check "... the draft kept" wait_screen 5 '^ Title: Only a title *$'
keys Tab
keys -l 'Now with a body'
admin config set rate_posts 1 >/dev/null
keys C-s
check "the rate limit is a message" wait_screen 10 'Not sent: rate limited'
check "... the draft kept" wait_screen 5 '^ Now with a body *$'
admin config set rate_posts 1000 >/dev/null
keys C-s
check "sent once allowed" wait_screen 10 '^ Only a title +1 post$'

# A long paste: many lines, wide characters and emoji, in one go.
python3 -c '
import sys
lines = ["Line %d of the paste: 日本語 text and an emoji \U0001F600, then more words to wrap." % i for i in range(1, 61)]
sys.stdout.write("\n".join(lines))' >"$T/paste.txt"
keys r
check "a reply for the paste" wait_screen 10 'reply to: Only a title'
tmux -L "$TMUX_SOCK" load-buffer "$T/paste.txt"
tmux -L "$TMUX_SOCK" paste-buffer -t a
check "the paste arrives" wait_screen 20 'Line 60 of the paste'
keys C-s
check "the pasted reply is sent" wait_screen 10 'Posted\.'
check "... and shown from its start" wait_screen 5 '^.? +Line 1 of the paste'
last_body >"$T/stored.txt"
printf '\n' >>"$T/paste.txt"
check "... exactly as pasted" cmp "$T/paste.txt" "$T/stored.txt"
keys q q j Enter w
check "a sysop-only board refuses a member's thread" \
	wait_screen 10 'Only sysops may post on news'
keys Enter
check "... its threads still open" wait_screen 10 'From the sysops\.'
keys r
check "... and a reply is refused at once, before any typing" \
	wait_screen 10 'Only sysops may post on news'
check "... with no editor opened" not screen_has 'reply to: '
keys q q q
check "the session ends" wait_until 10 pane_dead
stop_server
