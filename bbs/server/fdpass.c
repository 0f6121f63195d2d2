/* bbs: ISC licence, see LICENSE. */
/*
 * Passing requests and descriptors between bbs's processes (see fdpass.h).
 * SOCK_SEQPACKET keeps each message whole, so one sendmsg() is one request
 * even when many session processes share a socket.
 */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "bbs/server/fdpass.h"

union fdpass_cmsg {
	struct cmsghdr hdr;
	char buf[CMSG_SPACE(FDPASS_MAX * sizeof(int))];
};

int
fdpass_request(int sock, const void *data, size_t len, const int *fds, int nfds)
{
	union fdpass_cmsg cbuf;
	struct iovec iov = { (void *)data, len };
	struct msghdr msg = { 0 };
	struct cmsghdr *c;
	int sv[2], all[FDPASS_MAX], i;

	if (nfds < 0 || nfds >= FDPASS_MAX ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	all[0] = sv[1];
	for (i = 0; i < nfds; i++)
		all[1 + i] = fds[i];
	memset(&cbuf, 0, sizeof cbuf);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = CMSG_SPACE((size_t)(nfds + 1) * sizeof(int));
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN((size_t)(nfds + 1) * sizeof(int));
	memcpy(CMSG_DATA(c), all, (size_t)(nfds + 1) * sizeof(int));
	if (sendmsg(sock, &msg, MSG_NOSIGNAL) != (ssize_t)len) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	close(sv[1]); /* the far end now lives in the other process */
	return sv[0];
}

void
fdpass_close(int *fds, int n)
{
	while (n > 0)
		close(fds[--n]);
}

int
fdpass_recv(int sock, void *data, size_t len, int *fds, int max)
{
	union fdpass_cmsg cbuf;
	struct iovec iov = { data, len };
	struct msghdr msg = { 0 };
	struct cmsghdr *c;
	ssize_t n;
	int got = 0, k, i;

	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof cbuf.buf;
	if ((n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)) <= 0)
		return n == 0 ? -2 : -1;
	/* Take every descriptor that came, to close them all if need be. */
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
		for (i = 0; i < k; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
			if (got < max)
				fds[got++] = fd;
			else
				close(fd);
		}
	}
	if ((size_t)n != len || (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC))) {
		fdpass_close(fds, got);
		return -1;
	}
	return got;
}

int
fdpass_answer(int fd, void *data, size_t len, int ms)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	int r;

	while ((r = poll(&pfd, 1, ms)) == -1 && errno == EINTR)
		;
	if (r != 1 || recv(fd, data, len, 0) != (ssize_t)len)
		return -1;
	return 0;
}
