/* bbs: ISC licence, see LICENSE. */
/*
 * Pre-authentication limits (SPEC section 3): at most 64 connections
 * pending authentication at once, and at most 32 from one source network
 * (IPv4 /24, IPv6 /64). Held in the listener's memory only; an address
 * is reduced to its prefix at once and never stored or logged.
 *
 * The same counters cap guest sessions (SPEC section 10): at most 32 at
 * once and 4 from one network, from login to the end of the session. And
 * join attempts by guests: at most 10 from one network in 10 minutes;
 * that is the only place a prefix outlives its connection, for at most
 * the window, in memory.
 *
 * And logged-in sessions (SPEC section 3): at most a member's limit at
 * once per member, all their keys together, and at most a global cap in
 * all, guests included. Counted by member id and pid, for as long as the
 * session process lives.
 */
#ifndef BBS_LIMITS_H
#define BBS_LIMITS_H

#include <sys/socket.h>
#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#define LIMITS_PENDING_MAX 64
#define LIMITS_PREFIX_MAX 32
#define LIMITS_GUEST_MAX 32       /* guest sessions at once */
#define LIMITS_GUEST_PREFIX_MAX 4 /* ...from one network */
#define LIMITS_JOIN_MAX 10        /* join attempts from one network... */
#define LIMITS_JOIN_WINDOW 600    /* ...in this many seconds */
#define LIMITS_JOIN_NETS 1024     /* networks the join counter holds */

struct limits_prefix {
	uint8_t bytes[9]; /* family, then the /24 or /64 */
};

struct limits;

struct limits *limits_new(size_t pending_max, size_t prefix_max);
void limits_free(struct limits *l);

/* The source network of a peer address. */
void limits_prefix(
    const struct sockaddr *sa, socklen_t len, struct limits_prefix *out);

/* 1 if one more pending connection from p is allowed, else 0. */
int limits_admit(const struct limits *l, const struct limits_prefix *p);

/* Counts pid as pending from p; limits_done() when it logs in or ends. */
void limits_add(struct limits *l, pid_t pid, const struct limits_prefix *p);
void limits_done(struct limits *l, pid_t pid);
size_t limits_pending(const struct limits *l);

/*
 * Join attempts over a sliding window: at most max from one network in
 * window seconds, for at most nets networks at once (when that many are
 * in the window, the one whose last attempt is oldest is forgotten).
 */
struct limits_joins;

struct limits_joins *limits_joins_new(size_t max, int64_t window, size_t nets);
void limits_joins_free(struct limits_joins *j);

/*
 * At time now (seconds, never going back): 1, counting the attempt, if p
 * has made fewer than max in the window; else 0, and nothing is counted,
 * so a network that keeps trying gets in again a window after its
 * attempts.
 */
int limits_join(
    struct limits_joins *j, const struct limits_prefix *p, int64_t now);

/*
 * Logged-in sessions: a table of (pid, member id), at most max of them.
 */
struct limits_sessions;

enum limits_session {
	LIMITS_SESSION_OK,     /* counted */
	LIMITS_SESSION_MEMBER, /* the member has per_member already */
	LIMITS_SESSION_FULL,   /* max sessions are open */
};

struct limits_sessions *limits_sessions_new(size_t max);
void limits_sessions_free(struct limits_sessions *s);

/*
 * Counts pid as a session of member (0 for a guest, which no per-member
 * limit holds back) unless the member has per_member sessions already or
 * the table is full; returns which (an enum limits_session).
 */
int limits_session_add(
    struct limits_sessions *s, pid_t pid, int64_t member, size_t per_member);

/* Forgets pid's session, if it had one. */
void limits_session_done(struct limits_sessions *s, pid_t pid);

#endif
