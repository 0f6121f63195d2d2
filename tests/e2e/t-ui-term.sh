#!/bin/sh
# Terminals: wide characters (CJK, emoji) aligned in columns and never
# split at an edge, at an even and an odd width; TERM=vt100 (monochrome,
# no UTF-8) falls back to plain ASCII that A toggles; a monochrome xterm;
# an unknown TERM draws with a notice; TERM=dumb gets a line of text.
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general --title "日本語の掲示板 and more" >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server
post() {
	"$E2E_POST" "$T/data/bbs.db" "$@" >/dev/null || fail "e2e-post $*"
}
echo "Body." | post bob thread general "a日本語の長いタイトルがここにあります、そして続きます、まだまだ続きます"
echo "Body." | post bob thread general "Emoji 😀😀😀 in a title with ASCII after it, long enough to be cut off"
echo "Body." | post bob thread general "Plain ASCII title"

# Every line of the screen fits in COLS columns, counting wide characters
# twice, and the thread rows end in the same column (the reply count).
aligned() {
	screen | python3 -c '
import sys, unicodedata
cols = int(sys.argv[1])
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
ends = set()
for line in sys.stdin.read().split("\n"):
    if width(line) > cols:
        sys.exit("too wide (%d): %s" % (width(line), line))
    if line.rstrip().endswith(" 0") and "Body" not in line:
        ends.add(width(line.rstrip()))
if len(ends) != 1:
    sys.exit("rows end in columns %s" % sorted(ends))
' "$1"
}

ui a 80 24 alice
check "the boards show a wide board title" wait_screen 20 '日本語の掲示板 and more'
keys Enter
check "the threads show" wait_screen 10 'Plain ASCII title'
check "wide titles fit 80 columns, rows aligned" aligned 80
resize 41 12
check "the threads at 41 columns" wait_screen 10 'Plain ASCII'
check "wide titles fit 41 columns, rows aligned" aligned 41
resize 80 24
keys G Enter
check "a wide title in the pager's bars" wait_screen 10 'bbs > general > a日本語'
keys q q q
check "the session ends" wait_until 10 pane_dead

ui v 80 24 alice TERM=vt100
check "TERM=vt100 draws the board" wait_screen 20 '^ general'
check "... in plain ASCII" wait_screen 5 '^ general +\?{14} and more +3 +2$'
keys A
check "A shows UTF-8 after all" wait_screen 10 '日本語の掲示板 and more'
check "... and says so" wait_screen 5 'Plain ASCII off'
keys A Enter
check "vt100 threads, ASCII again" wait_screen 10 'Plain ASCII title'
check "... wide titles as ?? and aligned" aligned 80
keys q q
check "the vt100 session ends" wait_until 10 pane_dead

ui m 80 24 alice TERM=xterm-mono
check "a monochrome xterm draws the board" wait_screen 20 '^ general +日本語の掲示板'
keys q
check "the xterm-mono session ends" wait_until 10 pane_dead

ui u 80 24 alice TERM=no-such-terminal
check "an unknown TERM still draws the board" wait_screen 20 '^ general'
check "... with a notice" wait_screen 5 "Unknown terminal type 'no-such-terminal'"
keys q
check "the session ends" wait_until 10 pane_dead

# Scrollback included: the text may scroll when the pane dies.
said() {
	tmux -L "$TMUX_SOCK" capture-pane -p -S -50 -t d | grep -qE -- "$1"
}
ui d 80 24 alice TERM=dumb
check "the dumb terminal's session closes" wait_until 20 pane_dead
check "TERM=dumb gets a line of text" said 'cannot show the board'
check "... pointing at the commands" said 'ssh -p PORT HOST help'
stop_server
