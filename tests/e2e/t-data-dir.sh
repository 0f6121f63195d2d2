#!/bin/sh
# The data directory is trusted only when it is this user's alone (issue
# 12, item 9; SPEC section 2): one that group or others may write, or
# that someone else owns, is refused with one line naming it and 77; a
# symbolic link planted in it (for bbs.db, the host key, a secret) is
# refused, not followed; --data creates the directory with its missing
# parents, 0700.
. "$E2E_DIR/lib.sh"

# expect STATUS DESC CMD...: runs CMD, output in $T/out and $T/err.
expect() {
	want=$1 desc=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" -eq "$want" ] || {
		cat "$T/err" >&2
		fail "$desc: exit $got, expected $want"
	}
	echo "ok   $desc"
}
one_line() {
	[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q -- "$1" "$T/err"
}
mode() {
	stat -c %a "$1"
}

expect 0 "--data a/b/c creates all three" \
	"$BBS" board list --data "$T/a/b/c"
check "... a is 0700" [ "$(mode "$T/a")" = 700 ]
check "... a/b is 0700" [ "$(mode "$T/a/b")" = 700 ]
check "... a/b/c is 0700" [ "$(mode "$T/a/b/c")" = 700 ]
check "... and holds the database" [ -f "$T/a/b/c/bbs.db" ]

member alice
chmod 770 "$T/data"
expect 77 "a group-writable data directory is refused" admin board list
check "... in one line naming it" one_line "data directory $T/data may be written by group or others"
expect 77 "... by serve too" "$BBS" serve --listen 127.0.0.1:0 --data "$T/data"
check "... in one line naming it" one_line "data directory $T/data may be written by group or others"
chmod 702 "$T/data"
expect 77 "a data directory others may write is refused" admin board list
chmod 700 "$T/data"
expect 0 "a data directory of mode 700 is used" admin board list

if [ "$(id -u)" -eq 0 ]; then
	mkdir -m 700 "$T/theirs"
	chown 65534:65534 "$T/theirs"
	expect 77 "a data directory owned by someone else is refused" \
		"$BBS" board list --data "$T/theirs"
	check "... in one line naming it" one_line "data directory $T/theirs is owned by uid 65534"
	check "... and nothing was made in it" [ -z "$(ls -A "$T/theirs")" ]
fi

# Links planted in the data directory: each refused, its target untouched.
mkdir "$T/elsewhere"
planted() {
	name=$1
	shift
	mv "$T/data/$name" "$T/elsewhere/$name"
	ln -s "$T/elsewhere/$name" "$T/data/$name"
	before=$(cksum <"$T/elsewhere/$name")
	expect 77 "a symbolic link as $name is refused" "$@"
	check "... in one line naming it" one_line "$T/data/$name is a symbolic link; refusing to follow it"
	check "... and its target is untouched" [ "$(cksum <"$T/elsewhere/$name")" = "$before" ]
	rm "$T/data/$name"
	mv "$T/elsewhere/$name" "$T/data/$name"
}
start_server # makes the host key
stop_server
planted bbs.db admin board list
planted secret.key admin key list
planted modlog.key admin modlog verify
planted host_ed25519 "$BBS" serve --listen 127.0.0.1:0 --data "$T/data"
# A dangling link as the host key: serve must not create a key through it.
ln -s "$T/elsewhere/new_key" "$T/data/host_ed25519.new"
mv "$T/data/host_ed25519" "$T/host.keep"
mv "$T/data/host_ed25519.new" "$T/data/host_ed25519"
expect 77 "a dangling link as the host key is refused" \
	"$BBS" serve --listen 127.0.0.1:0 --data "$T/data"
check "... and no key was written through it" [ ! -e "$T/elsewhere/new_key" ]
rm "$T/data/host_ed25519"
mv "$T/host.keep" "$T/data/host_ed25519"

# The directory itself may be reached through a link (it is resolved once
# and held open): only what is inside must be its own.
ln -s "$T/data" "$T/data-link"
expect 0 "--data through a symbolic link to the directory works" \
	"$BBS" key list --data "$T/data-link"
check "... and shows the same members" grep -q alice "$T/out"
start_server
check "the server still serves" [ "$(as alice whoami)" = "alice member" ]
stop_server
