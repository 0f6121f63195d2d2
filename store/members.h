/* bbs: ISC licence, see LICENSE. */
/*
 * Members and their keys (store/members.c, store/keyring.c): who may log
 * in, with which key, in which role.
 */
#ifndef STORE_MEMBERS_H
#define STORE_MEMBERS_H

#include "store/store.h"

struct store_member {
	int64_t id;
	char *pseudonym;
	enum store_role role;
	int64_t created;
	int keys; /* keys not revoked */
};

void store_member_free(struct store_member *m);
void store_members_free(struct store_member *m, size_t n);

/* Looks a member up by pseudonym, ignoring case. */
int store_member_get(
    struct store *st, const char *pseudonym, struct store_member **out);
int store_member_get_id(
    struct store *st, int64_t id, struct store_member **out);
/* Every member, by pseudonym. */
int store_members_list(struct store *st, struct store_member **out, size_t *n);
/* [{pseudonym, role, keys}] as JSON text. */
int store_members_json(struct store *st, char **out);

/* Who is logged in: the result of store_login(). */
struct store_login {
	int64_t member_id;
	int64_t key_row;
	char key_id[STORE_KEY_ID_LEN + 1];
};

/*
 * Finds the member owning the key with identity hash h, if the key is not
 * revoked: STORE_ERR_NOT_FOUND otherwise (unknown and revoked look alike).
 */
int store_login(
    struct store *st, const uint8_t h[STORE_HASH_LEN], struct store_login *out);

/*
 * The key row's login again, if the key is still registered and not
 * revoked (a running session checks it before each command and poll).
 */
int store_login_refresh(
    struct store *st, int64_t key_row, struct store_login *out);

/* {pseudonym, role, key_id} of the member holding key_row, as JSON. */
int store_whoami_json(struct store *st, int64_t key_row, char **out);

/* What `key add` registers. */
struct store_key_new {
	const char *pseudonym;
	int role; /* an enum store_role, or -1 for member / the existing one */
	const uint8_t *hash;
	const char *key_id;
	const char *label;
	const char *const *boards; /* bot keys: the boards they may post to */
	size_t nboards;
	const struct store_actor *by; /* who adds it; NULL: the console */
};

/*
 * Registers a key for a pseudonym, creating the member if new. An existing
 * pseudonym must match exactly (a case variant is refused), and a given role
 * must match the member's. A sysop (k->by) must still be one, may not create
 * a sysop (that takes two sysops through store_role_set()) and may not add
 * a key to another sysop (one sysop could then act as two): STORE_ERR_PERM,
 * checked in the transaction that adds. A new member is not logged: a
 * public record of who vouched for whom would be a map of the community.
 * A key that a sysop adds to somebody else's existing pseudonym is logged
 * ("key-add"), so a sysop cannot quietly take over a name.
 */
int store_key_add(
    struct store *st, const struct store_key_new *k, char **cause);

struct store_key {
	char key_id[STORE_KEY_ID_LEN + 1];
	char *pseudonym;
	enum store_role role;
	char *label;
	char *boards; /* comma-separated; "" for none */
	int revoked;
};

void store_keys_free(struct store_key *k, size_t n);
int store_keys_list(struct store *st, struct store_key **out, size_t *n);
/* [{key_id, pseudonym, role, label, boards: [...], revoked}] as JSON. */
int store_keys_json(struct store *st, char **out);
/* How many keys were ever registered (revoked ones too). */
int store_key_count(struct store *st, int64_t *n);
/* The boards (names) a key may post to; *out NULL-terminated, caller's. */
int store_key_boards(struct store *st, int64_t key_row, char ***out);

#endif
