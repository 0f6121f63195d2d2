/* bbs: ISC licence, see LICENSE. */
/*
 * Members and their keys. A key is known only by its keyed identity hash
 * and the key id derived from it (keys/); this file never sees a key.
 * Whether a sysop actor is still one (store_actor_check()) is asked of
 * the member's row here, by every act.
 */
#include <string.h>

#include "store/store-int.h"
#include "util/buf.h"

#define MEMBER_COLUMNS                                                         \
	"m.id, m.pseudonym, m.role, m.created,"                                \
	" (SELECT count(*) FROM keys k WHERE k.member_id = m.id"               \
	"  AND NOT k.revoked)"

static void
member_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_member *m = elem;
	enum store_role role = STORE_ROLE_MEMBER;

	(void)arg;
	m->id = sqlite3_column_int64(stmt, 0);
	m->pseudonym = store_column_text(stmt, 1);
	store_role_parse((const char *)sqlite3_column_text(stmt, 2), &role);
	m->role = role;
	m->created = sqlite3_column_int64(stmt, 3);
	m->keys = sqlite3_column_int(stmt, 4);
}

void
store_member_free(struct store_member *m)
{
	if (m == NULL)
		return;
	free(m->pseudonym);
	free(m);
}

void
store_members_free(struct store_member *m, size_t n)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < n; i++)
		free(m[i].pseudonym);
	free(m);
}

/* Runs a query binding one value (text if s, else id) for one member. */
static int
member_lookup(struct store *st, const char *sql, const char *s, int64_t id,
    struct store_member **out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = NULL;
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	if (s != NULL)
		sqlite3_bind_text(stmt, 1, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = xcalloc(1, sizeof **out);
		member_from_row(stmt, *out, NULL);
	} else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "member lookup");
	sqlite3_finalize(stmt);
	return r;
}

int
store_member_get(
    struct store *st, const char *pseudonym, struct store_member **out)
{
	return member_lookup(st,
	    "SELECT " MEMBER_COLUMNS " FROM members m WHERE m.pseudonym = ?",
	    pseudonym, 0, out);
}

int
store_member_get_id(struct store *st, int64_t id, struct store_member **out)
{
	return member_lookup(st,
	    "SELECT " MEMBER_COLUMNS " FROM members m WHERE m.id = ?", NULL, id,
	    out);
}

int
store_actor_check(struct store *st, const struct store_actor *a, char **cause)
{
	struct store_member *m = NULL;
	int r;

	if (a->member == 0)
		return STORE_OK;
	r = store_member_get_id(st, a->member, &m);
	if (r == STORE_ERR_NOT_FOUND ||
	    (r == STORE_OK && m->role != STORE_ROLE_SYSOP)) {
		store_cause(cause, "only sysops may do this");
		r = STORE_ERR_PERM;
	}
	store_member_free(m);
	return r;
}

STORE_ROW_TYPE(member_rows, "members list", struct store_member,
    member_from_row, store_members_free);

int
store_members_list(struct store *st, struct store_member **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt,
	         "SELECT " MEMBER_COLUMNS " FROM members m"
	         " ORDER BY m.pseudonym")) != STORE_OK)
		return r;
	r = store_rows(st, stmt, &member_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_members_json(struct store *st, char **out)
{
	return store_json_query(st,
	    "SELECT json_group_array(json_object('pseudonym', pseudonym,"
	    " 'role', role, 'keys', keys)) FROM (SELECT m.pseudonym, m.role,"
	    " (SELECT count(*) FROM keys k WHERE k.member_id = m.id"
	    "  AND NOT k.revoked) AS keys"
	    " FROM members m ORDER BY m.pseudonym)",
	    out, "");
}

/* Binds the key (a hash if h, else the row) and reads its login. */
static int
login_lookup(struct store *st, const char *sql, const uint8_t *h, int64_t row,
    struct store_login *out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	memset(out, 0, sizeof *out);
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	if (h != NULL)
		sqlite3_bind_blob(stmt, 1, h, STORE_HASH_LEN, SQLITE_STATIC);
	else
		sqlite3_bind_int64(stmt, 1, row);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		out->member_id = sqlite3_column_int64(stmt, 0);
		out->key_row = sqlite3_column_int64(stmt, 1);
		snprintf(out->key_id, sizeof out->key_id, "%s",
		    (const char *)sqlite3_column_text(stmt, 2));
	} else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "login");
	sqlite3_finalize(stmt);
	return r;
}

int
store_login(
    struct store *st, const uint8_t h[STORE_HASH_LEN], struct store_login *out)
{
	return login_lookup(st,
	    "SELECT member_id, id, key_id FROM keys"
	    " WHERE hash = ? AND NOT revoked",
	    h, 0, out);
}

int
store_login_refresh(struct store *st, int64_t key_row, struct store_login *out)
{
	return login_lookup(st,
	    "SELECT member_id, id, key_id FROM keys"
	    " WHERE id = ? AND NOT revoked",
	    NULL, key_row, out);
}

int
store_whoami_json(struct store *st, int64_t key_row, char **out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = NULL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT json_object('pseudonym', m.pseudonym, 'role', m.role,"
	         " 'key_id', k.key_id) FROM keys k JOIN members m"
	         " ON m.id = k.member_id WHERE k.id = ?")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, key_row);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "whoami");
	sqlite3_finalize(stmt);
	return r;
}
