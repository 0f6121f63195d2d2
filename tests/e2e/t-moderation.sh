#!/bin/sh
# Moderation over SSH (SPEC section 8): every sysop act lands on the public
# log with actor and reason; members get 77 for sysop commands; the
# two-sysop rule case by case; flags round trip; tampering with the log
# behind the server's back is caught; erase-me.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
member s1 --role sysop
member s2 --role sysop
member s3 --role sysop
member alice
member bob
member newsbot --role bot --board general
start_server

expect() { # STATUS DESCRIPTION NAME ARGS...
	want=$1 desc=$2
	shift 2
	as "$@" >"$T/out" 2>"$T/err" </dev/null
	got=$?
	[ "$got" -eq "$want" ] ||
		fail "$desc: exit $got, want $want ($(cat "$T/err"))"
	echo "ok   $desc"
}
last_act() { # the newest entry as "actor act target reason"
	as alice modlog --limit 1 | cut -f3-6 | tr '\t' ' '
}

printf 'Title\nfirst post\n' | as alice post general >"$T/thread" ||
	fail "post"
thread=$(cat "$T/thread")
echo "a reply" | as bob reply "$thread" >"$T/reply" || fail "reply"
reply=$(cat "$T/reply")

# Each act, then what a member reads in the log.
expect 0 "hide" s1 "hide $reply --reason 'off topic'"
check "... logged with actor and reason" [ "$(last_act)" = "s1 hide post $reply off topic" ]
as alice read "$thread" --json >"$T/read.json"
check "... members see the reason, not the body" "$PY" -c '
import json, sys
p = json.load(open(sys.argv[1]))["posts"][1]
assert p["body"] is None and p["hidden"] == "off topic", p
' "$T/read.json"
expect 0 "unhide" s1 unhide "$reply"
check "... logged" [ "$(last_act)" = "s1 unhide post $reply " ]
expect 0 "lock" s2 "lock $thread --reason 'cooling off'"
check "... logged" [ "$(last_act)" = "s2 lock thread $thread cooling off" ]
echo "late" | as bob reply "$thread" 2>"$T/err"
check "... a member may not reply to a locked thread (77)" [ $? -eq 77 ]
expect 0 "unlock" s2 unlock "$thread"
expect 0 "sticky" s1 "sticky $thread --reason 'read me'"
check "... logged" [ "$(last_act)" = "s1 sticky thread $thread read me" ]
expect 0 "unsticky" s1 unsticky "$thread"
expect 0 "board create" s1 board create events --title Events
check "... logged" [ "$(last_act)" = "s1 board-create events " ]
expect 0 "board edit" s1 board edit events --post-role sysop
check "... logged with what changed" [ "$(last_act)" = "s1 board-edit events post-role: sysop" ]
expect 0 "s1 asks to promote a member" s1 role bob sysop --reason volunteered
check "... it takes a second sysop too (no puppet sysops)" [ "$(cat "$T/out")" = pending ]
check "... logged as a request" [ "$(last_act)" = "s1 request-promote bob volunteered" ]
expect 0 "s2 confirms the promotion" s2 role bob sysop
check "... logged" [ "$(last_act)" = "s2 promote bob " ]
check "... bob is a sysop" [ "$(as bob whoami)" = "bob sysop" ]
admin member role bob member || fail "console demotes bob"
check "the console's acts are logged as console" [ "$(last_act)" = "console demote bob " ]

# Members and bots get 77 for every sysop command.
for cmd in "hide $reply --reason x" "unhide $reply" "lock $thread" \
	"unlock $thread" "sticky $thread" "unsticky $thread" "role bob sysop" \
	"key revoke $(cat "$T/bob.keyid")" "flags" "dismiss 1" \
	"board create x" "board edit general --title x"; do
	# shellcheck disable=SC2086
	expect 77 "a member may not $cmd" alice $cmd
	# shellcheck disable=SC2086
	expect 77 "a bot may not $cmd" newsbot $cmd
done
expect 0 "a bot may read the log" newsbot modlog --limit 1

# The two-sysop rule.
expect 0 "s1 asks to demote s3" s1 role s3 member --reason inactive
check "... it is pending" [ "$(cat "$T/out")" = pending ]
check "... and logged as a request" [ "$(last_act)" = "s1 request-demote s3 inactive" ]
check "... s3 is still a sysop" [ "$(as s3 whoami)" = "s3 sysop" ]
expect 0 "s1 repeating it" s1 role s3 member
check "... changes nothing and says pending again" [ "$(cat "$T/out")" = pending ]
check "... nor logs it twice" [ "$(as alice modlog | grep -c request-demote)" -eq 1 ]
expect 0 "s2 confirms" s2 role s3 member
check "... it is done (no output)" [ ! -s "$T/out" ]
check "... s3 is a member" [ "$(as s3 whoami)" = "s3 member" ]
check "... logged as s2's demotion" [ "$(last_act)" = "s2 demote s3 " ]
admin member role s3 sysop --reason "console restores" || fail "console role"
check "the console is exempt and logged as console" \
	[ "$(last_act)" = "console promote s3 console restores" ]
expect 0 "s1 asks to revoke s3's key" s1 key revoke "$(cat "$T/s3.keyid")"
check "... pending" [ "$(cat "$T/out")" = pending ]
check "... s3 still logs in" [ "$(as s3 whoami)" = "s3 sysop" ]
expect 0 "s2 confirms the revocation" s2 key revoke "$(cat "$T/s3.keyid")"
as s3 whoami >/dev/null 2>&1
check "... s3's key is refused at once" [ $? -eq 255 ]
expect 0 "a sysop revokes a member's key at once" s1 key revoke "$(cat "$T/bob.keyid")" --reason asked
as bob whoami >/dev/null 2>&1
check "... bob is out" [ $? -eq 255 ]

# Flags.
expect 0 "a member flags a post" alice flag "$reply" --reason rude
expect 64 "a flag needs a reason" alice flag "$reply"
expect 66 "flagging a post that does not exist" alice flag 999 --reason x
as s1 flags --json >"$T/flags.json"
check "flags --json: id, post, reason, created; no flagger" "$PY" -c '
import json, sys
f = json.load(open(sys.argv[1]))
assert len(f) == 1 and f[0]["post"] == int(sys.argv[2]), f
assert f[0]["reason"] == "rude" and "created" in f[0] and "id" in f[0]
assert "alice" not in json.dumps(f)
' "$T/flags.json" "$reply"
flag=$(as s1 flags | cut -f1)
expect 0 "dismissing it" s1 "dismiss $flag --reason 'not rude'"
check "... logged" [ "$(last_act)" = "s1 flag-dismiss flag $flag not rude" ]
check "... and gone from the queue" [ "$(as s1 flags; echo "status $?")" = "status 0" ]

# The log: JSON with hashes that chain; verification.
as alice modlog --json --limit 1000 >"$T/modlog.json"
check "modlog --json: fields, and each prev is the hash before it" "$PY" -c '
import json, sys
log = json.load(open(sys.argv[1]))
for e in log:
    assert set(e) >= {"id", "actor", "act", "target", "reason", "created", "prev", "hash"}, e
for newer, older in zip(log, log[1:]):
    assert newer["id"] == older["id"] + 1 and newer["prev"] == older["hash"]
assert log[-1]["prev"] == "0" * 64
' "$T/modlog.json"
n=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$T/modlog.json")
check "modlog --verify over SSH" [ "$(as alice modlog --verify)" = "ok $n entries" ]
check "bbs modlog verify at the console" [ "$(admin modlog verify)" = "ok $n entries" ]
as alice modlog --verify --json >"$T/out" 2>"$T/err"
check "modlog --verify with another option is a usage error (64)" [ $? -eq 64 ]
check "... saying so, and verifying nothing" \
	[ "$(cat "$T/err")" = "modlog: --verify takes no other option" -a ! -s "$T/out" ]
sqlite3 "$T/data/bbs.db" "DROP TRIGGER modlog_no_update;
	UPDATE modlog SET reason = 'nothing to see' WHERE id = 3;" ||
	fail "tampering"
admin modlog verify >"$T/out" 2>"$T/err"
check "a rewritten entry: bbs modlog verify exits 65" [ $? -eq 65 ]
check "... naming entry 3" grep -qx 'modlog: entry 3: its contents do not match its hash' "$T/err"
as alice modlog --verify >/dev/null 2>"$T/err"
check "... and so does modlog --verify over SSH" [ $? -eq 65 ]

# erase-me.
expect 64 "erase-me without --yes changes nothing" alice erase-me
check "... and says to add --yes" grep -q 'add --yes' "$T/err"
check "... alice is still there" [ "$(as alice whoami)" = "alice member" ]
expect 0 "erase-me --yes" alice erase-me --yes
as alice whoami >/dev/null 2>&1
check "... her key is refused on the next connection" [ $? -eq 255 ]
as s1 read "$thread" --json >"$T/read.json"
check "... her thread shows [erased]" "$PY" -c '
import json, sys
t = json.load(open(sys.argv[1]))
assert t["author"] == "[erased]" and t["posts"][0]["author"] == "[erased]", t
assert t["posts"][0]["body"] == "first post"
' "$T/read.json"
check "... and the log does not name her" sh -c "! ssh -F '$T/ssh_config' -i '$T/s1' bbs modlog | grep erase-me | grep -q alice"
member carol
printf 'Mine\nall mine\n' | as carol post general >"$T/t2" || fail "post"
echo "ok" | as s1 reply "$(cat "$T/t2")" >/dev/null || fail "reply"
expect 0 "erase-me --posts --yes" carol erase-me --posts --yes
as s1 read "$(cat "$T/t2")" --json >"$T/read.json"
check "... her posts are gone, the title and others' replies stay" "$PY" -c '
import json, sys
t = json.load(open(sys.argv[1]))
assert t["title"] == "Mine" and t["author"] == "[erased]", t
assert [p["body"] for p in t["posts"]] == ["ok"], t
' "$T/read.json"
stop_server
