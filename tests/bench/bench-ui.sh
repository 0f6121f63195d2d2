#!/bin/sh
# The interactive session, measured through the real ssh client on its own
# pty (80x24, TERM=xterm-256color), against a release build on loopback:
# - bytes the terminal receives to open a 200-post thread, for one page
#   down and for one line down (ncurses sends only what changed);
# - time from the key to the last byte drawn, to open a 5,000-post thread
#   (the pager pages posts in; it never loads the thread) and to jump to
#   its end, against the 200-post one;
# - memory of an idle session's processes (UI and SSH session).
# Prints a Markdown section. Run by scripts/bench (BBS and BENCH_BUILD).
set -eu
BBS=${BBS:?} POST=${BENCH_BUILD:?}/tests/e2e-post
T=$(mktemp -d "${TMPDIR:-/tmp}/bbs-bench-ui.XXXXXX")
SERVER=
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

admin() { "$BBS" "$@" --data "$T/data" >/dev/null; }
ssh-keygen -q -t ed25519 -N '' -C alice -f "$T/alice"
ssh-keygen -q -t ed25519 -N '' -C bob -f "$T/bob"
admin key add alice <"$T/alice.pub"
admin key add bob <"$T/bob.pub"
admin board create bench
admin config set rate_posts 100000
# The 5,000-post thread first, so the 200-post one is listed on top.
big=$(echo "The first post of 5,000." |
	"$POST" "$T/data/bbs.db" bob thread bench "Five thousand posts")
"$POST" "$T/data/bbs.db" bob fill "${big%% *}" 4999 >/dev/null
small=$(echo "The first post of 200." |
	"$POST" "$T/data/bbs.db" bob thread bench "Two hundred posts")
"$POST" "$T/data/bbs.db" bob fill "${small%% *}" 199 >/dev/null

"$BBS" serve --listen 127.0.0.1:0 --data "$T/data" >"$T/server.log" 2>&1 &
SERVER=$!
i=0
until grep -q 'listening on' "$T/server.log" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "bench-ui: no server" >&2; exit 1; }
	sleep 0.1
done
port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/server.log")
cat >"$T/ssh_config" <<CFG
Host bbs
	HostName 127.0.0.1
	Port $port
	IdentitiesOnly yes
	IdentityAgent none
	BatchMode yes
	UserKnownHostsFile $T/known_hosts
	StrictHostKeyChecking accept-new
	LogLevel ERROR
CFG

python3 - "$T" <<'PY'
import fcntl, os, pty, select, statistics, struct, subprocess, sys, termios, time

T = sys.argv[1]
QUIET = 0.3  # seconds without output: the screen is drawn

pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"
    os.execvp("ssh", ["ssh", "-t", "-F", T + "/ssh_config", "-i",
                      T + "/alice", "bbs"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

def drain(timeout=10.0):
    """Reads until QUIET; returns (bytes, seconds to the last byte)."""
    start = last = time.monotonic()
    n = 0
    while True:
        r, _, _ = select.select([fd], [], [], QUIET)
        if not r:
            if n > 0 or time.monotonic() - start > timeout:
                return n, last - start
            continue
        chunk = os.read(fd, 65536)
        n += len(chunk)
        last = time.monotonic()

def key(k):
    drain_pending()
    os.write(fd, k)
    return drain()

def drain_pending():
    while select.select([fd], [], [], 0)[0]:
        os.read(fd, 65536)

def forget():
    subprocess.run(["sqlite3", T + "/data/bbs.db", "DELETE FROM reads"],
                   check=True)
    time.sleep(1.5)  # the UI's poll reloads the counts
    drain_pending()

drain(20)                       # the boards
key(b"\r")                      # the threads; the 200-post one chosen
rows = []
opens = {"200": [], "5000": []}
ends = {"200": [], "5000": []}
first = None
for run in range(5):
    forget()
    n, t = key(b"\r")           # open the 200-post thread
    opens["200"].append(t)
    if first is None:
        first = n
        page = key(b" ")[0]
        line = key(b"j")[0]
        rows.append(("open a 200-post thread", n))
        rows.append(("one page down (space)", page))
        rows.append(("one line down (j)", line))
    ends["200"].append(key(b"G")[1])
    key(b"q")
    key(b"j")                   # the 5,000-post thread
    forget()
    n5, t = key(b"\r")
    opens["5000"].append(t)
    ends["5000"].append(key(b"G")[1])
    if run == 0:
        rows.append(("open the 5,000-post thread", n5))
    key(b"q")
    key(b"k")

def mem(pid):
    pss = rss = 0
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for l in f:
            if l.startswith("Pss:"):
                pss = int(l.split()[1])
            elif l.startswith("Rss:"):
                rss = int(l.split()[1])
    return rss, pss

ui = sess = None
log = os.path.realpath(T + "/server.log")
for p in os.listdir("/proc"):
    if not p.isdigit():
        continue
    try:
        fd0 = os.readlink("/proc/%s/fd/0" % p)
        fd2 = os.readlink("/proc/%s/fd/2" % p)
        cmd = open("/proc/%s/cmdline" % p, "rb").read()
    except OSError:
        continue
    if T.encode() not in cmd:
        continue
    if fd0.startswith("/dev/pts/") and fd2 == log:
        ui = int(p)
    elif any(os.readlink("/proc/%s/fd/%s" % (p, f)) == "/dev/ptmx"
             for f in os.listdir("/proc/%s/fd" % p)
             if os.path.exists("/proc/%s/fd/%s" % (p, f))):
        sess = int(p)
time.sleep(2)
ms = lambda xs: "%.1f ms" % (1000 * statistics.median(xs))
print("## Interactive session\n")
print("Through `ssh -t` on a pty of 80x24, `TERM=xterm-256color`, loopback;")
print("bytes are what the terminal receives (before SSH framing), times")
print("run from the key to the last byte drawn (median of 5).\n")
print("| action | bytes to the terminal |")
print("|---|---:|")
for what, n in rows:
    print("| %s | %d |" % (what, n))
print()
print("| thread | open (first unread) | jump to its end (G) |")
print("|---|---:|---:|")
print("| 200 posts | %s | %s |" % (ms(opens["200"]), ms(ends["200"])))
print("| 5,000 posts | %s | %s |" % (ms(opens["5000"]), ms(ends["5000"])))
print()
if ui and sess:
    print("| idle session process | RSS | PSS |")
    print("|---|---:|---:|")
    for name, p in (("UI (ncurses, SQLite)", ui), ("SSH session", sess)):
        r, s = mem(p)
        print("| %s | %d KiB | %d KiB |" % (name, r, s))
    print()
os.write(fd, b"q")
time.sleep(0.5)
os.write(fd, b"q")
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
PY
