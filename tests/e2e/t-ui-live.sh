#!/bin/sh
# Live updates: what a second member writes in their own session appears
# on the first member's screen within 3 seconds without a keypress, in
# the open thread, the list of threads and the boards; and an idle
# session sleeps (polling once a second is not a busy loop).
. "$E2E_DIR/lib.sh"

member alice
member bob
admin board create general >/dev/null
admin board create memes >/dev/null
admin config set rate_posts 1000 >/dev/null
start_server
echo "Who is around?" |
	"$E2E_POST" "$T/data/bbs.db" alice thread general "Roll call" >/dev/null ||
	fail "e2e-post"

ui a 80 24 alice
check "alice's board opens" wait_screen 20 '^ general'
keys Enter Enter
check "alice reads the thread" wait_screen 10 'Who is around\?'
ui b 80 24 bob
check "bob's board opens" wait_screen 20 '^ general'
keys Enter Enter
check "bob reads it too" wait_screen 10 'Who is around\?'

# seen_within SECS SESSION PATTERN: no key is sent to SESSION meanwhile.
seen_within() {
	secs=$1
	use_session "$2"
	wait_until "$secs" screen_has "$3"
	r=$?
	use_session b
	return $r
}

keys r
check "bob's reply editor" wait_screen 10 'reply to: Roll call'
keys -l 'Bob is here'
keys C-s
check "bob's reply is sent" wait_screen 10 'Posted'
check "it appears in alice's open thread within 3 s" \
	seen_within 3 a '^ +Bob is here$'
check "... as a new post with its author" seen_within 1 a '^ +bob +[0-9-]+ [0-9:]+ +#[0-9]+ +new$'
check "... and the post count" seen_within 1 a '^ Roll call +2 posts$'

use_session a
keys q
check "alice goes back to the threads" wait_screen 10 'New +Thread'
use_session b
keys q w
check "bob writes a new thread" wait_screen 10 '^ Title:'
keys -l 'Fresh topic'
keys Enter
keys -l 'Something new'
keys C-s
check "bob's thread is sent" wait_screen 10 'Posted'
check "it appears in alice's list within 3 s, unread" \
	seen_within 3 a '^ +1 +Fresh topic +bob +0$'

use_session a
keys q
check "alice goes back to the boards" wait_screen 10 '^ Board'
use_session b
keys q q j Enter w
check "bob writes on memes" wait_screen 10 'memes > new thread'
keys -l 'A cat'
keys Tab
keys -l 'Picture a cat.'
keys C-s
check "bob's meme is sent" wait_screen 10 'Posted'
check "alice's boards count it within 3 s" \
	seen_within 3 a '^ memes +1 +1$'

# An idle session wakes about once a second: a few ms of CPU in 3 s.
ui_cpu_ticks() {
	total=0
	for fd0 in /proc/[0-9]*/fd/0; do
		pid=${fd0#/proc/}
		pid=${pid%%/*}
		case $(readlink "$fd0" 2>/dev/null) in
		/dev/pts/*) ;;
		*) continue ;;
		esac
		[ "$(readlink "/proc/$pid/fd/2" 2>/dev/null)" = "$T/server.log" ] ||
			continue
		t=$(awk '{print $14 + $15}' "/proc/$pid/stat")
		total=$((total + t))
	done
	echo "$total"
}
before=$(ui_cpu_ticks)
# Doing nothing for 3 s is the test: there is nothing to wait for.
sleep 3
after=$(ui_cpu_ticks)
check "two idle sessions use under 0.2 s of CPU in 3 s ($((after - before)) ticks)" \
	[ $((after - before)) -lt 20 ]
use_session a
keys q
use_session b
keys q q
stop_server
