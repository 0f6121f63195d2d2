#!/bin/sh
# Hostile text: a post whose body holds ESC [2J, an OSC 52 clipboard
# write, a C1 CSI and a bidi override, under a title with an SGR blink,
# written straight into the database (as if the content rules had been
# bypassed: an old database, a bug). Drawing goes through the one
# sanitiser: the screen around the post stays intact, and the bytes the
# terminal receives (captured with pipe-pane) never hold the sequences.
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server
t=$(echo "placeholder" |
	"$E2E_POST" "$T/data/bbs.db" bob thread general "placeholder") ||
	fail "e2e-post"
t=${t%% *}
echo "Normal text after." | "$E2E_POST" "$T/data/bbs.db" alice reply "$t" \
	>/dev/null || fail "e2e-post"

# before ESC[2J after / osc ESC]52;c;SGVsbG8= BEL end / c1 U+009B 31m red /
# bidi U+202E evil / a tab; the title: Title ESC[5m blink.
body=$(printf '%s' 'before' | od -An -tx1 | tr -d ' \n')1b5b324a$(printf 'after\nosc' | od -An -tx1 | tr -d ' \n')1b5d35323b633b534756736247383d07$(printf 'end\nc1' | od -An -tx1 | tr -d ' \n')c29b$(printf '31mred\nbidi' | od -An -tx1 | tr -d ' \n')e280ae$(printf 'evil\ntab\tend' | od -An -tx1 | tr -d ' \n')
title=$(printf 'Title' | od -An -tx1 | tr -d ' \n')1b5b356d$(printf 'blink' | od -An -tx1 | tr -d ' \n')
db "UPDATE posts SET body = CAST(X'$body' AS TEXT) WHERE id = (SELECT min(id) FROM posts WHERE thread_id = $t);
    UPDATE threads SET title = CAST(X'$title' AS TEXT) WHERE id = $t" ||
	fail "hostile update"

ui a 80 24 alice
tmux -L "$TMUX_SOCK" pipe-pane -o -t a "cat >>'$T/out.raw'" ||
	fail "pipe-pane"
check "the board opens" wait_screen 20 '^ general'
keys Enter
check "the hostile title is shown defused in the list" \
	wait_screen 10 '^ +Title\?\[5mblink +bob +1$'
keys Enter
check "the thread opens" wait_screen 10 'Normal text after\.'
check "ESC [2J is shown, not obeyed" wait_screen 5 '^.? +before\?\[2Jafter$'
check "OSC 52 is shown, not obeyed" wait_screen 5 '^.? +osc\?\]52;c;SGVsbG8=\?end$'
check "the C1 CSI is shown as ?" wait_screen 5 '^.? +c1\?31mred$'
check "the bidi override is dropped" wait_screen 5 '^.? +bidievil$'
check "the tab is expanded" wait_screen 5 '^.? +tab     end$'
check "the top bar is intact" wait_until 5 line_has 1 '^ bbs > general > Title\?\[5mblink +alice \(member\)$'
check "the title row is intact" wait_until 5 line_has 2 '^ Title\?\[5mblink +2 posts$'
check "the next post is intact" wait_screen 5 '^ +alice +[0-9-]+ [0-9:]+ +#[0-9]+$'
check "the bottom bar is intact" wait_until 5 line_has 24 '^ \? help +q back +r reply +R quote'
keys q q q
check "the session ends" wait_until 10 pane_dead
tmux -L "$TMUX_SOCK" pipe-pane -t a

# What the terminal received: ncurses' own escapes, never the post's.
stream_clean() {
	python3 - "$T/out.raw" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
if b"Normal text after" not in data or b"before?[2Jafter" not in data:
    sys.exit("the post was not captured")
for bad in (b"before\x1b[2J", b"\x1b]52", b"\xc2\x9b", b"\xe2\x80\xae",
            b"Title\x1b[5m", b"\x07end"):
    if bad in data:
        sys.exit("found %r in the output" % bad)
PY
}
check "no hostile sequence reached the terminal" stream_clean
stop_server
