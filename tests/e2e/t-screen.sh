#!/bin/sh
# The first screen in a real terminal (tmux): it shows who you are and the
# boards, follows resizes at once down to 40x12, says when the terminal is
# too small and recovers, and q ends ssh with status 0. Terminals that
# cannot show it get a text instead; an unknown TERM gets a notice.
. "$E2E_DIR/lib.sh"

member alice
keygen stranger
admin board create general --title "General talk" >/dev/null
start_server
ssh_t="ssh -F $T/ssh_config -i $T/alice -t bbs"

tmux_start main 80 24 "$ssh_t; echo EXIT=\$? >$T/exit"
check "the first screen shows the pseudonym" wait_screen 10 'alice \(member\)'
check "... and the boards" wait_screen 5 '^ general +General talk +0$'
check "no key-offer notice for a client that offered one key" \
	sh -c "! tmux -L $TMUX_SOCK capture-pane -p -t main | grep -q 'more than one public key'"

resize 100 30
check "a resize to 100x30 redraws at that width" \
	wait_screen 5 '^ bbs > boards {60,}alice \(member\)$'
check "... and height (the key bar on line 30)" \
	wait_until 5 line_has 30 'q quit'
resize 40 12
check "40x12 still shows the board" wait_screen 5 'general'
check "... with the key bar on line 12" \
	wait_until 5 line_has 12 'q quit'
resize 39 11
check "39x11 says the terminal is too small" wait_screen 5 'Terminal too small'
resize 80 24
check "back at 80x24 the board returns" wait_screen 5 'general +General talk'
keys '?'
check "? shows help" wait_screen 5 'bbs > help'
keys q
check "q leaves help" wait_screen 5 'bbs > boards'
keys q
check "q quits and ssh exits 0" wait_until 10 grep -q 'EXIT=0' "$T/exit"
tmux -L "$TMUX_SOCK" kill-session -t main

tmux_start vt 80 24 "TERM=vt100 $ssh_t"
check "TERM=vt100 works" wait_screen 10 'alice \(member\)'
tmux -L "$TMUX_SOCK" kill-session -t vt

tmux_start unknown 80 24 "TERM=no-such-terminal $ssh_t"
check "an unknown TERM falls back with a notice" \
	wait_screen 10 "Unknown terminal type 'no-such-terminal'"
check "... and still shows the board" wait_screen 5 'alice \(member\)'
tmux -L "$TMUX_SOCK" kill-session -t unknown

TERM=dumb ssh -F "$T/ssh_config" -i "$T/alice" -tt bbs </dev/null >"$T/out" 2>&1
rc=$?
check "TERM=dumb gets a text pointing at help" grep -q 'ssh -p PORT HOST help' "$T/out"
check "... and the session closes with 0" [ "$rc" -eq 0 ]

ssh -F "$T/ssh_config" -i "$T/alice" -T bbs </dev/null >"$T/out" 2>&1
check "a shell without a pty is told to use ssh -t (exit 64)" [ $? -eq 64 ]
check "... in one line" grep -q 'no terminal; use ssh -t' "$T/out"

# A client that offers a key the board does not know before the right one.
tmux_start offer 80 24 "ssh -F $T/ssh_config -i $T/stranger -i $T/alice -t bbs"
check "offering two keys shows the key-offer notice" \
	wait_screen 10 'more than one public key'
check "... explaining IdentitiesOnly" wait_screen 5 'IdentitiesOnly yes'
keys x
check "any key dismisses it" wait_screen 5 'general +General talk'
stop_server
