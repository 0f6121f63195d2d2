/* bbs: ISC licence, see LICENSE. */
/*
 * bbs serve: the listener. It forks the spawner and the key lookup process
 * before touching any secret, loads secret.key and the host key, listens,
 * and for every connection that the pre-authentication limits admit forks a
 * session process (session.c). It never speaks SSH itself and never opens
 * the store across a fork. It also keeps the guest caps, counts guests'
 * join attempts per network, and counts logged-in sessions per member and
 * in all (limits.h), answering its sessions on their notify sockets,
 * since sessions are separate processes. SIGTERM or SIGINT:
 * stop accepting, ask every session to finish (interactive ones tell their
 * member), wait at most a few seconds, exit 0.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libssh/libssh.h>
#include <libssh/server.h>

#include "bbs/server/serve.h"
#include "bbs/server/child.h"
#include "bbs/server/hostkey.h"
#include "bbs/server/limits.h"
#include "bbs/server/lookup.h"
#include "bbs/server/session.h"
#include "bbs/server/spawn.h"
#include "keys/keys.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define SERVE_DEFAULT_LISTEN "127.0.0.1:2222"
#define SERVE_LOGIN_GRACE 20 /* seconds (SPEC section 3) */
#define SERVE_KEX_GRACE 5    /* seconds for the client's banner and KEXINIT */
#define SERVE_GUEST_IDLE 600 /* seconds a guest may go without input */
/*
 * Logged-in sessions at once, members and guests: each interactive one is
 * two processes (session and UI) and a pty, so 256 are about 600
 * processes with the pre-authentication ones, and 256 of the kernel's
 * 4,096 ptys (kernel.pty.max), which leaves the machine's operator room
 * to log in and work. A serve option, not a setting: it is about this
 * machine, not the board, and a backup restored elsewhere must not bring
 * it along.
 */
#define SERVE_SESSIONS_MAX 256
#define SERVE_KEEPALIVE 60 /* seconds of client silence (see pump.c) */
#define SERVE_STOP_MS 4500 /* how long sessions get to finish on SIGTERM */

/*
 * Algorithms: exactly SPEC section 3's lists. No finite-field
 * Diffie-Hellman: group16 cost the server 18 ms of CPU per unauthenticated
 * connection and group18 115 ms, against 1.5 ms for curve25519, so anyone
 * could make the server work a hundred times harder than themselves.
 * (libssh adds kex-strict-s-v00@openssh.com, Terrapin's countermeasure.)
 */
#define SERVE_KEX "curve25519-sha256,curve25519-sha256@libssh.org"
#define SERVE_CIPHERS                                                          \
	"chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,"                \
	"aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr"
#define SERVE_MACS "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com"
#define SERVE_USER_KEYS                                                        \
	"ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,"                 \
	"ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com,"                      \
	"sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256"

struct serve_child {
	pid_t pid;
	int notify_fd; /* -1 once a member has logged in */
	int guest;     /* counted in the guest caps */
	int member;    /* a member's session, counted in s->sessions */
	struct limits_prefix prefix;
};

struct serve {
	int listen_fd;
	int sigpipe[2];
	pid_t spawner;
	int spawn_sock;
	pid_t lookup;
	int lookup_sock;
	ssh_bind bind;
	struct limits *limits;
	struct limits *guests;
	struct limits_joins *joins;
	struct limits_sessions *sessions;
	struct limits_penalties *penalties;
	struct serve_child *kids;
	size_t nkids;
	unsigned long served;
	struct session_config cfg;
};

static int serve_sigpipe_w = -1;
static volatile sig_atomic_t serve_stopping;

static void
serve_signal(int sig)
{
	int saved = errno;

	if (sig == SIGTERM || sig == SIGINT)
		serve_stopping = 1;
	(void)write(serve_sigpipe_w, "s", 1);
	errno = saved;
}

static void
serve_signals(struct serve *s)
{
	struct sigaction sa;

	if (pipe2(s->sigpipe, O_CLOEXEC | O_NONBLOCK) != 0)
		fatal("pipe");
	serve_sigpipe_w = s->sigpipe[1];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = serve_signal;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
}

/* "HOST:PORT", "[V6]:PORT" or ":PORT"; binds, listens, prints. */
static int
serve_listen(const char *spec)
{
	struct addrinfo hints, *res = NULL;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char *host, *port, hbuf[NI_MAXHOST], pbuf[NI_MAXSERV];
	int fd, one = 1, rc;

	host = xstrdup(spec);
	if ((port = strrchr(host, ':')) == NULL)
		fatalx("--listen wants HOST:PORT, not '%s'", spec);
	*port++ = '\0';
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(
	         *host != '\0' ? host : NULL, port, &hints, &res)) != 0)
		fatalx("--listen %s: %s", spec, gai_strerror(rc));
	fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, 0);
	if (fd == -1)
		fatal("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, res->ai_addr, res->ai_addrlen) != 0)
		fatal("cannot listen on %s", spec);
	if (listen(fd, 128) != 0)
		fatal("listen");
	freeaddrinfo(res);
	free(host);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0 &&
	    getnameinfo((struct sockaddr *)&ss, sl, hbuf, sizeof hbuf, pbuf,
	        sizeof pbuf, NI_NUMERICHOST | NI_NUMERICSERV) == 0)
		log_info("listening on %s%s%s:%s",
		    ss.ss_family == AF_INET6 ? "[" : "", hbuf,
		    ss.ss_family == AF_INET6 ? "]" : "", pbuf);
	return fd;
}

static void
serve_bind_opt(ssh_bind bind, enum ssh_bind_options_e opt, const void *v)
{
	if (ssh_bind_options_set(bind, opt, v) != SSH_OK)
		fatalx("ssh_bind option %d: %s", (int)opt, ssh_get_error(bind));
}

ssh_bind
serve_bind(ssh_key hostkey)
{
	ssh_bind bind;
	bool no = false;
	int verbosity = SSH_LOG_NOLOG;

	if ((bind = ssh_bind_new()) == NULL)
		fatalx("ssh_bind_new failed");
	/* Never read /etc/ssh/libssh_server_config: it could change this. */
	serve_bind_opt(bind, SSH_BIND_OPTIONS_PROCESS_CONFIG, &no);
	serve_bind_opt(bind, SSH_BIND_OPTIONS_LOG_VERBOSITY, &verbosity);
	serve_bind_opt(bind, SSH_BIND_OPTIONS_IMPORT_KEY, hostkey); /* owns */
	serve_bind_opt(
	    bind, SSH_BIND_OPTIONS_HOSTKEY_ALGORITHMS, "ssh-ed25519");
	serve_bind_opt(bind, SSH_BIND_OPTIONS_KEY_EXCHANGE, SERVE_KEX);
	serve_bind_opt(bind, SSH_BIND_OPTIONS_CIPHERS_C_S, SERVE_CIPHERS);
	serve_bind_opt(bind, SSH_BIND_OPTIONS_CIPHERS_S_C, SERVE_CIPHERS);
	serve_bind_opt(bind, SSH_BIND_OPTIONS_HMAC_C_S, SERVE_MACS);
	serve_bind_opt(bind, SSH_BIND_OPTIONS_HMAC_S_C, SERVE_MACS);
	serve_bind_opt(
	    bind, SSH_BIND_OPTIONS_PUBKEY_ACCEPTED_KEY_TYPES, SERVE_USER_KEYS);
	/* "SSH-2.0-bbs": no library version for scanners. */
	serve_bind_opt(bind, SSH_BIND_OPTIONS_BANNER, "bbs");
	return bind;
}

/*
 * Sets OpenSSL up once, here, instead of in every session process: the
 * first random bytes instantiate its DRBG and the first Ed25519 key
 * fetches its algorithm tables, which cost each session process about a
 * third of its user time (see docs/PERFORMANCE.md). A throwaway key does
 * both, with libssh's API only. No secret is kept: the key is freed, and
 * OpenSSL reseeds an inherited DRBG in a forked child (it notices the
 * fork), as libssh also does in ssh_bind_accept_fd().
 */
static void
serve_warm_crypto(void)
{
	ssh_key k = NULL;

	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &k) == SSH_OK)
		ssh_key_free(k);
}

static int64_t
serve_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec;
}

static int64_t
serve_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The session process pid, counted as a child, or NULL. */
static struct serve_child *
serve_kid(struct serve *s, pid_t pid)
{
	size_t i;

	for (i = 0; i < s->nkids; i++) {
		if (s->kids[i].pid == pid)
			return &s->kids[i];
	}
	return NULL;
}

/*
 * Whether a new connection from prefix may wait to authenticate (SPEC
 * section 3, limits.h): not from a penalised network, within its
 * network's cap and the early drop; in a full table, in the place of the
 * oldest idle connection, which ends now and counts against its own
 * network.
 */
static int
serve_admit(struct serve *s, const struct limits_prefix *prefix)
{
	struct serve_child *k;
	int64_t now = serve_now();
	pid_t evict;

	if (limits_penalised(s->penalties, prefix, now) ||
	    !limits_startup(s->limits, prefix, arc4random_uniform(100),
	        serve_now_ms(), &evict))
		return 0;
	if (evict != -1) {
		kill(evict, SIGKILL);
		limits_done(s->limits, evict);
		if ((k = serve_kid(s, evict)) != NULL)
			limits_penalty_add(
			    s->penalties, &k->prefix, LIMITS_PENALTY_IDLE, now);
	}
	return 1;
}

static void
serve_accept(struct serve *s)
{
	struct sockaddr_storage ss;
	struct limits_prefix prefix;
	socklen_t sl = sizeof ss;
	int fd, notify[2];
	size_t i;
	pid_t pid;

	fd = accept4(s->listen_fd, (struct sockaddr *)&ss, &sl, SOCK_CLOEXEC);
	if (fd == -1)
		return;
	limits_prefix((struct sockaddr *)&ss, sl, &prefix);
	memset(&ss, 0, sizeof ss); /* the address goes no further */
	if (!serve_admit(s, &prefix) ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, notify) !=
	        0) {
		close(fd);
		return;
	}
	s->cfg.id = ++s->served;
	if ((pid = fork()) == -1) {
		log_error("fork: %s", strerror(errno));
		close(fd);
		close(notify[0]);
		close(notify[1]);
		return;
	}
	if (pid == 0) {
		close(s->listen_fd);
		close(s->sigpipe[0]);
		close(s->sigpipe[1]);
		close(notify[0]);
		for (i = 0; i < s->nkids; i++) {
			if (s->kids[i].notify_fd != -1)
				close(s->kids[i].notify_fd);
		}
		session_run(s->bind, fd, notify[1], &s->cfg);
	}
	close(fd);
	close(notify[1]);
	log_debug("connection %lu: session process %ld", s->served, (long)pid);
	limits_add(s->limits, pid, &prefix, serve_now_ms());
	s->kids = xreallocarray(s->kids, s->nkids + 1, sizeof *s->kids);
	s->kids[s->nkids++] =
	    (struct serve_child){ pid, notify[0], 0, 0, prefix };
}

static void
serve_reap(struct serve *s)
{
	size_t i;
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == s->spawner || pid == s->lookup) {
			log_error("the %s process ended; stopping",
			    pid == s->spawner ? "spawner" : "lookup");
			*(pid == s->spawner ? &s->spawner : &s->lookup) = -1;
			serve_stopping = 1;
			continue;
		}
		log_debug(
		    "session process %ld ended (status %d)", (long)pid, status);
		/* One that never finished the key exchange (session.h). */
		if (WIFEXITED(status) &&
		    (WEXITSTATUS(status) == SESSION_EXIT_IDLE ||
		        WEXITSTATUS(status) == SESSION_EXIT_NOKEX) &&
		    serve_kid(s, pid) != NULL)
			limits_penalty_add(s->penalties,
			    &serve_kid(s, pid)->prefix,
			    WEXITSTATUS(status) == SESSION_EXIT_IDLE
			        ? LIMITS_PENALTY_IDLE
			        : LIMITS_PENALTY_NOKEX,
			    serve_now());
		limits_done(s->limits, pid);
		limits_done(s->guests, pid);
		limits_session_done(s->sessions, pid);
		for (i = 0; i < s->nkids; i++) {
			if (s->kids[i].pid != pid)
				continue;
			if (s->kids[i].notify_fd != -1)
				close(s->kids[i].notify_fd);
			s->kids[i] = s->kids[--s->nkids];
			break;
		}
	}
}

/*
 * A member's login (session.h): counted against the member's limit and
 * the global cap, by member id; 'y', or which cap refused it.
 */
static char
serve_member(struct serve *s, struct serve_child *k,
    const struct session_ask_member *ask)
{
	if (k->guest || k->member || ask->member_id <= 0 || ask->per_member < 1)
		return SESSION_FULL_BOARD;
	switch (limits_session_add(
	    s->sessions, k->pid, ask->member_id, (size_t)ask->per_member)) {
	case LIMITS_SESSION_OK:
		k->member = 1;
		limits_done(s->limits, k->pid);
		return 'y';
	case LIMITS_SESSION_MEMBER:
		return SESSION_FULL_MEMBER;
	default:
		return SESSION_FULL_BOARD;
	}
}

/*
 * A message on a session's notify socket (session.h). End of file: a
 * member has logged in, or the session has ended. A guest's login is
 * counted against the guest caps and the global cap, a member's against
 * its member's limit and the global cap; one beyond them stays counted as
 * pending until it goes, so the pre-authentication caps still bound how
 * many such connections there are. Nothing here is logged: no line may
 * say that a connection is a guest's, or whose it is.
 */
static void
serve_notify(struct serve *s, struct serve_child *k)
{
	struct session_ask_member ask;
	char msg[sizeof ask + 1], what, yes = 'n';
	ssize_t n;

	n = recv(k->notify_fd, msg, sizeof msg, MSG_DONTWAIT);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n < 1) {
		close(k->notify_fd);
		k->notify_fd = -1;
		limits_done(s->limits, k->pid);
		return;
	}
	what = msg[0];
	if (what == SESSION_SAW_KEXINIT) {
		limits_kexinit(s->limits, k->pid);
		return; /* told, not asked */
	}
	if (what == SESSION_ASK_MEMBER && n == (ssize_t)sizeof ask) {
		memcpy(&ask, msg, sizeof ask);
		yes = serve_member(s, k, &ask);
	} else if (what == SESSION_ASK_GUEST && !k->guest && !k->member) {
		if (limits_admit(s->guests, &k->prefix) &&
		    limits_session_add(s->sessions, k->pid, 0, 0) ==
		        LIMITS_SESSION_OK) {
			limits_done(s->limits, k->pid);
			limits_add(s->guests, k->pid, &k->prefix, 0);
			k->guest = 1;
			yes = 'y';
		}
	} else if (what == SESSION_ASK_JOIN && k->guest &&
	           limits_join(s->joins, &k->prefix, serve_now()))
		yes = 'y';
	(void)send(k->notify_fd, &yes, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
}

/* One round of the accept loop: connections, logins, signals. */
static void
serve_poll(struct serve *s, int timeout)
{
	struct pollfd *pfd;
	size_t i, n = 0;
	char c;

	pfd = xcalloc(s->nkids + 2, sizeof *pfd);
	pfd[n++] = (struct pollfd){ s->sigpipe[0], POLLIN, 0 };
	pfd[n++] = (struct pollfd){ s->listen_fd, POLLIN, 0 };
	for (i = 0; i < s->nkids; i++)
		pfd[n++] = (struct pollfd){ s->kids[i].notify_fd, POLLIN, 0 };
	if (poll(pfd, n, timeout) > 0) {
		for (i = 0; i < s->nkids; i++) {
			if (pfd[2 + i].revents != 0)
				serve_notify(s, &s->kids[i]);
		}
		if (pfd[1].revents & POLLIN)
			serve_accept(s);
		if (pfd[0].revents & POLLIN) {
			while (read(s->sigpipe[0], &c, 1) == 1)
				;
			serve_reap(s);
		}
	}
	free(pfd);
}

/* The spawner and the lookup process leave once nobody can ask them. */
static void
serve_helper_stop(int sock, pid_t pid)
{
	int i;

	close(sock);
	if (pid <= 0)
		return;
	for (i = 0; i < 20 && waitpid(pid, NULL, WNOHANG) == 0; i++)
		poll(NULL, 0, 50);
	if (i == 20) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}

static void
serve_stop(struct serve *s)
{
	struct timespec t0, t;
	size_t i;
	long ms = 0;

	close(s->listen_fd);
	s->listen_fd = -1;
	log_info("stopping: %zu session%s to close", s->nkids,
	    s->nkids == 1 ? "" : "s");
	for (i = 0; i < s->nkids; i++)
		kill(s->kids[i].pid, SIGTERM);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (s->nkids > 0 && ms < SERVE_STOP_MS) {
		serve_poll(s, 100);
		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t0.tv_sec) * 1000 +
		     (t.tv_nsec - t0.tv_nsec) / 1000000;
	}
	/*
	 * Reap each by its pid: a waitpid(-1) here could take a session
	 * behind serve_reap()'s back and then block on the helpers for ever.
	 */
	for (i = 0; i < s->nkids; i++) {
		kill(s->kids[i].pid, SIGKILL);
		waitpid(s->kids[i].pid, NULL, 0);
	}
	s->nkids = 0;
	serve_helper_stop(s->spawn_sock, s->spawner);
	serve_helper_stop(s->lookup_sock, s->lookup);
}

static const struct args_opt serve_opts[] = {
	{ "listen", ARGS_VALUE },
	{ "login-grace", ARGS_VALUE },
	{ "kex-grace", ARGS_VALUE },
	{ "guest-idle", ARGS_VALUE },
	{ "sessions-max", ARGS_VALUE },
	{ "keepalive", ARGS_VALUE },
	{ "debug", 0 },
	{ NULL, 0 },
};

/* A number option of serve: its name, default, range and unit. */
struct serve_option {
	const char *name;
	int def, min, max;
	const char *unit;
};

static const struct serve_option serve_login_grace = { "login-grace",
	SERVE_LOGIN_GRACE, 1, 600, "seconds" };
static const struct serve_option serve_kex_grace = { "kex-grace",
	SERVE_KEX_GRACE, 1, 600, "seconds" };
static const struct serve_option serve_guest_idle = { "guest-idle",
	SERVE_GUEST_IDLE, 1, 86400, "seconds" };
static const struct serve_option serve_sessions_max = { "sessions-max",
	SERVE_SESSIONS_MAX, 1, 65536, "sessions" };
static const struct serve_option serve_keepalive = { "keepalive",
	SERVE_KEEPALIVE, 1, 3600, "seconds" };

/* *out from option o (its default if absent); -1, said, if out of range. */
static int
serve_number(struct cmd_ctx *ctx, struct args *args,
    const struct serve_option *o, int *out)
{
	const char *v = args_get(args, o->name);

	*out = v != NULL ? atoi(v) : o->def;
	if (*out >= o->min && *out <= o->max)
		return 0;
	cmd_error(ctx, EX_USAGE, "--%s is %d to %d %s", o->name, o->min, o->max,
	    o->unit);
	return -1;
}

static int
serve_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct serve s;
	struct keys_secret *secret = NULL;
	struct store *st = NULL;
	ssh_key hostkey = NULL;
	int64_t nkeys = 0;
	const char *listen = args_get(args, "listen");
	char *cause = NULL, *fp;
	int r;

	memset(&s, 0, sizeof s);
	s.cfg.paths = ctx->paths;
	if (serve_number(ctx, args, &serve_login_grace, &s.cfg.login_grace) ||
	    serve_number(ctx, args, &serve_kex_grace, &s.cfg.kex_grace) ||
	    serve_number(ctx, args, &serve_guest_idle, &s.cfg.guest_idle) ||
	    serve_number(ctx, args, &serve_sessions_max, &s.cfg.sessions_max) ||
	    serve_number(ctx, args, &serve_keepalive, &s.cfg.keepalive))
		return EX_USAGE;
	log_init("serve", args_has(args, "debug") ? LOG_DEBUG : LOG_INFO);
	/* Migrate now, so sessions never race to, and close before forking. */
	if ((r = store_open(ctx->paths->db, &st, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	/* A secret.key may be made only before any key was hashed with it. */
	r = store_key_count(st, &nkeys);
	bbs_store_report(st, "serve");
	store_close(st);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	/* Before any secret is in memory: see spawn.h and lookup.h. */
	s.spawn_sock = spawn_start(child_main, (void *)ctx->paths, &s.spawner);
	/*
	 * No core dump and no tracing from here on: the lookup process holds
	 * the store, this one the secrets, the sessions it forks those and
	 * their connection's keys. (The spawner holds none; a child that
	 * loads a secret turns them off itself, in keys/.)
	 */
	if (keys_core_off() != 0)
		fatal("cannot turn core dumps off");
	s.lookup_sock = lookup_start(ctx->paths->db, &s.lookup);
	if (keys_secret_load(ctx->paths->dirfd, BBS_FILE_SECRET, nkeys == 0,
	        &secret, &cause) != KEYS_OK ||
	    hostkey_load(
	        ctx->paths->dirfd, BBS_FILE_HOSTKEY, &hostkey, &cause) != 0) {
		kill(s.spawner, SIGKILL);
		kill(s.lookup, SIGKILL);
		waitpid(s.spawner, NULL, 0);
		waitpid(s.lookup, NULL, 0);
		r = cmd_error(ctx, EX_CONFIG, "%s", cause);
		keys_secret_free(secret);
		free(cause);
		return r;
	}
	s.cfg.secret = secret;
	s.cfg.spawn_sock = s.spawn_sock;
	s.cfg.lookup_sock = s.lookup_sock;
	fp = hostkey_fingerprint(hostkey);
	ssh_init();
	s.bind = serve_bind(hostkey);
	serve_warm_crypto();
	serve_signals(&s);
	/* A helper that died before its SIGCHLD had a handler. */
	serve_reap(&s);
	s.limits = limits_new(LIMITS_PENDING_MAX, LIMITS_PREFIX_MAX);
	s.guests = limits_new(LIMITS_GUEST_MAX, LIMITS_GUEST_PREFIX_MAX);
	s.joins = limits_joins_new(
	    LIMITS_JOIN_MAX, LIMITS_JOIN_WINDOW, LIMITS_JOIN_NETS);
	s.sessions = limits_sessions_new((size_t)s.cfg.sessions_max);
	s.penalties = limits_penalties_new(
	    LIMITS_PENALTY_MIN, LIMITS_PENALTY_MAX, LIMITS_PENALTY_NETS);
	s.listen_fd =
	    serve_listen(listen != NULL ? listen : SERVE_DEFAULT_LISTEN);
	log_info("host key %s", fp);
	free(fp);
	while (!serve_stopping)
		serve_poll(&s, -1);
	serve_stop(&s);
	log_info("stopped after %lu connection%s", s.served,
	    s.served == 1 ? "" : "s");
	ssh_bind_free(s.bind);
	ssh_finalize();
	limits_free(s.limits);
	limits_free(s.guests);
	limits_joins_free(s.joins);
	limits_sessions_free(s.sessions);
	limits_penalties_free(s.penalties);
	keys_secret_free(secret);
	free(s.kids);
	return 0;
}

const struct cmd serve_cmd = {
	.name = "serve",
	.usage =
	    "[--listen HOST:PORT] [--sessions-max N] [--login-grace SECONDS] [--kex-grace SECONDS] [--guest-idle SECONDS] [--keepalive SECONDS]",
	.summary =
	    "run the server in the foreground (default " SERVE_DEFAULT_LISTEN
	    ")",
	.opts = serve_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = serve_exec,
};
