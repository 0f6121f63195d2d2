#!/bin/sh
# The member commands over SSH, each one's plain output and its --json
# parsed field by field: help, whoami, post (title from --title and from
# the first line, the quoting case), reply, boards, threads, read, search,
# forget-reads.
. "$E2E_DIR/lib.sh"
. "$E2E_DIR/lib-scripting.sh"

member alice
member bob
member root --role sysop
admin board create general --title "General talk" >/dev/null
admin board create announcements --title "News" --post-role sysop >/dev/null
start_server
TAB=$(printf '\t')

# --- help ------------------------------------------------------------------
expect 0 "help" alice help
for c in help whoami boards threads read post reply search forget-reads; do
	check "help lists $c" grep -q "^  $c " "$T/out"
done
check "help shows a member no sysop command" sh -c "! grep -q 'key add' '$T/out'"
expect 0 "help post" alice help post
check "help post shows the usage line" grep -qx "usage: post BOARD \[--title TITLE\] < BODY" "$T/out"
check "help post says what it prints and its exit statuses" grep -q "^Exit: 0; 64" "$T/out"
cp "$T/out" "$T/help-post"
expect 0 "post --help" alice post --help
check "post --help is the same text as help post" cmp -s "$T/out" "$T/help-post"
expect 0 "help for a sysop" root help
check "a sysop's help lists key add" grep -q "^  key add " "$T/out"
expect 0 "help key add (two words)" root help key add
check "... shows key add" grep -q "^usage: key add PSEUDONYM" "$T/out"

# --- whoami ----------------------------------------------------------------
expect 0 "whoami" bob whoami
check "whoami prints pseudonym and role" [ "$(cat "$T/out")" = "bob member" ]
expect 0 "whoami --json" bob whoami --json
check "whoami --json fields" json "$T/out" "j == {'pseudonym': 'bob', 'role': 'member', 'key_id': '$(cat "$T/bob.keyid")'}"

# --- post and reply ----------------------------------------------------------
printf 'First thread\nline one\n\tline two\n' >"$T/in"
expect_in "$T/in" 0 "post with the title on the first line" alice post general
t1=$(cat "$T/out")
check "post prints the new thread's id" sh -c "echo '$t1' | grep -qxE '[1-9][0-9]*'"
printf 'a body\n' >"$T/in"
expect_in "$T/in" 0 "the quoting case: 'post general --title \"two words\"'" \
	alice 'post general --title "two words"'
t2=$(cat "$T/out")
check "a second thread has a new id" [ "$t2" -gt "$t1" ]
printf 'a reply\n' >"$T/in"
expect_in "$T/in" 0 "reply" bob reply "$t1"
p3=$(cat "$T/out")
check "reply prints the new post's id" sh -c "echo '$p3' | grep -qxE '[1-9][0-9]*'"
printf 'with --opt=value\n' >"$T/in"
expect_in "$T/in" 0 "post --title=VALUE" bob "post general '--title=Equals form'"

# --- boards --------------------------------------------------------------------
expect 0 "boards" alice boards
check "boards: one line a board: name, threads, post role, title" [ "$(cat "$T/out")" = "$(printf 'announcements\t0\tsysop\tNews\ngeneral\t3\tmember\tGeneral talk')" ]
expect 0 "boards --json" alice boards --json
check "boards --json fields" json "$T/out" "j == [{'name': 'announcements', 'title': 'News', 'threads': 0, 'post_role': 'sysop', 'public': False}, {'name': 'general', 'title': 'General talk', 'threads': 3, 'post_role': 'member', 'public': False}]"

# --- threads -------------------------------------------------------------------
expect 0 "threads" alice threads general
check "threads: one line a thread" [ "$(wc -l <"$T/out")" -eq 3 ]
line=$(sed -n 2p "$T/out")
check "threads: latest activity first (bob's reply moved t1 up)" sh -c "echo '$line' | grep -q '^$t1$TAB'"
check "threads: id, created, author, replies, unread, flags, title" sh -c "echo '$line' | grep -qE '^$t1${TAB}[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:00:00Z${TAB}alice${TAB}1${TAB}1${TAB}-${TAB}First thread\$'"
check "threads: the newest thread is first" sh -c "sed -n 1p '$T/out' | grep -q '${TAB}bob${TAB}0${TAB}1${TAB}-${TAB}Equals form\$'"
expect 0 "threads --limit 1" alice threads general --limit 1
check "threads --limit 1 prints one line" [ "$(wc -l <"$T/out")" -eq 1 ]
expect 0 "threads --limit=2" alice threads general --limit=2
check "threads --limit=2 prints two lines" [ "$(wc -l <"$T/out")" -eq 2 ]
expect 0 "threads --json" alice threads general --json
check "threads --json fields" json "$T/out" "len(j) == 3 and j[1]['id'] == $t1 and j[1]['board'] == 'general' and j[1]['title'] == 'First thread' and j[1]['author'] == 'alice' and re.match('$HOUR_RE', j[1]['created']) and j[1]['replies'] == 1 and j[1]['locked'] is False and j[1]['sticky'] is False"

# --- read ----------------------------------------------------------------------
expect 0 "read --json" alice read "$t1" --json
check "read --json fields" json "$T/out" "j['id'] == $t1 and j['board'] == 'general' and j['title'] == 'First thread' and j['author'] == 'alice' and re.match('$HOUR_RE', j['created']) and j['locked'] is False and len(j['posts']) == 2"
check "read --json posts oldest first" json "$T/out" "[p['author'] for p in j['posts']] == ['alice', 'bob'] and j['posts'][1]['id'] == $p3 and j['posts'][0]['id'] < $p3"
check "read --json post fields" json "$T/out" "j['posts'][0]['body'] == 'line one\n\tline two' and j['posts'][0]['hidden'] is None and re.match('$HOUR_RE', j['posts'][0]['created'])"
p1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["posts"][0]["id"])' "$T/out")
when=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["created"])' "$T/out")
expect 0 "read" alice read "$t1"
printf '%s\tgeneral\t%s\talice\t-\tFirst thread\n%s\t%s\talice\n    line one\n    \tline two\n%s\t%s\tbob\n    a reply\n' \
	"$t1" "$when" "$p1" "$when" "$p3" "$when" >"$T/want"
check "read: the thread line, then each post's line and indented body" cmp -s "$T/out" "$T/want"

# --- search ----------------------------------------------------------------------
expect 0 "search" bob search line
check "search: post, thread, board, created, author, title, snippet" sh -c "grep -qE '^$p1${TAB}$t1${TAB}general${TAB}[0-9T:Z-]+${TAB}alice${TAB}First thread${TAB}.*line one' '$T/out'"
check "search: one hit" [ "$(wc -l <"$T/out")" -eq 1 ]
expect 0 "search with two quoted words" bob 'search "line two"'
check "... finds the post holding both" sh -c "grep -q '^$p1$TAB' '$T/out'"
expect 0 "search with two words unquoted" bob search line reply
check "... needs every word: none has both" [ ! -s "$T/out" ]
expect 0 "search --json" bob search reply --json
check "search --json fields" json "$T/out" "len(j) == 1 and j[0]['post'] == $p3 and j[0]['thread'] == $t1 and j[0]['board'] == 'general' and j[0]['title'] == 'First thread' and j[0]['author'] == 'bob' and re.match('$HOUR_RE', j[0]['created']) and 'reply' in j[0]['snippet']"
expect 0 "search with no hits" bob search nothingmatches
check "... prints nothing" [ ! -s "$T/out" ]
expect 0 "search --json with no hits" bob search nothingmatches --json
check "... prints []" [ "$(cat "$T/out")" = "[]" ]
expect 0 "search --limit 1" bob search a --limit 1
check "... at most one hit" [ "$(wc -l <"$T/out")" -le 1 ]

# --- reading marks; forget-reads forgets ------------------------------------------
expect 0 "threads after reading" alice threads general
check "read marked the thread read" sh -c "grep -q '^$t1$TAB.*${TAB}1${TAB}0${TAB}-${TAB}First thread\$' '$T/out'"
expect 0 "forget-reads" alice forget-reads
check "forget-reads prints nothing" [ ! -s "$T/out" ]
expect 0 "threads after forget-reads" alice threads general
check "everything shows unread again" sh -c "grep -q '^$t1$TAB.*${TAB}1${TAB}2${TAB}-${TAB}First thread\$' '$T/out'"

# --- hidden posts, erased authors, long threads (states made in the database
# directly: hiding and erase-me belong to other commands) ----------------------
db_exec "UPDATE posts SET hidden_reason = 'off topic' WHERE id = $p3"
db_exec "DELETE FROM members WHERE pseudonym = 'bob'"
expect 0 "read a thread with a hidden post by an erased member" alice read "$t1"
check "the hidden post shows the reason, not the body" sh -c "tail -n 2 '$T/out' | head -n 1 | grep -q '^$p3${TAB}.*${TAB}\[erased\]\$' && tail -n 1 '$T/out' | grep -qx '    \[hidden by sysop: off topic\]'"
expect 0 "read --json" alice read "$t1" --json
check "... body null, hidden the reason, author [erased]" json "$T/out" "j['posts'][1] == {'id': $p3, 'author': '[erased]', 'created': j['posts'][1]['created'], 'body': None, 'hidden': 'off topic'}"
expect 0 "search for the hidden post" alice search reply
check "... finds nothing" [ ! -s "$T/out" ]
db_exec "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) INSERT INTO posts (thread_id, author_id, body, created) SELECT $t2, 1, 'post ' || i, 0 FROM n"
expect 0 "read a thread of 1201 posts" alice read "$t2"
check "... every post, paged in, once and in order" python3 -c '
import sys
heads = [l.split("\t") for l in open(sys.argv[1]) if not l.startswith("    ")][1:]
ids = [int(h[0]) for h in heads]
sys.exit(0 if len(ids) == 1201 and ids == sorted(set(ids)) else 1)' "$T/out"
check "... the last one last" [ "$(tail -n 1 "$T/out")" = "    post 1200" ]

stop_server
