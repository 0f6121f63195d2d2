/* bbs: ISC licence, see LICENSE. */
/*
 * Pre-authentication limits (SPEC section 3): at most 64 connections
 * pending authentication at once, and at most 32 from one source network
 * (IPv4 /24, IPv6 /64). Held in the listener's memory only; an address
 * is reduced to its prefix at once and never stored or logged.
 *
 * Against idle sockets holding those places (issue 12, item 5: 120 of
 * them from four /24s once locked everyone out): a session must have the
 * client's KEXINIT within a few seconds (session.c). A connection that
 * has waited LIMITS_IDLE_MS without sending it is idle (a real client
 * sends it within a round trip). As the table fills with idle ones, a new
 * connection is dropped at random, as OpenSSH's MaxStartups
 * start:rate:full (10:30:64), but only one from a network that has idle
 * connections waiting already, so the networks that fill the table pay
 * for it, and not the next to come nor a host that opens many real
 * connections at once; in a full table a connection from a network with
 * none waiting takes the place of the oldest idle one; and a network
 * whose connections never finish the key exchange is refused for a
 * while (a penalty that decays; the second place a prefix outlives its
 * connection, for at most 10 minutes, in memory).
 *
 * The same counters cap guest sessions (SPEC section 10): at most 32 at
 * once and 4 from one network, from login to the end of the session. And
 * join attempts by guests: at most 10 from one network in 10 minutes;
 * that is the other place a prefix outlives its connection, for at most
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
#define LIMITS_IDLE_MS 1000       /* waiting this long without KEXINIT */
#define LIMITS_DROP_START 10      /* MaxStartups start:rate:full, full... */
#define LIMITS_DROP_RATE 30       /* ...being LIMITS_PENDING_MAX */
#define LIMITS_PENALTY_IDLE 10    /* s: no KEXINIT in time, or pushed out */
#define LIMITS_PENALTY_NOKEX 1    /* s: gone before the key exchange ended */
#define LIMITS_PENALTY_MIN 15     /* s: a penalty holds from this much on... */
#define LIMITS_PENALTY_MAX 600    /* ...up to this much */
#define LIMITS_PENALTY_NETS 4096  /* networks the penalties hold */

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

/*
 * Whether a new connection from p may wait to authenticate at time now
 * (milliseconds), r a uniform random number below 100: 1, or 0 to close
 * it at once. Its network's cap holds; the early drop (MaxStartups
 * start:rate:full: none below LIMITS_DROP_START idle connections,
 * LIMITS_DROP_RATE percent at it, rising linearly to all at the table's
 * size) falls only on a network that has idle connections waiting
 * already; and in a full table a network with none waiting gets in by
 * pushing out the oldest idle connection: then *evict is its pid (else
 * -1), which the caller ends and gives to limits_done().
 */
int limits_startup(const struct limits *l, const struct limits_prefix *p,
    unsigned r, int64_t now, pid_t *evict);

/*
 * Counts pid as pending from p since time now (milliseconds, as for
 * limits_startup); limits_done() when it logs in or ends.
 */
void limits_add(
    struct limits *l, pid_t pid, const struct limits_prefix *p, int64_t now);
void limits_done(struct limits *l, pid_t pid);
size_t limits_pending(const struct limits *l);

/* pid's client has sent its KEXINIT: it is never pushed out. */
void limits_kexinit(struct limits *l, pid_t pid);

/*
 * Penalties of networks whose connections never finish the key exchange,
 * after OpenSSH's PerSourcePenalties: each such connection adds seconds
 * to its network's penalty, counted from now (or from the end of the
 * penalty it has), at most max ahead; once a network has min seconds of
 * it, it is refused until they have run out. At most nets networks: when
 * that many are held, the one whose penalty ends first is forgotten.
 */
struct limits_penalties;

struct limits_penalties *limits_penalties_new(
    int64_t min, int64_t max, size_t nets);
void limits_penalties_free(struct limits_penalties *pn);

/* At time now (seconds, never going back), adds secs to p's penalty. */
void limits_penalty_add(struct limits_penalties *pn,
    const struct limits_prefix *p, int64_t secs, int64_t now);

/* 1 if p is refused at time now, else 0. */
int limits_penalised(
    struct limits_penalties *pn, const struct limits_prefix *p, int64_t now);

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
