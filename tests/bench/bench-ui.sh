#!/bin/sh
# The interactive session, measured through the real ssh client on its own
# pty (80x24, TERM=xterm-256color), against a release build on loopback:
# - bytes the terminal receives to open a 200-post thread, for one page
#   down and for one line down (ncurses sends only what changed);
# - time from the key to the last byte drawn (minimum and median of 20)
#   and the UI's own CPU time, to open a 5,000-post thread (the pager
#   pages posts in; it never loads the thread) and to jump to its end,
#   against the 200-post one;
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

python3 - "$T" "$BBS" <<'PY'
import fcntl, os, pty, select, statistics, struct, subprocess, sys, termios, time

T = sys.argv[1]
BBS = os.path.realpath(sys.argv[2])
QUIET = 0.3  # seconds without output: the screen is drawn
RUNS = 20

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
        n += len(os.read(fd, 65536))
        last = time.monotonic()

def drain_pending():
    while select.select([fd], [], [], 0)[0]:
        os.read(fd, 65536)

def key(k):
    drain_pending()
    os.write(fd, k)
    return drain()

def forget():
    subprocess.run(["sqlite3", T + "/data/bbs.db", "DELETE FROM reads"],
                   check=True)
    time.sleep(1.5)  # the UI's poll reloads the counts
    drain_pending()

def pid_where(test):
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            if test(p):
                return int(p)
        except OSError:
            pass
    return None

log = os.path.realpath(T + "/server.log")
def is_ui(p):  # its terminal is a pty, its stderr the server's log
    return (os.readlink("/proc/%s/fd/0" % p).startswith("/dev/pts/") and
            os.readlink("/proc/%s/fd/2" % p) == log)
def is_session(p):  # a bbs process of this server holding the pty master
    return (os.readlink("/proc/%s/exe" % p) == BBS and
            T.encode() in open("/proc/%s/cmdline" % p, "rb").read() and
            any(os.readlink("/proc/%s/fd/%s" % (p, f)) == "/dev/ptmx"
                for f in os.listdir("/proc/%s/fd" % p)))

def cpu(p):
    """CPU seconds (user + system) process p has used."""
    f = open("/proc/%d/stat" % p).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")

def mem(p):
    rss = pss = 0
    for l in open("/proc/%d/smaps_rollup" % p):
        if l.startswith("Rss:"):
            rss = int(l.split()[1])
        elif l.startswith("Pss:"):
            pss = int(l.split()[1])
    return rss, pss

drain(20)                       # the boards
ui = pid_where(is_ui)
key(b"\r")                      # the threads; the 200-post one chosen
forget()
rows = [("open a 200-post thread", key(b"\r")[0]),
        ("one page down (space)", key(b" ")[0]),
        ("one line down (j)", key(b"j")[0])]
key(b"q")
key(b"j")                       # the 5,000-post thread
forget()
rows.append(("open the 5,000-post thread", key(b"\r")[0]))
key(b"q")
key(b"k")
times, cpus = {}, {}
for name in ("200", "5000"):
    if name == "5000":
        key(b"j")
    opens, ends = [], []
    c0 = cpu(ui)
    for run in range(RUNS):
        opens.append(key(b"\r")[1])
        ends.append(key(b"G")[1])
        key(b"q")
    cpus[name] = (cpu(ui) - c0) / RUNS
    times[name] = (opens, ends)
time.sleep(2)
sess = pid_where(is_session)
ms = lambda x: "%.1f ms" % (1000 * x)
print("## Interactive session\n")
print("Through `ssh -t` on a pty of 80x24, `TERM=xterm-256color`, loopback;")
print("bytes are what the terminal receives (before SSH framing).\n")
print("| action | bytes to the terminal |")
print("|---|---:|")
for what, n in rows:
    print("| %s | %d |" % (what, n))
print()
print("From the key to the last byte drawn, %d runs (minimum / median);" % RUNS)
print("CPU is the UI process's own time for one open, G and q.\n")
print("| thread | open | jump to its end (G) | UI CPU per open + G + q |")
print("|---|---:|---:|---:|")
for name, label in (("200", "200 posts"), ("5000", "5,000 posts")):
    o, e = times[name]
    print("| %s | %s / %s | %s / %s | %s |" % (label, ms(min(o)),
          ms(statistics.median(o)), ms(min(e)), ms(statistics.median(e)),
          ms(cpus[name])))
print()
if ui and sess:
    print("| idle session process | RSS | PSS |")
    print("|---|---:|---:|")
    for name, p in (("UI (ncurses, SQLite)", ui), ("SSH session", sess)):
        print("| %s | %d KiB | %d KiB |" % ((name,) + mem(p)))
    print()
os.write(fd, b"q")
time.sleep(0.5)
os.write(fd, b"q")
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
PY
