#!/bin/sh
# 16 clients post 10 replies each to one thread at once: exactly 160
# replies, every one of them a success, and every id printed is a post of
# the thread (and no id printed twice).
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

CLIENTS=16
REPLIES=10
admin board create general >/dev/null
admin config set rate_posts 1000 >/dev/null || fail "config set"
c=0
while [ "$c" -lt "$CLIENTS" ]; do
	member "m$c"
	c=$((c + 1))
done
start_server
printf 'Busy thread\nfirst post\n' >"$T/in"
expect_in "$T/in" 0 "the thread" m0 post general
t=$(cat "$T/out")

# client N: REPLIES replies in a row; ids to $T/ids.N, failures to
# $T/fail.N.
client() {
	i=0
	while [ "$i" -lt "$REPLIES" ]; do
		printf 'reply %s from client %s\n' "$i" "$1" |
			as "m$1" reply "$t" >>"$T/ids.$1" 2>>"$T/err.$1" ||
			echo "reply $i: exit $?" >>"$T/fail.$1"
		i=$((i + 1))
	done
}

pids=
c=0
while [ "$c" -lt "$CLIENTS" ]; do
	client "$c" &
	pids="$pids $!"
	c=$((c + 1))
done
for p in $pids; do
	wait "$p"
done

check "every reply succeeded" sh -c "! cat '$T'/fail.* 2>/dev/null | grep -q ."
cat "$T"/ids.* >"$T/ids"
check "160 ids were printed" [ "$(wc -l <"$T/ids")" -eq $((CLIENTS * REPLIES)) ]
check "no id was printed twice" [ "$(sort -u "$T/ids" | wc -l)" -eq $((CLIENTS * REPLIES)) ]
expect 0 "read --json" m1 read "$t" --json
check "the thread holds exactly 160 replies" json "$T/out" "len(j['posts']) == 1 + $CLIENTS * $REPLIES"
check "every printed id is one of them" python3 -c '
import json, sys
posts = {p["id"] for p in json.load(open(sys.argv[1]))["posts"][1:]}
ids = {int(line) for line in open(sys.argv[2])}
sys.exit(0 if ids == posts else 1)' "$T/out" "$T/ids"
check "each client's replies are in its own order" python3 -c '
import json, sys
bodies = [p["body"] for p in json.load(open(sys.argv[1]))["posts"][1:]]
for c in range(int(sys.argv[2])):
    mine = [b for b in bodies if b.endswith(" from client %d" % c)]
    if mine != ["reply %d from client %d" % (i, c) for i in range(int(sys.argv[3]))]:
        sys.exit(1)' "$T/out" "$CLIENTS" "$REPLIES"
expect 0 "threads" m2 threads general
check "threads counts 160 replies" grep -q "^$t	.*	m0	160	" "$T/out"

stop_server
