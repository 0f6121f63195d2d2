#!/bin/sh
# Guests (SPEC sections 3 and 10): the user name guest logs in without a
# key (the "none" method) unless the setting guests is off; a guest runs
# help and join, with guests read also what a member reads on public
# boards (t-invite runs join and what guests read), and ssh -t prints
# how to join, with the setting address or the address the server
# listens on (with guests read it opens the read-only board instead); a
# member's key is that member, user name guest or not; at most 4 guest sessions
# from one network and 32 in all (one line and 75 beyond); at most 10
# join attempts from one network in 10 minutes; nothing is written for a
# guest, and the log, even with --debug, names no guest and no address.
. "$E2E_DIR/lib.sh"

member alice
# Waiting guests are ssh -N sessions, which the server drops at the end
# of the login grace: 60 s leaves room to open 32 of them and look.
start_server --debug --login-grace 60
db_dump | grep -v '^INSERT INTO settings' >"$T/before.sql"

quiet() {
	"$@" >/dev/null 2>&1
}

# settled: waits until the server has a session process for each held
# guest and none else (beside the listener, the spawner and the lookup
# process), so a guest that just ran a command no longer takes a place.
settled() {
	want=$((3 + $(echo $HELD | wc -w)))
	wait_until 10 sh -c '[ "$(pgrep -c -f -- "--data $1/data")" -eq "$2" ]' \
		sh "$T" "$want" || fail "the server still has other sessions"
}

# hold SRC N: N guest sessions from SRC that log in and wait (ssh -N).
# Returns once each has logged in: ssh runs LocalCommand after login. A
# guest beyond the caps logs in too, so nothing else may be running.
# (Its own variable names: wait_until's i is global.)
HELD=
hold() {
	hold_src=$1 hold_n=$2 hold_i=0
	settled
	while [ "$hold_i" -lt "$hold_n" ]; do
		hold_i=$((hold_i + 1))
		up="$T/held-$(echo $HELD | wc -w)"
		ssh -F "$T/ssh_config" -b "$hold_src" -l guest \
			-o PreferredAuthentications=none -N \
			-o PermitLocalCommand=yes -o LocalCommand="touch $up" \
			bbs </dev/null >/dev/null 2>&1 &
		HELD="$HELD $!"
		wait_until 10 test -f "$up" ||
			fail "guest $hold_i from $hold_src did not log in"
	done
}

release() {
	kill $HELD 2>/dev/null
	wait $HELD 2>/dev/null
	HELD=
}

# --- guests join (the default) ------------------------------------------
guest help >"$T/out"
check "a guest runs help (guests join is the default)" [ $? -eq 0 ]
check "... which lists the commands for guests" grep -q 'Commands for a guest' "$T/out"
check "... and nothing a guest may not run" not grep -qE 'whoami|post|boards' "$T/out"
guest whoami >"$T/out" 2>"$T/err"
check "a guest's whoami is refused (77)" [ $? -eq 77 ]
check "... saying it is for members" [ "$(cat "$T/err")" = "whoami: a guest may only run help and join; members log in with their key" ]
guest post general <"$T/alice.pub" >"$T/out" 2>&1
check "a guest may not post (77)" [ $? -eq 77 ]

door() {
	guest -tt </dev/null 2>&1 | tr -d '\r'
}
door >"$T/door"
check "ssh -t as guest prints how to join" \
	grep -qF "  ssh -p $PORT guest@127.0.0.1 join CODE NAME < ~/.ssh/bbs_ed25519.pub" "$T/door"
check "... and how to log in with the new key" \
	grep -qF "  ssh -p $PORT -o IdentitiesOnly=yes -i ~/.ssh/bbs_ed25519 127.0.0.1" "$T/door"
check "... and with guests join not the public boards" not grep -q 'boards' "$T/door"
bad=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	quiet guest -tt </dev/null || bad=$((bad + 1))
done
check "... and exits 0, ten times in a row (got $bad failures)" [ "$bad" -eq 0 ]

# The same on a real terminal.
# The shell records ssh's status itself: tmux does not always have it.
tmux_start door 100 24 "ssh -t -F $T/ssh_config -l guest -o PreferredAuthentications=none bbs; echo EXIT=\$? >$T/exit_door"
check "the board's door in tmux says how to join" wait_screen 10 "guest@127\.0\.0\.1 join CODE NAME"
check "... and closes" wait_until 10 pane_dead
check "... with status 0" [ "$(cat "$T/exit_door")" = EXIT=0 ]

admin config set address bbs.example.org:2022 || fail "config set address"
door >"$T/door"
check "the setting address names the board in the join line" \
	grep -qF "  ssh -p 2022 guest@bbs.example.org join CODE NAME" "$T/door"
admin config set address bbs.example.org || fail "config set address"
door >"$T/door"
check "... without -p for port 22" grep -qF "  ssh guest@bbs.example.org join CODE NAME" "$T/door"
admin config set address 'evil.org; rm -rf ~' 2>"$T/err"
check "an address that is no host is refused (65)" [ $? -eq 65 ]
admin config set address '' || fail "config set address ''"
door >"$T/door"
check "an empty address is the listen address again" grep -qF "ssh -p $PORT guest@127.0.0.1 join" "$T/door"

# --- guests read -----------------------------------------------------
admin config set guests read || fail "config set guests read"
# With read, ssh -t opens the read-only board (t-ui-guest.sh tries it in
# tmux); q quits it.
printf q | guest -tt >"$T/door" 2>&1
check "with guests read, q quits the guest's ssh -t with status 0" [ $? -eq 0 ]
check "... which opened the guest's board" grep -q 'guest (read-only)' "$T/door"
check "... not the door" not grep -q 'join CODE NAME' "$T/door"
check "with guests read, a guest still runs help" quiet guest help

admin config set guests maybe 2>"$T/err"
check "guests takes only off, join or read (65)" [ $? -eq 65 ]
check "... saying so" grep -q 'guests must be off, join or read' "$T/err"
admin config list >"$T/out"
check "config list shows guests as a word" grep -q '^guests	read	join	' "$T/out"

# --- a member's key as user guest ---------------------------------------
# OpenSSH always tries "none" first, which logs user guest in as a guest
# while guests are allowed; a client that starts with its key is the
# member the key belongs to.
check "a member's key as user guest is that member (publickey first)" \
	[ "$(probe "$T/alice" as-guest whoami)" = "status 0 alice member" ]

# --- guests off ----------------------------------------------------------
admin config set guests off || fail "config set guests off"
guest help >"$T/out" 2>&1
check "with guests off, guest is refused like any failed login (255)" [ $? -eq 255 ]
check "... with a plain permission denied" grep -q 'Permission denied (publickey)' "$T/out"
door >"$T/door"
check "... and ssh -t too" grep -q 'Permission denied (publickey)' "$T/door"
out=$(ssh -F "$T/ssh_config" -i "$T/alice" -l guest bbs whoami)
check "with guests off, a member's key as user guest (OpenSSH) is that member" [ "$out" = "alice member" ]
admin config set guests join || fail "config set guests join"
check "guests join again: the next connection gets in" quiet guest help
ssh -F "$T/ssh_config" -l alice -o PreferredAuthentications=none bbs help \
	>"$T/out" 2>&1
check "no other user name logs in without a key" [ $? -eq 255 ]

# --- the guest caps ------------------------------------------------------
hold 127.0.0.1 4
guest help >"$T/out" 2>"$T/err"
check "a 5th guest from one network gets 75" [ $? -eq 75 ]
check "... and one line" [ "$(cat "$T/err")" = "bbs: too many guests at the moment; try again later" ]
guest -tt </dev/null >"$T/out" 2>&1
check "... as does a 5th guest's ssh -t" [ $? -eq 75 ]
check "a guest from another network still gets in" quiet guest_from 127.0.1.1 help
for n in 1 2 3 4 5 6; do
	hold "127.0.$n.1" 4
done
hold 127.0.7.1 3
check "with 31 guests in, the 32nd gets in" quiet guest_from 127.0.8.1 help
hold 127.0.7.1 1
guest_from 127.0.9.1 help >"$T/out" 2>"$T/err"
check "with 32 guests in, a 33rd from a new network gets 75" [ $? -eq 75 ]
check "a member still logs in beside 32 guests" [ "$(as alice whoami)" = "alice member" ]
release
check "when the guests leave, a guest gets in again" wait_until 10 quiet guest help

# --- join attempts -------------------------------------------------------
# Counted before the command runs, so join's own answer does not matter.
bad=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	guest join inv-aaaaa-bbbbb newcomer </dev/null >/dev/null 2>&1
	[ $? -ne 75 ] || bad=$((bad + 1))
done
check "10 join attempts from one network are heard (got $bad refused)" [ "$bad" -eq 0 ]
guest join inv-aaaaa-bbbbb newcomer </dev/null >"$T/out" 2>"$T/err"
check "the 11th in 10 minutes gets 75" [ $? -eq 75 ]
check "... saying to try later" [ "$(cat "$T/err")" = "join: too many attempts, try later" ]
guest help >/dev/null
check "... while the guest may still run help" [ $? -eq 0 ]
guest_from 127.0.1.1 join inv-aaaaa-bbbbb newcomer </dev/null >/dev/null 2>&1
check "another network may still try" [ $? -ne 75 ]

# --- nothing written, nothing logged ------------------------------------
db_dump | grep -v '^INSERT INTO settings' >"$T/after.sql"
check "nothing was written for a guest" cmp -s "$T/before.sql" "$T/after.sql"
stop_server
check "the log (--debug) names no guest" not grep -qi 'guest' "$T/server.log"
check "the log names no address but its own" [ "$(grep -c '127\.0\.' "$T/server.log")" -eq 1 ]
check "the log names no member or user" not grep -qiE 'alice|newcomer|inv-' "$T/server.log"
