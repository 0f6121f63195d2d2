/* bbs: ISC licence, see LICENSE. */
/*
 * A command's standard input, read to end of file with a hard cap: one
 * byte past the cap says "too large" and reading stops there, so a client
 * that never stops sending costs a bounded read; and a client that sends
 * nothing is given up on after a while instead of holding a process
 * forever. Knows nothing of what the bytes mean: the store's content rules
 * judge them.
 */
#ifndef BBS_INPUT_H
#define BBS_INPUT_H

#include <stddef.h>

#define INPUT_IDLE_MS (5 * 60 * 1000) /* longest wait for the next byte */

enum input_err {
	INPUT_OK = 0,
	INPUT_TOO_LARGE = -1, /* more than max bytes */
	INPUT_IDLE = -2,      /* nothing came for idle_ms */
	INPUT_ERROR = -3,     /* read(2) or poll(2) failed; errno says why */
};

/*
 * Reads fd to end of file, reading at most max + 1 bytes. On INPUT_OK *out
 * holds the *len bytes read plus a NUL (the caller frees it); on an error
 * *out is NULL. idle_ms < 0 waits for ever.
 */
int input_read(int fd, size_t max, int idle_ms, char **out, size_t *len);

#endif
