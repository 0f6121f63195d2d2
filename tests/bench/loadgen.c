/* bbs: ISC licence, see LICENSE. */
/*
 * loadgen: the benchmark's SSH client, on libssh's client API so that the
 * client costs little of the machine. Not a test and not part of bbs; it
 * works against any SSH server that draws a screen on a pty (bbs, or
 * OpenSSH's sshd running tests/bench/screen.c).
 *
 * One connection: TCP connect from a chosen 127.x.y.z source, key
 * exchange, publickey auth with one key (no probe), a session channel, a
 * pty, a shell, then read until the marker text (the last text of the
 * first screen) has arrived; then 'q', and read until the server closes
 * the channel. Each step is timed with CLOCK_MONOTONIC.
 *
 * Modes:
 *   run   C clients (threads) make N connections in all, back to back;
 *         prints connections per second, p50/p99 time to the first
 *         screen and the p50 of each phase.
 *   hold  C clients open K sessions and keep them idle; with -P the
 *         server's memory is read before and after; then all are closed.
 *   tree  prints the CPU time, process count, PSS and USS of a process
 *         tree from /proc, once.
 * With -P PID, the server's CPU time (utime+stime+cutime+cstime summed
 * over PID and its live descendants) is read before and after a run.
 *
 * Host key checking is off: loopback, benchmark only. Every target is an
 * address the caller gives (the scripts give 127.0.0.1), and every loop is
 * bounded by a count or a deadline.
 */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>

#define LG_TIMEOUT_S 30 /* any one connection, from connect to close */
#define LG_MAX_CLIENTS 256
#define LG_MAX_CONNS 100000
#define LG_SETTLE_MS 2000 /* hold: let the sessions go idle before reading */

enum lg_phase {
	PH_START,   /* before connect() */
	PH_TCP,     /* TCP connected */
	PH_KEX,     /* banners and key exchange done */
	PH_AUTH,    /* publickey accepted */
	PH_CHANNEL, /* session channel open */
	PH_PTY,     /* pty-req answered */
	PH_SHELL,   /* shell answered */
	PH_SCREEN,  /* the marker arrived: first screen drawn */
	PH_CLOSED,  /* 'q' sent, the server closed the channel */
	PH_N
};

static const char *const lg_phase_names[PH_N] = { "start", "tcp", "kex", "auth",
	"channel", "pty", "shell", "screen", "closed" };

struct lg_conn {
	int64_t t[PH_N]; /* ns, CLOCK_MONOTONIC */
	int ok;          /* reached PH_CLOSED (run) or PH_SCREEN (hold) */
	const char *error;
	ssh_session ssh;
	ssh_channel chan;
	int fd; /* ours: libssh does not close a socket it was given */
};

struct lg_opts {
	const char *host;
	int port;
	const char *user;
	const char *key_path;
	const char *marker;
	const char *term;
	int cols, rows;
	int clients;
	int conns;
	int hold;
	int hold_s;
	int sources;
	pid_t server;
	int quiet;
};

struct lg_worker {
	int index;
	struct in_addr src;
	ssh_key key;
	pthread_t thread;
	int *held; /* hold: indexes of this worker's sessions */
	int nheld;
};

static struct lg_opts opts;
static struct lg_conn *conns;
static int nconns;
static int next_conn;
static pthread_mutex_t lg_lock = PTHREAD_MUTEX_INITIALIZER;

static void lg_die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

static void
lg_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("loadgen: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static int64_t
lg_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* ---- /proc: a server's process tree -------------------------------- */

struct lg_tree {
	long procs;
	double cpu_ms; /* utime+stime+cutime+cstime */
	long pss_kb, uss_kb, rss_kb;
};

struct lg_proc {
	pid_t pid, ppid;
	unsigned long long ticks;
};

/* Reads pid, ppid and the four CPU times from /proc/PID/stat. */
static int
lg_proc_stat(pid_t pid, struct lg_proc *p)
{
	char path[64], buf[1024], *s;
	unsigned long long ut, st, cut, cst;
	FILE *f;
	size_t n;
	int ppid;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* The command name may hold spaces and ')': skip to the last ')'. */
	if ((s = strrchr(buf, ')')) == NULL)
		return -1;
	/* state ppid pgrp session tty tpgid flags minflt cminflt majflt
	 * cmajflt utime stime cutime cstime */
	if (sscanf(s + 2,
	        "%*c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %llu "
	        "%llu",
	        &ppid, &ut, &st, &cut, &cst) != 5)
		return -1;
	p->pid = pid;
	p->ppid = ppid;
	p->ticks = ut + st + cut + cst;
	return 0;
}

/* Adds the Pss and Private_* lines of /proc/PID/smaps_rollup. */
static void
lg_proc_mem(pid_t pid, struct lg_tree *t)
{
	char path[64], line[256];
	long v;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "Pss: %ld", &v) == 1)
			t->pss_kb += v;
		else if (sscanf(line, "Rss: %ld", &v) == 1)
			t->rss_kb += v;
		else if (sscanf(line, "Private_Clean: %ld", &v) == 1 ||
		         sscanf(line, "Private_Dirty: %ld", &v) == 1)
			t->uss_kb += v;
	}
	fclose(f);
}

/* Sums over root and its live descendants; mem also reads smaps_rollup. */
static int
lg_tree_read(pid_t root, int mem, struct lg_tree *t)
{
	struct lg_proc *ps = NULL, *tmp;
	size_t n = 0, cap = 0, i;
	char *in;
	int changed, found = 0;
	struct dirent *d;
	DIR *dir;

	memset(t, 0, sizeof *t);
	if ((dir = opendir("/proc")) == NULL)
		return -1;
	while ((d = readdir(dir)) != NULL) {
		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((tmp = realloc(ps, cap * sizeof *ps)) == NULL)
				lg_die("out of memory");
			ps = tmp;
		}
		if (lg_proc_stat((pid_t)atoi(d->d_name), &ps[n]) == 0)
			n++;
	}
	closedir(dir);
	if ((in = calloc(n ? n : 1, 1)) == NULL)
		lg_die("out of memory");
	for (i = 0; i < n; i++) {
		if (ps[i].pid == root)
			in[i] = 1, found = 1;
	}
	/* Mark descendants; bounded by the depth of the tree (< n rounds). */
	for (changed = 1; changed;) {
		size_t j;

		changed = 0;
		for (i = 0; i < n; i++) {
			if (in[i])
				continue;
			for (j = 0; j < n; j++) {
				if (in[j] && ps[j].pid == ps[i].ppid) {
					in[i] = 1, changed = 1;
					break;
				}
			}
		}
	}
	for (i = 0; i < n; i++) {
		if (!in[i])
			continue;
		t->procs++;
		t->cpu_ms +=
		    (double)ps[i].ticks * 1000.0 / (double)sysconf(_SC_CLK_TCK);
		if (mem)
			lg_proc_mem(ps[i].pid, t);
	}
	free(in);
	free(ps);
	return found ? 0 : -1;
}

/* Lists the tree's processes on stderr (for a tree that will not settle). */
static void
lg_tree_list(pid_t root)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd,
	    "ps -e -o pid=,ppid=,stat=,etime=,args= | awk -v r=%d "
	    "'{ p[$1] = $2; l[$1] = $0 } END { for (i in l) { j = i; "
	    "while (j in p && j != r) j = p[j]; if (j == r) print l[i] } }' "
	    ">&2",
	    (int)root);
	if (system(cmd) != 0)
		fprintf(stderr, "loadgen: ps failed\n");
}

/*
 * Waits (at most 10 s) until the tree has at most want processes, so the
 * children of finished connections are reaped into their parents' times.
 */
static void
lg_tree_settle(pid_t root, long want)
{
	struct lg_tree t;
	int i;

	for (i = 0; i < 100; i++) {
		if (lg_tree_read(root, 0, &t) != 0 || t.procs <= want)
			return;
		usleep(100000);
	}
	fprintf(
	    stderr, "loadgen: the server tree kept %ld processes:\n", t.procs);
	lg_tree_list(root);
}

/* The machine's busy and total CPU time so far (all cores), in ms. */
static void
lg_machine(double *busy_ms, double *all_ms)
{
	unsigned long long v[8] = { 0 };
	double tick = 1000.0 / (double)sysconf(_SC_CLK_TCK);
	FILE *f = fopen("/proc/stat", "r");

	*busy_ms = *all_ms = 0;
	if (f == NULL)
		return;
	/* cpu user nice system idle iowait irq softirq steal */
	if (fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0],
	        &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) == 8) {
		*busy_ms =
		    (double)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) * tick;
		*all_ms = *busy_ms + (double)(v[3] + v[4]) * tick;
	}
	fclose(f);
}

static double
lg_self_cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

/* ---- one connection -------------------------------------------------- */

static int
lg_tcp(struct lg_worker *w, struct lg_conn *c)
{
	struct sockaddr_in src, dst;
	int fd, one = 1;

	memset(&dst, 0, sizeof dst);
	dst.sin_family = AF_INET;
	dst.sin_port = htons((uint16_t)opts.port);
	if (inet_pton(AF_INET, opts.host, &dst.sin_addr) != 1)
		lg_die("-h wants an IPv4 address, not %s", opts.host);
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1) {
		c->error = "socket";
		return -1;
	}
	memset(&src, 0, sizeof src);
	src.sin_family = AF_INET;
	src.sin_addr = w->src;
	if (bind(fd, (struct sockaddr *)&src, sizeof src) != 0) {
		c->error = "bind";
		close(fd);
		return -1;
	}
	/* As OpenSSH's and libssh's own connect do for interactive use. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	c->t[PH_START] = lg_now();
	if (connect(fd, (struct sockaddr *)&dst, sizeof dst) != 0) {
		c->error = "connect";
		close(fd);
		return -1;
	}
	c->t[PH_TCP] = lg_now();
	return fd;
}

static void
lg_set(ssh_session s, enum ssh_options_e opt, const void *v)
{
	if (ssh_options_set(s, opt, v) != SSH_OK)
		lg_die("ssh_options_set %d: %s", (int)opt, ssh_get_error(s));
}

/* Reads until the marker has arrived, or the deadline; 0 when it has. */
static int
lg_read_screen(struct lg_conn *c, int64_t deadline)
{
	size_t mlen = strlen(opts.marker), have = 0;
	char buf[16384 + 256];
	int n, ms;

	/* buf keeps the last mlen-1 bytes, so a split marker is found. */
	while ((ms = (int)((deadline - lg_now()) / 1000000)) > 0) {
		n = ssh_channel_read_timeout(c->chan, buf + have,
		    (uint32_t)(sizeof buf - have - 1), 0, ms);
		if (n == SSH_ERROR || (n == 0 && ssh_channel_is_eof(c->chan)))
			return -1;
		if (n <= 0)
			continue;
		have += (size_t)n;
		buf[have] = '\0';
		if (memmem(buf, have, opts.marker, mlen) != NULL) {
			c->t[PH_SCREEN] = lg_now();
			return 0;
		}
		if (have >= mlen) {
			memmove(buf, buf + have - (mlen - 1), mlen - 1);
			have = mlen - 1;
		}
	}
	return -1;
}

/* Connects and logs in up to the first screen; 0 on success. */
static int
lg_open(struct lg_worker *w, struct lg_conn *c)
{
	long timeout = LG_TIMEOUT_S;
	int64_t deadline;
	bool no = false;
	int fd;

	if ((fd = lg_tcp(w, c)) == -1)
		return -1;
	c->fd = fd;
	deadline = c->t[PH_START] + (int64_t)LG_TIMEOUT_S * 1000000000;
	if ((c->ssh = ssh_new()) == NULL)
		lg_die("ssh_new failed");
	lg_set(c->ssh, SSH_OPTIONS_PROCESS_CONFIG, &no);
	lg_set(c->ssh, SSH_OPTIONS_HOST, opts.host);
	lg_set(c->ssh, SSH_OPTIONS_PORT, &opts.port);
	lg_set(c->ssh, SSH_OPTIONS_USER, opts.user);
	lg_set(c->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	lg_set(c->ssh, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
	lg_set(c->ssh, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
	/* The same algorithms against every server, as OpenSSH would pick. */
	lg_set(c->ssh, SSH_OPTIONS_KEY_EXCHANGE, "curve25519-sha256");
	lg_set(c->ssh, SSH_OPTIONS_HOSTKEYS, "ssh-ed25519");
	lg_set(
	    c->ssh, SSH_OPTIONS_CIPHERS_C_S, "chacha20-poly1305@openssh.com");
	lg_set(
	    c->ssh, SSH_OPTIONS_CIPHERS_S_C, "chacha20-poly1305@openssh.com");
	lg_set(c->ssh, SSH_OPTIONS_FD, &fd); /* libssh closes it */
	if (ssh_connect(c->ssh) != SSH_OK) {
		c->error = "key exchange";
		return -1;
	}
	c->t[PH_KEX] = lg_now();
	if (ssh_userauth_publickey(c->ssh, NULL, w->key) != SSH_AUTH_SUCCESS) {
		c->error = "auth";
		return -1;
	}
	c->t[PH_AUTH] = lg_now();
	if ((c->chan = ssh_channel_new(c->ssh)) == NULL ||
	    ssh_channel_open_session(c->chan) != SSH_OK) {
		c->error = "channel";
		return -1;
	}
	c->t[PH_CHANNEL] = lg_now();
	if (ssh_channel_request_pty_size(
	        c->chan, opts.term, opts.cols, opts.rows) != SSH_OK) {
		c->error = "pty";
		return -1;
	}
	c->t[PH_PTY] = lg_now();
	if (ssh_channel_request_shell(c->chan) != SSH_OK) {
		c->error = "shell";
		return -1;
	}
	c->t[PH_SHELL] = lg_now();
	if (lg_read_screen(c, deadline) != 0) {
		c->error = "first screen";
		return -1;
	}
	return 0;
}

/* Sends 'q', reads until the server closes, and frees; 0 if clean. */
static int
lg_close(struct lg_conn *c)
{
	int64_t deadline = lg_now() + (int64_t)LG_TIMEOUT_S * 1000000000;
	char buf[4096];
	int n, ms, r = -1;

	if (c->chan != NULL && ssh_channel_is_open(c->chan) &&
	    ssh_channel_write(c->chan, "q", 1) == 1) {
		while ((ms = (int)((deadline - lg_now()) / 1000000)) > 0) {
			n = ssh_channel_read_timeout(
			    c->chan, buf, sizeof buf, 0, ms);
			if (n == SSH_ERROR)
				break;
			if (n == 0 && (ssh_channel_is_eof(c->chan) ||
			                  ssh_channel_is_closed(c->chan))) {
				r = 0;
				break;
			}
		}
		c->t[PH_CLOSED] = lg_now();
		if (r == 0) {
			ssh_channel_send_eof(c->chan);
			ssh_channel_close(c->chan);
		}
	}
	if (c->chan != NULL)
		ssh_channel_free(c->chan);
	if (c->ssh != NULL) {
		ssh_disconnect(c->ssh);
		ssh_free(c->ssh);
	}
	if (c->fd != -1)
		close(c->fd);
	c->fd = -1;
	c->chan = NULL;
	c->ssh = NULL;
	if (r != 0 && c->error == NULL)
		c->error = "close";
	return r;
}

static int
lg_next(void)
{
	int i = -1;

	pthread_mutex_lock(&lg_lock);
	if (next_conn < nconns)
		i = next_conn++;
	pthread_mutex_unlock(&lg_lock);
	return i;
}

static void *
lg_worker_run(void *arg)
{
	struct lg_worker *w = arg;
	struct lg_conn *c;
	int i;

	while ((i = lg_next()) != -1) {
		c = &conns[i];
		if (lg_open(w, c) == 0 && lg_close(c) == 0)
			c->ok = 1;
		else
			lg_close(c);
	}
	return NULL;
}

static void *
lg_worker_open(void *arg)
{
	struct lg_worker *w = arg;
	struct lg_conn *c;
	int i;

	while ((i = lg_next()) != -1) {
		c = &conns[i];
		if (lg_open(w, c) == 0) {
			c->ok = 1;
			w->held[w->nheld++] = i;
		} else
			lg_close(c);
	}
	return NULL;
}

static void *
lg_worker_close(void *arg)
{
	struct lg_worker *w = arg;
	int i;

	for (i = 0; i < w->nheld; i++) {
		if (lg_close(&conns[w->held[i]]) != 0)
			conns[w->held[i]].ok = 0;
	}
	return NULL;
}

/* ---- figures ---------------------------------------------------------- */

static int
lg_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of n sorted values. */
static double
lg_pct(const double *v, int n, double p)
{
	int k = (int)(p / 100.0 * n + 0.999999);

	if (n == 0)
		return 0;
	if (k < 1)
		k = 1;
	return v[k > n ? n - 1 : k - 1];
}

/* p50/p99 in ms of t[to] - t[from] over the successful connections. */
static void
lg_stat(enum lg_phase from, enum lg_phase to, double *p50, double *p99)
{
	double *v = calloc((size_t)nconns + 1, sizeof *v);
	int i, n = 0;

	if (v == NULL)
		lg_die("out of memory");
	for (i = 0; i < nconns; i++) {
		if (conns[i].ok)
			v[n++] =
			    (double)(conns[i].t[to] - conns[i].t[from]) / 1e6;
	}
	qsort(v, (size_t)n, sizeof *v, lg_cmp);
	*p50 = lg_pct(v, n, 50);
	*p99 = lg_pct(v, n, 99);
	free(v);
}

static void
lg_report_errors(void)
{
	int i, shown = 0;

	for (i = 0; i < nconns && shown < 5; i++) {
		if (!conns[i].ok && conns[i].error != NULL) {
			fprintf(stderr, "loadgen: connection %d failed at %s\n",
			    i, conns[i].error);
			shown++;
		}
	}
}

static void
lg_print_phases(void)
{
	double p50, p99;
	int ph;

	/* Each phase alone, then the time since connect() at its end. */
	printf("phase_ms");
	for (ph = PH_TCP; ph <= PH_CLOSED; ph++) {
		lg_stat(ph - 1, ph, &p50, &p99);
		printf(" %s=%.3f", lg_phase_names[ph], p50);
	}
	printf("\nsince_connect_ms");
	for (ph = PH_TCP; ph <= PH_CLOSED; ph++) {
		lg_stat(PH_START, ph, &p50, &p99);
		printf(" %s=%.3f", lg_phase_names[ph], p50);
	}
	printf("\n");
}

/* ---- main -------------------------------------------------------------- */

static void
usage(void)
{
	fprintf(stderr,
	    "usage: loadgen -p PORT -i KEY -m MARKER [-h HOST] [-u USER]\n"
	    "               [-c CLIENTS] [-n CONNECTIONS | -k HOLD [-w SECS]]\n"
	    "               [-s SOURCES] [-P SERVER_PID] [-T TERM] [-x COLS]"
	    " [-y ROWS]\n"
	    "       loadgen -t PID      (one reading of a process tree)\n"
	    "       loadgen -f          (prints a free TCP port on "
	    "127.0.0.1)\n");
	exit(2);
}

static int
lg_free_port(void)
{
	struct sockaddr_in a;
	socklen_t l = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd == -1 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &l) != 0)
		lg_die("no free port");
	printf("%d\n", ntohs(a.sin_port));
	close(fd);
	return 0;
}

static void
lg_print_tree(const char *prefix, const struct lg_tree *t)
{
	printf("%s procs=%ld cpu_ms=%.0f pss_kb=%ld uss_kb=%ld rss_kb=%ld\n",
	    prefix, t->procs, t->cpu_ms, t->pss_kb, t->uss_kb, t->rss_kb);
}

static void
lg_workers(struct lg_worker *ws, void *(*fn)(void *))
{
	int i;

	for (i = 0; i < opts.clients; i++) {
		if (pthread_create(&ws[i].thread, NULL, fn, &ws[i]) != 0)
			lg_die("pthread_create failed");
	}
	for (i = 0; i < opts.clients; i++)
		pthread_join(ws[i].thread, NULL);
}

int
main(int argc, char **argv)
{
	struct lg_worker *ws;
	struct lg_tree before, after;
	double busy0, all0, busy1, all1, self0, self1;
	int64_t t0, t1;
	double p50, p99;
	int ch, i, ok = 0, have_tree = 0;

	opts = (struct lg_opts){ .host = "127.0.0.1",
		.user = "bench",
		.term = "xterm-256color",
		.cols = 80,
		.rows = 24,
		.clients = 1,
		.conns = 1,
		.hold_s = 0,
		.sources = 1 };
	while ((ch = getopt(argc, argv, "c:fh:i:k:m:n:p:P:qs:t:T:u:w:x:y:")) !=
	       -1) {
		switch (ch) {
		case 'c':
			opts.clients = atoi(optarg);
			break;
		case 'f':
			return lg_free_port();
		case 'h':
			opts.host = optarg;
			break;
		case 'i':
			opts.key_path = optarg;
			break;
		case 'k':
			opts.hold = atoi(optarg);
			break;
		case 'm':
			opts.marker = optarg;
			break;
		case 'n':
			opts.conns = atoi(optarg);
			break;
		case 'p':
			opts.port = atoi(optarg);
			break;
		case 'P':
			opts.server = (pid_t)atoi(optarg);
			break;
		case 'q':
			opts.quiet = 1;
			break;
		case 's':
			opts.sources = atoi(optarg);
			break;
		case 't':
			if (lg_tree_read((pid_t)atoi(optarg), 1, &before) != 0)
				lg_die("no process %s", optarg);
			lg_print_tree("tree", &before);
			return 0;
		case 'T':
			opts.term = optarg;
			break;
		case 'u':
			opts.user = optarg;
			break;
		case 'w':
			opts.hold_s = atoi(optarg);
			break;
		case 'x':
			opts.cols = atoi(optarg);
			break;
		case 'y':
			opts.rows = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (optind != argc || opts.port <= 0 || opts.key_path == NULL ||
	    opts.marker == NULL || opts.marker[0] == '\0' || opts.clients < 1 ||
	    opts.clients > LG_MAX_CLIENTS || opts.conns < 1 ||
	    opts.conns > LG_MAX_CONNS || opts.hold < 0 ||
	    opts.hold > LG_MAX_CONNS || opts.sources < 1 ||
	    opts.sources > 250 || opts.hold_s < 0 || opts.hold_s > 3600)
		usage();
	nconns = opts.hold > 0 ? opts.hold : opts.conns;
	if ((conns = calloc((size_t)nconns, sizeof *conns)) == NULL ||
	    (ws = calloc((size_t)opts.clients, sizeof *ws)) == NULL)
		lg_die("out of memory");
	for (i = 0; i < nconns; i++)
		conns[i].fd = -1;
	ssh_init();
	for (i = 0; i < opts.clients; i++) {
		ws[i].index = i;
		/* Client i speaks from 127.0.(1 + i % S).1: its own /24. */
		ws[i].src.s_addr =
		    htonl(0x7f000001u | (uint32_t)(1 + i % opts.sources) << 8);
		if (ssh_pki_import_privkey_file(
		        opts.key_path, NULL, NULL, NULL, &ws[i].key) != SSH_OK)
			lg_die("cannot read the key %s", opts.key_path);
		if (opts.hold > 0 &&
		    (ws[i].held = calloc((size_t)nconns, sizeof(int))) == NULL)
			lg_die("out of memory");
	}
	if (opts.server > 0) {
		if (lg_tree_read(opts.server, opts.hold > 0, &before) != 0)
			lg_die("no server process %d", (int)opts.server);
		have_tree = 1;
	}

	lg_machine(&busy0, &all0);
	self0 = lg_self_cpu_ms();
	t0 = lg_now();
	lg_workers(ws, opts.hold > 0 ? lg_worker_open : lg_worker_run);
	t1 = lg_now();
	lg_machine(&busy1, &all1);
	self1 = lg_self_cpu_ms();
	for (i = 0; i < nconns; i++)
		ok += conns[i].ok;
	lg_report_errors();
	printf("mode=%s clients=%d connections=%d ok=%d failed=%d "
	       "wall_s=%.3f conn_per_s=%.1f\n",
	    opts.hold > 0 ? "hold" : "run", opts.clients, nconns, ok,
	    nconns - ok, (double)(t1 - t0) / 1e9,
	    ok / ((double)(t1 - t0) / 1e9));
	lg_stat(PH_START, PH_SCREEN, &p50, &p99);
	printf("screen_ms p50=%.3f p99=%.3f\n", p50, p99);
	/* How busy the machine was meanwhile, in cores, and who by. */
	printf("machine cores=%ld busy=%.2f client=%.2f client_ms_per_conn=%.2f"
	       "\n",
	    sysconf(_SC_NPROCESSORS_ONLN),
	    all1 > all0 ? (busy1 - busy0) / ((double)(t1 - t0) / 1e6) : 0.0,
	    (self1 - self0) / ((double)(t1 - t0) / 1e6),
	    ok > 0 ? (self1 - self0) / ok : 0.0);
	lg_print_phases();

	if (opts.hold > 0) {
		usleep(LG_SETTLE_MS * 1000);
		if (opts.hold_s > 0)
			sleep((unsigned)opts.hold_s);
		if (have_tree) {
			lg_tree_read(opts.server, 1, &after);
			lg_print_tree("before", &before);
			lg_print_tree("after", &after);
			if (ok > 0)
				printf("per_session procs=%.2f pss_kb=%.0f "
				       "uss_kb=%.0f\n",
				    (double)(after.procs - before.procs) / ok,
				    (double)(after.pss_kb - before.pss_kb) / ok,
				    (double)(after.uss_kb - before.uss_kb) /
				        ok);
		}
		fflush(stdout);
		lg_workers(ws, lg_worker_close);
		ok = 0;
		for (i = 0; i < nconns; i++)
			ok += conns[i].ok;
		printf("closed_clean=%d\n", ok);
	} else if (have_tree) {
		lg_tree_settle(opts.server, before.procs);
		lg_tree_read(opts.server, 0, &after);
		printf("server_cpu_ms total=%.0f per_conn=%.2f\n",
		    after.cpu_ms - before.cpu_ms,
		    ok > 0 ? (after.cpu_ms - before.cpu_ms) / ok : 0.0);
	}
	for (i = 0; i < opts.clients; i++) {
		ssh_key_free(ws[i].key);
		free(ws[i].held);
	}
	free(ws);
	free(conns);
	ssh_finalize();
	return ok == nconns ? 0 : 1;
}
