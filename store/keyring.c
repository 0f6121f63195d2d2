/* bbs: ISC licence, see LICENSE. */
/*
 * Registered keys: adding (creating the member on first use), listing, and
 * the boards a bot key may post to. Revoking is a sysop act, in
 * moderation.c.
 */
#include <string.h>
#include <strings.h>

#include "store/store-int.h"

#define LABEL_MAX 64

/*
 * What a sysop may not do with a key the console may (see members.h): m is
 * the existing member, or NULL for a new one.
 */
static int
key_add_allowed(struct store *st, const struct store_key_new *k,
    const struct store_member *m, char **cause)
{
	int r;

	if (k->by == NULL || k->by->member == 0)
		return STORE_OK;
	if ((r = store_actor_check(st, k->by, cause)) != STORE_OK)
		return r;
	if (m == NULL && k->role == STORE_ROLE_SYSOP) {
		store_cause(cause,
		    "new sysops are made with 'role' by two sysops, not with 'key add'");
		return STORE_ERR_PERM;
	}
	if (m != NULL && m->role == STORE_ROLE_SYSOP &&
	    m->id != k->by->member) {
		store_cause(cause,
		    "only %s or the console may add keys to a sysop",
		    m->pseudonym);
		return STORE_ERR_PERM;
	}
	return STORE_OK;
}

/*
 * Finds or creates the member a new key belongs to; *id is its row and
 * *existed says whether it was there before.
 */
static int
key_owner(struct store *st, const struct store_key_new *k, int64_t *id,
    int *existed, enum store_role *role_out, char **cause)
{
	struct store_member *m = NULL;
	enum store_role role;
	sqlite3_stmt *stmt;
	int r;

	r = store_member_get(st, k->pseudonym, &m);
	if (r == STORE_OK) {
		if (strcmp(m->pseudonym, k->pseudonym) != 0) {
			store_cause(cause,
			    "pseudonym '%s' is taken as '%s' (names are unique ignoring case)",
			    k->pseudonym, m->pseudonym);
			r = STORE_ERR_EXISTS;
		} else if (k->role >= 0 &&
		           (enum store_role)k->role != m->role) {
			store_cause(cause,
			    "%s is a %s; change roles with 'role' (or 'bbs member role' at the console)",
			    m->pseudonym, store_role_name(m->role));
			r = STORE_ERR_INVALID;
		} else if ((r = key_add_allowed(st, k, m, cause)) == 0) {
			*id = m->id;
			*role_out = m->role;
			*existed = 1;
		}
		store_member_free(m);
		return r;
	}
	if (r != STORE_ERR_NOT_FOUND ||
	    (r = key_add_allowed(st, k, NULL, cause)) != STORE_OK)
		return r;
	role = k->role >= 0 ? (enum store_role)k->role : STORE_ROLE_MEMBER;
	*role_out = role;
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO members (pseudonym, role, created)"
	         " VALUES (?, ?, ?)")) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, k->pseudonym, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, store_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, store_now(st));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "member insert");
	else
		*id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(stmt);
	return r;
}

static int
key_insert(struct store *st, const struct store_key_new *k, int64_t member,
    const char *label, int64_t *row, char **cause)
{
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO keys (member_id, hash, key_id, label, created)"
	         " VALUES (?, ?, ?, ?, ?)")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, member);
	sqlite3_bind_blob(stmt, 2, k->hash, STORE_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, k->key_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, label, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, store_now(st));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE)
		*row = sqlite3_last_insert_rowid(st->db);
	else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		store_cause(cause, "this key is already registered");
		r = STORE_ERR_EXISTS;
	} else
		r = store_sqlite_err(st, "key insert");
	sqlite3_finalize(stmt);
	return r;
}

static int
key_boards_insert(
    struct store *st, int64_t row, const struct store_key_new *k, char **cause)
{
	struct store_board *b;
	sqlite3_stmt *stmt;
	size_t i;
	int r = STORE_OK;

	for (i = 0; i < k->nboards && r == STORE_OK; i++) {
		if ((r = store_board_get(st, k->boards[i], &b)) != STORE_OK) {
			if (r == STORE_ERR_NOT_FOUND)
				store_cause(
				    cause, "no board '%s'", k->boards[i]);
			return r;
		}
		if ((r = store_prepare(st, &stmt,
		         "INSERT OR IGNORE INTO key_boards (key_id, board_id)"
		         " VALUES (?, ?)")) == STORE_OK) {
			sqlite3_bind_int64(stmt, 1, row);
			sqlite3_bind_int64(stmt, 2, b->id);
			if (sqlite3_step(stmt) != SQLITE_DONE)
				r = store_sqlite_err(st, "key boards");
			sqlite3_finalize(stmt);
		}
		store_board_free(b);
	}
	return r;
}

int
store_key_add(struct store *st, const struct store_key_new *k, char **cause)
{
	char *label = NULL, *target = NULL;
	enum store_role role = STORE_ROLE_MEMBER;
	int64_t member = 0, row = 0;
	int r, existed = 0;

	if ((r = store_pseudonym_check(k->pseudonym, cause)) != STORE_OK)
		return r;
	/* Applicants come in by 'join' only (store/invites.c). */
	if (k->role == STORE_ROLE_APPLICANT) {
		store_cause(cause, "a key's role is member, sysop or bot");
		return STORE_ERR_USAGE;
	}
	if ((r = store_text_line(k->label == NULL ? "" : k->label, LABEL_MAX, 1,
	         "the label", &label, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK) {
		free(label);
		return r;
	}
	if ((r = key_owner(st, k, &member, &existed, &role, cause)) ==
	        STORE_OK &&
	    k->nboards > 0 && role != STORE_ROLE_BOT) {
		store_cause(cause, "--board applies to bot keys only");
		r = STORE_ERR_USAGE;
	}
	if (r == STORE_OK &&
	    (r = key_insert(st, k, member, label, &row, cause)) == STORE_OK &&
	    (r = key_boards_insert(st, row, k, cause)) == STORE_OK && existed &&
	    k->by != NULL && k->by->member != 0 && k->by->member != member) {
		xasprintf(&target, "%s (%s)", k->key_id, k->pseudonym);
		r = store_modlog_append(
		    st, k->by->name, "key-add", target, NULL);
	}
	if (r == STORE_OK)
		r = store_commit(st);
	if (r != STORE_OK)
		store_rollback(st);
	free(label);
	free(target);
	return r;
}

#define KEY_LIST_SQL                                                           \
	"SELECT k.key_id, m.pseudonym, m.role, k.label,"                       \
	" coalesce((SELECT group_concat(name, ',') FROM (SELECT b.name"        \
	"   FROM key_boards kb JOIN boards b ON b.id = kb.board_id"            \
	"   WHERE kb.key_id = k.id ORDER BY b.name)), '') AS boards,"          \
	" k.revoked FROM keys k JOIN members m ON m.id = k.member_id"          \
	" ORDER BY m.pseudonym, k.id"

void
store_keys_free(struct store_key *k, size_t n)
{
	size_t i;

	if (k == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(k[i].pseudonym);
		free(k[i].label);
		free(k[i].boards);
	}
	free(k);
}

static void
key_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_key *e = elem;
	enum store_role role = STORE_ROLE_MEMBER;

	(void)arg;
	snprintf(e->key_id, sizeof e->key_id, "%s",
	    (const char *)sqlite3_column_text(stmt, 0));
	e->pseudonym = store_column_text(stmt, 1);
	store_role_parse((const char *)sqlite3_column_text(stmt, 2), &role);
	e->role = role;
	e->label = store_column_text(stmt, 3);
	e->boards = store_column_text(stmt, 4);
	e->revoked = sqlite3_column_int(stmt, 5);
}

STORE_ROW_TYPE(
    key_rows, "keys list", struct store_key, key_from_row, store_keys_free);

int
store_keys_list(struct store *st, struct store_key **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt, KEY_LIST_SQL)) != STORE_OK)
		return r;
	r = store_rows(st, stmt, &key_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_keys_json(struct store *st, char **out)
{
	return store_json_query(st,
	    "SELECT json_group_array(json_object('key_id', key_id,"
	    " 'pseudonym', pseudonym, 'role', role, 'label', label,"
	    " 'boards', json(CASE boards WHEN '' THEN '[]' ELSE"
	    "   '[\"' || replace(boards, ',', '\",\"') || '\"]' END),"
	    " 'revoked', json(CASE revoked WHEN 0 THEN 'false'"
	    "   ELSE 'true' END)))"
	    " FROM (" KEY_LIST_SQL ")",
	    out, "");
}

int
store_key_boards(struct store *st, int64_t key_row, char ***out)
{
	sqlite3_stmt *stmt;
	char **v = NULL;
	size_t n = 0;
	int r, rc;

	*out = NULL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT b.name FROM key_boards kb JOIN boards b"
	         " ON b.id = kb.board_id WHERE kb.key_id = ? ORDER BY "
	         "b.name")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, key_row);
	v = xcalloc(1, sizeof *v);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = store_column_text(stmt, 0);
		v[n] = NULL;
	}
	if (rc != SQLITE_DONE) {
		r = store_sqlite_err(st, "key boards");
		while (n > 0)
			free(v[--n]);
		free(v);
	} else
		*out = v;
	sqlite3_finalize(stmt);
	return r;
}

int
store_key_count(struct store *st, int64_t *n)
{
	return store_int_query(st, "SELECT count(*) FROM keys", n, "");
}
