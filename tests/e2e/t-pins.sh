#!/bin/sh
# The pin board over SSH (SPEC sections 4, 6, 7, 9): pin prints the new
# id and stores the normalised link; a duplicate pin votes for the first;
# a vote counts once; the tag filter; expiry and --all; --json fields;
# bad input and its exit statuses; a bot may list but not pin or vote;
# the rate limit. ssh joins its arguments into one command line, so a
# word holding a space is quoted again for the server's splitter.
. "$E2E_DIR/lib.sh"

tomorrow=$(date -u -d tomorrow +%F)
yesterday=$(date -u -d yesterday +%F)
tab=$(printf '\t')

admin board create general >/dev/null || fail "board create"
member alice
member bob
member carol
member dave
member newsbot --role bot --board general
start_server

# --- pinning ---------------------------------------------------------------
out=$(as alice pin 'HTTPS://Example.ORG:443/march?utm_source=tw&id=7&FBCLID=x' \
	--tag Protest --tag events --caption "'Climate march'" \
	--expires "$tomorrow" </dev/null)
check "pin prints the new pin's id" [ "$out" = 1 ]
want="1${tab}1${tab}https://example.org/march?id=7${tab}events,protest${tab}$tomorrow${tab}Climate march"
check "pins shows it normalised, tracking parameters gone" \
	[ "$(as alice pins)" = "$want" ]

printf 'from\nstandard input\n' | as carol pin 'https://b.example/x' >"$T/out"
check "the caption may come from standard input" [ "$(cat "$T/out")" = 2 ]
check "... its lines joined" sh -c \
	"ssh -F '$T/ssh_config' -i '$T/alice' bbs pins --sort new --limit 1 | grep -q '	from standard input\$'"

as alice pin https://c.example/meme --tag memes \
	--caption "'$(printf 'cat\033[2J\033]8;;x\007 pic')'" >"$T/out" </dev/null
check "a caption's escapes are removed before storage" sh -c \
	"ssh -F '$T/ssh_config' -i '$T/bob' bbs pins --tag memes | grep -q '	cat\[2J\]8;;x pic\$'"
check "... and nothing reaches the terminal raw" sh -c \
	"! ssh -F '$T/ssh_config' -i '$T/bob' bbs pins | grep -q \"\$(printf '\033')\""

# --- duplicates and votes --------------------------------------------------
out=$(as bob pin 'https://EXAMPLE.org/march?id=7&gclid=1' --caption other \
	</dev/null 2>"$T/err")
rc=$?
check "a duplicate pin exits 0" [ "$rc" -eq 0 ]
check "... printing the first pin's id" [ "$out" = 1 ]
check "... and says so on stderr" \
	grep -q '^pin: already pinned as 1, which now has your vote (score 2)$' "$T/err"
check "... counting as the pinner's vote" [ "$(as bob vote 1)" = 2 ]
check "a vote prints the new score" [ "$(as carol vote 1)" = 3 ]
out=$(as carol vote 1)
rc=$?
check "voting twice counts once, exit 0" [ "$rc" -eq 0 -a "$out" = 3 ]
check "vote --json" [ "$(as carol vote 1 --json)" = '{"id":1,"score":3,"counted":false}' ]
check "pin --json of a duplicate" [ "$(as dave pin https://b.example/x --caption "''" --json 2>/dev/null)" = '{"id":2,"duplicate":true,"score":2}' ]

# --- listing -----------------------------------------------------------------
as alice pin https://d.example/zine --tag memes --tag zines --caption zine \
	>/dev/null </dev/null || fail "pin 4"
check "the tag filter" [ "$(as bob pins --tag memes | cut -f1 | tr '\n' ' ')" = "4 3 " ]
check "... ignores case" [ "$(as bob pins --tag MEMES | cut -f1 | tr '\n' ' ')" = "4 3 " ]
check "... and finds nothing for an unknown tag" [ "$(as bob pins --tag nosuch; echo "status $?")" = "status 0" ]
check "hot puts the most voted first" [ "$(as bob pins | head -n 1 | cut -f1)" = 1 ]
check "new is newest first" [ "$(as bob pins --sort new | cut -f1 | tr '\n' ' ')" = "4 3 2 1 " ]
check "--limit" [ "$(as bob pins --limit 2 | wc -l)" -eq 2 ]
check "--limit 1000 is allowed" as bob pins --limit 1000 >/dev/null

# --- expiry ------------------------------------------------------------------
today=$(date -u +%F)
as alice pin https://e.example/rally --caption rally --expires "$today" \
	>"$T/out" </dev/null
check "an expiry of today is accepted" [ "$(cat "$T/out")" = 5 ]
# Time passes: the rally was yesterday.
sqlite3 "$T/data/bbs.db" "UPDATE pins SET expires = '$yesterday' WHERE id = 5" ||
	fail "sqlite3"
check "an expired pin leaves the listing" sh -c \
	"! ssh -F '$T/ssh_config' -i '$T/bob' bbs pins | cut -f1 | grep -qx 5"
check "... and stays with --all, flagged" sh -c \
	"ssh -F '$T/ssh_config' -i '$T/bob' bbs pins --all | grep -q '^5	1	https://e.example/rally	-	$yesterday (expired)	rally\$'"

# --- JSON --------------------------------------------------------------------
as bob pins --all --json >"$T/json" || fail "pins --json"
check "pins --json has the SPEC's fields" python3 - "$T/json" <<'PY'
import json, re, sys
pins = json.load(open(sys.argv[1]))
byid = {p["id"]: p for p in pins}
assert sorted(byid) == [1, 2, 3, 4, 5], byid.keys()
for p in pins:
    for k in ("id", "url", "caption", "tags", "author", "created", "score",
              "expires"):
        assert k in p, (k, p)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:00:00Z", p["created"]), p
    assert isinstance(p["tags"], list)
one = byid[1]
assert one["url"] == "https://example.org/march?id=7", one
assert one["tags"] == ["events", "protest"], one
assert one["author"] == "alice" and one["score"] == 3, one
assert one["caption"] == "Climate march" and one["expired"] is False, one
assert byid[2]["expires"] is None and byid[2]["author"] == "carol"
assert byid[5]["expired"] is True
PY
check "pins --json with no pins is []" [ "$(as bob pins --tag nosuch --json)" = "[]" ]

# --- refusals and exit statuses ---------------------------------------------
refused() { # status command... : runs as alice, wants that exit status
	want=$1
	shift
	as alice "$@" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -eq "$want" ] || echo "exit $rc, wanted $want" >&2
	[ "$rc" -eq "$want" ] && [ ! -s "$T/out" ] &&
		head -n 1 "$T/err" | grep -q "^$1: "
}
check "a javascript: link is refused (65)" refused 65 pin 'javascript:alert(1)'
check "a data: link is refused (65)" refused 65 pin 'data:text/html,x'
check "a file: link is refused (65)" refused 65 pin 'file:///etc/passwd'
check "a link without a scheme is refused (65)" refused 65 pin example.org/x
check "a link with a password is refused (65)" refused 65 pin 'https://u:p@example.org/'
check "a link with a space is refused (65)" refused 65 pin "'https://example.org/a b'"
check "a link over 2 KiB is refused (65)" refused 65 pin \
	"https://example.org/$(head -c 2030 /dev/zero | tr '\0' x)"
check "a bad tag is refused (65)" refused 65 pin https://f.example/ --tag "'a b'"
check "six tags are refused (65)" refused 65 pin https://f.example/ \
	--tag a --tag b --tag c --tag d --tag e --tag f
check "a bad date is refused (65)" refused 65 pin https://f.example/ --expires 2026-02-30
check "a past date is refused (65)" refused 65 pin https://f.example/ --expires "$yesterday"
check "pin without a URL is a usage error (64)" refused 64 pin
check "vote for no such pin (66)" refused 66 vote 999
check "vote for a non-number (64)" refused 64 vote abc
check "pins --limit 0 (64)" refused 64 pins --limit 0
check "pins --limit 1001 (64)" refused 64 pins --limit 1001
check "pins --sort top (64)" refused 64 pins --sort top
check "pins --tag with a bad tag (65)" refused 65 pins --tag 'no!'
check "nothing refused was stored" [ "$(as bob pins --all | wc -l)" -eq 5 ]

# An international host: the list shows it in Punycode, as the board does,
# so a look-alike of a familiar name stands out; --json has both forms.
as bob pin 'https://bücher.example/a' --caption idn </dev/null >/dev/null ||
	fail "pin an international host"
check "pins prints an international host in Punycode" \
	[ "$(as bob pins --sort new --limit 1 | cut -f3)" = "https://xn--bcher-kva.example/a" ]
check "... and --json keeps the link as given in url" \
	[ "$(as bob pins --sort new --limit 1 --json | python3 -c 'import json,sys; p=json.load(sys.stdin)[0]; print(p["url"], p["href"])')" = "https://bücher.example/a https://xn--bcher-kva.example/a" ]

# --- bots ----------------------------------------------------------------------
check "a bot may list the pins" as newsbot pins >/dev/null
as newsbot pin https://g.example/ --caption x </dev/null 2>"$T/err"
check "a bot may not pin (77)" [ $? -eq 77 ]
as newsbot vote 1 2>"$T/err"
check "a bot may not vote (77)" [ $? -eq 77 ]

# --- rate limit ----------------------------------------------------------------
admin config set rate_pins 2 || fail "config set"
as dave pin https://h.example/1 --caption 1 >/dev/null </dev/null
as dave pin https://h.example/2 --caption 2 >/dev/null </dev/null
as dave pin https://h.example/3 --caption 3 </dev/null >/dev/null 2>"$T/err"
check "past the rate limit a pin answers 75" [ $? -eq 75 ]
check "... saying so" grep -q '^pin: rate limited' "$T/err"
check "... and a duplicate still votes" [ "$(as dave pin 'https://example.org/march?id=7' --caption x 2>/dev/null </dev/null)" = 1 ]
check "help lists pin, pins and vote" sh -c \
	"ssh -F '$T/ssh_config' -i '$T/alice' bbs help | grep -c -E '^  (pin|pins|vote) ' | grep -qx 3"
stop_server
