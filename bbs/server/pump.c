/* bbs: ISC licence, see LICENSE. */
/*
 * The pump between the SSH channel and the child (the UI's pty master, or
 * the command's pipes). Flow control never drops a byte:
 * - child to client: read only as much as the client's window allows;
 *   what a write leaves unsent waits in pending, and the fd is taken off
 *   the event loop until the window opens again (a window adjust wakes
 *   the loop);
 * - client to child: libssh holds what we have not read; we read it into
 *   a bounded buffer only while the child keeps up, so a slow child closes
 *   the client's window instead of growing memory.
 * The child's end comes from the spawner on the status socket; the pump
 * then drains the child's output to end of file before reporting. A
 * guest's child is ended after cfg->guest_idle seconds without input.
 * A client silent for cfg->keepalive seconds is asked whether it is
 * there (pump_keepalive), and dropped if it stays silent.
 *
 * The callbacks are re-entered: a blocking libssh write (waiting for a
 * key exchange, for the window, or for the socket to drain) polls the
 * same event from inside a callback, so the other callbacks run in
 * there, and libssh 0.10 still hands a callback in progress POLLHUP,
 * POLLERR and POLLNVAL. So a callback acts only on the events it asked
 * for, records what it learns once (eof, exit_known) and never closes a
 * descriptor nor takes one out of the event: removing a poll inside a
 * nested poll shifts libssh's array under the outer one, and a closed
 * descriptor still in the event polls POLLNVAL at every round. pump_run()
 * does both between rounds, removing before closing.
 */
#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bbs/server/session-int.h"
#include "bbs/server/spawn.h"
#include "util/log.h"

#define PUMP_CHUNK 16384
#define PUMP_IN_MAX 65536 /* client input buffered for the child */
#define PUMP_TERM_GRACE 2 /* seconds a UI gets to exit on shutdown */
#define PUMP_EXEC_GRACE 3 /* seconds a command gets to finish on shutdown */
#define PUMP_KEEPALIVE_MISSES 3 /* unanswered keepalives, then dropped */

static const char pump_notice[] =
    "\r\nbbs: the server is shutting down; please reconnect in a minute.\r\n";

/* Sends as much of o->pending as the window takes. */
static void
pump_flush(struct pump_out *o)
{
	ssh_channel chan = o->se->chan;
	uint32_t win = ssh_channel_window_size(chan);
	size_t len = o->pending.len < win ? o->pending.len : win;
	int n;

	if (len == 0)
		return;
	n = o->stderr_
	        ? ssh_channel_write_stderr(chan, o->pending.data, (uint32_t)len)
	        : ssh_channel_write(chan, o->pending.data, (uint32_t)len);
	if (n > 0)
		buf_consume(&o->pending, (size_t)n);
}

static int
pump_out_readable(socket_t fd, int revents, void *userdata)
{
	struct pump_out *o = userdata;
	uint32_t win = ssh_channel_window_size(o->se->chan);
	char chunk[PUMP_CHUNK];
	ssize_t n;

	/* Pending bytes: this callback is in progress further up. */
	if (o->eof || !(revents & (POLLIN | POLLHUP | POLLERR)) ||
	    o->pending.len > 0 || win == 0)
		return 0; /* unwatched after this poll round */
	n = read(fd, chunk, win < sizeof chunk ? win : sizeof chunk);
	if (n > 0) {
		buf_add(&o->pending, chunk, (size_t)n);
		pump_flush(o);
	} else if (n == 0 || (errno != EAGAIN && errno != EINTR))
		o->eof = 1; /* EIO from a pty master: the slave is closed */
	return 0;
}

/* At end of file: out of the event, then closed. Never from a callback. */
static void
pump_out_close(struct pump_out *o)
{
	if (!o->eof || o->fd == -1)
		return;
	if (o->watched)
		ssh_event_remove_fd(o->se->event, o->watched_fd);
	o->watched = 0;
	/* A pty master is also the input side; the session closes it. */
	if (o->fd != o->se->pty_master)
		close(o->fd);
	o->fd = -1;
}

/* Watches an output fd only while its bytes can go out. */
static void
pump_watch(struct pump_out *o)
{
	int want;

	if (o->pending.len > 0)
		pump_flush(o);
	pump_out_close(o);
	want = o->fd != -1 && o->pending.len == 0 &&
	       ssh_channel_window_size(o->se->chan) > 0;
	if (want == o->watched)
		return;
	if (want)
		ssh_event_add_fd(
		    o->se->event, o->fd, POLLIN, pump_out_readable, o);
	else
		ssh_event_remove_fd(o->se->event, o->watched_fd);
	o->watched = want;
	o->watched_fd = o->fd;
}

/* Moves client input into the child as fast as it takes it. */
static void
pump_input(struct session *se, time_t *last_input)
{
	char chunk[PUMP_CHUNK];
	size_t room;
	ssize_t n;
	int r;

	if (se->in_fd == -1)
		return;
	room = PUMP_IN_MAX - se->in.len;
	if (room > 0 && ssh_channel_is_open(se->chan)) {
		r = ssh_channel_read_nonblocking(se->chan, chunk,
		    (uint32_t)(room < sizeof chunk ? room : sizeof chunk), 0);
		if (r > 0) {
			buf_add(&se->in, chunk, (size_t)r);
			*last_input = time(NULL);
		}
	}
	while (se->in.len > 0) {
		n = write(se->in_fd, se->in.data, se->in.len);
		if (n > 0)
			buf_consume(&se->in, (size_t)n);
		else if (n == -1 && (errno == EAGAIN || errno == EINTR))
			break;
		else {
			buf_reset(&se->in); /* the child stopped reading */
			break;
		}
	}
	/* End of input closes the command's stdin; a pty keeps going. */
	if (se->in.len == 0 && se->pty_master == -1 &&
	    ssh_channel_is_eof(se->chan)) {
		close(se->in_fd);
		se->in_fd = -1;
	}
}

static void
pump_child_status(struct session *se)
{
	int wstatus;

	errno = 0;
	if (spawn_read_status(se->status_fd, &wstatus) != 0) {
		/* Never silent: a 70 the client sees must be in the log. */
		log_error("no exit status from the spawner: %s",
		    errno != 0 ? strerror(errno) : "short or stray message");
		se->exit_code = EX_SOFTWARE;
	} else if (WIFEXITED(wstatus))
		se->exit_code = WEXITSTATUS(wstatus);
	else {
		/* An idle guest's child ends by our signal, as it should. */
		if (!se->idle)
			log_error(
			    "child ended by signal %d", WTERMSIG(wstatus));
		se->exit_code = EX_SOFTWARE;
	}
	se->exit_known = 1;
}

static int
pump_status_readable(socket_t fd, int revents, void *userdata)
{
	struct session *se = userdata;

	(void)fd;
	/*
	 * Read once, and the code it gives is final: this runs inside other
	 * callbacks' blocking writes too, and once the spawner has closed its
	 * end the socket polls ready until pump_run() takes it out. Reading
	 * it again, or a closed one (POLLNVAL), turned a child's 0 or 66 into
	 * 70 with an error line each round (issue 12 item 4, t-rekey).
	 */
	if (!se->exit_known && (revents & (POLLIN | POLLHUP | POLLERR)))
		pump_child_status(se);
	return 0;
}

/* On shutdown: ask the UI to end, and end what overstays its grace. */
static void
pump_terminate(struct session *se, time_t *since)
{
	time_t now = time(NULL);

	if (*since == 0) {
		*since = now;
		if (se->start == START_SHELL)
			kill(-se->child, SIGTERM);
	}
	if (!se->exit_known &&
	    now - *since >= (se->start == START_SHELL ? PUMP_TERM_GRACE
	                                              : PUMP_EXEC_GRACE)) {
		kill(-se->child, SIGKILL);
		se->killed = 1;
	}
}

/*
 * A guest without input for cfg->guest_idle seconds: its child ends, a UI
 * asked first (SIGTERM, so it can give the terminal back), as on shutdown.
 */
static void
pump_idle(struct session *se, time_t last_input)
{
	time_t now = time(NULL);

	if (!se->guest || se->exit_known)
		return;
	if (se->idle == 0) {
		if (now - last_input < se->cfg->guest_idle)
			return;
		se->idle = now;
		kill(-se->child, se->start == START_SHELL ? SIGTERM : SIGKILL);
	} else if (now - se->idle >= PUMP_TERM_GRACE)
		kill(-se->child, SIGKILL);
}

/* Tells an idle guest why the session ends (stderr for a command). */
static void
pump_idle_notice(struct session *se)
{
	int secs = se->cfg->guest_idle, pty = se->pty_master != -1, n;
	char msg[96];

	n = snprintf(msg, sizeof msg,
	    "%sbbs: closed after %d %s without input%s", pty ? "\r\n" : "",
	    secs % 60 == 0 ? secs / 60 : secs,
	    secs % 60 != 0 ? "seconds"
	    : secs == 60   ? "minute"
	                   : "minutes",
	    pty ? "\r\n" : "\n");
	if (pty)
		ssh_channel_write(se->chan, msg, (uint32_t)n);
	else
		ssh_channel_write_stderr(se->chan, msg, (uint32_t)n);
}

/*
 * Dead peers (SPEC section 3): the kernel's TCP keepalive alone takes over
 * two hours, and never ends a client that is there but stopped (a stopped
 * process's kernel still acknowledges). So when the client has sent
 * nothing for cfg->keepalive seconds, a keepalive@openssh.com global
 * request with want-reply goes out, one an interval while the silence
 * lasts. Every client must answer one (RFC 4254 section 4; OpenSSH says
 * "failure"), and any answer is data on the socket, so "silent" is the
 * kernel's own count of the time since the last data the client sent
 * (TCP_INFO), whatever libssh has read of it. A client silent for
 * PUMP_KEEPALIVE_MISSES + 1 intervals (4 minutes by default) is gone:
 * returns -1.
 *
 * The request is sent without blocking, never waiting for its answer in
 * a nested poll: libssh keeps one global request pending at a time and
 * marks it answered when the reply arrives, in any later poll, but only
 * clears that mark in the next call, which then sends nothing. So it is
 * called twice: the first clears an answered request, the second sends;
 * while one is unanswered both only look at the socket.
 */
static int
pump_keepalive(struct session *se, time_t *sent)
{
	struct tcp_info ti;
	socklen_t len = sizeof ti;
	int64_t silent, interval = (int64_t)se->cfg->keepalive * 1000;
	time_t now = time(NULL);

	memset(&ti, 0, sizeof ti);
	if (getsockopt(ssh_get_fd(se->ssh), IPPROTO_TCP, TCP_INFO, &ti, &len) !=
	    0)
		return 0; /* not TCP (a test's socketpair): nothing to ask */
	silent = ti.tcpi_last_data_recv;
	if (silent >= interval * (PUMP_KEEPALIVE_MISSES + 1))
		return -1;
	if (silent >= interval && now - *sent >= se->cfg->keepalive) {
		ssh_set_blocking(se->ssh, 0);
		ssh_send_keepalive(se->ssh);
		ssh_send_keepalive(se->ssh);
		ssh_set_blocking(se->ssh, 1);
		*sent = now;
	}
	return 0;
}

int
pump_run(struct session *se)
{
	time_t terminating = 0, last_input = time(NULL), keepalive = 0;
	int status_watched = -1, i, dead;

	while (!se->exit_known || se->out[0].fd != -1 || se->out[1].fd != -1 ||
	       se->out[0].pending.len > 0 || se->out[1].pending.len > 0) {
		for (i = 0; i < 2; i++)
			pump_watch(&se->out[i]);
		if (!se->exit_known && status_watched == -1) {
			ssh_event_add_fd(se->event, se->status_fd, POLLIN,
			    pump_status_readable, se);
			status_watched = se->status_fd;
		}
		ssh_event_dopoll(se->event, se->in.len > 0 ? 20 : 1000);
		/* Before the check below: its own look may end the child. */
		dead = pump_keepalive(se, &keepalive) != 0;
		for (i = 0; i < 2; i++)
			pump_out_close(&se->out[i]);
		if (se->exit_known && se->status_fd != -1) {
			/* Out of the event first, then closed. */
			if (status_watched != -1)
				ssh_event_remove_fd(se->event, status_watched);
			status_watched = -1;
			close(se->status_fd);
			se->status_fd = -1;
		}
		if (ssh_get_status(se->ssh) & (SSH_CLOSED | SSH_CLOSED_ERROR) ||
		    ssh_channel_is_closed(se->chan)) {
			log_debug("client gone: status %d, channel %s",
			    ssh_get_status(se->ssh),
			    ssh_channel_is_closed(se->chan) ? "closed"
			                                    : "open");
			if (!se->exit_known)
				kill(-se->child, SIGHUP);
			return -1;
		}
		if (dead) {
			log_info(
			    "client silent for %d s, keepalives unanswered; closing",
			    se->cfg->keepalive * (PUMP_KEEPALIVE_MISSES + 1));
			if (!se->exit_known)
				kill(-se->child, SIGHUP);
			return -1;
		}
		pump_input(se, &last_input);
		pump_idle(se, last_input);
		if (session_terminate && !se->exit_known)
			pump_terminate(se, &terminating);
	}
	/* Nothing of ours may stay in the loop: a pty at EIO polls ready
	 * forever and would make session_close()'s wait spin. */
	for (i = 0; i < 2; i++)
		pump_watch(&se->out[i]);
	if (status_watched != -1)
		ssh_event_remove_fd(se->event, status_watched);
	/*
	 * A session ended by the shutdown says so and "try again later"
	 * (75); a command that finished in its grace keeps its own status, so
	 * a script does not post twice.
	 */
	if (terminating && se->start == START_SHELL) {
		ssh_channel_write(
		    se->chan, pump_notice, sizeof pump_notice - 1);
		return EX_TEMPFAIL;
	}
	if (se->idle) {
		pump_idle_notice(se);
		return EX_TEMPFAIL; /* may come back later */
	}
	return se->killed ? EX_TEMPFAIL : se->exit_code;
}
