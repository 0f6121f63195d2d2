/* bbs: ISC licence, see LICENSE. */
/*
 * The key lookup process (see lookup.h). Protocol on the request socket
 * (SOCK_SEQPACKET, so every request is one message): a struct lookup_req
 * (a key's hash, or the question for the setting "guests") with, as
 * SCM_RIGHTS, the far end of a socketpair the asking session made
 * for this request; the answer, one struct lookup_reply, goes back on it,
 * and the lookup process closes its end. One request at a time: a lookup
 * is two indexed reads. Every statement is reset after use, so no read
 * transaction stays open between requests and a revoked key is refused
 * at once. The process leaves when the listener closes the request socket.
 */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bbs/bbs.h"
#include "bbs/server/fdpass.h"
#include "bbs/server/lookup.h"
#include "store/invites.h"
#include "store/store.h"
#include "util/log.h"

#define LOOKUP_REPLY_MS 5000
#define LOOKUP_PRUNE_MS 60000 /* how often an idle lookup prunes */

_Static_assert(KEYS_HASH_LEN == STORE_HASH_LEN, "one identity hash size");

enum lookup_what {
	LOOKUP_KEY = 1,    /* whose key has this hash? */
	LOOKUP_GUESTS = 2, /* may guests log in? */
};

struct lookup_req {
	int32_t what; /* an enum lookup_what */
	uint8_t hash[KEYS_HASH_LEN];
};

struct lookup_reply {
	int32_t found;  /* 1: a registered, unrevoked key, or the setting */
	int32_t guests; /* LOOKUP_GUESTS: an enum store_guests */
	int32_t role;   /* an enum store_role */
	int32_t sessions_max; /* LOOKUP_KEY: "sessions_per_member" */
	int64_t member_id;
	int64_t key_row;
	char key_id[STORE_KEY_ID_LEN + 1];
	char pseudonym[32];
};

/* Receives one request and its reply socket; -2 at end of file. */
static int
lookup_recv(int sock, struct lookup_req *req, int *reply_fd)
{
	int n;

	if ((n = fdpass_recv(sock, req, sizeof *req, reply_fd, 1)) == -2)
		return -2;
	if (n != 1) {
		log_error("malformed request");
		return -1;
	}
	return 0;
}

static void
lookup_answer(struct store *st, const struct lookup_req *req, int reply_fd)
{
	struct lookup_reply rep;
	struct store_login login;
	struct store_member *m = NULL;
	int64_t guests, sessions = 0;

	memset(&rep, 0, sizeof rep);
	/* An applicant whose 14 days are over must not log in. */
	(void)store_front_prune(st);
	if (req->what == LOOKUP_GUESTS) {
		if (store_setting_get(st, "guests", &guests) == STORE_OK) {
			rep.found = 1;
			rep.guests = (int32_t)guests;
		}
	} else if (req->what == LOOKUP_KEY &&
	           store_login(st, req->hash, &login) == STORE_OK &&
	           store_member_get_id(st, login.member_id, &m) == STORE_OK &&
	           store_setting_get(st, "sessions_per_member", &sessions) ==
	               STORE_OK) {
		rep.found = 1;
		rep.role = (int32_t)m->role;
		rep.sessions_max = (int32_t)sessions;
		rep.member_id = login.member_id;
		rep.key_row = login.key_row;
		memcpy(rep.key_id, login.key_id, sizeof rep.key_id);
		snprintf(
		    rep.pseudonym, sizeof rep.pseudonym, "%s", m->pseudonym);
	}
	store_member_free(m);
	/* Not found answers like unknown; a broken store is logged too. */
	bbs_store_report(st, "lookup");
	/* A session that went away meanwhile is not an error here. */
	(void)send(reply_fd, &rep, sizeof rep, MSG_NOSIGNAL | MSG_DONTWAIT);
}

static void
lookup_loop(int sock, struct store *st)
{
	struct lookup_req req;
	struct pollfd pfd;
	int fd, r;

	for (;;) {
		pfd = (struct pollfd){ sock, POLLIN, 0 };
		if ((r = poll(&pfd, 1, LOOKUP_PRUNE_MS)) == -1) {
			if (errno == EINTR)
				continue;
			fatal("poll");
		}
		/* Idle: no rate-limit record may outlive its minute for long.
		 */
		if (r == 0) {
			store_rate_prune(st);
			(void)store_front_prune(st);
			bbs_store_report(st, "prune");
			continue;
		}
		/* The listener gone shows as POLLIN and POLLHUP, then EOF. */
		if (!(pfd.revents & POLLIN))
			return;
		if ((r = lookup_recv(sock, &req, &fd)) == -2)
			return;
		if (r == 0) {
			lookup_answer(st, &req, fd);
			close(fd);
		}
		explicit_bzero(&req, sizeof req);
	}
}

int
lookup_start(const char *path, pid_t *pid)
{
	struct store *st = NULL;
	char *cause = NULL;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		fatal("lookup: socketpair");
	if ((*pid = fork()) == -1)
		fatal("lookup: fork");
	if (*pid != 0) {
		close(sv[0]);
		return sv[1];
	}
	log_set_tag("lookup");
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	/* Nothing of the listener's (the spawner's socket) stays open. */
	if (dup2(sv[0], 3) == -1)
		fatal("lookup: dup2");
	close_range(4, ~0U, 0);
	if (store_open(path, &st, &cause) != STORE_OK)
		fatalx("lookup: cannot open the store: %s", cause);
	lookup_loop(3, st);
	store_close(st);
	_exit(0);
}

int
lookup_key(int sock, const uint8_t h[KEYS_HASH_LEN], struct lookup_member *m)
{
	struct lookup_req req;
	struct lookup_reply rep;
	int fd, r = -1;

	req.what = LOOKUP_KEY;
	memcpy(req.hash, h, sizeof req.hash);
	if ((fd = fdpass_request(sock, &req, sizeof req, NULL, 0)) == -1 ||
	    fdpass_answer(fd, &rep, sizeof rep, LOOKUP_REPLY_MS) != 0)
		log_error("the lookup process did not answer");
	else if (rep.found == 1) {
		m->login.member_id = rep.member_id;
		m->login.key_row = rep.key_row;
		memcpy(m->login.key_id, rep.key_id, sizeof m->login.key_id);
		m->login.key_id[sizeof m->login.key_id - 1] = '\0';
		m->role = (enum store_role)rep.role;
		memcpy(m->pseudonym, rep.pseudonym, sizeof m->pseudonym);
		m->pseudonym[sizeof m->pseudonym - 1] = '\0';
		m->sessions_max = rep.sessions_max;
		r = 0;
	}
	explicit_bzero(&req, sizeof req);
	if (fd != -1)
		close(fd);
	return r;
}

int
lookup_guests(int sock, int *mode)
{
	struct lookup_req req;
	struct lookup_reply rep;
	int fd, r = -1;

	memset(&req, 0, sizeof req);
	req.what = LOOKUP_GUESTS;
	if ((fd = fdpass_request(sock, &req, sizeof req, NULL, 0)) == -1 ||
	    fdpass_answer(fd, &rep, sizeof rep, LOOKUP_REPLY_MS) != 0)
		log_error("the lookup process did not answer");
	else if (rep.found == 1) {
		*mode = rep.guests;
		r = 0;
	}
	if (fd != -1)
		close(fd);
	return r;
}
