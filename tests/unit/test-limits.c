/* bbs: ISC licence, see LICENSE. */
/*
 * The listener's in-memory limits (bbs/server/limits.c): source networks,
 * the pre-authentication and guest caps, the early drop, the penalties,
 * the join-attempt window, the sessions per member and in all; and the
 * ssh line a board prints for its address (util/sshline.c).
 */
#include <arpa/inet.h>
#include <netinet/in.h>

#include "bbs/server/limits.h"
#include "tests/unit/test.h"
#include "util/sshline.h"

static void
prefix4(const char *addr, struct limits_prefix *p)
{
	struct sockaddr_in s4;

	memset(&s4, 0, sizeof s4);
	s4.sin_family = AF_INET;
	inet_pton(AF_INET, addr, &s4.sin_addr);
	limits_prefix((struct sockaddr *)&s4, sizeof s4, p);
}

static void
prefix6(const char *addr, struct limits_prefix *p)
{
	struct sockaddr_in6 s6;

	memset(&s6, 0, sizeof s6);
	s6.sin6_family = AF_INET6;
	inet_pton(AF_INET6, addr, &s6.sin6_addr);
	limits_prefix((struct sockaddr *)&s6, sizeof s6, p);
}

static int
same(const struct limits_prefix *a, const struct limits_prefix *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

static void
test_prefixes(void)
{
	struct limits_prefix a, b;

	TEST_START("limits: an IPv4 network is its /24");
	prefix4("192.0.2.1", &a);
	prefix4("192.0.2.254", &b);
	ASSERT_TRUE(same(&a, &b));
	prefix4("192.0.3.1", &b);
	ASSERT_TRUE(!same(&a, &b));
	TEST_DONE();

	TEST_START("limits: an IPv6 network is its /64");
	prefix6("2001:db8:1:2::1", &a);
	prefix6("2001:db8:1:2:ffff::9", &b);
	ASSERT_TRUE(same(&a, &b));
	prefix6("2001:db8:1:3::1", &b);
	ASSERT_TRUE(!same(&a, &b));
	TEST_DONE();

	TEST_START("limits: an IPv4-mapped address is its IPv4 network");
	prefix4("192.0.2.7", &a);
	prefix6("::ffff:192.0.2.200", &b);
	ASSERT_TRUE(same(&a, &b));
	TEST_DONE();
}

static void
test_guest_caps(void)
{
	struct limits *l =
	    limits_new(LIMITS_GUEST_MAX, LIMITS_GUEST_PREFIX_MAX);
	struct limits_prefix p, q;
	char addr[32];
	pid_t pid = 100;
	int i;

	TEST_START("limits: 4 guests from one network, not a 5th");
	prefix4("127.0.0.1", &p);
	for (i = 0; i < 4; i++) {
		ASSERT_TRUE(limits_admit(l, &p));
		limits_add(l, pid++, &p, 0);
	}
	ASSERT_TRUE(!limits_admit(l, &p));
	prefix4("127.0.1.1", &q);
	ASSERT_TRUE(limits_admit(l, &q));
	TEST_DONE();

	TEST_START("limits: a guest's end makes room for the next");
	limits_done(l, 101);
	ASSERT_TRUE(limits_admit(l, &p));
	limits_add(l, pid++, &p, 0);
	ASSERT_TRUE(!limits_admit(l, &p));
	TEST_DONE();

	TEST_START("limits: 32 guests at once, from any networks");
	for (i = 1; i < 8; i++) {
		snprintf(addr, sizeof addr, "10.0.%d.1", i);
		prefix4(addr, &q);
		while (limits_admit(l, &q))
			limits_add(l, pid++, &q, 0);
	}
	ASSERT_INT_EQ(limits_pending(l), 32);
	prefix4("10.9.9.9", &q);
	ASSERT_TRUE(!limits_admit(l, &q));
	limits_done(l, 100);
	ASSERT_TRUE(limits_admit(l, &q));
	TEST_DONE();
	limits_free(l);
}

static void
test_joins(void)
{
	struct limits_joins *j =
	    limits_joins_new(LIMITS_JOIN_MAX, LIMITS_JOIN_WINDOW, 3);
	struct limits_prefix p, q, r, s;
	int64_t t = 1000;
	int i, ok = 0;

	prefix4("198.51.100.1", &p);
	prefix4("198.51.101.1", &q);
	prefix4("198.51.102.1", &r);
	prefix4("198.51.103.1", &s);

	TEST_START("joins: 10 attempts from a network, then none");
	for (i = 0; i < 10; i++)
		ok += limits_join(j, &p, t + i);
	ASSERT_INT_EQ(ok, 10);
	ASSERT_INT_EQ(limits_join(j, &p, t + 10), 0);
	ASSERT_INT_EQ(limits_join(j, &p, t + 599), 0);
	TEST_DONE();

	TEST_START("joins: another network is not held back");
	ASSERT_INT_EQ(limits_join(j, &q, t + 20), 1);
	TEST_DONE();

	TEST_START("joins: the window slides, refusals not counted");
	/* The first attempt (t) leaves at t + 600, the second at t + 601. */
	ASSERT_INT_EQ(limits_join(j, &p, t + 600), 1);
	ASSERT_INT_EQ(limits_join(j, &p, t + 600), 0);
	ASSERT_INT_EQ(limits_join(j, &p, t + 601), 1);
	ASSERT_INT_EQ(limits_join(j, &p, t + 601), 0);
	TEST_DONE();

	TEST_START("joins: a full table forgets the network quiet longest");
	ASSERT_INT_EQ(limits_join(j, &r, t + 602), 1);
	/* Three held (p, q, r): s pushes out q, quiet since t + 20. */
	ASSERT_INT_EQ(limits_join(j, &s, t + 603), 1);
	/* p is still counted: 7 of its attempts are in the window. */
	for (ok = 0, i = 0; i < 5; i++)
		ok += limits_join(j, &p, t + 604);
	ASSERT_INT_EQ(ok, 3);
	/* q was forgotten: it has 10 again. */
	for (ok = 0, i = 0; i < 12; i++)
		ok += limits_join(j, &q, t + 605);
	ASSERT_INT_EQ(ok, 10);
	TEST_DONE();

	TEST_START("joins: networks leave when their window is over");
	ASSERT_INT_EQ(limits_join(j, &p, t + 5000), 1);
	for (i = 0; i < 9; i++)
		ASSERT_INT_EQ(limits_join(j, &p, t + 5000), 1);
	ASSERT_INT_EQ(limits_join(j, &p, t + 5000), 0);
	TEST_DONE();
	limits_joins_free(j);
}

#define NOW 100000 /* ms */

/* Adds n pending connections from addr, pids from *pid on. */
static void
hold(struct limits *l, const char *addr, int n, pid_t *pid)
{
	struct limits_prefix p;

	prefix4(addr, &p);
	while (n-- > 0) {
		limits_add(l, *pid, &p, *pid); /* in order, long idle by NOW */
		(*pid)++;
	}
}

static int
startup(struct limits *l, const char *addr, unsigned r, pid_t *evict)
{
	struct limits_prefix p;

	prefix4(addr, &p);
	return limits_startup(l, &p, r, NOW, evict);
}

static void
test_startups(void)
{
	struct limits *l = limits_new(LIMITS_PENDING_MAX, LIMITS_PREFIX_MAX);
	struct limits_prefix p;
	pid_t pid = 1, evict;
	int i;

	TEST_START("startups: below 10 waiting, nothing is dropped");
	hold(l, "192.0.2.1", 9, &pid);
	ASSERT_INT_EQ(startup(l, "192.0.2.9", 0, &evict), 1);
	ASSERT_INT_EQ(evict, -1);
	TEST_DONE();

	TEST_START("startups: at 10 waiting, 30 in 100 are dropped");
	hold(l, "192.0.2.1", 1, &pid);
	ASSERT_INT_EQ(startup(l, "192.0.2.9", 29, &evict), 0);
	ASSERT_INT_EQ(startup(l, "192.0.2.9", 30, &evict), 1);
	TEST_DONE();

	TEST_START("startups: ...but none from a network with none waiting");
	ASSERT_INT_EQ(startup(l, "198.51.100.1", 0, &evict), 1);
	TEST_DONE();

	TEST_START("startups: the drop rises linearly to all at 64");
	hold(l, "192.0.2.1", 22, &pid); /* 32 from 192.0.2.0/24 */
	hold(l, "203.0.113.1", 5, &pid);
	/* 37 waiting: 30 + 70 * 27 / 54 = 65 in 100. */
	ASSERT_INT_EQ(startup(l, "203.0.113.1", 64, &evict), 0);
	ASSERT_INT_EQ(startup(l, "203.0.113.1", 65, &evict), 1);
	hold(l, "203.0.113.1", 26, &pid);
	/* 63 waiting: 30 + 70 * 53 / 54 = 98 in 100. */
	ASSERT_INT_EQ(startup(l, "203.0.113.1", 97, &evict), 0);
	ASSERT_INT_EQ(startup(l, "203.0.113.1", 98, &evict), 1);
	ASSERT_INT_EQ(startup(l, "198.51.100.1", 0, &evict), 1);
	ASSERT_INT_EQ(evict, -1);
	TEST_DONE();

	TEST_START("startups: a network's cap holds whatever the dice say");
	ASSERT_INT_EQ(startup(l, "192.0.2.77", 99, &evict), 0);
	TEST_DONE();

	TEST_START("startups: a full table takes a new network in...");
	hold(l, "203.0.113.1", 1, &pid); /* 64 */
	ASSERT_INT_EQ(limits_pending(l), 64);
	ASSERT_INT_EQ(startup(l, "198.51.100.1", 99, &evict), 1);
	ASSERT_INT_EQ(evict, 1); /* the oldest */
	TEST_DONE();

	TEST_START("startups: ...pushing out the oldest without KEXINIT");
	for (i = 1; i <= 5; i++)
		limits_kexinit(l, i);
	ASSERT_INT_EQ(startup(l, "198.51.100.1", 0, &evict), 1);
	ASSERT_INT_EQ(evict, 6);
	limits_done(l, 6);
	hold(l, "198.51.100.1", 1, &pid);
	TEST_DONE();

	TEST_START("startups: ...but not for a network already waiting");
	ASSERT_INT_EQ(startup(l, "198.51.100.1", 99, &evict), 0);
	ASSERT_INT_EQ(startup(l, "192.0.2.1", 99, &evict), 0);
	TEST_DONE();

	TEST_START("startups: ...and not once every one has sent KEXINIT");
	for (i = 1; i < pid; i++)
		limits_kexinit(l, i);
	ASSERT_INT_EQ(startup(l, "198.51.101.1", 99, &evict), 0);
	ASSERT_INT_EQ(evict, -1);
	TEST_DONE();
	limits_free(l);

	TEST_START("startups: only idle connections count for the drop");
	l = limits_new(LIMITS_PENDING_MAX, LIMITS_PREFIX_MAX);
	prefix4("192.0.2.1", &p);
	/* 20 young ones (a host opening many at once), 10 with KEXINIT. */
	for (i = 0; i < 20; i++)
		limits_add(l, 1000 + i, &p, NOW - LIMITS_IDLE_MS + 1);
	for (i = 0; i < 10; i++) {
		limits_add(l, 2000 + i, &p, 0);
		limits_kexinit(l, 2000 + i);
	}
	ASSERT_INT_EQ(startup(l, "192.0.2.1", 0, &evict), 1);
	/* Once the young ones have waited a second, they count. */
	ASSERT_INT_EQ(limits_startup(l, &p, 0, NOW + 1, &evict), 0);
	limits_free(l);
	TEST_DONE();
}

static void
test_penalties(void)
{
	struct limits_penalties *pn =
	    limits_penalties_new(LIMITS_PENALTY_MIN, LIMITS_PENALTY_MAX, 3);
	struct limits_prefix a, b, c, d;
	int i;

	prefix4("192.0.2.1", &a);
	prefix4("198.51.100.1", &b);
	prefix4("203.0.113.1", &c);
	prefix6("2001:db8::1", &d);

	TEST_START("penalties: one idle connection is no penalty");
	limits_penalty_add(pn, &a, LIMITS_PENALTY_IDLE, 100);
	ASSERT_INT_EQ(limits_penalised(pn, &a, 100), 0);
	TEST_DONE();

	TEST_START("penalties: a second makes 15 s, and it holds");
	limits_penalty_add(pn, &a, LIMITS_PENALTY_IDLE, 101);
	ASSERT_INT_EQ(limits_penalised(pn, &a, 101), 1);
	ASSERT_INT_EQ(limits_penalised(pn, &a, 119), 1);
	ASSERT_INT_EQ(limits_penalised(pn, &b, 101), 0);
	TEST_DONE();

	TEST_START("penalties: they run out, and start again from nothing");
	ASSERT_INT_EQ(limits_penalised(pn, &a, 120), 0);
	limits_penalty_add(pn, &a, LIMITS_PENALTY_IDLE, 121);
	ASSERT_INT_EQ(limits_penalised(pn, &a, 121), 0);
	TEST_DONE();

	TEST_START("penalties: 15 failed key exchanges in a row");
	for (i = 0; i < 14; i++)
		limits_penalty_add(pn, &b, LIMITS_PENALTY_NOKEX, 200);
	ASSERT_INT_EQ(limits_penalised(pn, &b, 200), 0);
	limits_penalty_add(pn, &b, LIMITS_PENALTY_NOKEX, 200);
	ASSERT_INT_EQ(limits_penalised(pn, &b, 200), 1);
	TEST_DONE();

	TEST_START("penalties: ...spread out, they decay and never hold");
	for (i = 0; i < 100; i++) {
		limits_penalty_add(pn, &c, LIMITS_PENALTY_NOKEX, 300 + i);
		ASSERT_INT_EQ(limits_penalised(pn, &c, 300 + i), 0);
	}
	TEST_DONE();

	TEST_START("penalties: at most 10 minutes");
	for (i = 0; i < 100; i++)
		limits_penalty_add(pn, &c, LIMITS_PENALTY_IDLE, 1000);
	ASSERT_INT_EQ(limits_penalised(pn, &c, 1599), 1);
	ASSERT_INT_EQ(limits_penalised(pn, &c, 1600), 0);
	TEST_DONE();

	TEST_START("penalties: a full table forgets the one ending first");
	limits_penalty_add(pn, &a, 100, 2000); /* until 2100 */
	limits_penalty_add(pn, &b, 50, 2000);  /* until 2050 */
	limits_penalty_add(pn, &c, 200, 2000); /* until 2200 */
	limits_penalty_add(pn, &d, 100, 2001);
	ASSERT_INT_EQ(limits_penalised(pn, &b, 2001), 0);
	ASSERT_INT_EQ(limits_penalised(pn, &a, 2001), 1);
	ASSERT_INT_EQ(limits_penalised(pn, &c, 2001), 1);
	ASSERT_INT_EQ(limits_penalised(pn, &d, 2001), 1);
	TEST_DONE();
	limits_penalties_free(pn);
}

static void
test_sessions(void)
{
	struct limits_sessions *s = limits_sessions_new(10);
	pid_t pid = 100;
	int i;

	TEST_START("sessions: 8 of one member, not a 9th");
	for (i = 0; i < 8; i++)
		ASSERT_INT_EQ(
		    limits_session_add(s, pid++, 7, 8), LIMITS_SESSION_OK);
	ASSERT_INT_EQ(
	    limits_session_add(s, pid++, 7, 8), LIMITS_SESSION_MEMBER);
	TEST_DONE();

	TEST_START("sessions: another member is not held back");
	ASSERT_INT_EQ(limits_session_add(s, pid++, 8, 8), LIMITS_SESSION_OK);
	TEST_DONE();

	TEST_START("sessions: a lower limit holds at the next login");
	ASSERT_INT_EQ(
	    limits_session_add(s, pid++, 8, 1), LIMITS_SESSION_MEMBER);
	TEST_DONE();

	TEST_START("sessions: an end makes room for the member's next");
	limits_session_done(s, 103);
	ASSERT_INT_EQ(limits_session_add(s, 200, 7, 8), LIMITS_SESSION_OK);
	ASSERT_INT_EQ(limits_session_add(s, 201, 7, 8), LIMITS_SESSION_MEMBER);
	limits_session_done(s, 99999); /* not counted: nothing happens */
	TEST_DONE();

	TEST_START("sessions: guests count in all, not per member");
	ASSERT_INT_EQ(limits_session_add(s, 300, 0, 0), LIMITS_SESSION_OK);
	TEST_DONE();

	TEST_START("sessions: the cap on all holds everyone back");
	ASSERT_INT_EQ(limits_session_add(s, 301, 9, 8), LIMITS_SESSION_FULL);
	ASSERT_INT_EQ(limits_session_add(s, 302, 0, 0), LIMITS_SESSION_FULL);
	limits_session_done(s, 300);
	ASSERT_INT_EQ(limits_session_add(s, 303, 9, 8), LIMITS_SESSION_OK);
	TEST_DONE();
	limits_sessions_free(s);
}

static void
sshline_is(const char *address, const char *opts, const char *user,
    const char *rest, const char *want)
{
	char *got = sshline_format(address, opts, user, rest);

	ASSERT_STR_EQ(got, want);
	free(got);
}

static void
test_sshline(void)
{
	TEST_START("sshline: host, host:port, port 22");
	sshline_is("bbs.example.org", NULL, "guest", "boards",
	    "ssh guest@bbs.example.org boards");
	sshline_is("bbs.example.org:2222", NULL, "guest", "boards",
	    "ssh -p 2222 guest@bbs.example.org boards");
	sshline_is(
	    "bbs.example.org:22", NULL, NULL, NULL, "ssh bbs.example.org");
	TEST_DONE();

	TEST_START("sshline: IPv6, bracketed or bare");
	sshline_is("[2001:db8::1]:2222", NULL, "guest", NULL,
	    "ssh -p 2222 guest@2001:db8::1");
	sshline_is("[::1]", NULL, NULL, NULL, "ssh ::1");
	sshline_is("2001:db8::1", NULL, NULL, NULL, "ssh 2001:db8::1");
	TEST_DONE();

	TEST_START("sshline: options go before the destination");
	sshline_is("127.0.0.1:2222", "-i key", NULL, "help",
	    "ssh -p 2222 -i key 127.0.0.1 help");
	TEST_DONE();
}

int
main(void)
{
	test_prefixes();
	test_guest_caps();
	test_joins();
	test_sessions();
	test_startups();
	test_penalties();
	test_sshline();
	return test_exit();
}
