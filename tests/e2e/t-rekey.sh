#!/bin/sh
# The pump under rekeying and back-pressure (issue 12, item 4). With
# OpenSSH rekeying every 16 KiB, libssh's blocking writes wait for the
# key exchange in a poll of the session's own event, from inside the
# pump's callbacks, and the status callback ran in there. Before the fix
# (c3142ef and this test's commit) a 2.9 MB read exited 70 in 4 of 10
# runs here, each failed run adding about 1,900 log lines, and a reply to
# a missing thread with a 100 KB body gave 70 instead of 66 in 8 of 10:
# a bot that sees 70 retries and posts twice.
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general --title "General discussion" >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server

post() { # AUTHOR ARGS... < body
	"$E2E_POST" "$T/data/bbs.db" "$@" || fail "e2e-post $*"
}
# 50 replies of about 54 KB: a thread that reads as 2.9 MB (the issue's had 2.6).
thread=$(echo "The first post of a long one." |
	post bob thread general "A long thread")
thread=${thread%% *}
line="A line of words to fill a long reply, about sixty bytes long."
i=0
while [ "$i" -lt 50 ]; do
	awk -v l="$i $line" 'BEGIN { for (j = 0; j < 850; j++) print l }' |
		post bob reply "$thread" >/dev/null
	i=$((i + 1))
done
awk 'BEGIN { for (j = 0; j < 1700; j++) print "sixty bytes of a body for a thread that is not there, a line" }' \
	>"$T/body"

rekey() { # NAME ARGS...: as NAME, with OpenSSH rekeying every 16 KiB
	name=$1
	shift
	ssh -F "$T/ssh_config" -o RekeyLimit=16K -i "$T/$name" bbs "$@"
}

as alice read "$thread" >"$T/want" || fail "read without a rekey limit"
want=$(cksum <"$T/want")
check "the thread is over 2.5 MB" [ "$(wc -c <"$T/want")" -gt 2500000 ]
lines=$(wc -l <"$T/server.log")

# Each run's status, byte count and log lines, for the report.
i=0
while [ "$i" -lt 10 ]; do
	rekey alice read "$thread" >"$T/got"
	rc=$?
	echo "read $i: status $rc, $(wc -c <"$T/got") bytes," \
		"log $(wc -l <"$T/server.log") lines"
	check "read $i with RekeyLimit=16K exits 0" [ "$rc" -eq 0 ]
	check "... with the whole thread" [ "$(cksum <"$T/got")" = "$want" ]
	i=$((i + 1))
done

i=0
while [ "$i" -lt 10 ]; do
	rekey alice reply 999999 <"$T/body" 2>"$T/err"
	rc=$?
	check "reply $i to a missing thread with RekeyLimit=16K exits 66" \
		[ "$rc" -eq 66 ]
	i=$((i + 1))
done
check "... saying so" grep -q "^reply: " "$T/err"

# A slow reader: nothing read for 2 s (the whole window and more wait in
# the pipes), then all of it, rekeying every 16 KiB.
{
	rekey alice read "$thread"
	echo $? >"$T/rc"
} | (sleep 2 && cat) >"$T/got" # a reader that stalls, not a wait
check "a slow reader with RekeyLimit=16K gets status 0" \
	[ "$(cat "$T/rc")" -eq 0 ]
check "... and the whole thread" [ "$(cksum <"$T/got")" = "$want" ]

# The same for a paramiko client with a 4 KiB window that stops reading
# for 12 s (longer than the server's write timeout).
got=$(probe "$T/alice" slow-reader "read $thread")
check "a stalled 4 KiB-window reader gets every byte and status 0" \
	[ "$got" = "bytes $(wc -c <"$T/want") status 0" ]

now=$(wc -l <"$T/server.log")
check "the server log grew by $((now - lines)) lines, not hundreds" \
	[ $((now - lines)) -lt 10 ]
stop_server
