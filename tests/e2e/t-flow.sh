#!/bin/sh
# Output flow control never drops a byte: a client with a 4 KiB window
# that stops reading for 12 s (longer than the server's 10 s write
# timeout) still receives every byte of a large output, and the exit
# status. (A pump that wrote past the window lost 25 bytes in 3 MB this
# way, in the experiments behind the server design.)
. "$E2E_DIR/lib.sh"

member alice
# A long moderation log: ~400 entries, tens of kilobytes of output.
i=0
while [ "$i" -lt 400 ]; do
	echo "board create board$i --title 'a board with a longish title $i'"
	i=$((i + 1))
done | while read -r line; do
	eval "admin $line" >/dev/null || fail "$line"
done
start_server

want=$(as alice modlog --limit 1000 | wc -c)
check "the output is larger than many windows" [ "$want" -gt 20000 ]
got=$(probe "$T/alice" slow-reader "modlog --limit 1000")
check "a stalled 4 KiB-window reader gets every byte and status 0" \
	[ "$got" = "bytes $want status 0" ]
stop_server
