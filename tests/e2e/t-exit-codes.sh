#!/bin/sh
# Every exit status of SPEC section 4 reached by a real case over SSH, each
# error one line on stderr starting with the command's name: 64 (usage),
# 65 (input rejected), 66 (no such thing), 75 (rate limited), 77 (not
# allowed).
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

member alice
member root --role sysop
admin board create general >/dev/null
admin board create announcements --post-role sysop >/dev/null
start_server
printf 'A title\nA body\n' >"$T/post"
printf 'A reply\n' >"$T/reply"
expect_in "$T/post" 0 "a thread to work on" alice post general
t=$(cat "$T/out")

# --- 64 EX_USAGE -------------------------------------------------------------
expect 64 "an unknown command" alice frobnicate
check "... bbs: unknown command 'NAME'" [ "$(cat "$T/err")" = "bbs: unknown command 'frobnicate'" ]
expect 64 "an unknown second word of a two-word command" root key list
check "... named with both words" [ "$(cat "$T/err")" = "bbs: unknown command 'key list'" ]
expect 64 "a missing argument" alice read
check "... one line naming the command, with the usage" grep -qx 'read: missing arguments (usage: read THREAD_ID \[--json\])' "$T/err"
expect 64 "too many arguments" alice threads general announcements
check "... named" grep -q "^threads: too many arguments (usage: threads " "$T/err"
expect 64 "an unknown option" alice threads general --bogus
check "... named" grep -q "^threads: unknown option '--bogus' (usage: " "$T/err"
expect 64 "an option missing its value" alice threads general --limit
check "... named" grep -q "^threads: --limit needs a value (usage: " "$T/err"
expect 64 "--limit 0" alice threads general --limit 0
check "... one line" err_is threads
expect 64 "--limit 1001" alice search body --limit 1001
check "... one line" err_is search
expect 64 "a thread id that is not a number" alice read 12abc
check "... one line" err_is read
expect 64 "a thread id of 0" alice reply 0
check "... one line" err_is reply
expect 64 "an empty search" alice search "''"
check "... one line" err_is search
expect 64 "an unterminated quote" alice "post general --title 'open"
check "... one line" err_is bbs

# --- 65 EX_DATAERR -------------------------------------------------------------
printf 'Only a title\n' >"$T/in"
expect_in "$T/in" 65 "a post whose input has only a title line" alice post general
check "... says the body is empty" [ "$(cat "$T/err")" = "post: the body is empty" ]
expect 65 "a reply with an empty body" alice reply "$t"
check "... one line" err_is reply
printf '\n\n\r\n' >"$T/in"
expect_in "$T/in" 65 "a body of only newlines is empty" alice reply "$t"
printf 'body\n' >"$T/in"
expect_in "$T/in" 65 "an empty --title" alice "post general --title ''"
check "... one line" err_is post
printf '\377\376 broken\n' >"$T/in"
expect_in "$T/in" 65 "invalid UTF-8" alice reply "$t"
check "... says so" [ "$(cat "$T/err")" = "reply: the body is not valid UTF-8 text" ]

# --- 66 EX_NOINPUT -------------------------------------------------------------
expect 66 "threads of no such board" alice threads nosuch
check "... one line" [ "$(cat "$T/err")" = "threads: no board 'nosuch'" ]
expect_in "$T/post" 66 "post on no such board" alice post nosuch
check "... one line" [ "$(cat "$T/err")" = "post: no board 'nosuch'" ]
expect 66 "read no such thread" alice read 999999
check "... one line" [ "$(cat "$T/err")" = "read: no thread 999999" ]
expect_in "$T/reply" 66 "reply to no such thread" alice reply 999999
check "... one line" err_is reply

# --- 77 EX_NOPERM ----------------------------------------------------------------
expect_in "$T/post" 77 "a member on a board only sysops may post on" alice post announcements
check "... one line" [ "$(cat "$T/err")" = "post: only sysops may post on announcements" ]
expect_in "$T/post" 0 "... a sysop may" root post announcements
expect_in "$T/alice.pub" 77 "a member running a sysop command" alice key add bob
check "... one line" [ "$(cat "$T/err")" = "key add: only sysops may run this command" ]
db_exec "UPDATE threads SET locked = 1 WHERE id = $t"
expect_in "$T/reply" 77 "a reply to a locked thread" alice reply "$t"
check "... one line" [ "$(cat "$T/err")" = "reply: thread $t is locked" ]
expect_in "$T/reply" 0 "... a sysop may still reply" root reply "$t"
db_exec "UPDATE threads SET locked = 0 WHERE id = $t"

# --- 75 EX_TEMPFAIL ----------------------------------------------------------------
# carol has written nothing yet: two replies fit, a third is one too many.
TAB=$(printf '\t')
check "the default limit is 10 a minute" sh -c "'$BBS' config list --data '$T/data' | grep -q '^rate_posts${TAB}10${TAB}10${TAB}'"
admin config set rate_posts 2 >/dev/null || fail "config set"
member carol
expect_in "$T/reply" 0 "a reply within the rate limit" carol reply "$t"
expect_in "$T/reply" 0 "another" carol reply "$t"
before=$(db_count posts)
expect_in "$T/reply" 75 "a reply past the rate limit" carol reply "$t"
check "... one line" err_is reply
expect_in "$T/post" 75 "a thread past the rate limit (the same count)" carol post general
check "... one line" err_is post
check "... nothing stored" [ "$(db_count posts)" -eq "$before" ]
expect_in "$T/reply" 0 "the limit is per pseudonym" alice reply "$t"

stop_server
