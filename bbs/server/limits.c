/* bbs: ISC licence, see LICENSE. */
/*
 * Pre-authentication accounting: a small array of (pid, prefix) for the
 * connections still authenticating. It never holds more than the global
 * cap, so linear scans are the right tool.
 */
#include <netinet/in.h>

#include <stdlib.h>
#include <string.h>

#include "bbs/server/limits.h"
#include "util/xmalloc.h"

struct limits_entry {
	pid_t pid;
	struct limits_prefix prefix;
};

struct limits {
	size_t pending_max;
	size_t prefix_max;
	struct limits_entry *e;
	size_t n;
};

struct limits *
limits_new(size_t pending_max, size_t prefix_max)
{
	struct limits *l = xcalloc(1, sizeof *l);

	l->pending_max = pending_max;
	l->prefix_max = prefix_max;
	l->e = xcalloc(pending_max, sizeof *l->e);
	return l;
}

void
limits_free(struct limits *l)
{
	if (l == NULL)
		return;
	free(l->e);
	free(l);
}

void
limits_prefix(
    const struct sockaddr *sa, socklen_t len, struct limits_prefix *out)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
		0xff };
	const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
	const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;
	const uint8_t *a;

	memset(out, 0, sizeof *out);
	if (sa->sa_family == AF_INET && len >= (socklen_t)sizeof *s4) {
		out->bytes[0] = 4;
		memcpy(out->bytes + 1, &s4->sin_addr, 3);
	} else if (sa->sa_family == AF_INET6 && len >= (socklen_t)sizeof *s6) {
		a = s6->sin6_addr.s6_addr;
		if (memcmp(a, mapped, sizeof mapped) == 0) {
			/* An IPv4 client on a dual-stack socket. */
			out->bytes[0] = 4;
			memcpy(out->bytes + 1, a + 12, 3);
		} else {
			out->bytes[0] = 6;
			memcpy(out->bytes + 1, a, 8);
		}
	}
}

int
limits_admit(const struct limits *l, const struct limits_prefix *p)
{
	size_t i, same = 0;

	if (l->n >= l->pending_max)
		return 0;
	for (i = 0; i < l->n; i++) {
		if (memcmp(&l->e[i].prefix, p, sizeof *p) == 0)
			same++;
	}
	return same < l->prefix_max;
}

void
limits_add(struct limits *l, pid_t pid, const struct limits_prefix *p)
{
	if (l->n < l->pending_max)
		l->e[l->n++] = (struct limits_entry){ pid, *p };
}

void
limits_done(struct limits *l, pid_t pid)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->e[i].pid == pid) {
			l->e[i] = l->e[--l->n];
			return;
		}
	}
}

size_t
limits_pending(const struct limits *l)
{
	return l->n;
}
