/* bbs: ISC licence, see LICENSE. */
/*
 * A command's standard input, read to end of file with a hard cap: one
 * byte past the cap says "too large" and reading stops there, so a client
 * that never stops sending costs a bounded read. A client that sends
 * nothing is given up on after a while, and so is one that sends too
 * slowly or for too long (a byte every few minutes kept a process alive
 * for as long as it liked): the read has a total deadline and, after a
 * first stretch, a minimum average rate. Knows nothing of what the bytes
 * mean: the store's content rules judge them.
 */
#ifndef BBS_INPUT_H
#define BBS_INPUT_H

#include <stddef.h>

/* The limits every command reads its standard input with. */
#define INPUT_IDLE_MS (5 * 60 * 1000)   /* longest wait for the next byte */
#define INPUT_TOTAL_MS (10 * 60 * 1000) /* longest the whole read may take */
#define INPUT_RATE 1024                 /* at least this many bytes a minute */
#define INPUT_RATE_AFTER_MS (60 * 1000) /* ...on average, from then on */

struct input_limits {
	size_t max;        /* most bytes */
	int idle_ms;       /* longest silence; < 0 waits for ever */
	int total_ms;      /* longest read; < 0 for ever */
	size_t rate;       /* fewest bytes a minute on average, 0 for none... */
	int rate_after_ms; /* ...judged once the read has taken this long */
};

enum input_err {
	INPUT_OK = 0,
	INPUT_TOO_LARGE = -1, /* more than max bytes */
	INPUT_IDLE = -2,      /* nothing came for idle_ms */
	INPUT_ERROR = -3,     /* read(2) or poll(2) failed; errno says why */
	INPUT_SLOW = -4,      /* fewer than rate bytes a minute on average */
	INPUT_LATE = -5,      /* not at end of file after total_ms */
};

/*
 * Reads fd to end of file within lim, reading at most lim->max + 1 bytes.
 * On INPUT_OK *out holds the *len bytes read plus a NUL (the caller frees
 * it); on an error *out is NULL.
 */
int input_read(int fd, const struct input_limits *lim, char **out, size_t *len);

#endif
