#!/bin/sh
# The front door over SSH (SPEC section 10, issue 11): members invite
# (codes, caps, revoking), a newcomer joins with a new key and logs in
# with it; used, revoked, expired and made-up codes get one answer; a
# join that fails leaves the code usable; bad input is one line and
# writes nothing; with join_vouches 2 the applicant waits, runs only
# whoami and help, and a second member's vouch admits them; sysops admit
# and reject; public boards, which a guest reads; and afterwards the
# database holds no link from anyone to whoever invited or vouched for
# them.
#
# Every join is the newcomer's real ssh as user guest, no key, with the
# key line on standard input. The server hears 10 join attempts from one
# network in 10 minutes, so each group of attempts comes from a loopback
# network of its own (from_net), and one group checks the 11th.
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

CODE_RE='^inv-[a-z2-7]{5}(-[a-z2-7]{5}){4}$'
tab=$(printf '\t')

# from_net N: the join attempts that follow come from 127.0.N.1.
from_net() {
	JOIN_SRC=127.0.$1.1 JOIN_TRIES=0
}

# join_try ARGS...: `join ARGS` over SSH from that network. Refuses to
# make an 11th attempt there, which the server would answer with 75
# whatever the test meant to check.
join_try() {
	JOIN_TRIES=$((JOIN_TRIES + 1))
	[ "$JOIN_TRIES" -le 10 ] ||
		fail "an 11th join attempt from $JOIN_SRC: give it a from_net of its own"
	guest_from "$JOIN_SRC" join "$@"
}

# guest_join CODE NAME KEYFILE: the join; output in $T/out, $T/err.
guest_join() {
	join_try "$1" "$2" <"$3" >"$T/out" 2>"$T/err"
}

# expect_join STATUS DESC CODE NAME KEYFILE
expect_join() {
	want=$1 desc=$2
	shift 2
	guest_join "$@"
	rc=$?
	[ "$rc" -eq "$want" ] ||
		fail "$desc: exit $rc, not $want: $(head -c 300 "$T/err")"
	echo "ok   $desc"
}

# Rows that name member NAME outside members and keys, by any foreign key
# to members: after admission there must be none (the newcomer did
# nothing yet, so nothing may say who brought them).
db_links() {
	python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(mid,) = db.execute("SELECT id FROM members WHERE pseudonym = ?", (sys.argv[2],)).fetchone()
n = 0
for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = \"table\""):
    if t in ("members", "keys"):
        continue
    for fk in db.execute("PRAGMA foreign_key_list(\"%s\")" % t).fetchall():
        if fk[2] == "members":
            n += db.execute("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?" % (t, fk[3]), (mid,)).fetchone()[0]
print(n)' "$T/data/bbs.db" "$1"
}

admin board create general --title "Members only" >/dev/null ||
	fail "board create general"
admin board create news --title News --public >/dev/null ||
	fail "board create news"
member alice
member bob
member carol
member root --role sysop
member newsbot --role bot --board news
keygen nina
keygen olga
keygen pete
keygen quin
keygen rita
cat >"$T/weak.pub" <<'KEY'
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC5t3sVPCt2+Yce6omQ5q2dEtcRIj7iKK7feGsXExP/cKUWFKTZ/jhfs/8n64WikfhJiIfLIusJtPWlZiFIOmlxsZroeE/NlPGwgpWpsG1JhBq7gdZy/FXkKCWvRiKZLJkKGsKLGgHgtY0GeqOfcEIBBkkep6qZ+oaFqAicLlo6CQ== weak
KEY
start_server

# --- invitations ---------------------------------------------------------------
expect 0 "a member invites" alice invite
code1=$(cut -f1 "$T/out")
check "... the code: inv- and five groups of five base32" \
	sh -c "printf '%s\n' '$code1' | grep -Eq '$CODE_RE'"
check "... then its expiry, a week away at the hour" \
	sh -c "cut -f2 '$T/out' | grep -Eq '$(echo "$HOUR_RE" | sed 's/\$$//')'"
check "... one line" [ "$(wc -l <"$T/out")" -eq 1 ]
check "... and only a hash of it is stored" \
	[ "$(db "SELECT count(*) FROM invites WHERE typeof(hash) = 'blob'")" = 1 ]
check "... the code nowhere in the database" sh -c \
	"! grep -qa '$(echo "$code1" | cut -c5-)' '$T/data/bbs.db'"
expect 0 "invite --json" alice invite --json
check "... {id, code, expires}" json "$T/out" \
	"sorted(j) == ['code', 'expires', 'id'] and j['id'] == 2 and re.match('$CODE_RE', j['code'])"
code2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["code"])' "$T/out")
expect 0 "invites lists one's open invitations" alice invites
check "... id, created, expires" sh -c \
	"cut -f1 '$T/out' | tr '\n' ' ' | grep -qx '1 2 ' && [ \$(awk -F'\t' '{print NF}' '$T/out' | sort -u) = 3 ]"
expect 0 "invites --json" alice invites --json
check "... [{id, created, expires}]" json "$T/out" \
	"[sorted(x) for x in j] == [['created', 'expires', 'id']] * 2"
expect 0 "another member sees none of them" bob invites
check "... nothing" [ ! -s "$T/out" ]
expect 0 "invite revoke" alice invite revoke 2
expect 66 "revoking it again" alice invite revoke 2
check "... one line naming it" [ "$(cat "$T/err")" = "invite revoke: you have no open invitation 2" ]
expect 66 "revoking someone else's" bob invite revoke 1
expect 0 "a second invitation" alice invite
expect 0 "a third" alice invite
code4=$(cut -f1 "$T/out")
expect 75 "a fourth open one is refused" alice invite
check "... one line" err_is invite
expect 77 "bots do not invite" newsbot invite
check "... one line" [ "$(cat "$T/err")" = "invite: bot keys may not run this command" ]

# --- joining ---------------------------------------------------------------------
from_net 1
expect_join 0 "a newcomer joins with a new key" "$code1" nina "$T/nina.pub"
check "... member PSEUDONYM" [ "$(cat "$T/out")" = "member nina" ]
expect 0 "... and logs in with it over SSH" nina whoami
check "... as a member" [ "$(cat "$T/out")" = "nina member" ]
expect 0 "the used invitation left invites" alice invites
check "... two open ones remain" [ "$(wc -l <"$T/out")" -eq 2 ]
check "... and nothing links nina to alice" [ "$(db_links nina)" = 0 ]

expect_join 66 "a used code" "$code1" olga "$T/olga.pub"
cp "$T/err" "$T/err.used"
expect_join 66 "a revoked code" "$code2" olga "$T/olga.pub"
cp "$T/err" "$T/err.revoked"
expect_join 66 "a made-up (garbage) code of the right shape" \
	inv-aaaaa-bbbbb-ccccc-ddddd-eeeee olga "$T/olga.pub"
cp "$T/err" "$T/err.madeup"
expect 0 "an invitation to expire" bob invite
code5=$(cut -f1 "$T/out")
db_exec "UPDATE invites SET expires = 0 WHERE inviter_id = (SELECT id FROM members WHERE pseudonym = 'bob')"
expect_join 66 "an expired code" "$code5" olga "$T/olga.pub"
check "used, revoked, made-up and expired codes: one answer" sh -c \
	"[ \"\$(cat '$T/err')\" = 'join: no such invitation' ] &&
	 cmp -s '$T/err' '$T/err.used' && cmp -s '$T/err' '$T/err.revoked' &&
	 cmp -s '$T/err' '$T/err.madeup'"

# A failed join leaves the code usable, and writes nothing.
expect 0 "an invitation for the failures" carol invite
code3=$(cut -f1 "$T/out")
db_dump >"$T/before"
from_net 2
expect_join 65 "a taken pseudonym" "$code3" ALICE "$T/olga.pub"
check "... one line naming it" [ "$(cat "$T/err")" = "join: the pseudonym 'ALICE' is taken; choose another" ]
expect_join 65 "a key already registered" "$code3" olga "$T/alice.pub"
check "... one line naming it" [ "$(cat "$T/err")" = "join: this key is already registered; make a new key for this board" ]

# The bad input of the issue: one line naming the problem, its status.
for c in inv- inv-aaaaa INV-AAAAA-BBBBB-CCCCC-DDDDD-EEEE1 \
	inv-aaaaa-bbbbb-ccccc-ddddd-eeeeee "inv-aaaaa-bbbbb-ccccc-ddddd eeeee" xyz; do
	expect_join 66 "a code of the wrong shape: '$c'" "'$c'" olga "$T/olga.pub"
	check "... the one answer of every code that does not let you in" \
		[ "$(cat "$T/err")" = "join: no such invitation" ]
done
from_net 3
for n in o "'o l'" "'o\$x'" console thisnameistoolongforthebbs; do
	expect_join 65 "a bad pseudonym: $n" "$code3" "$n" "$T/olga.pub"
	check "... one line" err_is join
done
printf 'ssh-ed25519 not-base64!\n' >"$T/bad.pub"
expect_join 65 "a key line that does not parse" "$code3" olga "$T/bad.pub"
check "... one line" [ "$(cat "$T/err")" = "join: key data is not valid base64" ]
expect_join 65 "a key too weak" "$code3" olga "$T/weak.pub"
check "... one line" [ "$(cat "$T/err")" = "join: RSA key of 1024 bits (need 2048 to 16384)" ]
expect_join 65 "an empty standard input" "$code3" olga /dev/null
check "... one line" [ "$(cat "$T/err")" = "join: no key line on standard input" ]
head -c 65536 /dev/urandom >"$T/garbage"
expect_join 65 "64 KiB of garbage" "$code3" olga "$T/garbage"
check "... one line" err_is join
join_try </dev/null >"$T/out" 2>"$T/err"
check "a join without arguments: 64" [ $? -eq 64 ]
check "... one line with the usage" grep -qx 'join: missing arguments (usage: join CODE PSEUDONYM < KEY.pub)' "$T/err"
# That was the 10th attempt from this network in 10 minutes.
[ "$JOIN_TRIES" -eq 10 ] || fail "the test counts $JOIN_TRIES attempts, not 10"
guest_from "$JOIN_SRC" join "$code3" olga <"$T/olga.pub" >"$T/out" 2>"$T/err"
check "the 11th from one network gets 75, good code or not" [ $? -eq 75 ]
check "... saying to try later" [ "$(cat "$T/err")" = "join: too many attempts, try later" ]
db_dump >"$T/after"
check "none of the failures wrote anything" cmp -s "$T/before" "$T/after"
from_net 4
expect_join 0 "... and from another network the code still works" "$code3" olga "$T/olga.pub"
expect 0 "olga logs in" olga whoami
check "... olga member" [ "$(cat "$T/out")" = "olga member" ]
expect 77 "a member may not join" alice join "$code4" someone
check "... one line" err_is join

# --- vouching ----------------------------------------------------------------------
admin config set join_vouches 2 || fail "config set join_vouches"
expect_join 0 "with join_vouches 2, a newcomer" "$code4" pete "$T/pete.pub"
check "... is an applicant" [ "$(cat "$T/out")" = "applicant pete: 1 more vouches needed" ]
expect 0 "the applicant's key logs in" pete whoami
check "... PSEUDONYM applicant" [ "$(cat "$T/out")" = "pete applicant" ]
expect 0 "... help says how far they are" pete help
check "... 1 of 2" grep -q '^You are an applicant: 1 of 2 vouches' "$T/out"
check "... and lists only help and whoami" sh -c \
	"[ \$(grep -c '^  ' '$T/out') -eq 2 ]"
for c in boards "read 1" "post general" invite applicants "vouch pete" "erase-me --yes" forget-reads pins; do
	expect 77 "an applicant may not: $c" pete $c
	check "... one line" err_is "$(echo "$c" | cut -d' ' -f1)"
done
expect 0 "members see the applicant" bob applicants
check "... pseudonym, vouches, needed, expires" sh -c \
	"cut -f1-3 '$T/out' | grep -qx 'pete${tab}1${tab}2'"
expect 0 "applicants --json" bob applicants --json
check "... [{pseudonym, vouches, needed, expires}]" json "$T/out" \
	"j[0]['pseudonym'] == 'pete' and j[0]['vouches'] == 1 and j[0]['needed'] == 2 and re.match('$HOUR_RE', j[0]['expires'])"
expect 0 "the inviter vouching again changes nothing" alice vouch pete
check "... vouches so far and needed" [ "$(cat "$T/out")" = "pete${tab}1${tab}2${tab}applicant" ]
expect 77 "vouching for oneself" bob vouch bob
expect 66 "vouching for a member" bob vouch alice
check "... one line" [ "$(cat "$T/err")" = "vouch: no applicant 'alice'" ]
expect 66 "vouching for nobody" bob vouch nobody
expect 77 "bots do not vouch" newsbot vouch pete
expect 0 "a second member vouches" bob vouch pete
check "... and makes a member" [ "$(cat "$T/out")" = "pete${tab}2${tab}2${tab}member" ]
expect 0 "the new member" pete whoami
check "... is one" [ "$(cat "$T/out")" = "pete member" ]
expect 0 "... and may post" pete boards
check "after admission no vouch is kept" [ "$(db_count vouches)" = 0 ]
check "... and nothing names pete but his member row and key" [ "$(db_links pete)" = 0 ]
check "... the log says nothing of joins or vouches" \
	[ "$(db "SELECT count(*) FROM modlog WHERE act NOT IN ('board-create')")" = 0 ]

# --- admit and reject ------------------------------------------------------------
expect 0 "root invites" root invite
codeq=$(cut -f1 "$T/out")
expect 0 "root invites again" root invite
coder=$(cut -f1 "$T/out")
expect_join 0 "quin applies" "$codeq" quin "$T/quin.pub"
expect_join 0 "rita applies" "$coder" rita "$T/rita.pub"
expect 77 "a member may not admit" alice admit quin
check "... one line" [ "$(cat "$T/err")" = "admit: only sysops may run this command" ]
expect 0 "a sysop admits" root admit quin --reason "'known to us'"
expect 0 "quin is a member" quin whoami
check "... at once" [ "$(cat "$T/out")" = "quin member" ]
expect 66 "admitting a member" root admit quin
check "... no applicant" [ "$(cat "$T/err")" = "admit: no applicant 'quin'" ]
expect 77 "a member may not reject" alice reject rita
expect 0 "a sysop rejects" root reject rita --reason "'nobody knows her'"
as rita whoami </dev/null >"$T/out" 2>"$T/err"
check "rita's key no longer logs in" [ $? -eq 255 ]
check "... her pseudonym is free" [ "$(db "SELECT count(*) FROM members WHERE pseudonym = 'rita'")" = 0 ]
expect 0 "both are on the log" alice modlog
check "... admit and reject, by root, with the reasons" sh -c \
	"grep -q '${tab}root${tab}admit${tab}quin${tab}known to us\$' '$T/out' &&
	 grep -q '${tab}root${tab}reject${tab}rita${tab}nobody knows her\$' '$T/out'"
check "no vouch and no invitation names quin" [ "$(db_links quin)" = 0 ]

# --- public boards ---------------------------------------------------------------
expect 0 "boards marks a public board" alice boards
check "... [public] at the end of its line" sh -c \
	"grep -qx 'news${tab}0${tab}member${tab}News${tab}\[public\]' '$T/out' &&
	 grep -qx 'general${tab}0${tab}member${tab}Members only' '$T/out'"
expect 0 "boards --json" alice boards --json
check "... public true or false" json "$T/out" \
	"[(b['name'], b['public']) for b in j] == [('general', False), ('news', True)]"
expect 0 "a sysop makes a board public over SSH" root board edit general --public yes
expect 0 "... and not" root board edit general --public no
expect 64 "--public takes yes or no" root board edit general --public maybe
expect 77 "a member may not" alice board edit general --public yes
expect 0 "a sysop creates a public board" root board create events --public
expect 0 "the log has them" alice modlog --json
check "... as board changes" json "$T/out" \
	"[(e['act'], e['target'], e['reason']) for e in j][:3] == [('board-create', 'events', 'public'), ('board-edit', 'general', 'public: no'), ('board-edit', 'general', 'public: yes')]"
printf 'Open day\nCome along.\n' | as alice post news >/dev/null || fail "post news"
printf 'The plan\nSecret.\n' | as alice post general >/dev/null || fail "post general"
admin config set guests read || fail "config set guests"
guest read 1 </dev/null >"$T/out" 2>"$T/err"
check "a guest reads a public thread" sh -c "[ $? -eq 0 ] && grep -q 'Come along' '$T/out'"
guest read 2 </dev/null >"$T/out" 2>"$T/err"
check "... and not a members-only one: 66, as if it did not exist" sh -c \
	"[ $? -eq 66 ] && [ \"\$(cat '$T/err')\" = 'read: no thread 2' ]"
guest boards </dev/null >"$T/out" 2>"$T/err"
check "a guest's boards are the public ones" sh -c \
	"[ $? -eq 0 ] && [ \"\$(cut -f1 '$T/out' | tr '\n' ' ')\" = 'events news ' ]"
guest threads general </dev/null >"$T/out" 2>"$T/err"
check "... and a members-only board is 66 to them" [ $? -eq 66 ]

stop_server
