#!/bin/sh
# Search: / asks for words, the hits come from the full-text index of
# titles and bodies, Enter opens the post in its thread (at that post), q
# comes back to the hits; FTS5 syntax typed by a member is only words.
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server

post() {
	"$E2E_POST" "$T/data/bbs.db" "$@" || fail "e2e-post $*"
}
t=$(echo "Opening words." | post bob thread general "Music talk")
t=${t%% *}
post bob fill "$t" 20 >/dev/null
echo "Has anyone tried the xylophone at the hall?" | post bob reply "$t" >/dev/null
post bob fill "$t" 20 >/dev/null
echo "Nothing musical here." | post bob thread general "Other things" >/dev/null
echo "Zebras." | post bob thread general \
	"A very long thread title about zebras that goes on and on and on forever" >/dev/null

ui a 80 24 alice
check "the board opens" wait_screen 20 '^ general'
keys /
check "/ asks for words" wait_screen 10 '^ Search: *$'
keys Space Enter
check "no words: asks for one" wait_screen 10 'Type a word to search for'
keys Escape
check "Esc before any search leaves" wait_screen 10 '^ Board'
keys /
check "/ asks again" wait_screen 10 '^ Search: *$'
keys -l 'xylophone'
keys Enter
check "one hit, by a word of a reply's body" wait_screen 10 ' 1 hit '
check "... with its thread, board and author" wait_screen 5 '^ Music talk by bob +general'
check "... and a snippet" wait_screen 5 'tried the xylophone at the hall'
keys Enter
check "Enter opens the thread" wait_screen 10 'bbs > general > Music talk'
check "... at that post" wait_until 5 line_has 4 'Has anyone tried the xylophone at the hall'
keys q
check "q comes back to the hits" wait_screen 10 ' 1 hit '

keys /
check "/ edits the query again" wait_screen 10 'Enter search'
keys C-u
keys -l 'AND "x OR NEAR( *'
keys Enter
check "FTS5 syntax is searched for as words: no hits, no error" \
	wait_screen 10 ' 0 hits '
check "... and no failure message" not screen_has 'failed'
keys C-u
keys -l 'musical'
keys Enter
check "a new search" wait_screen 10 '^ Other things by bob'
keys /
keys C-u
keys -l 'zebras'
keys Enter
check "a long title leaves room for its author, board and time" \
	wait_screen 10 '^ A very long .* by bob general  [0-9-]+ [0-9:]+ *$'
resize 40 12
check "... at 40 columns too, the title cut first" \
	wait_screen 10 '^ A very .* by bob general  [0-9-]+ [0-9:]+ *$'
resize 80 24
keys q
check "q leaves the search" wait_screen 10 '^ Board'
keys n
check "the search view is gone from the stack" wait_screen 10 'bbs > general >'
keys q q q
check "the session ends" wait_until 10 pane_dead
stop_server
