#!/bin/sh
# NO_COLOR (no-color.org; SPEC section 3 accepts it as an env request, issue
# 12 item 10): a client that sends it, set and not empty, gets the board
# as a monochrome terminal shows it, bold and reverse but no colour, on
# the boards and on a post's screen; without it, or empty, the board has
# its colours. Read from tmux's capture-pane -e, which writes the cells'
# attributes as SGR sequences.
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general --title "General discussion" >/dev/null
start_server
echo "A post with a body." |
	"$E2E_POST" "$T/data/bbs.db" bob thread general "Colours or not" >/dev/null ||
	fail "e2e-post"

# colours: the SGR parameters of the screen that set a colour (30-38,
# 40-48, 90-97, 100-107; 39 and 49 are the default colours), one a line.
colours() {
	tmux -L "$TMUX_SOCK" capture-pane -e -p -t "=$TMUX_TARGET:" |
		"$PY" -c '
import re, sys
for params in re.findall(r"\x1b\[([0-9;]*)m", sys.stdin.read()):
    codes = [int(p) for p in params.split(";") if p != ""]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c in (38, 48):  # 38;5;N or 38;2;R;G;B
            print(params)
            i += 3 if i + 1 < len(codes) and codes[i + 1] == 5 else 5
            continue
        if 30 <= c <= 37 or 40 <= c <= 47 or 90 <= c <= 97 or 100 <= c <= 107:
            print(params)
        i += 1
'
}
attrs() { # SGR parameter $1 (7 reverse, 1 bold) somewhere on the screen
	tmux -L "$TMUX_SOCK" capture-pane -e -p -t "=$TMUX_TARGET:" |
		grep -qE "$(printf '\033')\[([0-9;]*;)?$1(;[0-9;]*)?m"
}
board() { # NAME [VAR=VALUE]: the board in tmux, sending NO_COLOR if set
	name=$1
	shift
	tmux_start "$name" 80 24 env TERM=xterm-256color "$@" \
		ssh -t -F "$T/ssh_config" -o SendEnv=NO_COLOR -i "$T/alice" bbs
}
shows_post() {
	keys Enter
	wait_screen 10 'bbs > general' || return 1
	keys Enter
	wait_screen 10 'A post with a body'
}

board colour
check "without NO_COLOR the boards show" wait_screen 20 '^ general +General discussion'
check "... in colour" [ -n "$(colours)" ]
check "... and a post's screen too" shows_post
check "... in colour" [ -n "$(colours)" ]
keys q q q
check "the session ends" wait_until 10 pane_dead

board mono NO_COLOR=1
check "with NO_COLOR=1 the boards show" wait_screen 20 '^ general +General discussion'
check "... without a colour" [ -z "$(colours)" ]
check "... but with reverse video for the bars, as in monochrome" attrs 7
check "... and a post's screen" shows_post
check "... without a colour either" [ -z "$(colours)" ]
check "... its bars still in reverse video" attrs 7
keys q q q
check "the session ends" wait_until 10 pane_dead

board empty NO_COLOR=
check "an empty NO_COLOR is no NO_COLOR: the boards show" wait_screen 20 '^ general +General discussion'
check "... in colour" [ -n "$(colours)" ]
keys q
check "the session ends" wait_until 10 pane_dead
stop_server
