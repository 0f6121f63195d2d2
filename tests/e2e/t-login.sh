#!/bin/sh
# Logging in with keys: a member's whoami, a second key of the same
# pseudonym, an unknown key refused, a revoked key refused at once, the
# host key fingerprint printed at start matching what ssh saw; a public
# key alone gets the same answer, member's or stranger's.
. "$E2E_DIR/lib.sh"

member alice
keygen alice2
admin key add alice --label laptop <"$T/alice2.pub" >"$T/alice2.keyid" ||
	fail "second key"
keygen stranger
start_server

out=$(as alice whoami) || fail "whoami exit $?"
check "whoami prints pseudonym and role" [ "$out" = "alice member" ]

# The server waits for the client to hang up after the exit status; it
# used to disconnect at once, and ssh then often exited 255 ("Bye Bye").
i=0 bad=0
while [ $i -lt 20 ]; do
	as alice whoami >/dev/null 2>&1 || bad=$((bad + 1))
	i=$((i + 1))
done
check "20 commands in a row all exit 0 (got $bad failures)" [ "$bad" -eq 0 ]

out=$(as alice whoami --json)
check "whoami --json" [ "$out" = "{\"pseudonym\":\"alice\",\"role\":\"member\",\"key_id\":\"$(cat "$T/alice.keyid")\"}" ]

out=$(as alice2 whoami)
check "a second key of the same pseudonym works" [ "$out" = "alice member" ]

as stranger whoami >"$T/out" 2>&1
rc=$?
check "an unknown key is refused (ssh exits 255)" [ "$rc" -eq 255 ]
check "... with a plain permission denied" grep -q 'Permission denied (publickey)' "$T/out"

admin key revoke "$(cat "$T/alice2.keyid")" --reason "lost laptop" ||
	fail "revoke"
as alice2 whoami >"$T/out" 2>&1
check "a revoked key stops working at once" [ $? -eq 255 ]
check "the first key still works" [ "$(as alice whoami)" = "alice member" ]

logged=$(sed -n 's/.*host key \(SHA256:[^ ]*\).*/\1/p' "$T/server.log")
seen=$(ssh-keygen -lf "$T/known_hosts" | awk '{print $2}')
check "the printed fingerprint is the one ssh saw" [ -n "$logged" -a "$logged" = "$seen" ]
check "the host key is ed25519" grep -q 'ssh-ed25519' "$T/known_hosts"
for f in bbs.db host_ed25519 secret.key modlog.key; do
	check "$f is 0600" [ "$(stat -c %a "$T/data/$f")" = 600 ]
done

as alice nosuch >"$T/out" 2>"$T/err"
check "an unknown command exits 64" [ $? -eq 64 ]
check "... saying so on stderr" [ "$(cat "$T/err")" = "bbs: unknown command 'nosuch'" ]
ssh -F "$T/ssh_config" -i "$T/alice" -tt bbs nosuch </dev/null >"$T/out" 2>&1
check "with ssh -t, a command's errors still reach the member" grep -q "unknown command 'nosuch'" "$T/out"
as alice "whoami 'open" 2>"$T/err"
check "an unterminated quote exits 64" [ $? -eq 64 ]
as alice "whoami $(head -c 9000 /dev/zero | tr '\0' a)" 2>"$T/err"
check "a command line over 8 KiB is a usage error (64)" [ $? -eq 64 ]
check "... said in one line" [ "$(cat "$T/err")" = "bbs: command line longer than 8192 bytes" ]
as alice whoami --bogus 2>"$T/err"
check "an unknown option exits 64" [ $? -eq 64 ]
check "help lists whoami" sh -c "ssh -F '$T/ssh_config' -i '$T/alice' bbs help | grep -q whoami"

# At most 10 authentication attempts a connection: a client offering nine
# unknown keys before the right one gets in, one offering ten does not.
ids=
for i in 1 2 3 4 5 6 7 8 9 10; do
	keygen "junk$i"
	ids="$ids -i $T/junk$i"
done
nine=$(echo "$ids" | sed 's| -i [^ ]*junk10||')
out=$(ssh -F "$T/ssh_config" $nine -i "$T/alice" bbs whoami 2>&1)
check "nine refused keys, then the right one: logged in" [ "$out" = "alice member" ]
ssh -F "$T/ssh_config" $ids -i "$T/alice" bbs whoami >"$T/out" 2>&1
check "ten refused keys: the eleventh attempt is not heard" [ $? -eq 255 ]

# Nothing about members is logged: no address but the listening one, no
# pseudonym, no key id, no user name.
# No membership oracle (SPEC section 3): holding only a public key (as
# anyone may, from a key listing elsewhere), the answer to the query is
# the same for a member's key and a stranger's. ssh has no private key
# to sign with, so neither logs in.
pk_query() { # NAME: ssh -v with only NAME.pub
	ssh -v -F "$T/ssh_config" -o BatchMode=yes -o IdentitiesOnly=yes \
		-o IdentityFile="$T/$1.pub" bbs whoami </dev/null 2>&1
}
pk_query alice >"$T/pk_alice"
pk_query stranger >"$T/pk_stranger"
check "a member's public key alone: the server would take it" \
	grep -q 'Server accepts key' "$T/pk_alice"
check "... and a stranger's alike: nothing tells them apart" \
	grep -q 'Server accepts key' "$T/pk_stranger"
check "... neither logs in without its private key" \
	sh -c "! grep -q 'Authenticated to' '$T/pk_alice' '$T/pk_stranger'"

check "the log names no address but its own" [ "$(grep -c 127.0.0.1 "$T/server.log")" -eq 1 ]
check "the log names no member, key or user" sh -c "! grep -qiE 'alice|stranger|member|$(cat "$T/alice.keyid")' '$T/server.log'"
stop_server
