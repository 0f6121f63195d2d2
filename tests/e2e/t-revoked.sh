#!/bin/sh
# A key revoked, or a sysop demoted, while their command is still reading
# its input writes nothing afterwards: the store checks the key and the
# role inside the transaction that writes, not only when the command
# starts (the audit found a post and a key add getting through).
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
member alice
member root --role sysop
member carol
keygen late
start_server

# A post whose body arrives after its key was revoked.
( sleep 2; printf 'Too late\nbody\n' ) | as alice post general \
	>"$T/out" 2>"$T/err" &
poster=$!
sleep 1
admin key revoke "$(cat "$T/alice.keyid")" >/dev/null || fail "revoke"
wait "$poster"
check "the post fails with 77" [ $? -eq 77 ]
check "... saying the key was revoked" grep -qx 'post: this key has been revoked' "$T/err"
check "... and nothing was stored" [ "$(sqlite3 "$T/data/bbs.db" 'SELECT count(*) FROM threads')" = 0 ]

# A key add whose key arrives after its sysop was demoted.
( sleep 2; cat "$T/late.pub" ) | as root key add latecomer \
	>"$T/out" 2>"$T/err" &
adder=$!
sleep 1
admin member role root member >/dev/null || fail "demote"
wait "$adder"
check "the key add fails with 77" [ $? -eq 77 ]
check "... and no member was made" [ "$(sqlite3 "$T/data/bbs.db" "SELECT count(*) FROM members WHERE pseudonym = 'latecomer'")" = 0 ]
# An open session whose key is revoked ends at its next poll, saying why.
tmux_start c 80 24 "ssh -t -F $T/ssh_config -i $T/carol bbs; echo EXIT=\$? >$T/exit_c; sleep 60"
check "carol's session is up" wait_screen 10 'carol \(member\)'
admin key revoke "$(cat "$T/carol.keyid")" >/dev/null || fail "revoke carol"
check "revoking her key ends it within a few seconds" wait_until 5 test -s "$T/exit_c"
check "... saying why" wait_screen 5 'this key is no longer registered'
stop_server
