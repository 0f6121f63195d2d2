#!/bin/sh
# Channel requests sent with want-reply (RFC 4254 section 5.4; SPEC section
# 3; issue 12 item 10): each gets its answer, a refused one leaves the
# channel usable, and env takes TERM, LANG, LC_* and NO_COLOR only.
# probe.py sends them on one session channel, reads the answers itself,
# then runs whoami on the same channel.
. "$E2E_DIR/lib.sh"

member alice
start_server

probe "$T/alice" want-reply \
	env:TERM=xterm env:LANG=C.UTF-8 env:LC_ALL=C.UTF-8 env:LC_MESSAGES=C \
	env:NO_COLOR=1 env:LD_PRELOAD=/tmp/x.so env:TERMINFO=/tmp \
	window-change pty-req window-change pty-req \
	break xon-xoff x11-req subsystem auth-agent-req@openssh.com \
	keepalive@openssh.com eow@openssh.com no-such-request@example.org \
	signal exit-signal exit-status >"$T/answers" ||
	fail "probe want-reply"
answer() {
	grep -qx -- "$1 $2" "$T/answers"
}
for v in TERM=xterm LANG=C.UTF-8 LC_ALL=C.UTF-8 LC_MESSAGES=C NO_COLOR=1; do
	check "env $v is accepted" answer "env:$v" success
done
for v in LD_PRELOAD=/tmp/x.so TERMINFO=/tmp; do
	check "env $v is refused" answer "env:$v" failure
done
check "window-change before a pty is refused" \
	[ "$(grep '^window-change ' "$T/answers" | head -n 1)" = "window-change failure" ]
check "pty-req is granted" \
	[ "$(grep '^pty-req ' "$T/answers" | head -n 1)" = "pty-req success" ]
check "window-change on the pty is answered (libssh would not)" \
	[ "$(grep '^window-change ' "$T/answers" | sed -n 2p)" = "window-change success" ]
check "a second pty-req is refused" \
	[ "$(grep '^pty-req ' "$T/answers" | sed -n 2p)" = "pty-req failure" ]
for r in break xon-xoff x11-req subsystem auth-agent-req@openssh.com \
	keepalive@openssh.com eow@openssh.com no-such-request@example.org; do
	check "$r is refused, with an answer" answer "$r" failure
done
# libssh 0.10.6 handles these three itself, below every callback, and
# drops their want-reply: nothing the server can answer them with
# (docs/DESIGN-NOTES.md, "Channel requests"). The channel survives them.
for r in signal exit-signal exit-status; do
	check "$r: answered as refused, or (libssh 0.10.6) not at all" \
		sh -c "grep -qxE -- '$r (failure|none)' '$T/answers'"
done
check "after all of them the channel still runs a command" \
	answer status "0 alice member"
stop_server
