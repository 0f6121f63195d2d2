#!/bin/sh
# Local administration (SPEC section 2) and its bad input: each mistake
# gets one line naming the problem, the exit status of SPEC section 4, and
# leaves nothing half-written.
. "$E2E_DIR/lib.sh"

keygen alice
keygen bob
keygen weak rsa
ssh-keygen -q -t rsa -b 1024 -N '' -f "$T/weak1024" -C weak 2>/dev/null ||
	fail "rsa 1024 keygen"

expect() { # STATUS DESCRIPTION COMMAND... (stderr kept in $T/err)
	want=$1 desc=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "$desc: exit $got, want $want ($(cat "$T/err"))"
	[ "$want" -eq 0 ] || [ "$(wc -l <"$T/err")" -eq 1 ] ||
		fail "$desc: want one line on stderr, got: $(cat "$T/err")"
	echo "ok   $desc"
}

expect 0 "key add prints the key id" admin key add alice --label "main key" <"$T/alice.pub"
check "... eight characters of base32" grep -qxE '[a-z2-7]{8}' "$T/out"
expect 65 "a malformed key line" sh -c "echo 'ssh-ed25519 notbase64!' | '$BBS' key add bob --data '$T/data'"
check "... names the problem" grep -q 'key add: key data is not valid base64' "$T/err"
expect 65 "an RSA key under 2048 bits" admin key add bob <"$T/weak1024.pub"
check "... says how many bits" grep -q '1024 bits' "$T/err"
expect 65 "no key on stdin" admin key add bob </dev/null
expect 64 "an unknown role" admin key add bob --role wizard <"$T/bob.pub"
expect 65 "a case variant of a taken pseudonym" admin key add ALICE <"$T/bob.pub"
check "... names both" grep -q "pseudonym 'ALICE' is taken as 'alice'" "$T/err"
expect 65 "a pseudonym outside A-Z a-z 0-9 _ -" admin key add 'bob!' <"$T/bob.pub"
expect 65 "a one-letter pseudonym" admin key add b <"$T/bob.pub"
expect 65 "the same key twice" admin key add bob <"$T/alice.pub"
expect 66 "a bot on a board that does not exist" admin key add bot --role bot --board nosuch <"$T/bob.pub"
expect 64 "--board for a member" admin key add bob --board general <"$T/bob.pub"
check "nothing half-written: one member, one key" \
	[ "$(admin member list)" = "$(printf 'alice\tmember\t1')" ]
check "key list shows the one key" [ "$(admin key list | wc -l)" -eq 1 ]

expect 0 "an RSA key of 2048+ bits is accepted" admin key add bob <"$T/weak.pub"
expect 0 "board create" admin board create general --title "General"
expect 65 "a board name taken ignoring case" admin board create GENERAL
expect 64 "an unknown --post-role" admin board create news --post-role admin
expect 66 "role for nobody" admin member role nobody sysop
expect 64 "role bot is not a role change" admin member role alice bot
expect 0 "role alice sysop" admin member role alice sysop --reason "elected"
expect 66 "revoking an unknown key id" admin key revoke zzzzzzzz
expect 64 "an unknown subcommand" admin frobnicate
check "... says so" grep -q "bbs: unknown command 'frobnicate'" "$T/err"
expect 64 "--data without a directory" "$BBS" member list --data

admin key list --json >"$T/keys.json"
check "key list --json has the SPEC fields" "$PY" -c '
import json, sys
k = json.load(open(sys.argv[1]))
assert len(k) == 2, k
for e in k:
    assert set(e) >= {"key_id", "pseudonym", "role", "label", "boards", "revoked"}, e
assert k[0]["pseudonym"] == "alice" and k[0]["label"] == "main key"
assert k[0]["role"] == "sysop" and k[0]["revoked"] is False and k[0]["boards"] == []
' "$T/keys.json"
admin member list --json >"$T/members.json"
check "member list --json has pseudonym, role, keys" "$PY" -c '
import json, sys
m = json.load(open(sys.argv[1]))
assert m == [{"pseudonym": "alice", "role": "sysop", "keys": 1},
             {"pseudonym": "bob", "role": "member", "keys": 1}], m
' "$T/members.json"
expect 0 "check says the database is sound" admin check
check "... printing ok" [ "$(cat "$T/out")" = ok ]
expect 0 "modlog verify walks the chain" admin modlog verify
check "... two acts so far (board, role)" [ "$(cat "$T/out")" = "ok 2 entries" ]

# A data directory the user may not write: a clear error, not a crash.
chmod 711 "$T"
mkdir -m 755 "$T/ro"
expect 64 "a data directory without write permission" \
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$BBS" member list --data "$T/ro"
check "... names the directory" grep -q "data directory $T/ro: Permission denied" "$T/err"
check "... and wrote nothing there" [ -z "$(ls -A "$T/ro")" ]

# Secrets are made once. A missing secret.key or modlog.key, once keys are
# registered or the log has entries, is an error naming the file: a new
# one would lock every member out or make the whole log unverifiable.
cp "$T/data/secret.key" "$T/secret.keep"
rm "$T/data/secret.key"
expect 70 "key add without secret.key" admin key add carol <"$T/bob.pub"
check "... names the missing file" grep -q "secret.key is missing; restore it" "$T/err"
check "... and made none" [ ! -e "$T/data/secret.key" ]
"$BBS" serve --listen 127.0.0.1:0 --data "$T/data" >"$T/out" 2>"$T/err"
check "serve refuses to start without it (78)" [ $? -eq 78 ]
check "... saying why" grep -q "secret.key is missing" "$T/err"
mv "$T/secret.keep" "$T/data/secret.key"
rm "$T/data/modlog.key"
expect 70 "modlog verify without modlog.key" admin modlog verify
check "... says it cannot verify" grep -q "modlog verify: cannot verify: .*modlog.key is missing" "$T/err"
check "... and made none" [ ! -e "$T/data/modlog.key" ]
