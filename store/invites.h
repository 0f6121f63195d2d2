/* bbs: ISC licence, see LICENSE. */
/*
 * The front door (SPEC section 10), in store/invites.c: invitations,
 * joining with one, applicants and vouches. The store sees only the keyed
 * hash of a code (keys/invite.h) and of a key, never either.
 *
 * What it must never leave behind: a record of who invited or vouched for
 * whom. An invitation names its inviter only while it is open; joining
 * deletes it. While a newcomer waits as an applicant, the vouches (the
 * invitation's among them) are rows of vouches; admission, rejection and
 * expiry delete them all. After that only the member remains. Each of
 * those acts also checkpoints the WAL, so old page images do not keep
 * what the tables forgot.
 */
#ifndef STORE_INVITES_H
#define STORE_INVITES_H

#include "store/store.h"

#define STORE_APPLICANT_DAYS 14 /* an applicant not admitted by then goes */

/* An open invitation, as its inviter sees it. */
struct store_invite {
	int64_t id; /* counted per inviter: says nothing of anyone else's */
	int64_t created;
	int64_t expires; /* Unix seconds; valid while the clock is before */
};

void store_invites_free(struct store_invite *v, size_t n);

/*
 * A new invitation by member, known by hash (keys_invite_hash()), valid
 * invite_days days. Members and sysops only (STORE_ERR_PERM for bots and
 * applicants); at most invite_open_max open ones (invite_open_max_sysop
 * for a sysop), else STORE_ERR_RATE. *out is the new invitation.
 */
int store_invite_create(struct store *st, int64_t member,
    const uint8_t hash[STORE_HASH_LEN], struct store_invite *out, char **cause);

/* member's open invitations, oldest first. */
int store_invites_list(
    struct store *st, int64_t member, struct store_invite **out, size_t *n);
/* The same as JSON: [{id, created, expires}]. */
int store_invites_json(struct store *st, int64_t member, char **out);

/*
 * Withdraws member's open invitation id: its code no longer works.
 * STORE_ERR_NOT_FOUND if member holds no open invitation id.
 */
int store_invite_revoke(
    struct store *st, int64_t member, int64_t id, char **cause);

/* What a newcomer brings to join. */
struct store_join {
	const uint8_t *code;   /* keyed hash of the invitation code */
	const char *pseudonym; /* checked here too */
	const uint8_t *hash;   /* identity hash of the newcomer's key */
	const char *key_id;
};

struct store_join_result {
	enum store_role role; /* STORE_ROLE_MEMBER or STORE_ROLE_APPLICANT */
	int64_t vouches;      /* so far: the invitation's */
	int64_t needed;       /* join_vouches */
};

/*
 * Joins with an invitation, in one transaction: finds the open invitation
 * by its hash, creates the member (an applicant while join_vouches is
 * more than one, the invitation being the inviter's vouch) and the key,
 * and uses the invitation up. A code that is wrong, used, revoked,
 * expired, or whose inviter is gone, no longer a member or without a
 * valid key, is one error: STORE_ERR_NOT_FOUND, "no such invitation". A
 * bad pseudonym is STORE_ERR_INVALID, a taken one or a registered key
 * STORE_ERR_EXISTS. A failed join writes nothing and the code still
 * works. The invitation is checked first, so without a code nobody
 * learns whether a pseudonym or a key is registered.
 *
 * Works on a guest's store (store_set_guest()), which otherwise writes
 * nothing.
 */
int store_join(struct store *st, const struct store_join *j,
    struct store_join_result *out, char **cause);

struct store_applicant {
	char *pseudonym;
	int64_t vouches; /* so far, the invitation's included */
	int64_t needed;  /* join_vouches */
	int64_t expires; /* when the applicant is removed */
};

void store_applicants_free(struct store_applicant *a, size_t n);

/*
 * The waiting applicant called pseudonym: *out as one row of the list
 * (free with store_applicant_clear()); STORE_ERR_NOT_FOUND for a name
 * that is no applicant.
 */
int store_applicant_get(
    struct store *st, const char *pseudonym, struct store_applicant *out);

/* Applicants waiting, the longest waiting first. */
int store_applicants_list(
    struct store *st, struct store_applicant **out, size_t *n);
/* [{pseudonym, vouches, needed, expires}]. */
int store_applicants_json(struct store *st, char **out);

/*
 * member vouches for the applicant pseudonym: STORE_ERR_PERM for oneself
 * or a member who is none (a bot, an applicant), STORE_ERR_NOT_FOUND for
 * a name that is no applicant. A repeat changes nothing. Reaching
 * join_vouches makes the applicant a member and deletes their vouches.
 * *out holds the applicant's name as stored and the count after the
 * vouch (free its strings with store_applicant_clear()); *admitted says
 * whether this vouch made a member.
 */
int store_vouch(struct store *st, int64_t member, const char *pseudonym,
    struct store_applicant *out, int *admitted, char **cause);

/* Frees the strings of one struct store_applicant, not the struct. */
void store_applicant_clear(struct store_applicant *a);

/*
 * A sysop (or the console) admits an applicant at once, or rejects one
 * (the applicant and their keys are deleted); both are logged ("admit",
 * "reject") and delete the applicant's vouches. STORE_ERR_NOT_FOUND for a
 * name that is no applicant, STORE_ERR_PERM for an actor no longer sysop.
 */
int store_applicant_admit(struct store *st, const struct store_actor *a,
    const char *pseudonym, const char *reason, char **cause);
int store_applicant_reject(struct store *st, const struct store_actor *a,
    const char *pseudonym, const char *reason, char **cause);

/*
 * Removes what has expired: invitations past their time, applicants
 * waiting STORE_APPLICANT_DAYS (their keys and vouches with them), and
 * admits applicants who have join_vouches (after the setting was
 * lowered). Every store opened by bbs does it, and the key lookup before
 * each login, so an expired applicant never logs in. Writes only when
 * there is something to remove.
 */
int store_front_prune(struct store *st);

#endif
