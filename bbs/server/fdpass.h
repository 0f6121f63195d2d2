/* bbs: ISC licence, see LICENSE. */
/*
 * Requests between bbs's own processes over SOCK_SEQPACKET sockets: one
 * message each, with file descriptors passed as SCM_RIGHTS. The spawner
 * (spawn.c) and the key lookup process (lookup.c) both answer requests
 * this way, each on a reply socket sent with the request.
 */
#ifndef BBS_FDPASS_H
#define BBS_FDPASS_H

#include <stddef.h>

#define FDPASS_MAX 4 /* descriptors a message may carry */

/*
 * Sends a request of len bytes with nfds descriptors (at most
 * FDPASS_MAX - 1) after the far end of a new reply socketpair. Returns the
 * near end, close-on-exec, from which the answer is read; -1 on failure.
 * The caller keeps (and closes) its fds.
 */
int fdpass_request(
    int sock, const void *data, size_t len, const int *fds, int nfds);

/*
 * Receives one message, which must be exactly len bytes, with at most max
 * descriptors (close-on-exec) into fds. Returns how many came; -2 at end
 * of file (the senders have all gone); -1 for anything else, with every
 * descriptor that came closed.
 */
int fdpass_recv(int sock, void *data, size_t len, int *fds, int max);

/* Closes the n descriptors of fds. */
void fdpass_close(int *fds, int n);

/*
 * Waits at most ms milliseconds for an answer of exactly len bytes on a
 * reply socket. 0, or -1.
 */
int fdpass_answer(int fd, void *data, size_t len, int ms);

#endif
