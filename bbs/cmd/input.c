/* bbs: ISC licence, see LICENSE. */
/* Reading standard input with a cap and an idle limit: see input.h. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include "bbs/cmd/input.h"
#include "util/buf.h"

#define INPUT_CHUNK 16384

int
input_read(int fd, size_t max, int idle_ms, char **out, size_t *len)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	char chunk[INPUT_CHUNK];
	struct buf b;
	size_t want;
	ssize_t n;
	int r = INPUT_ERROR, p;

	*out = NULL;
	*len = 0;
	buf_init(&b);
	for (;;) {
		if ((p = poll(&pfd, 1, idle_ms)) == -1 && errno == EINTR)
			continue;
		if (p == -1)
			goto out;
		if (p == 0) {
			r = INPUT_IDLE;
			goto out;
		}
		/* Never ask for more than one byte past the cap. */
		want = max + 1 - b.len;
		n = read(fd, chunk, want < sizeof chunk ? want : sizeof chunk);
		if (n == -1 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n == -1)
			goto out;
		if (n == 0)
			break;
		buf_add(&b, chunk, (size_t)n);
		if (b.len > max) {
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
