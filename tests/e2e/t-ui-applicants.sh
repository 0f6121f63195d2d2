#!/bin/sh
# Applicants on the board (SPEC section 10), in tmux with the real ssh:
# with join_vouches 2 a newcomer who joined is an applicant, whose ssh -t
# is a waiting screen (vouches so far and needed, the expiry, how
# vouching works) and nothing else; the boards screen says how many
# wait; a second member vouches from the applicants view (after a y),
# the applicant's open screen says they are a member, and their next
# login opens the boards; a sysop admits one and rejects another through
# a form with a reason, both on the log, and the rejected key no longer
# logs in; members see no admit or reject key, and those keys do
# nothing for them.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
admin config set join_vouches 2 >/dev/null || fail "config set join_vouches"
member alice
member bob
member s1 --role sysop
for n in dave erin fred; do
	keygen "$n"
done
start_server

guest() {
	ssh -F "$T/ssh_config" -l guest -o PreferredAuthentications=none bbs "$@"
}

# joins NAME: alice invites, NAME joins with the code and their key.
joins() {
	code=$(as alice invite | cut -f1) || fail "invite"
	guest join "$code" "$1" <"$T/$1.pub" || fail "join $1"
}

last_act() { # the newest log entry as "actor act target reason"
	as alice modlog --limit 1 | cut -f3-6 | tr '\t' ' '
}

check "dave joins as an applicant" \
	[ "$(joins dave)" = "applicant dave: 1 more vouches needed" ]

# --- the applicant's session ---------------------------------------------
ui d 80 24 dave
check "dave's ssh -t is the waiting screen" wait_screen 20 'Welcome, dave\. You are an applicant'
check "... with the vouches so far and needed" screen_has 'Vouches: 1 of 2 needed\.'
check "... when the wait ends" screen_has 'You wait until 20[0-9-]+ [0-9:]+ UTC'
check "... how vouching works" screen_has "ssh -p $PORT 127\\.0\\.0\\.1 vouch dave"
check "... the bar: q quit" line_has 24 '^ q quit *$'
check "... the top bar" line_has 1 'bbs > waiting for vouches +dave \(applicant\)'
# Keys are handled in order: once A (plain ASCII) answers, the rest had
# their turn.
keys Enter p n / o '?' I a F1 j
keys A
check "no key but q and A does anything (A answers)" wait_screen 10 'Plain ASCII on\.'
check "... the waiting screen stays" screen_has 'Vouches: 1 of 2 needed'
check "... no board, no help" not screen_has 'general|Keys on this screen|bbs > (boards|search|log)'

# --- a member vouches ------------------------------------------------------
ui b 80 24 bob
check "bob's boards say one applicant waits" \
	wait_screen 20 '1 applicant waiting for vouches \(a lists them\)'
keys a
check "a lists the applicants" wait_screen 10 'Applicants \(1\), longest waiting first'
check "... dave, 1 of 2" screen_has '^ dave +1 of 2 +20'
check "a member's bar: v vouch, no sysop key" line_has 24 '^ \? help  q back  v vouch *$'
keys x a
check "x and a do nothing for a member" wait_screen 5 '^ dave +1 of 2'
check "... no form" not screen_has 'Reject applicant|Admit applicant'
keys v
check "v asks first" wait_screen 10 'Vouch for dave, whom you know\? y vouches'
keys n
check "... any other key does not vouch" wait_screen 10 'No vouch for dave\.'
check "... still 1" [ "$(as alice applicants | cut -f2)" = 1 ]
keys v y
check "v y vouches: dave is a member" wait_screen 10 'dave is a member now \(2 of 2 vouches\)\.'
check "... and leaves the list" wait_screen 5 'Nobody is waiting\.'
check "whoami says so" [ "$(as dave whoami)" = "dave member" ]
check "no vouch is left in the database" [ "$(db "SELECT count(*) FROM vouches")" = 0 ]
use_session d
check "dave's open waiting screen says he is a member" \
	wait_screen 5 'You are a member now'
keys q
check "... q quits" wait_until 10 pane_dead
ui d2 80 24 dave
check "dave's next login opens the boards" wait_screen 20 '^ general'
keys q

# --- a sysop admits one and rejects another ------------------------------
joins erin >/dev/null
joins fred >/dev/null
ui s 80 24 s1
check "s1's boards say two wait" wait_screen 20 '2 applicants waiting for vouches'
keys a
check "both listed, the longest waiting first" wait_screen 10 '^ erin +1 of 2'
check "... then fred" screen_has '^ fred +1 of 2'
check "the sysop's bar: a admit, x reject" line_has 24 'v vouch  a admit  x reject'
keys '?'
check "the sysop's help lists them" wait_screen 10 'Sysop keys on this screen'
check "... reject" screen_has 'reject the chosen applicant'
keys q
keys x
check "x asks why, naming erin" wait_screen 10 'Reject applicant erin'
keys -l 'nobody knows her'
keys Enter
check "rejected" wait_screen 10 'applicant erin rejected: removed with their keys'
check "... on the log with the reason" [ "$(last_act)" = "s1 reject erin nobody knows her" ]
check "... gone from the list" wait_screen 5 'Applicants \(1\), longest waiting first'
as erin whoami >/dev/null 2>&1
check "erin's key no longer logs in" [ $? -eq 255 ]
check "... and erin is nobody" [ "$(db "SELECT count(*) FROM members WHERE pseudonym = 'erin'")" = 0 ]
keys a
check "a asks why, naming fred" wait_screen 10 'Admit applicant fred'
keys Enter
check "admitted without a reason" wait_screen 10 'applicant fred admitted: a member now'
check "... on the log" [ "$(last_act)" = "s1 admit fred " ]
check "fred is a member" [ "$(as fred whoami)" = "fred member" ]
check "nobody waits" wait_screen 5 'Nobody is waiting\.'
keys q
check "the boards no longer say anyone waits" wait_screen 10 '^ general'
check "... the line is gone" not screen_has 'waiting for vouches'
keys q
stop_server
check "the log names nobody" not grep -qE 'dave|erin|fred' "$T/server.log"
