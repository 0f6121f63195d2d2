/* bbs: ISC licence, see LICENSE. */
/*
 * Pre-authentication limits (SPEC section 3): at most 64 connections
 * pending authentication at once, and at most 32 from one source network
 * (IPv4 /24, IPv6 /64). Held in the listener's memory only; an address
 * is reduced to its prefix at once and never stored or logged.
 */
#ifndef BBS_LIMITS_H
#define BBS_LIMITS_H

#include <sys/socket.h>
#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#define LIMITS_PENDING_MAX 64
#define LIMITS_PREFIX_MAX 32

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

#endif
