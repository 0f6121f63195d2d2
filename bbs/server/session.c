/* bbs: ISC licence, see LICENSE. */
/*
 * The session process: one per TCP connection (docs/HACKING.md,
 * "Processes"). It owns the libssh session and nothing else: it never
 * opens the store (the lookup process answers whose key is offered, see
 * lookup.h), and the UI or command runs in a child the spawner forks,
 * whose terminal or pipes this process pumps.
 *
 * Security rules kept here (docs/DESIGN-NOTES.md, "Authentication"):
 * - a login only from a VALID signature of a registered, unrevoked key;
 *   a NONE probe only ever gets PK_OK; the user name is ignored, but for
 *   one exception:
 * - the "none" method logs in the user name "guest", and nothing else,
 *   when the setting "guests" is not off (SPEC section 10); a guest has
 *   no member and no key, and the spawner runs only what a guest may;
 * - only the publickey method is offered, and no password,
 *   keyboard-interactive, gssapi, x11, agent or subsystem callback is set,
 *   so libssh refuses them;
 * - one session channel, one pty-req, one shell or exec;
 * - the login grace is an alarm() whose handler only calls _exit();
 * - nothing about the client (address, offered keys, user name) is logged,
 *   and no line says that a connection is a guest's.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bbs/cmd/words.h"
#include "bbs/server/lookup.h"
#include "bbs/server/session-int.h"
#include "bbs/server/spawn.h"
#include "keys/keys.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define SESSION_MAX_AUTH 10     /* refused authentication attempts */
#define SESSION_MAX_REQUESTS 30 /* authentication requests of any kind */
#define SESSION_IO_TIMEOUT 10   /* seconds a blocking libssh call may take */
#define SESSION_COLS_MAX 500
#define SESSION_ROWS_MAX 300
#define SESSION_CLOSE_MS 2000 /* how long the client gets to close */
#define SESSION_ASK_MS 5000   /* how long the listener may take to answer */
#define SESSION_GUEST_USER "guest"

volatile sig_atomic_t session_terminate;
static volatile sig_atomic_t session_kexed; /* the key exchange is done */

static void
session_alarm(int sig)
{
	(void)sig;
	/* async-signal-safe, and all it may do (regreSSHion) */
	_exit(session_kexed ? 1 : SESSION_EXIT_IDLE);
}

static void
session_sigterm(int sig)
{
	(void)sig;
	session_terminate = 1;
}

static void
session_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = session_alarm;
	sigaction(SIGALRM, &sa, NULL);
	sa.sa_handler = session_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
}

/* The identity hash of an offered key; -1 for a type we refuse. */
static int
session_key_hash(struct session *se, ssh_key pubkey, uint8_t h[KEYS_HASH_LEN])
{
	struct keys_pubkey *k = NULL;
	char *b64 = NULL, *cause = NULL;
	const char *type = ssh_key_type_to_char(ssh_key_type(pubkey));
	int r = -1;

	if (type != NULL && ssh_pki_export_pubkey_base64(pubkey, &b64) == 0 &&
	    keys_pubkey_parse(type, b64, &k, &cause) == KEYS_OK) {
		keys_identity(se->cfg->secret, k, h);
		r = 0;
	}
	ssh_string_free_char(b64);
	keys_pubkey_free(k);
	free(cause);
	return r;
}

/* Refused attempts of every method count against the one limit. */
static int
session_auth_spent(const struct session *se)
{
	return se->refused + se->refused_other >= SESSION_MAX_AUTH;
}

/*
 * Sees what no callback handled: libssh then refuses it (we return 1),
 * answering a channel request with CHANNEL_FAILURE when it wants a reply.
 * Two kinds are ours here:
 * - the other authentication methods (password, keyboard-interactive),
 *   which libssh refuses without a callback, to count them: without
 *   counting them a client could guess passwords for the whole login
 *   grace. ("none" has its callback, session_auth_none().)
 * - window-change, so a request that wants a reply gets one (SPEC
 *   section 3): libssh 0.10.6 never answers one that its callback saw.
 */
static int session_window_change(struct session *se, int cols, int rows);

/*
 * The size a window-change message asks for. libssh deprecates these
 * getters in favour of the callback, whose requests it never answers.
 */
static void
session_message_size(ssh_message msg, int *cols, int *rows)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	*cols = ssh_message_channel_request_pty_width(msg);
	*rows = ssh_message_channel_request_pty_height(msg);
#pragma GCC diagnostic pop
}

static int
session_unhandled(ssh_session ssh, ssh_message msg, void *userdata)
{
	struct session *se = userdata;
	int cols, rows;

	(void)ssh;
	if (ssh_message_type(msg) == SSH_REQUEST_CHANNEL &&
	    ssh_message_subtype(msg) == SSH_CHANNEL_REQUEST_WINDOW_CHANGE) {
		session_message_size(msg, &cols, &rows);
		if (session_window_change(se, cols, rows) != 0)
			return 1;
		/* Sends CHANNEL_SUCCESS only if the client wants a reply. */
		ssh_message_channel_request_reply_success(msg);
		return 0;
	}
	if (ssh_message_type(msg) != SSH_REQUEST_AUTH)
		return 1;
	se->attempts++;
	if (ssh_message_subtype(msg) != SSH_AUTH_METHOD_NONE)
		se->refused_other++; /* "none" asks which methods there are */
	return 1;
}

/*
 * Asks the listener on the notify socket (session.h); returns its answer,
 * 'y' or a refusal, and 0 for no answer (a full table is the safe guess).
 */
static char
session_ask(struct session *se, const void *msg, size_t len)
{
	struct pollfd pfd = { se->notify_fd, POLLIN, 0 };
	char answer = 0;

	if (se->notify_fd == -1 ||
	    send(se->notify_fd, msg, len, MSG_NOSIGNAL) != (ssize_t)len ||
	    poll(&pfd, 1, SESSION_ASK_MS) != 1 ||
	    recv(se->notify_fd, &answer, 1, 0) != 1)
		return 0;
	return answer;
}

/* Asks a one-byte question; 1 for the listener's 'y'. */
static int
session_ask_byte(struct session *se, char what)
{
	return session_ask(se, &what, 1) == 'y';
}

/*
 * Counts a member's login with the listener (SPEC section 3: at most
 * per_member sessions at once per member, all their keys together, and
 * the global cap). Asked before the client hears of its login, so the
 * next login already sees this one; one beyond a cap still logs in, to be
 * told so in one line (session_serve).
 */
static void
session_count(struct session *se)
{
	struct session_ask_member ask;
	char answer;

	memset(&ask, 0, sizeof ask);
	ask.what = SESSION_ASK_MEMBER;
	ask.per_member = se->per_member;
	ask.member_id = se->login.member_id;
	answer = session_ask(se, &ask, sizeof ask);
	se->over = answer == 'y' ? 0
	           : answer == 0 ? SESSION_FULL_BOARD
	                         : answer;
}

/*
 * "none": the user name "guest" logs in as a guest when the setting
 * "guests" allows (SPEC section 10); for every other name it only asks
 * which methods there are, and is refused. The session learns the setting
 * from the lookup process, the one process that holds a store connection
 * before login (a session never opens SQLite before login, and the
 * listener none at all): asked here, once per connection and only for
 * this user name, it is read fresh, so a change holds for the next
 * connection at once, like a revoked key.
 */
static int
session_auth_none(ssh_session ssh, const char *user, void *userdata)
{
	struct session *se = userdata;

	(void)ssh;
	if (se->authed || ++se->attempts > SESSION_MAX_REQUESTS ||
	    session_auth_spent(se) || strcmp(user, SESSION_GUEST_USER) != 0)
		return SSH_AUTH_DENIED;
	if (se->guests == -1 &&
	    lookup_guests(se->cfg->lookup_sock, &se->guests) != 0)
		se->guests = -1;
	if (se->guests != STORE_GUESTS_JOIN &&
	    se->guests != STORE_GUESTS_READ) {
		se->refused_other++; /* refused like any failed login */
		return SSH_AUTH_DENIED;
	}
	/*
	 * Counted by the listener before the client hears of its login, so
	 * the next connection already sees this one. Beyond the caps the
	 * guest still logs in, to be told so in one line (session_serve).
	 */
	se->guest_full = !session_ask_byte(se, SESSION_ASK_GUEST);
	se->guest = 1;
	se->authed = 1;
	return SSH_AUTH_SUCCESS;
}

static int
session_auth_pubkey(ssh_session ssh, const char *user,
    struct ssh_key_struct *pubkey, char state, void *userdata)
{
	struct session *se = userdata;
	struct lookup_member m;
	uint8_t h[KEYS_HASH_LEN];

	(void)ssh;
	(void)user; /* the key decides who you are */
	if (se->authed || ++se->attempts > SESSION_MAX_REQUESTS ||
	    session_auth_spent(se))
		return SSH_AUTH_DENIED;
	if ((state != SSH_PUBLICKEY_STATE_NONE &&
	        state != SSH_PUBLICKEY_STATE_VALID) ||
	    session_key_hash(se, pubkey, h) != 0) {
		se->refused++;
		explicit_bzero(h, sizeof h);
		return SSH_AUTH_DENIED;
	}
	/*
	 * A query without a signature gets PK_OK for every well-formed key
	 * of an accepted type, registered or not: answering it from the
	 * store would tell anyone holding a member's public key (from a key
	 * listing elsewhere) that its owner is a member. Only a valid
	 * signature is looked up; a refused one counts as an attempt.
	 */
	if (state == SSH_PUBLICKEY_STATE_NONE) {
		explicit_bzero(h, sizeof h);
		return SSH_AUTH_SUCCESS;
	}
	if (lookup_key(se->cfg->lookup_sock, h, &m) != 0) {
		se->refused++;
		explicit_bzero(h, sizeof h);
		return SSH_AUTH_DENIED;
	}
	explicit_bzero(h, sizeof h);
	se->role = m.role;
	se->login = m.login;
	se->per_member = m.sessions_max;
	memcpy(se->pseudonym, m.pseudonym, sizeof se->pseudonym);
	session_count(se);
	se->authed = 1;
	return SSH_AUTH_SUCCESS;
}

static int
session_pty_request(ssh_session ssh, ssh_channel chan, const char *term,
    int cols, int rows, int px, int py, void *userdata)
{
	struct session *se = userdata;
	size_t i, len = strlen(term);

	(void)ssh, (void)chan, (void)px, (void)py;
	if (se->start != START_NONE || se->pty_master != -1)
		return -1;
	/* A hostile TERM never reaches ncurses; the UI falls back. */
	for (i = 0; i < len; i++) {
		if (!strchr(
		        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		        "0123456789._+-",
		        term[i]))
			break;
	}
	snprintf(se->term, sizeof se->term, "%s",
	    len > 0 && len < sizeof se->term && i == len ? term : "unknown");
	/* ssh -tt without a local tty asks for 0x0. */
	se->ws.ws_col =
	    (unsigned short)(cols <= 0                 ? 80
	                     : cols > SESSION_COLS_MAX ? SESSION_COLS_MAX
	                                               : cols);
	se->ws.ws_row =
	    (unsigned short)(rows <= 0                 ? 24
	                     : rows > SESSION_ROWS_MAX ? SESSION_ROWS_MAX
	                                               : rows);
	if (openpty(&se->pty_master, &se->pty_slave, NULL, NULL, &se->ws) !=
	    0) {
		log_error("openpty: %s", strerror(errno));
		se->pty_master = se->pty_slave = -1;
		return -1;
	}
	fcntl(se->pty_master, F_SETFD, FD_CLOEXEC);
	fcntl(se->pty_slave, F_SETFD, FD_CLOEXEC);
	fcntl(se->pty_master, F_SETFL, O_NONBLOCK);
	return 0;
}

/* window-change: 0 when the pty took the new size. */
static int
session_window_change(struct session *se, int cols, int rows)
{
	if (se->pty_master == -1 || cols <= 0 || rows <= 0)
		return -1;
	se->ws.ws_col =
	    (unsigned short)(cols > SESSION_COLS_MAX ? SESSION_COLS_MAX : cols);
	se->ws.ws_row =
	    (unsigned short)(rows > SESSION_ROWS_MAX ? SESSION_ROWS_MAX : rows);
	/* The kernel sends SIGWINCH to the UI; ncurses makes KEY_RESIZE. */
	return ioctl(se->pty_master, TIOCSWINSZ, &se->ws) == 0 ? 0 : -1;
}

static int
session_shell_request(ssh_session ssh, ssh_channel chan, void *userdata)
{
	struct session *se = userdata;

	(void)ssh, (void)chan;
	if (se->start != START_NONE)
		return 1;
	se->start = START_SHELL;
	return 0;
}

static int
session_exec_request(
    ssh_session ssh, ssh_channel chan, const char *command, void *userdata)
{
	struct session *se = userdata;

	(void)ssh, (void)chan;
	if (se->start != START_NONE)
		return 1;
	/* Too long a line is the command's usage error (64), said below. */
	se->command =
	    strlen(command) > WORDS_LINE_MAX ? NULL : xstrdup(command);
	se->start = START_EXEC;
	return 0;
}

/*
 * env: TERM, LANG, LC_* and NO_COLOR only (SPEC section 3), so that
 * OpenSSH's default SendEnv LANG LC_* is not refused. TERM comes with
 * pty-req and the board always runs in UTF-8, so all but NO_COLOR are
 * accepted and ignored; NO_COLOR, set and not empty (no-color.org), asks
 * the board to draw without colours. No value reaches the child's
 * environment.
 */
static int
session_env_request(ssh_session ssh, ssh_channel chan, const char *name,
    const char *value, void *userdata)
{
	struct session *se = userdata;

	(void)ssh, (void)chan;
	if (strcmp(name, "NO_COLOR") == 0) {
		se->no_color = value[0] != '\0';
		return 0;
	}
	return strcmp(name, "TERM") == 0 || strcmp(name, "LANG") == 0 ||
	               strncmp(name, "LC_", 3) == 0
	           ? 0
	           : -1;
}

static void
session_channel_closed(ssh_session ssh, ssh_channel chan, void *userdata)
{
	struct session *se = userdata;

	(void)ssh, (void)chan;
	se->peer_closed = 1;
}

static ssh_channel
session_channel_open(ssh_session ssh, void *userdata)
{
	struct session *se = userdata;

	if (!se->authed || se->chan != NULL)
		return NULL;
	if ((se->chan = ssh_channel_new(ssh)) == NULL)
		return NULL;
	memset(&se->chan_cb, 0, sizeof se->chan_cb);
	se->chan_cb.userdata = se;
	se->chan_cb.channel_pty_request_function = session_pty_request;
	se->chan_cb.channel_shell_request_function = session_shell_request;
	se->chan_cb.channel_exec_request_function = session_exec_request;
	se->chan_cb.channel_env_request_function = session_env_request;
	/* window-change goes to session_unhandled(), to be answered. */
	se->chan_cb.channel_close_function = session_channel_closed;
	/* x11, agent and subsystem stay NULL: their presence means "yes". */
	ssh_callbacks_init(&se->chan_cb);
	ssh_set_channel_callbacks(se->chan, &se->chan_cb);
	return se->chan;
}

/*
 * The key exchange's steps (libssh's connection status; 0.6 on the
 * server is "the client's KEXINIT has come"). Until then the client had
 * cfg->kex_grace seconds, counted from its connecting, for its banner and
 * KEXINIT: an idle socket holds a pre-authentication place for that long
 * only (issue 12, item 5). From then on the rest of the login grace
 * holds, and the listener may no longer push this connection out.
 */
static void
session_kex_step(void *userdata, float status)
{
	struct session *se = userdata;
	struct timespec now;
	long left;
	char k = SESSION_SAW_KEXINIT;

	if (se->kexinit || status < 0.6f)
		return;
	se->kexinit = 1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	left = se->cfg->login_grace - (long)(now.tv_sec - se->connected.tv_sec);
	if (se->cfg->login_grace > 0) /* else a harness's timer (libFuzzer's) */
		alarm(left > 0 ? (unsigned)left : 1);
	if (se->notify_fd != -1)
		(void)send(se->notify_fd, &k, 1, MSG_DONTWAIT | MSG_NOSIGNAL);
}

/*
 * The HOST:PORT this connection reached: the listen address, or, when the
 * server listens on every address, the one this client used. Printed in
 * "ssh guest@HOST join ..." when the setting "address" is empty. It is the
 * server's own address, never the client's.
 */
static void
session_local_address(struct session *se, int fd)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char host[INET6_ADDRSTRLEN], port[8];
	const char *h = host;

	se->address[0] = '\0';
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0 ||
	    getnameinfo((struct sockaddr *)&ss, sl, host, sizeof host, port,
	        sizeof port, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		return;
	if (strncmp(h, "::ffff:", 7) == 0 && strchr(h + 7, ':') == NULL)
		h += 7; /* an IPv4 client of a dual-stack socket */
	snprintf(se->address, sizeof se->address, "%s%s%s:%s",
	    strchr(h, ':') != NULL ? "[" : "", h,
	    strchr(h, ':') != NULL ? "]" : "", port);
}

static void
session_setup(struct session *se, ssh_bind bind, int fd)
{
	int one = 1;
	/* The key exchange may use the whole login grace; the alarm ends it. */
	long timeout = se->cfg->login_grace + 1;

	session_local_address(se, fd);
	/* Small interactive writes must not wait for Nagle (45 ms). */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	if ((se->ssh = ssh_new()) == NULL)
		fatalx("ssh_new failed");
	ssh_options_set(se->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	if (ssh_bind_accept_fd(bind, se->ssh, fd) != SSH_OK)
		fatalx("accept: %s", ssh_get_error(bind));
	/*
	 * No compression: SPEC section 3 lists none, and zlib is attack
	 * surface. (libssh 0.10.6 ignores SSH_OPTIONS_COMPRESSION "no" here;
	 * the two directions named "none" take.)
	 */
	if (ssh_options_set(se->ssh, SSH_OPTIONS_COMPRESSION_C_S, "none") !=
	        SSH_OK ||
	    ssh_options_set(se->ssh, SSH_OPTIONS_COMPRESSION_S_C, "none") !=
	        SSH_OK)
		fatalx("cannot turn compression off");
	ssh_bind_free(bind); /* the session holds its own key copy */
	memset(&se->common_cb, 0, sizeof se->common_cb);
	se->common_cb.userdata = se;
	se->common_cb.connect_status_function = session_kex_step;
	ssh_callbacks_init(&se->common_cb);
	ssh_set_callbacks(se->ssh, &se->common_cb);
	memset(&se->server_cb, 0, sizeof se->server_cb);
	se->server_cb.userdata = se;
	se->server_cb.auth_pubkey_function = session_auth_pubkey;
	se->server_cb.auth_none_function = session_auth_none;
	se->server_cb.channel_open_request_session_function =
	    session_channel_open;
	ssh_callbacks_init(&se->server_cb);
	ssh_set_server_callbacks(se->ssh, &se->server_cb);
	ssh_set_message_callback(se->ssh, session_unhandled, se);
	/* "none" is never offered: a guest asks for it by name. */
	ssh_set_auth_methods(se->ssh, SSH_AUTH_METHOD_PUBLICKEY);
}

static int
session_gone(struct session *se)
{
	return (ssh_get_status(se->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR)) ||
	       (se->chan != NULL && ssh_channel_is_closed(se->chan));
}

/* Runs the protocol until a logged-in client has asked for shell or exec. */
static int
session_login(struct session *se)
{
	int logged_in = 0;
	long timeout;

	if (ssh_handle_key_exchange(se->ssh) != SSH_OK)
		return -1;
	session_kexed = 1;
	if ((se->event = ssh_event_new()) == NULL ||
	    ssh_event_add_session(se->event, se->ssh) != SSH_OK)
		fatalx("ssh_event_new failed");
	while (!se->authed || se->start == START_NONE) {
		ssh_event_dopoll(se->event, 1000);
		if (session_terminate || session_gone(se) ||
		    se->attempts > SESSION_MAX_REQUESTS ||
		    session_auth_spent(se))
			return -1;
		if (se->authed && !logged_in) {
			logged_in = 1;
			/*
			 * Pre-authentication is over; a guest keeps asking,
			 * and a member beyond a cap stays counted as pending
			 * until it goes.
			 */
			if (!se->guest && !se->over) {
				close(se->notify_fd);
				se->notify_fd = -1;
			}
			if (se->cfg->login_grace > 0)
				alarm((unsigned)se->cfg->login_grace);
		}
	}
	/* No grace, no alarm: a harness's own timer (libFuzzer's) stays. */
	if (se->cfg->login_grace > 0)
		alarm(0);
	timeout = SESSION_IO_TIMEOUT;
	ssh_options_set(se->ssh, SSH_OPTIONS_TIMEOUT, &timeout);
	return 0;
}

/* Writes an error line for the member straight to the channel's stderr. */
static void
session_say(struct session *se, const char *msg)
{
	const char *eol = se->pty_master != -1 ? "\r\n" : "\n";

	ssh_channel_write_stderr(se->chan, msg, (uint32_t)strlen(msg));
	ssh_channel_write_stderr(se->chan, eol, (uint32_t)strlen(eol));
}

static int
session_set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	return fl == -1 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/* Starts the UI or command child through the spawner; -1 on failure. */
static int
session_spawn(struct session *se)
{
	struct spawn_req *req = xcalloc(1, sizeof *req);
	int p[3][2] = { { -1, -1 }, { -1, -1 }, { -1, -1 } }, fds[3], i, r = -1;

	req->kind = se->start == START_SHELL ? SPAWN_UI : SPAWN_CMD;
	req->ctty = se->pty_master != -1;
	req->guest = se->guest != 0;
	req->member_id = se->login.member_id;
	req->key_row = se->login.key_row;
	req->offered = se->refused + 1;
	snprintf(req->key_id, sizeof req->key_id, "%s", se->login.key_id);
	snprintf(req->term, sizeof req->term, "%s", se->term);
	req->no_color = se->no_color != 0;
	snprintf(req->address, sizeof req->address, "%s", se->address);
	if (se->command != NULL)
		snprintf(req->command, sizeof req->command, "%s", se->command);
	if (req->ctty)
		fds[0] = se->pty_slave;
	else {
		for (i = 0; i < 3; i++) {
			if (pipe2(p[i], O_CLOEXEC) != 0)
				goto out;
		}
		fds[0] = p[0][0], fds[1] = p[1][1], fds[2] = p[2][1];
	}
	se->status_fd =
	    spawn_request(se->cfg->spawn_sock, req, fds, &se->child);
	if (se->status_fd == -1)
		goto out;
	if (req->ctty) {
		se->in_fd = se->out[0].fd = se->pty_master;
	} else {
		se->in_fd = p[0][1], p[0][1] = -1;
		se->out[0].fd = p[1][0], p[1][0] = -1;
		se->out[1].fd = p[2][0], p[2][0] = -1;
		session_set_nonblock(se->in_fd);
		session_set_nonblock(se->out[0].fd);
		session_set_nonblock(se->out[1].fd);
	}
	r = 0;
out:
	for (i = 0; i < 3; i++) {
		if (p[i][0] != -1)
			close(p[i][0]);
		if (p[i][1] != -1)
			close(p[i][1]);
	}
	if (se->pty_slave != -1) {
		close(se->pty_slave);
		se->pty_slave = -1;
	}
	free(req);
	return r;
}

/* Whether an exec command line runs join (its first word). */
static int
session_is_join(const char *command)
{
	char **argv = NULL, *cause = NULL;
	int argc = 0, r;

	if (words_split(command, &argv, &argc, &cause) != 0) {
		free(cause);
		return 0; /* the command's own usage error */
	}
	r = argc > 0 && strcmp(argv[0], "join") == 0;
	words_free(argv);
	return r;
}

/* Decides what the started channel runs; returns its exit status. */
static int
session_serve(struct session *se)
{
	char msg[128];

	if (se->over == SESSION_FULL_MEMBER) {
		snprintf(msg, sizeof msg,
		    "bbs: too many sessions for %s at once (%d); close one and try again",
		    se->pseudonym, se->per_member);
		session_say(se, msg);
		return EX_TEMPFAIL;
	}
	if (se->over) {
		snprintf(msg, sizeof msg,
		    "bbs: the board has as many sessions as it can take (%d); try again later",
		    se->cfg->sessions_max);
		session_say(se, msg);
		return EX_TEMPFAIL;
	}
	if (se->guest && se->guest_full) {
		session_say(
		    se, "bbs: too many guests at the moment; try again later");
		return EX_TEMPFAIL;
	}
	/* Join attempts are counted per network by the listener. */
	if (se->guest && se->start == START_EXEC && se->command != NULL &&
	    session_is_join(se->command) &&
	    !session_ask_byte(se, SESSION_ASK_JOIN)) {
		session_say(se, "join: too many attempts, try later");
		return EX_TEMPFAIL;
	}

	if (se->start == START_SHELL && se->role == STORE_ROLE_BOT) {
		session_say(se,
		    "bbs: this key may only run commands; try: ssh HOST help");
		return EX_NOPERM;
	}
	if (se->start == START_SHELL && se->pty_master == -1) {
		session_say(se,
		    "bbs: no terminal; use ssh -t to open the board, or run a command: ssh HOST help");
		return EX_USAGE;
	}
	if (se->start == START_EXEC && se->command == NULL) {
		snprintf(msg, sizeof msg,
		    "bbs: command line longer than %d bytes", WORDS_LINE_MAX);
		session_say(se, msg);
		return EX_USAGE;
	}
	if (session_spawn(se) != 0) {
		session_say(se, "bbs: internal error, try again later");
		return EX_SOFTWARE;
	}
	return pump_run(se);
}

/*
 * exit-status, EOF, CLOSE; then wait (at most two seconds) for the client's
 * own CLOSE, which it sends once it has written out everything we sent:
 * disconnecting before that makes OpenSSH drop the status and exit 255.
 */
static void
session_close(struct session *se, int status)
{
	struct timespec t0, t;

	if (status >= 0 && !session_gone(se)) {
		ssh_channel_request_send_exit_status(se->chan, status);
		ssh_channel_send_eof(se->chan);
		ssh_channel_close(se->chan);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		t = t0;
		while (!se->peer_closed &&
		       !(ssh_get_status(se->ssh) &
		           (SSH_CLOSED | SSH_CLOSED_ERROR)) &&
		       (t.tv_sec - t0.tv_sec) * 1000 +
		               (t.tv_nsec - t0.tv_nsec) / 1000000 <
		           SESSION_CLOSE_MS) {
			ssh_event_dopoll(se->event, 100);
			clock_gettime(CLOCK_MONOTONIC, &t);
		}
	}
	ssh_disconnect(se->ssh);
}

static void
session_close_fd(int *fd)
{
	if (*fd != -1)
		close(*fd);
	*fd = -1;
}

/*
 * Frees what the session holds, as its process's exit would; the
 * connection's socket went with ssh_disconnect().
 */
static void
session_free(struct session *se)
{
	int i;

	/* A pty master is both the input and the output side. */
	for (i = 0; i < 2; i++) {
		if (se->out[i].fd == se->pty_master)
			se->out[i].fd = -1;
		session_close_fd(&se->out[i].fd);
		buf_free(&se->out[i].pending);
	}
	if (se->in_fd == se->pty_master)
		se->in_fd = -1;
	session_close_fd(&se->in_fd);
	session_close_fd(&se->pty_master);
	session_close_fd(&se->pty_slave);
	session_close_fd(&se->status_fd);
	buf_free(&se->in);
	free(se->command);
	if (se->event != NULL)
		ssh_event_free(se->event);
	ssh_free(se->ssh); /* and the channel */
}

void
session_handle(
    ssh_bind bind, int fd, int notify_fd, const struct session_config *cfg)
{
	struct session se;
	int status = -1;

	memset(&se, 0, sizeof se);
	se.cfg = cfg;
	se.notify_fd = notify_fd;
	se.guests = -1;
	se.pty_master = se.pty_slave = se.in_fd = se.status_fd = -1;
	se.out[0] = (struct pump_out){ &se, -1, 0, 0, -1, { NULL, 0, 0 }, 0 };
	se.out[1] = (struct pump_out){ &se, -1, 1, 0, -1, { NULL, 0, 0 }, 0 };
	clock_gettime(CLOCK_MONOTONIC, &se.connected);
	session_setup(&se, bind, fd);
	if (session_login(&se) == 0) {
		status = session_serve(&se);
		session_close(&se, status);
	} else
		ssh_disconnect(se.ssh);
	session_free(&se);
}

void
session_run(
    ssh_bind bind, int fd, int notify_fd, const struct session_config *cfg)
{
	log_set_tag("session %lu", cfg->id);
	session_signals();
	/* Until its KEXINIT (session_kex_step); then the login grace. */
	alarm((unsigned)(cfg->kex_grace < cfg->login_grace ? cfg->kex_grace
	                                                   : cfg->login_grace));
	session_handle(bind, fd, notify_fd, cfg);
	/* One that never finished the key exchange counts against its
	 * network (limits.h). */
	_exit(session_kexed ? 0 : SESSION_EXIT_NOKEX);
}
