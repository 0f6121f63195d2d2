/* bbs: ISC licence, see LICENSE. */
/* Reading standard input with a cap, an idle limit, a deadline and a
 * minimum rate: see input.h. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bbs/cmd/input.h"
#include "util/buf.h"

#define INPUT_CHUNK 16384

static int64_t
input_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/*
 * Whether the read may go on after elapsed ms with got bytes: 0, setting
 * *wait to how long the next poll may wait (-1: for ever) and *idle to
 * whether that wait is the idle limit; or INPUT_LATE or INPUT_SLOW. The
 * rate is judged on the average since the start: got bytes after elapsed
 * ms fall short once got * 60000 < rate * elapsed.
 */
static int
input_wait(const struct input_limits *lim, int64_t elapsed, size_t got,
    int64_t *wait, int *idle)
{
	int64_t due;

	*wait = lim->idle_ms;
	*idle = lim->idle_ms >= 0;
	if (lim->total_ms >= 0) {
		if (elapsed >= lim->total_ms)
			return INPUT_LATE;
		if (*wait < 0 || lim->total_ms - elapsed < *wait) {
			*wait = lim->total_ms - elapsed;
			*idle = 0;
		}
	}
	if (lim->rate > 0) {
		/* When the bytes so far stop being enough. */
		due = (int64_t)((uint64_t)got * 60000 / lim->rate);
		if (due < lim->rate_after_ms)
			due = lim->rate_after_ms;
		if (elapsed >= due)
			return INPUT_SLOW;
		if (*wait < 0 || due - elapsed < *wait) {
			*wait = due - elapsed;
			*idle = 0;
		}
	}
	return 0;
}

int
input_read(int fd, const struct input_limits *lim, char **out, size_t *len)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	char chunk[INPUT_CHUNK];
	struct buf b;
	int64_t start = input_now_ms(), wait;
	size_t want;
	ssize_t n;
	int r = INPUT_ERROR, e, p, idle;

	*out = NULL;
	*len = 0;
	buf_init(&b);
	for (;;) {
		if ((e = input_wait(lim, input_now_ms() - start, b.len, &wait,
		         &idle)) != 0) {
			r = e;
			goto out;
		}
		if ((p = poll(&pfd, 1, (int)wait)) == -1 && errno == EINTR)
			continue;
		if (p == -1)
			goto out;
		if (p == 0 && !idle)
			continue; /* the deadline or the rate: said above */
		if (p == 0) {
			r = INPUT_IDLE;
			goto out;
		}
		/* Never ask for more than one byte past the cap. */
		want = lim->max + 1 - b.len;
		n = read(fd, chunk, want < sizeof chunk ? want : sizeof chunk);
		if (n == -1 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n == -1)
			goto out;
		if (n == 0)
			break;
		buf_add(&b, chunk, (size_t)n);
		if (b.len > lim->max) {
			r = INPUT_TOO_LARGE;
			goto out;
		}
	}
	*len = b.len;
	*out = buf_take(&b);
	r = INPUT_OK;
out:
	buf_free(&b);
	return r;
}
