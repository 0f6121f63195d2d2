#!/bin/sh
# Moderation in the interactive board (SPEC section 8), in tmux with the
# real ssh client: a sysop hides a post from the pager while a member has
# the thread open, and the member's screen shows the marker within 3 s
# without a keypress; unhide restores it; lock and sticky from the
# threads view reach the member's list; a member flags a post, the
# sysop's queue shows it, dismissing and hiding close flags; every member
# reads the log; sysop keys show in help and the bar for sysops only and
# do nothing for members; boards are created and edited through forms;
# demoting a sysop takes two sysops; a key is revoked from the keys list.
. "$E2E_DIR/lib.sh"

admin board create general >/dev/null
admin config set rate_posts 1000 >/dev/null
member s1 --role sysop
member s2 --role sysop
member s3 --role sysop
member alice
member bob
start_server

ids=$(echo "Who is around?" |
	"$E2E_POST" "$T/data/bbs.db" alice thread general "Roll call") ||
	fail "e2e-post thread"
thread=${ids%% *}
reply=$(echo "Buy cheap pills" |
	"$E2E_POST" "$T/data/bbs.db" bob reply "$thread") || fail "e2e-post reply"

last_act() { # the newest log entry as "actor act target reason"
	as alice modlog --limit 1 | cut -f3-6 | tr '\t' ' '
}

# --- a member: no sysop keys --------------------------------------------------
ui m 80 24 alice
check "alice's boards" wait_screen 20 '^ general'
check "the member's bar names the log" wait_until 10 line_has 24 'o log'
check "... and no sysop key" not screen_has 'F flags'
keys '?'
check "a member's help lists the log and erase-me" \
	wait_screen 10 'the moderation log: every sysop act'
check "... but no sysop keys" not screen_has 'Sysop keys|open flags|create a board'
keys x Enter Enter
check "alice reads the thread" wait_screen 10 'Buy cheap pills'
check "the member's pager bar offers f flag, no sysop key" \
	wait_until 10 line_has 24 'f flag +space page'
keys '?'
check "the pager's help for a member: flag" wait_screen 10 'flag the current post'
check "... and no hide, lock or sticky" not screen_has 'Sysop keys|hide the current|lock the thread'
keys x
wait_screen 10 'r reply' || fail "help closes"
# Keys are handled in order: once help is up, H L S had their turn.
keys J H L S '?'
check "H L S do nothing for a member" wait_screen 10 'Keys on this screen'
check "... no form opened" not screen_has 'Hide post|Lock thread|Make sticky'
check "... nothing changed" [ "$(db "SELECT count(*) FROM modlog")" = 1 ]
keys x
check "alice is back in the thread" wait_screen 10 'Buy cheap pills'

# --- a sysop hides a post; the member's open pager shows it -------------------
ui s 80 24 s1
check "s1's boards" wait_screen 20 '^ general'
check "the sysop's bar has the sysop keys" \
	wait_until 10 line_has 24 'F flags +K keys +c create +e edit'
keys '?'
check "a sysop's help lists the sysop keys" wait_screen 10 'Sysop keys on this screen'
check "... the flags queue" screen_has 'the open flags'
keys x Enter Enter
check "s1 reads the thread" wait_screen 10 'Buy cheap pills'
check "the sysop's pager bar: H hide, L lock, S sticky" \
	wait_until 10 line_has 24 'H hide +L lock +S sticky'
keys '?'
check "the pager's help for a sysop" wait_screen 10 'hide the current post'
keys x
keys J H
check "H asks for a reason, naming the post" \
	wait_screen 10 "Hide post #$reply by bob"
keys Enter
check "hiding needs a reason: the store's refusal" \
	wait_screen 10 'the reason is empty'
check "... and the form stays" screen_has "Hide post #$reply"
keys -l 'spam, twice'
keys Enter
check "the sysop sees the outcome" wait_screen 10 "post #$reply hidden"
check "... and the marker" wait_screen 10 '\[hidden by sysop: spam, twice\]'
use_session m
check "the member's open pager shows the marker within 3 s, no key pressed" \
	wait_until 3 screen_has '\[hidden by sysop: spam, twice\]'
check "... instead of the body" not screen_has 'Buy cheap pills'
check "the hide is on the log" [ "$(last_act)" = "s1 hide post $reply spam, twice" ]
check "the body stays in the database" \
	[ "$(db "SELECT body FROM posts WHERE id = $reply")" = "Buy cheap pills" ]

use_session s
keys H
check "H on a hidden post offers to unhide it" \
	wait_screen 10 "Unhide post #$reply by bob"
keys Enter
check "unhiding needs no reason" wait_screen 10 "post #$reply shown again"
use_session m
check "the member's pager shows the body again within 3 s" \
	wait_until 3 screen_has 'Buy cheap pills'
check "unhide is on the log" [ "$(last_act)" = "s1 unhide post $reply " ]

# --- lock and sticky from the threads view ------------------------------------
keys q
check "alice is back on the threads" wait_screen 10 'New +Thread'
use_session s
keys q
check "s1 is on the threads" wait_screen 10 'New +Thread'
check "the sysop's threads bar: L lock, S sticky" \
	wait_until 10 line_has 24 'L lock +S sticky'
keys L
check "L asks about the chosen thread" wait_screen 10 "Lock thread #$thread"
keys -l 'cooling off'
keys Enter
check "locked" wait_screen 10 "thread #$thread locked"
keys S Enter
check "made sticky (a reason is optional)" \
	wait_screen 10 "thread #$thread made sticky"
check "the sysop's list shows both" \
	wait_screen 10 '\[sticky\] \[locked\] Roll call'
use_session m
check "the member's list shows them within 3 s" \
	wait_until 3 screen_has '\[sticky\] \[locked\] Roll call'
check "the lock is on the log" \
	[ "$(as alice modlog --limit 2 | cut -f3-6 | tr '\t' ' ' | tail -n 1)" = \
		"s1 lock thread $thread cooling off" ]
keys Enter
check "the member's pager says sticky and locked" \
	wait_screen 10 '\[sticky\] \[locked\] 2 posts'
keys r
check "a member may not reply to the locked thread" \
	wait_screen 10 'This thread is locked'
use_session s
keys L Enter
check "unlocked" wait_screen 10 "thread #$thread unlocked"
use_session m
check "the member's pager drops the lock within 3 s" \
	wait_until 3 screen_has '\[sticky\] 2 posts'

# --- flags ----------------------------------------------------------------------
keys J f
check "f asks a member why" wait_screen 10 "Flag post #$reply by bob"
keys Enter
check "a flag needs a reason" wait_screen 10 'the reason is empty'
keys -l 'rude'
keys Enter
check "flagged" wait_screen 10 "post #$reply flagged for the sysops"
use_session s
keys q
check "s1 is on the boards" wait_screen 10 '^ Board'
keys F
check "F shows the queue" wait_screen 10 'Open flags, oldest first \(1\)'
check "... with the post and its thread" \
	wait_screen 10 "flag #1 .* post #$reply, thread #$thread: Roll call"
check "... and the reason" screen_has '^    rude'
keys Enter
check "Enter opens the flagged post in its thread" \
	wait_screen 10 'bbs > general > Roll call'
keys q
check "q comes back to the queue" wait_screen 10 'Open flags'
keys d
check "d asks why the flag is dismissed" wait_screen 10 'Dismiss flag #1'
keys -l 'not rude'
keys Enter
check "dismissed" wait_screen 10 'flag #1 dismissed'
check "the queue is empty" wait_screen 10 'No open flags'
check "the dismissal is on the log" \
	[ "$(last_act)" = "s1 flag-dismiss flag 1 not rude" ]

use_session m
keys f
wait_screen 10 "Flag post #$reply" || fail "second flag form"
keys -l 'still selling pills'
keys Enter
wait_screen 10 'flagged for the sysops' || fail "second flag"
use_session s
check "a new flag reaches the open queue within 3 s" \
	wait_until 3 screen_has 'still selling pills'
keys Enter
check "the post" wait_screen 10 'bbs > general > Roll call'
keys H
check "... chosen as the current post" wait_screen 10 "Hide post #$reply"
keys -l 'off topic'
keys Enter
check "hidden from the flagged post" wait_screen 10 "post #$reply hidden"
keys q
check "hiding closed the flag" wait_screen 10 'No open flags'
as s1 flags >"$T/flags" || fail "flags"
check "... as flags over SSH says" [ ! -s "$T/flags" ]
use_session m
check "the member sees the marker" \
	wait_until 3 screen_has '\[hidden by sysop: off topic\]'

# --- the log, for every member ------------------------------------------------------
keys q q
check "alice is on the boards" wait_screen 10 '^ Board'
keys o
check "o opens the log" wait_screen 10 'Moderation log: every sysop act, newest first'
check "... newest first: the hide" \
	wait_until 10 line_has 3 "s1 +hide +post $reply"
check "... with its reason" wait_until 10 line_has 4 '^ +off topic'
check "... the dismissal" screen_has 's1 +flag-dismiss +flag 1'
check "... and the lock" screen_has "s1 +lock +thread $thread"
keys Enter
check "Enter shows an entry with its hashes" wait_screen 10 '^ hash: +[0-9a-f]{64}'
keys x q
check "back on the boards" wait_screen 10 '^ Board'

# --- boards, through forms -----------------------------------------------------------
use_session s
keys q
check "s1 is on the boards" wait_screen 10 '^ Board'
keys c
check "c opens the new board form" wait_screen 10 'New board'
keys -l 'bad name'
keys Enter Enter Enter
check "a bad name is refused, the form stays" \
	wait_screen 10 'a board name'
keys Tab C-u
keys -l 'events'
keys Tab
keys -l 'Events'
keys C-d
check "the board is created" wait_screen 10 'board events created'
check "... and listed" wait_screen 10 '^ events +Events'
check "... on the log" [ "$(last_act)" = "s1 board-create events " ]
keys g e
check "e edits the chosen board" wait_screen 10 'Edit board events'
keys C-u
keys -l 'Happenings'
keys Tab C-u
keys -l 'sysop'
keys Enter
check "saved" wait_screen 10 'board events saved'
check "... as boards over SSH says" \
	[ "$(as alice boards | grep '^events')" = "$(printf 'events\t0\tsysop\tHappenings')" ]
check "... on the log" \
	[ "$(last_act)" = "s1 board-edit events title: Happenings; post-role: sysop" ]

# --- roles: two sysops to demote one ----------------------------------------------------
keys K
check "K lists keys and roles" wait_screen 10 'Pseudonym +Role +State'
check "... s3's key, active" \
	screen_has "^ $(cat "$T/s3.keyid") +s3 +sysop +active"
keys G r
check "r asks for s3's role" wait_screen 10 'Role of s3'
check "... offering member" screen_has 'role +member'
keys Enter Enter
check "demoting a sysop is pending" \
	wait_screen 10 'pending: a second sysop must confirm'
check "... s3 is still a sysop" [ "$(as s3 whoami)" = "s3 sysop" ]
check "... the request is on the log" [ "$(last_act)" = "s1 request-demote s3 " ]
keys r Enter Enter
check "s1 repeating it is still pending" \
	wait_screen 10 'pending: a second sysop must confirm'
check "... and logs nothing more" \
	[ "$(as alice modlog | grep -c request-demote)" -eq 1 ]
ui t 80 24 s2
check "s2's boards" wait_screen 20 '^ general'
keys K G r
check "s2 asks for s3's role" wait_screen 10 'Role of s3'
keys Enter
keys -l 'inactive'
keys Enter
check "the second sysop carries it out" wait_screen 10 's3 is a member now'
check "... s3 is a member" [ "$(as s3 whoami)" = "s3 member" ]
check "... on the log as s2's" [ "$(last_act)" = "s2 demote s3 inactive" ]
use_session s
check "s1's list shows it within 3 s" \
	wait_until 3 screen_has ' s3 +member +active'

# --- revoking a member's key ---------------------------------------------------------------
keys g j x
check "x asks about bob's key" \
	wait_screen 10 "Revoke key $(cat "$T/bob.keyid") of bob"
keys -l 'asked to leave'
keys Enter
check "revoked" wait_screen 10 "key $(cat "$T/bob.keyid") revoked"
check "... the list says so" \
	wait_screen 10 "$(cat "$T/bob.keyid") +bob +member +revoked"
as bob whoami >/dev/null 2>&1
check "... bob's key is refused" [ $? -eq 255 ]
check "... on the log" \
	[ "$(last_act)" = "s1 revoke $(cat "$T/bob.keyid") (bob) asked to leave" ]

for s in m s t; do
	use_session $s
	keys q q q q q
done
stop_server
