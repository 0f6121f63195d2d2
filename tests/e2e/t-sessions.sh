#!/bin/sh
# Sessions at once (SPEC section 3; issue 12, item 2): at most
# sessions_per_member (8) per member, all their keys together, and at
# most --sessions-max in all; the one beyond gets one line and 75, exec
# and shell alike, while others still get in. Lowering the setting holds
# for the next login. One key once opened 1,000 sessions in 17 s.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
member alice
member bob
member carol
# alice's second key: the limit is the member's, not the key's.
keygen alice2
admin key add alice <"$T/alice2.pub" >/dev/null || fail "key add alice2"
start_server --sessions-max 11

# Held sessions run `post`, which waits for its body: one fifo a member,
# kept open for writing here (and in no client, so closing it here is
# the end of file that lets them go).
mkfifo "$T/in.alice" "$T/in.bob" "$T/in.carol"
exec 3<>"$T/in.alice" 4<>"$T/in.bob" 5<>"$T/in.carol"
hold() {
	ssh -F "$T/ssh_config" -i "$T/$1" bbs post general \
		<"$T/in.$2" >/dev/null 2>&1 3>&- 4>&- 5>&- &
	held="$held $!"
}
held=

# How many command children wait for their input (see command_waiting).
waiting() {
	n=0
	for p in $(pgrep -P "$SERVER_PID"); do
		for c in $(pgrep -P "$p"); do
			case $(readlink "/proc/$c/fd/0" 2>/dev/null) in
			pipe:*) ;;
			*) continue ;;
			esac
			grep -q poll "/proc/$c/wchan" 2>/dev/null && n=$((n + 1))
		done
	done
	echo "$n"
}

waiting_is() {
	[ "$(waiting)" -eq "$1" ]
}

i=0
while [ "$i" -lt 4 ]; do
	hold alice alice
	hold alice2 alice
	i=$((i + 1))
done
wait_until 30 waiting_is 8 || fail "8 sessions of alice held: $(waiting)"
echo "ok   8 sessions of alice are open, from two keys"

as alice whoami >"$T/out" 2>"$T/err"
check "alice's 9th session is refused with 75" [ $? -eq 75 ]
check "... in one line naming the limit" grep -qx \
	'bbs: too many sessions for alice at once (8); close one and try again' \
	"$T/err"
check "... and runs nothing" [ ! -s "$T/out" ]
as alice2 whoami >"$T/out" 2>"$T/err"
check "alice's other key is refused too" [ $? -eq 75 ]
ssh -tt -F "$T/ssh_config" -i "$T/alice" bbs </dev/null >"$T/out" 2>&1
check "an interactive 9th session is refused with 75" [ $? -eq 75 ]
check "... with the same line" grep -q 'too many sessions for alice' "$T/out"
check "another member still gets in" [ "$(as bob whoami)" = "bob member" ]

admin config set sessions_per_member 2 >/dev/null || fail "config set"
hold bob bob
hold bob bob
wait_until 30 waiting_is 10 || fail "2 sessions of bob held: $(waiting)"
as bob whoami >"$T/out" 2>"$T/err"
check "lowered to 2, bob's 3rd session is refused with 75" [ $? -eq 75 ]
check "... naming the new limit" grep -q 'too many sessions for bob at once (2)' \
	"$T/err"

# 10 open; --sessions-max 11: carol's first takes the last place.
hold carol carol
wait_until 30 waiting_is 11 || fail "carol's session held: $(waiting)"
as carol whoami >"$T/out" 2>"$T/err"
check "with 11 sessions open, carol's 2nd is refused with 75" [ $? -eq 75 ]
check "... by the cap on all sessions" grep -qx \
	'bbs: the board has as many sessions as it can take (11); try again later' \
	"$T/err"

# alice's sessions end: her logins count again, under the new limit.
exec 3>&-
wait_until 30 waiting_is 3 || fail "alice's sessions did not end"
check "once hers have ended, alice gets in again" \
	wait_until 20 sh -c '[ "$(ssh -F "$1/ssh_config" -i "$1/alice" bbs whoami)" = "alice member" ]' sh "$T"
exec 4>&- 5>&-
wait_until 30 waiting_is 0 || fail "the held sessions did not end"
wait $held
stop_server
