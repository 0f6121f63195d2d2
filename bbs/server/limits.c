/* bbs: ISC licence, see LICENSE. */
/*
 * Pre-authentication and guest accounting: a small array of (pid, prefix)
 * for the connections still authenticating (or the guest sessions). It
 * never holds more than the global cap, so linear scans are the right
 * tool. The join counter is an array of networks, each with the times of
 * its attempts in the window, pruned as it is used; the penalties are an
 * array of networks with the time each penalty runs out, pruned as they
 * are used. The sessions table is an array of (pid, member id), scanned
 * at each login.
 */
#include <netinet/in.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/server/limits.h"
#include "util/xmalloc.h"

struct limits_entry {
	pid_t pid;
	struct limits_prefix prefix;
	int64_t since; /* milliseconds */
	int kexinit;   /* its client has sent KEXINIT */
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

/* How many connections from p are waiting. */
static size_t
limits_held(const struct limits *l, const struct limits_prefix *p)
{
	size_t i, same = 0;

	for (i = 0; i < l->n; i++) {
		if (memcmp(&l->e[i].prefix, p, sizeof *p) == 0)
			same++;
	}
	return same;
}

int
limits_admit(const struct limits *l, const struct limits_prefix *p)
{
	return l->n < l->pending_max && limits_held(l, p) < l->prefix_max;
}

/*
 * MaxStartups start:rate:full: whether a new connection is dropped with
 * pending connections waiting, r a uniform random number below 100.
 */
static int
limits_early_drop(
    size_t pending, size_t start, unsigned rate, size_t full, unsigned r)
{
	size_t p;

	if (pending < start)
		return 0;
	if (pending >= full || rate >= 100)
		return 1;
	/* OpenSSH's should_drop_connection(), in percent. */
	p = (100 - rate) * (pending - start) / (full - start) + rate;
	return r < p;
}

static int
limits_idle(const struct limits_entry *e, int64_t now)
{
	return !e->kexinit && now - e->since >= LIMITS_IDLE_MS;
}

int
limits_startup(const struct limits *l, const struct limits_prefix *p,
    unsigned r, int64_t now, pid_t *evict)
{
	size_t i, held = limits_held(l, p), idle = 0, idle_held = 0;
	size_t oldest = l->n;

	*evict = -1;
	if (held >= l->prefix_max)
		return 0;
	for (i = 0; i < l->n; i++) {
		if (!limits_idle(&l->e[i], now))
			continue;
		idle++;
		if (memcmp(&l->e[i].prefix, p, sizeof *p) == 0)
			idle_held++;
		if (oldest == l->n || l->e[i].since < l->e[oldest].since)
			oldest = i;
	}
	if (l->n < l->pending_max)
		return idle_held == 0 ||
		       !limits_early_drop(idle, LIMITS_DROP_START,
		           LIMITS_DROP_RATE, l->pending_max, r);
	if (held > 0 || oldest == l->n)
		return 0;
	*evict = l->e[oldest].pid;
	return 1;
}

void
limits_add(
    struct limits *l, pid_t pid, const struct limits_prefix *p, int64_t now)
{
	if (l->n < l->pending_max)
		l->e[l->n++] = (struct limits_entry){ pid, *p, now, 0 };
}

void
limits_kexinit(struct limits *l, pid_t pid)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->e[i].pid == pid)
			l->e[i].kexinit = 1;
	}
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

struct limits_join_net {
	struct limits_prefix prefix;
	int64_t *t; /* attempt times, oldest first; n of them */
	size_t n;
};

struct limits_joins {
	size_t max;
	int64_t window;
	size_t nets_max;
	struct limits_join_net *nets;
	size_t nnets;
};

struct limits_joins *
limits_joins_new(size_t max, int64_t window, size_t nets)
{
	struct limits_joins *j = xcalloc(1, sizeof *j);
	size_t i;

	j->max = max;
	j->window = window;
	j->nets_max = nets;
	j->nets = xcalloc(nets, sizeof *j->nets);
	for (i = 0; i < nets; i++)
		j->nets[i].t = xcalloc(max, sizeof *j->nets[i].t);
	return j;
}

void
limits_joins_free(struct limits_joins *j)
{
	size_t i;

	if (j == NULL)
		return;
	for (i = 0; i < j->nets_max; i++)
		free(j->nets[i].t);
	free(j->nets);
	free(j);
}

/* Forgets the attempts that left the window, and networks left without. */
static void
limits_joins_prune(struct limits_joins *j, int64_t now)
{
	struct limits_join_net *e, tmp;
	size_t i = 0, k;

	while (i < j->nnets) {
		e = &j->nets[i];
		for (k = 0; k < e->n && e->t[k] <= now - j->window; k++)
			;
		memmove(e->t, e->t + k, (e->n - k) * sizeof *e->t);
		e->n -= k;
		if (e->n > 0) {
			i++;
			continue;
		}
		/* Swap with the last, keeping each entry's own array. */
		tmp = *e;
		*e = j->nets[--j->nnets];
		j->nets[j->nnets] = tmp;
		memset(&j->nets[j->nnets].prefix, 0, sizeof tmp.prefix);
	}
}

int
limits_join(struct limits_joins *j, const struct limits_prefix *p, int64_t now)
{
	struct limits_join_net *e = NULL;
	size_t i, oldest = 0;

	limits_joins_prune(j, now);
	for (i = 0; i < j->nnets && e == NULL; i++) {
		if (memcmp(&j->nets[i].prefix, p, sizeof *p) == 0)
			e = &j->nets[i];
	}
	if (e == NULL) {
		if (j->nnets == j->nets_max) {
			for (i = 1; i < j->nnets; i++) {
				if (j->nets[i].t[j->nets[i].n - 1] <
				    j->nets[oldest].t[j->nets[oldest].n - 1])
					oldest = i;
			}
			e = &j->nets[oldest];
		} else
			e = &j->nets[j->nnets++];
		e->prefix = *p;
		e->n = 0;
	}
	if (e->n >= j->max)
		return 0;
	e->t[e->n++] = now;
	return 1;
}

struct limits_session_entry {
	pid_t pid;
	int64_t member;
};

struct limits_sessions {
	size_t max;
	struct limits_session_entry *e;
	size_t n;
};

struct limits_sessions *
limits_sessions_new(size_t max)
{
	struct limits_sessions *s = xcalloc(1, sizeof *s);

	s->max = max;
	s->e = xcalloc(max, sizeof *s->e);
	return s;
}

void
limits_sessions_free(struct limits_sessions *s)
{
	if (s == NULL)
		return;
	free(s->e);
	free(s);
}

int
limits_session_add(
    struct limits_sessions *s, pid_t pid, int64_t member, size_t per_member)
{
	size_t i, same = 0;

	if (s->n >= s->max)
		return LIMITS_SESSION_FULL;
	for (i = 0; member != 0 && i < s->n; i++) {
		if (s->e[i].member == member)
			same++;
	}
	if (member != 0 && same >= per_member)
		return LIMITS_SESSION_MEMBER;
	s->e[s->n++] = (struct limits_session_entry){ pid, member };
	return LIMITS_SESSION_OK;
}

void
limits_session_done(struct limits_sessions *s, pid_t pid)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->e[i].pid == pid) {
			s->e[i] = s->e[--s->n];
			return;
		}
	}
}

struct limits_penalty {
	struct limits_prefix prefix;
	int64_t until; /* the penalty runs out at this time */
	int enforced;  /* it reached min: refused until then */
};

struct limits_penalties {
	int64_t min;
	int64_t max;
	size_t nets_max;
	struct limits_penalty *e;
	size_t n;
};

struct limits_penalties *
limits_penalties_new(int64_t min, int64_t max, size_t nets)
{
	struct limits_penalties *pn = xcalloc(1, sizeof *pn);

	pn->min = min;
	pn->max = max;
	pn->nets_max = nets;
	pn->e = xcalloc(nets, sizeof *pn->e);
	return pn;
}

void
limits_penalties_free(struct limits_penalties *pn)
{
	if (pn == NULL)
		return;
	free(pn->e);
	free(pn);
}

/* Forgets the penalties that have run out. */
static void
limits_penalties_prune(struct limits_penalties *pn, int64_t now)
{
	size_t i = 0;

	while (i < pn->n) {
		if (pn->e[i].until <= now)
			pn->e[i] = pn->e[--pn->n];
		else
			i++;
	}
}

static struct limits_penalty *
limits_penalty_find(struct limits_penalties *pn, const struct limits_prefix *p)
{
	size_t i;

	for (i = 0; i < pn->n; i++) {
		if (memcmp(&pn->e[i].prefix, p, sizeof *p) == 0)
			return &pn->e[i];
	}
	return NULL;
}

void
limits_penalty_add(struct limits_penalties *pn, const struct limits_prefix *p,
    int64_t secs, int64_t now)
{
	struct limits_penalty *e;
	size_t i, first = 0;

	limits_penalties_prune(pn, now);
	if ((e = limits_penalty_find(pn, p)) == NULL) {
		if (pn->n == pn->nets_max) {
			for (i = 1; i < pn->n; i++) {
				if (pn->e[i].until < pn->e[first].until)
					first = i;
			}
			e = &pn->e[first];
		} else
			e = &pn->e[pn->n++];
		*e = (struct limits_penalty){ *p, now, 0 };
	}
	e->until = (e->until > now ? e->until : now) + secs;
	if (e->until > now + pn->max)
		e->until = now + pn->max;
	if (e->until - now >= pn->min)
		e->enforced = 1;
}

int
limits_penalised(
    struct limits_penalties *pn, const struct limits_prefix *p, int64_t now)
{
	struct limits_penalty *e;

	limits_penalties_prune(pn, now);
	return (e = limits_penalty_find(pn, p)) != NULL && e->enforced;
}
