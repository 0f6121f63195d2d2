/* bbs: ISC licence, see LICENSE. */
/*
 * The moderation log's hash chain (SPEC section 8). Entry n stores
 *
 *   prev = hash of entry n-1 (32 zero bytes for the first entry)
 *   hash = BLAKE2b-256(prev || id || created || actor || act || target ||
 *                      reason)
 *   sig  = Ed25519 signature of hash with modlog.key
 *
 * with id and created as 8-byte big-endian numbers and each string as a
 * 4-byte big-endian length and its bytes, so no two entries encode alike.
 * Changing, deleting or reordering an entry breaks the chain at that entry;
 * rewriting the chain from there needs the signing key. Triggers refuse
 * UPDATE and DELETE, so the log only grows through store_modlog_append(),
 * always in the same transaction as the act it records.
 */
#include <string.h>

#include "store/store-int.h"
#include "util/buf.h"

void
store_set_crypto(struct store *st, const struct store_crypto *crypto)
{
	st->crypto = crypto;
}

static void
put_u64(struct buf *b, int64_t v)
{
	uint8_t out[8];
	int i;

	for (i = 7; i >= 0; i--, v = (int64_t)((uint64_t)v >> 8))
		out[i] = (uint8_t)(v & 0xff);
	buf_add(b, out, sizeof out);
}

static void
put_str(struct buf *b, const char *s)
{
	size_t len = strlen(s);
	uint8_t n[4] = { (uint8_t)(len >> 24), (uint8_t)(len >> 16),
		(uint8_t)(len >> 8), (uint8_t)len };

	buf_add(b, n, sizeof n);
	buf_add(b, s, len);
}

static void
modlog_entry_hash(const struct store_crypto *c,
    const uint8_t prev[STORE_HASH_LEN], int64_t id, int64_t created,
    const char *const fields[4], uint8_t out[STORE_HASH_LEN])
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_add(&b, prev, STORE_HASH_LEN);
	put_u64(&b, id);
	put_u64(&b, created);
	for (i = 0; i < 4; i++)
		put_str(&b, fields[i]);
	c->hash(b.data, b.len, out);
	buf_free(&b);
}

/* The id and hash of the newest entry: 0 and zeros for an empty log. */
static int
modlog_head(struct store *st, int64_t *id, uint8_t hash[STORE_HASH_LEN])
{
	sqlite3_stmt *stmt;
	int r, rc;

	*id = 0;
	memset(hash, 0, STORE_HASH_LEN);
	if ((r = store_prepare(st, &stmt,
	         "SELECT id, hash FROM modlog"
	         " ORDER BY id DESC LIMIT 1")) != 0)
		return r;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		if (sqlite3_column_bytes(stmt, 1) == STORE_HASH_LEN)
			memcpy(
			    hash, sqlite3_column_blob(stmt, 1), STORE_HASH_LEN);
	} else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "modlog head");
	sqlite3_finalize(stmt);
	return r;
}

int
store_modlog_append(struct store *st, const char *actor, const char *act,
    const char *target, const char *reason)
{
	const char *fields[4] = { actor, act, target,
		reason == NULL ? "" : reason };
	uint8_t prev[STORE_HASH_LEN], hash[STORE_HASH_LEN], sig[STORE_SIG_LEN];
	sqlite3_stmt *stmt;
	int64_t id, created = store_now(st);
	int r, i;

	if (st->crypto == NULL) {
		store_error_set(st, "moderation log used without crypto");
		return STORE_ERR_INTERNAL;
	}
	if ((r = modlog_head(st, &id, prev)) != STORE_OK)
		return r;
	id++;
	modlog_entry_hash(st->crypto, prev, id, created, fields, hash);
	/* The signer says why itself (bbs_crypto_sign()). */
	if (st->crypto->sign(st->crypto->ctx, hash, sig) != 0)
		return STORE_ERR_INTERNAL;
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO modlog (id, actor, act, target, reason, created,"
	         " prev, hash, sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) != 0)
		return r;
	sqlite3_bind_int64(stmt, 1, id);
	for (i = 0; i < 4; i++)
		sqlite3_bind_text(stmt, 2 + i, fields[i], -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 6, created);
	sqlite3_bind_blob(stmt, 7, prev, sizeof prev, SQLITE_STATIC);
	sqlite3_bind_blob(stmt, 8, hash, sizeof hash, SQLITE_STATIC);
	sqlite3_bind_blob(stmt, 9, sig, sizeof sig, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "modlog append");
	sqlite3_finalize(stmt);
	return r;
}

/* Checks one row against the previous hash; a message in *cause if bad. */
static int
modlog_verify_row(struct store *st, sqlite3_stmt *stmt,
    uint8_t prev[STORE_HASH_LEN], char **cause)
{
	const char *fields[4];
	uint8_t hash[STORE_HASH_LEN];
	int64_t id = sqlite3_column_int64(stmt, 0);
	int i;

	for (i = 0; i < 4; i++) {
		fields[i] = (const char *)sqlite3_column_text(stmt, 1 + i);
		if (fields[i] == NULL)
			fields[i] = "";
	}
	if (sqlite3_column_bytes(stmt, 6) != STORE_HASH_LEN ||
	    memcmp(sqlite3_column_blob(stmt, 6), prev, STORE_HASH_LEN) != 0) {
		store_cause(cause, "does not follow the entry before it");
		return STORE_ERR_CORRUPT;
	}
	modlog_entry_hash(
	    st->crypto, prev, id, sqlite3_column_int64(stmt, 5), fields, hash);
	if (sqlite3_column_bytes(stmt, 7) != STORE_HASH_LEN ||
	    memcmp(sqlite3_column_blob(stmt, 7), hash, STORE_HASH_LEN) != 0) {
		store_cause(cause, "its contents do not match its hash");
		return STORE_ERR_CORRUPT;
	}
	if (sqlite3_column_bytes(stmt, 8) != STORE_SIG_LEN ||
	    st->crypto->verify(
	        st->crypto->ctx, hash, sqlite3_column_blob(stmt, 8)) != 0) {
		store_cause(cause, "its signature is not the log key's");
		return STORE_ERR_CORRUPT;
	}
	memcpy(prev, hash, STORE_HASH_LEN);
	return STORE_OK;
}

int
store_modlog_verify(
    struct store *st, int64_t *entries, int64_t *bad_id, char **cause)
{
	uint8_t prev[STORE_HASH_LEN] = { 0 };
	sqlite3_stmt *stmt;
	int r, rc;

	*entries = 0;
	*bad_id = 0;
	if (st->crypto == NULL)
		return STORE_ERR_INTERNAL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT id, actor, act, target, reason, created, prev, hash,"
	         " sig FROM modlog ORDER BY id")) != STORE_OK)
		return r;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((r = modlog_verify_row(st, stmt, prev, cause)) != 0) {
			*bad_id = sqlite3_column_int64(stmt, 0);
			break;
		}
		(*entries)++;
	}
	if (r == STORE_OK && rc != SQLITE_DONE)
		r = store_sqlite_err(st, "modlog verify");
	sqlite3_finalize(stmt);
	return r;
}

#define MODLOG_SQL                                                             \
	"SELECT id, actor, act, target, reason, created, lower(hex(prev)),"    \
	" lower(hex(hash)) FROM modlog ORDER BY id DESC LIMIT ?"

void
store_modlog_free(struct store_modlog_entry *e, size_t n)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(e[i].actor);
		free(e[i].act);
		free(e[i].target);
		free(e[i].reason);
	}
	free(e);
}

static void
modlog_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_modlog_entry *x = elem;

	(void)arg;
	x->id = sqlite3_column_int64(stmt, 0);
	x->actor = store_column_text(stmt, 1);
	x->act = store_column_text(stmt, 2);
	x->target = store_column_text(stmt, 3);
	x->reason = store_column_text(stmt, 4);
	x->created = sqlite3_column_int64(stmt, 5);
	snprintf(x->prev, sizeof x->prev, "%s",
	    (const char *)sqlite3_column_text(stmt, 6));
	snprintf(x->hash, sizeof x->hash, "%s",
	    (const char *)sqlite3_column_text(stmt, 7));
}

STORE_ROW_TYPE(modlog_rows, "modlog list", struct store_modlog_entry,
    modlog_from_row, store_modlog_free);

int
store_modlog_list(
    struct store *st, int limit, struct store_modlog_entry **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare(st, &stmt, MODLOG_SQL)) != STORE_OK)
		return r;
	sqlite3_bind_int(stmt, 1, store_limit(limit));
	r = store_rows(st, stmt, &modlog_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_modlog_json(struct store *st, int limit, char **out)
{
	sqlite3_stmt *stmt;
	int r;

	*out = NULL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT json_group_array(json_object('id', id, 'actor', actor,"
	         " 'act', act, 'target', target, 'reason', reason, "
	         "'created', " STORE_SQL_TIME(
	             "created") ", 'prev', prev, 'hash', hash))"
	                        " FROM (SELECT id, actor, act, target, reason, "
	                        "created,"
	                        " lower(hex(prev)) AS prev, lower(hex(hash)) "
	                        "AS hash"
	                        " FROM modlog ORDER BY id DESC LIMIT ?)")) !=
	    STORE_OK)
		return r;
	sqlite3_bind_int(stmt, 1, store_limit(limit));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else
		r = store_sqlite_err(st, "modlog json");
	sqlite3_finalize(stmt);
	return r;
}

int
store_modlog_count(struct store *st, int64_t *n)
{
	return store_int_query(st, "SELECT count(*) FROM modlog", n, "");
}
