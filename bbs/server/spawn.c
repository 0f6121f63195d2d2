/* bbs: ISC licence, see LICENSE. */
/*
 * The spawner process (see spawn.h). Protocol on the request socket
 * (SOCK_SEQPACKET, so every request is one message): a struct spawn_req
 * with, as SCM_RIGHTS, the status socket's far end and the child's fds.
 * On the status socket the spawner writes two struct spawn_msg: the
 * child's pid at once and its wait status when it ends, then closes it. If
 * the session process goes away first, its status socket hangs up and the
 * spawner kills the child.
 */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utmp.h>

#include "bbs/server/fdpass.h"
#include "bbs/server/spawn.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define SPAWN_MAX_FDS FDPASS_MAX /* status socket + three */
#define SPAWN_REPLY_MS 5000

enum spawn_msg_type { SPAWN_MSG_PID = 1, SPAWN_MSG_EXIT = 2 };

struct spawn_msg {
	int32_t type;
	int32_t value;
};

struct spawn_child {
	pid_t pid;
	int status_fd; /* -1 once the session has gone */
};

/* The spawner's state; a child frees its copy before it runs. */
static struct {
	struct spawn_child *kids;
	size_t n;
	struct pollfd *pfd;
} spawn;

static int spawn_sigpipe[2] = { -1, -1 };

static void
spawn_sigchld(int sig)
{
	int saved = errno;

	(void)sig;
	(void)write(spawn_sigpipe[1], "c", 1);
	errno = saved;
}

static void
spawn_child_exec(struct spawn_req *heap_req, const int *fds,
    spawn_main_fn child_main, void *arg)
{
	struct rlimit rl = { 0, 0 };
	struct spawn_req req = *heap_req;
	int i, log_fd = -1;

	free(heap_req);
	free(spawn.kids);
	free(spawn.pfd);
	memset(&spawn, 0, sizeof spawn);
	for (i = 1; i < NSIG; i++)
		signal(i, SIG_DFL);
	setrlimit(RLIMIT_CORE, &rl);
	if (req.ctty) {
		/*
		 * The terminal is the member's. A UI keeps its own diagnostics
		 * (and a sanitizer's) on the server's log instead of drawing
		 * them over the screen; a command on a pty (ssh -t) reports
		 * its errors to the member, as on pipes.
		 */
		if (req.kind == SPAWN_UI &&
		    (log_fd = fcntl(STDERR_FILENO, F_DUPFD, 3)) == -1)
			_exit(70);
		if (login_tty(fds[1]) != 0 ||
		    (log_fd != -1 && dup2(log_fd, STDERR_FILENO) == -1))
			_exit(70);
	} else {
		setsid();
		for (i = 0; i < 3; i++) {
			if (dup2(fds[1 + i], i) == -1)
				_exit(70);
		}
	}
	/* Nothing of the spawner's, not even the status socket, stays open. */
	close_range(3, ~0U, 0);
	exit(child_main(&req, arg));
}

static void
spawn_send(int fd, enum spawn_msg_type type, int32_t value)
{
	struct spawn_msg m = { (int32_t)type, value };

	/* A gone session is not an error here: the HUP path cleans up. */
	(void)send(fd, &m, sizeof m, MSG_NOSIGNAL | MSG_DONTWAIT);
}

/*
 * Receives one request: fds[0] its status socket, then the child's pty
 * slave or its three pipe ends. Returns how many fds came, -2 once the
 * listener has gone, -1 for a malformed request.
 */
static int
spawn_recv(int sock, struct spawn_req *req, int *fds)
{
	int n;

	if ((n = fdpass_recv(sock, req, sizeof *req, fds, SPAWN_MAX_FDS)) == -2)
		return -2;
	if (n != (req->ctty ? 2 : 4)) {
		if (n > 0)
			fdpass_close(fds, n);
		log_error("spawner: malformed request");
		return -1;
	}
	req->key_id[sizeof req->key_id - 1] = '\0';
	req->term[sizeof req->term - 1] = '\0';
	req->address[sizeof req->address - 1] = '\0';
	req->command[sizeof req->command - 1] = '\0';
	return n;
}

static void
spawn_reap(void)
{
	pid_t pid;
	size_t i;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < spawn.n; i++) {
			if (spawn.kids[i].pid != pid)
				continue;
			if (spawn.kids[i].status_fd != -1) {
				spawn_send(spawn.kids[i].status_fd,
				    SPAWN_MSG_EXIT, status);
				close(spawn.kids[i].status_fd);
			}
			spawn.kids[i] = spawn.kids[--spawn.n];
			break;
		}
	}
}

/* Serves one request; -1 once the listener has gone (end of file). */
static int
spawn_handle(int sock, spawn_main_fn child_main, void *arg)
{
	struct spawn_req *req = xmalloc(sizeof *req);
	int fds[SPAWN_MAX_FDS], nfds, i;
	pid_t pid;

	if ((nfds = spawn_recv(sock, req, fds)) < 0) {
		free(req);
		return nfds == -2 ? -1 : 0;
	}
	if ((pid = fork()) == -1) {
		log_error("spawner: fork: %s", strerror(errno));
		spawn_send(fds[0], SPAWN_MSG_PID, -1);
	} else if (pid == 0)
		spawn_child_exec(req, fds, child_main, arg);
	else {
		spawn_send(fds[0], SPAWN_MSG_PID, pid);
		spawn.kids =
		    xreallocarray(spawn.kids, spawn.n + 1, sizeof *spawn.kids);
		spawn.kids[spawn.n++] = (struct spawn_child){ pid, fds[0] };
		fds[0] = -1;
	}
	for (i = 0; i < nfds; i++) {
		if (fds[i] != -1)
			close(fds[i]);
	}
	free(req);
	return 0;
}

static void
spawn_loop(int sock, spawn_main_fn child_main, void *arg)
{
	struct spawn_child *k;
	struct pollfd *pfd;
	size_t i, np;
	int open = 1;
	char c;

	while (open || spawn.n > 0) {
		np = spawn.n + 2;
		pfd = spawn.pfd = xreallocarray(spawn.pfd, np, sizeof *pfd);
		pfd[0] = (struct pollfd){ spawn_sigpipe[0], POLLIN, 0 };
		pfd[1] = (struct pollfd){ open ? sock : -1, POLLIN, 0 };
		for (i = 0; i < spawn.n; i++)
			pfd[2 + i] =
			    (struct pollfd){ spawn.kids[i].status_fd, 0, 0 };
		if (poll(pfd, np, -1) == -1) {
			if (errno == EINTR)
				continue;
			fatal("spawner: poll");
		}
		/* A status socket that hangs up: its session is gone. */
		for (i = 0; i < np - 2; i++) {
			k = &spawn.kids[i];
			if (pfd[2 + i].revents & (POLLHUP | POLLERR)) {
				kill(-k->pid, SIGKILL);
				kill(k->pid, SIGKILL);
				close(k->status_fd);
				k->status_fd = -1;
			}
		}
		if (pfd[0].revents & POLLIN) {
			while (read(spawn_sigpipe[0], &c, 1) == 1)
				;
			spawn_reap();
		}
		/*
		 * A closed SOCK_SEQPACKET peer polls as POLLIN and POLLHUP and
		 * reads as end of file: stop there, or this loop spins.
		 */
		if (pfd[1].revents & POLLIN) {
			if (spawn_handle(sock, child_main, arg) != 0)
				open = 0;
		} else if (pfd[1].revents & (POLLHUP | POLLERR))
			open = 0;
	}
	free(spawn.pfd);
	free(spawn.kids);
}

int
spawn_start(spawn_main_fn child_main, void *arg, pid_t *pid)
{
	struct sigaction sa;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		fatal("spawner: socketpair");
	if ((*pid = fork()) == -1)
		fatal("spawner: fork");
	if (*pid != 0) {
		close(sv[0]);
		return sv[1];
	}
	close(sv[1]);
	log_set_tag("spawner");
	clearenv();
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	if (pipe2(spawn_sigpipe, O_CLOEXEC | O_NONBLOCK) != 0)
		fatal("spawner: pipe");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = spawn_sigchld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	spawn_loop(sv[0], child_main, arg);
	_exit(0);
}

int
spawn_request(int sock, const struct spawn_req *req, const int *fds, pid_t *pid)
{
	struct spawn_msg m;
	int fd;

	fd = fdpass_request(sock, req, sizeof *req, fds, req->ctty ? 1 : 3);
	if (fd == -1 || fdpass_answer(fd, &m, sizeof m, SPAWN_REPLY_MS) != 0 ||
	    m.type != SPAWN_MSG_PID || m.value <= 0) {
		log_error("spawner did not start a child");
		if (fd != -1)
			close(fd);
		return -1;
	}
	*pid = (pid_t)m.value;
	return fd;
}

int
spawn_read_status(int fd, int *wstatus)
{
	struct spawn_msg m;

	if (recv(fd, &m, sizeof m, MSG_DONTWAIT) != (ssize_t)sizeof m ||
	    m.type != SPAWN_MSG_EXIT)
		return -1;
	*wstatus = m.value;
	return 0;
}
