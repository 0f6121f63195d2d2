#!/bin/sh
# Resizing: every view follows at once, from 80x24 down to 40x12; below
# that a "terminal too small" screen that ignores keys and recovers; the
# editor rewraps its text at every size and loses nothing.
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general --title "General discussion" >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server
echo "A body long enough to wrap differently at every width: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty." |
	"$E2E_POST" "$T/data/bbs.db" bob thread general "Wrapping" >/dev/null ||
	fail "e2e-post"

# The bottom bar is the last line, the top bar the first.
bars_at() {
	line_has 1 'bbs >' && line_has "$1" "$2"
}

ui a 80 24 alice
check "the boards at 80x24" wait_screen 20 '^ general +General discussion +1 +1$'
resize 40 12
check "the boards at 40x12" wait_until 10 bars_at 12 'Enter open'
check "... the board's row fits" wait_screen 5 '^ general +General di.* 1 +1$'
resize 39 11
check "39x11 is too small, and says so" wait_screen 10 '^Terminal too small: 39x11, need 40x12'
keys j Enter w
resize 40 12
check "40x12 again: the boards come back" wait_until 10 bars_at 12 'Enter open'

keys Enter
check "the threads at 40x12" wait_screen 10 'bbs > general'
check "... the thread's row fits" wait_screen 5 '^ +1 +Wrapping +0$'
resize 60 15
check "the threads at 60x15" wait_until 10 bars_at 15 'Enter read'
check "... with the author column" wait_screen 5 '^ +1 +Wrapping +bob +0$'

keys Enter
check "the pager at 60x15" wait_screen 10 '^ Wrapping +1 post$'
check "... wrapped at 60" wait_screen 5 '^.? +A body long enough to wrap differently at every width:$'
resize 40 12
check "the pager rewraps at 40x12" wait_screen 10 '^.? +A body long enough to wrap$'
resize 100 30
check "... and at 100x30" wait_screen 10 'every width: one two three four five six seven eight$'

# The editor: text typed at one size survives every other.
resize 80 24
keys r
check "a reply at 80x24" wait_screen 10 'reply to: Wrapping'
text='The quick brown fox jumps over the lazy dog; 日本語の文章も折り返す. Pack my box with five dozen liquor jugs, twice over.'
keys -l "$text"
check "the text is typed" wait_screen 10 'liquor jugs, twice over\.$'
resize 40 12
check "the editor rewraps at 40x12" wait_screen 10 '^ jugs, twice over\. *$'
resize 39 11
check "too small mid-edit" wait_screen 10 '^Terminal too small'
keys q Escape
resize 60 15
check "the draft is still there at 60x15" wait_screen 10 '^ The quick brown fox jumps over the lazy dog; *$'
check "... wrapped for 60 columns" wait_screen 5 '^ liquor jugs, twice over\. *$'
keys C-s
check "sent" wait_screen 10 'Posted'
check "nothing was lost" [ "$(db "SELECT body FROM posts ORDER BY id DESC LIMIT 1")" = "$text" ]

keys /
keys -l 'wrap'
keys Enter
check "search hits at 60x15" wait_screen 10 ' 1 hit '
resize 40 12
check "search hits at 40x12" wait_until 10 bars_at 12 'Enter open'
check "... the hit still listed" wait_screen 5 '^ Wrapping'
resize 80 24
keys q q q q
check "the session ends" wait_until 10 pane_dead
stop_server
