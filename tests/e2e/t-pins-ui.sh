#!/bin/sh
# The pin board in the interactive session (tmux): p opens it from the
# boards; a pins a link through the form (and Esc abandons, a bad link
# keeps the form open); + votes once; Enter shows the full link as text
# and, for a terminal that may support it, as an OSC 8 hyperlink (never
# for vt100); d starts the discussion thread on the board pins; another
# member's pin appears without a keypress; t filters by tag.
. "$E2E_DIR/lib.sh"

tomorrow=$(date -u -d tomorrow +%F)
esc=$(printf '\033')

admin board create general >/dev/null || fail "board create"
member alice
member bob
start_server
as bob pin 'https://example.org/march?utm_campaign=x&day=sat' --tag protest \
	--caption "'Climate march'" </dev/null >/dev/null || fail "bob's pin"

# tmux's TERM inside the pane is "screen": a terminal that may take OSC 8.
tmux_start ui 80 24 "ssh -t -F $T/ssh_config -i $T/alice bbs"
tmux -L "$TMUX_SOCK" pipe-pane -t "$TMUX_TARGET" -o "cat >>'$T/raw'"
check "the boards come up" wait_screen 15 '^ Board '
check "the boards name the pin board key" wait_screen 5 'p pins'
keys p
check "p opens the pin board" wait_screen 5 'Pin board: hot \(1\)'
check "... showing bob's pin, new to alice" \
	wait_screen 5 '^\*   1  Climate march'

# --- adding through the form -------------------------------------------------
keys a
check "a opens the form" wait_screen 5 'Pin a link'
keys Escape
check "Esc abandons it" wait_screen 5 'abandoned'
keys a
wait_screen 5 'Pin a link' || fail "form again"
keys 'javascript:alert(1)' C-d
check "a bad link is refused, saying why" \
	wait_screen 5 'only http and https links'
check "... and the form stays open" wait_screen 5 'Pin a link'
keys C-u 'HTTPS://Memes.Example/cat?fbclid=zz&n=1' Tab 'A cat, with a hat' \
	Tab 'memes, cats' Tab "$tomorrow" Enter
check "sending pins it" wait_screen 5 'pinned as #2'
check "... and lists it" wait_screen 5 '^    1\+ A cat, with a hat'
as alice pins --sort new --limit 1 >"$T/out" || fail "pins"
check "... stored normalised, with tags and expiry" [ "$(cat "$T/out")" = \
	"2	1	https://memes.example/cat?n=1	cats,memes	$tomorrow	A cat, with a hat" ]
screen | sed -n '2,6p' | sed "s/$tomorrow/TOMORROW/" >"$T/screen"
check "the board looks as expected" diff -u "$E2E_DIR/t-pins-ui.screen" "$T/screen"

# --- voting ------------------------------------------------------------------
keys j +
check "+ votes for the selected pin" wait_screen 5 'voted for #1: score 2'
keys +
check "... once" wait_screen 5 'you have voted for #1 already \(score 2\)'
check "... as the store says" [ "$(as bob pins --sort new | sed -n 2p | cut -f2)" = 2 ]

# --- one pin, its link ---------------------------------------------------------
keys Enter
check "Enter shows the pin" wait_screen 5 'Pin #1'
check "... with its full link as plain text" \
	wait_screen 5 '^ https://example\.org/march\?day=sat$'
link="${esc}]8;id=bbs-pin-1;https://example.org/march?day=sat${esc}\\"
link="${link}https://example.org/march?day=sat${esc}]8;;${esc}\\"
check "... and as an OSC 8 hyperlink over the same text" \
	wait_until 5 grep -qaF "$link" "$T/raw"

# --- discussion --------------------------------------------------------------------
keys d
check "d starts the discussion" wait_screen 5 'started the discussion of pin #1'
check "... and shows its thread" wait_screen 5 'Pin #1: https://example.org/march\?day=sat'
check "... on the board pins" sh -c "'$BBS' board list --data '$T/data' | grep -q '^pins	1	'"
check "... which the pin names" python3 -c "
import json, sys
pins = json.loads(sys.argv[1])
assert [p['thread'] for p in pins if p['id'] == 1] == [1], pins
" "$(as bob pins --json)"
keys q q
check "back on the board, the discussion shows" wait_screen 5 '#protest  0 replies'

# --- live updates and the tag filter -------------------------------------------
as bob pin https://zine.example/issue-3 --caption "'Zine issue 3'" \
	</dev/null >/dev/null || fail "bob's second pin"
check "another member's pin appears without a keypress" \
	wait_screen 5 '^\*   1  Zine issue 3'
keys t
check "t asks for a tag" wait_screen 5 'Filter by tag'
keys '#Memes' Enter
check "... and filters" wait_screen 5 'Pin board: hot, #memes \(1\)'
check "... to the tagged pins" sh -c \
	"! tmux -L '$TMUX_SOCK' capture-pane -p -t ui | grep -q 'Zine'"
keys q q
check "q leaves the board and the session" wait_until 10 sh -c \
	"tmux -L '$TMUX_SOCK' list-panes -t ui -F '#{pane_dead}' | grep -qx 1"
check "leaving recorded the visit: nothing new next time" sh -c \
	"[ \"\$(sqlite3 '$T/data/bbs.db' 'SELECT last_pin_id FROM pin_reads')\" = 3 ]"

# --- no hyperlinks for vt100 ---------------------------------------------------------
tmux -L "$TMUX_SOCK" kill-session -t ui
: >"$T/raw"
tmux_start vt 80 24 "TERM=vt100 ssh -t -F $T/ssh_config -i $T/alice bbs"
tmux -L "$TMUX_SOCK" pipe-pane -t "$TMUX_TARGET" -o "cat >>'$T/raw'"
wait_screen 15 '^ Board ' || fail "boards on vt100"
keys p
wait_screen 5 'Pin board' || fail "pin board on vt100"
keys Enter
check "vt100: the link is shown as text" wait_screen 5 '^ https://'
check "... and never as OSC 8" sh -c "! grep -qa '${esc}]8;' '$T/raw'"
keys q q q
stop_server
