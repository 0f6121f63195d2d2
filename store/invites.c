/* bbs: ISC licence, see LICENSE. */
/*
 * Invitations, joining, applicants and vouches (see invites.h). Every act
 * is one transaction. The link between an inviter or a voucher and a
 * newcomer lives only in rows that the act ending it deletes (invites at
 * a join, vouches at admission, rejection or expiry); secure_delete
 * overwrites them and front_traces() checkpoints the WAL that still
 * holds their old pages. Joining and vouching are not logged: the public
 * log would otherwise be the map this file exists not to keep. Admitting
 * and rejecting are sysops' acts and logged, naming only the applicant.
 */
#include <string.h>
#include <strings.h>

#include "store/invites.h"
#include "store/store-int.h"

#define DAY 86400

/* The applicants still waiting, at time now, as an SQL condition on m. */
#define APPLICANT_LIVE(m)                                                      \
	m ".role = 'applicant' AND " m ".created > ?1 - 14 * 86400"

_Static_assert(STORE_APPLICANT_DAYS == 14, "APPLICANT_LIVE says 14 days");

/*
 * The pages a deleted link lived on are overwritten in the database
 * (secure_delete), but the WAL keeps their old images until a checkpoint
 * copies the new ones over and truncates it. Best effort, as erase-me's:
 * a reader still on an old snapshot delays it to a later checkpoint.
 */
static void
front_traces(struct store *st)
{
	if (sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
	        NULL) != SQLITE_OK)
		log_warn("store: the WAL keeps traces of a join or vouch: %s",
		    sqlite3_errmsg(st->db));
}

/* Begins a write without the login check of store_begin() (prunes). */
static int
front_begin(struct store *st)
{
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_sqlite_err(st, "begin");
	return STORE_OK;
}

/* --- invitations ------------------------------------------------------- */

void
store_invites_free(struct store_invite *v, size_t n)
{
	(void)n;
	free(v);
}

/* Inside a transaction: may member invite, and how many more? */
static int
invite_allowed(struct store *st, int64_t member, int64_t *max, char **cause)
{
	struct store_member *m = NULL;
	int r;

	if ((r = store_member_get_id(st, member, &m)) == STORE_ERR_NOT_FOUND)
		r = STORE_ERR_REVOKED;
	if (r != STORE_OK)
		return r;
	if (m->role == STORE_ROLE_MEMBER || m->role == STORE_ROLE_SYSOP)
		*max = store_setting(st, m->role == STORE_ROLE_SYSOP
		                             ? "invite_open_max_sysop"
		                             : "invite_open_max");
	else {
		store_cause(cause, "only members and sysops invite");
		r = STORE_ERR_PERM;
	}
	store_member_free(m);
	return r;
}

/* Inside a transaction: member's invitations that have expired go. */
static int
invite_expire(struct store *st, int64_t member)
{
	return store_run(st,
	    "DELETE FROM invites WHERE inviter_id = ?1 AND expires <= ?2", NULL,
	    "ii", member, store_clock(st));
}

int
store_invite_create(struct store *st, int64_t member,
    const uint8_t hash[STORE_HASH_LEN], struct store_invite *out, char **cause)
{
	int64_t prec = store_setting(st, "time_precision");
	int64_t now = store_clock(st), max = 0, open = 0, seq = 0, expires;
	sqlite3_stmt *stmt = NULL;
	int r;

	memset(out, 0, sizeof *out);
	/* At least invite_days: the end rounded up to the stored precision. */
	expires = now + store_setting(st, "invite_days") * DAY;
	if (expires % prec != 0)
		expires += prec - expires % prec;
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	if ((r = invite_allowed(st, member, &max, cause)) != STORE_OK ||
	    (r = invite_expire(st, member)) != STORE_OK ||
	    (r = store_int_query(st,
	         "SELECT count(*) FROM invites WHERE inviter_id = ?1", &open,
	         "i", member)) != STORE_OK ||
	    (r = store_int_query(st,
	         "SELECT coalesce(max(seq), 0) + 1 FROM invites"
	         " WHERE inviter_id = ?1",
	         &seq, "i", member)) != STORE_OK)
		goto out;
	if (open >= max) {
		store_cause(cause,
		    "you hold %lld open invitation%s, the most you may; withdraw one with 'invite revoke ID' or wait until one is used or expires",
		    (long long)open, open == 1 ? "" : "s");
		r = STORE_ERR_RATE;
		goto out;
	}
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO invites (hash, inviter_id, seq, created,"
	         " expires) VALUES (?, ?, ?, ?, ?)")) != STORE_OK)
		goto out;
	sqlite3_bind_blob(stmt, 1, hash, STORE_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, member);
	sqlite3_bind_int64(stmt, 3, seq);
	sqlite3_bind_int64(stmt, 4, store_now(st));
	sqlite3_bind_int64(stmt, 5, expires);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		r = store_sqlite_err(st, "invite");
		goto out;
	}
	out->id = seq;
	out->created = store_now(st);
	out->expires = expires;
	r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	sqlite3_finalize(stmt);
	return r;
}

#define INVITES_SQL                                                            \
	"SELECT seq, created, expires FROM invites"                            \
	" WHERE inviter_id = ?1 AND expires > ?2 ORDER BY seq"

/* clang-format off */
#define INVITES_JSON \
	"SELECT json_group_array(json_object('id', seq," \
	" 'created', " STORE_SQL_TIME("created") "," \
	" 'expires', " STORE_SQL_TIME("expires") "))" \
	" FROM (" INVITES_SQL ")"
/* clang-format on */

static void
invite_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_invite *v = elem;

	(void)arg;
	v->id = sqlite3_column_int64(stmt, 0);
	v->created = sqlite3_column_int64(stmt, 1);
	v->expires = sqlite3_column_int64(stmt, 2);
}

STORE_ROW_TYPE(invite_rows, "invites", struct store_invite, invite_from_row,
    store_invites_free);

int
store_invites_list(
    struct store *st, int64_t member, struct store_invite **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare_bind(st, &stmt, INVITES_SQL, "ii", member,
	         store_clock(st))) != STORE_OK)
		return r;
	r = store_rows(st, stmt, &invite_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_invites_json(struct store *st, int64_t member, char **out)
{
	return store_json_query(
	    st, INVITES_JSON, out, "ii", member, store_clock(st));
}

int
store_invite_revoke(struct store *st, int64_t member, int64_t id, char **cause)
{
	int r, changed = 0;

	if ((r = store_begin(st)) != STORE_OK)
		return r;
	/* Expired ones go first, so one cannot be "revoked" after its end. */
	if ((r = invite_expire(st, member)) == STORE_OK &&
	    (r = store_run(st,
	         "DELETE FROM invites WHERE inviter_id = ?1 AND seq = ?2",
	         &changed, "ii", member, id)) == STORE_OK &&
	    changed == 0) {
		store_cause(
		    cause, "you have no open invitation %lld", (long long)id);
		r = STORE_ERR_NOT_FOUND;
	}
	if (r == STORE_OK)
		r = store_commit(st);
	else
		store_rollback(st);
	return r;
}

/* --- joining ----------------------------------------------------------- */

/*
 * Inside the join's transaction: the open invitation with this hash whose
 * inviter is still a member or sysop with a valid key. The lookup is by
 * the keyed hash through its UNIQUE index: a guesser controls the code,
 * not its hash, so how long the search takes tells nothing about any
 * stored code, and no stored byte is ever compared with one the guesser
 * chose.
 */
static int
join_invite(struct store *st, const uint8_t *code, int64_t *id,
    int64_t *inviter, char **cause)
{
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_prepare(st, &stmt,
	         "SELECT i.id, i.inviter_id FROM invites i"
	         " JOIN members m ON m.id = i.inviter_id"
	         " WHERE i.hash = ?1 AND i.expires > ?2"
	         " AND m.role IN ('member', 'sysop')"
	         " AND EXISTS (SELECT 1 FROM keys k WHERE k.member_id = m.id"
	         "  AND NOT k.revoked)")) != STORE_OK)
		return r;
	sqlite3_bind_blob(stmt, 1, code, STORE_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, store_clock(st));
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		*inviter = sqlite3_column_int64(stmt, 1);
	} else if (rc == SQLITE_DONE) {
		store_cause(cause, "no such invitation");
		r = STORE_ERR_NOT_FOUND;
	} else
		r = store_sqlite_err(st, "join");
	sqlite3_finalize(stmt);
	return r;
}

/* Inside the join's transaction: the new member and their key. */
static int
join_insert(struct store *st, const struct store_join *j, enum store_role role,
    int64_t *member, char **cause)
{
	struct store_member *m = NULL;
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_member_get(st, j->pseudonym, &m)) == STORE_OK) {
		store_cause(cause,
		    "the pseudonym '%s' is taken; choose another",
		    j->pseudonym);
		store_member_free(m);
		return STORE_ERR_EXISTS;
	}
	if (r != STORE_ERR_NOT_FOUND)
		return r;
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO members (pseudonym, role, created)"
	         " VALUES (?, ?, ?)")) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, j->pseudonym, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, store_role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, store_now(st));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "join member");
	else
		*member = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(stmt);
	if (r != STORE_OK)
		return r;
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO keys (member_id, hash, key_id, created)"
	         " VALUES (?, ?, ?, ?)")) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, *member);
	sqlite3_bind_blob(stmt, 2, j->hash, STORE_HASH_LEN, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, j->key_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, store_now(st));
	if ((rc = sqlite3_step(stmt)) == SQLITE_DONE)
		r = STORE_OK;
	else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		store_cause(cause,
		    "this key is already registered; make a new key for this board");
		r = STORE_ERR_EXISTS;
	} else
		r = store_sqlite_err(st, "join key");
	sqlite3_finalize(stmt);
	return r;
}

/* PRAGMA query_only on or off (a guest's store has it on). */
static int
front_query_only(struct store *st, int on)
{
	return sqlite3_exec(st->db,
	           on ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0", NULL,
	           NULL, NULL) == SQLITE_OK
	           ? STORE_OK
	           : store_sqlite_err(st, "query_only");
}

int
store_join(struct store *st, const struct store_join *j,
    struct store_join_result *out, char **cause)
{
	int64_t invite = 0, inviter = 0, member = 0, readonly = 0;
	enum store_role role;
	int r;

	memset(out, 0, sizeof *out);
	if ((r = store_pseudonym_check(j->pseudonym, cause)) != STORE_OK)
		return r;
	out->needed = store_setting(st, "join_vouches");
	out->vouches = 1;
	role = out->needed > 1 ? STORE_ROLE_APPLICANT : STORE_ROLE_MEMBER;
	/* A guest's store writes nothing but this. */
	r = store_int_query(st, "PRAGMA query_only", &readonly, "");
	if (r != STORE_OK ||
	    (readonly && (r = front_query_only(st, 0)) != STORE_OK))
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = join_invite(st, j->code, &invite, &inviter, cause)) == 0 &&
	    (r = join_insert(st, j, role, &member, cause)) == STORE_OK &&
	    (r = store_run(st, "DELETE FROM invites WHERE id = ?1", NULL, "i",
	         invite)) == STORE_OK &&
	    role == STORE_ROLE_APPLICANT)
		r = store_run(st,
		    "INSERT INTO vouches (applicant_id, voucher_id)"
		    " VALUES (?1, ?2)",
		    NULL, "ii", member, inviter);
	if (r == STORE_OK)
		r = store_commit(st);
	if (r != STORE_OK)
		store_rollback(st);
	else {
		out->role = role;
		front_traces(st);
	}
out:
	if (readonly && front_query_only(st, 1) != STORE_OK && r == STORE_OK)
		r = STORE_ERR_INTERNAL;
	return r;
}

/* --- applicants and vouches -------------------------------------------- */

void
store_applicant_clear(struct store_applicant *a)
{
	free(a->pseudonym);
	a->pseudonym = NULL;
}

void
store_applicants_free(struct store_applicant *a, size_t n)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < n; i++)
		free(a[i].pseudonym);
	free(a);
}

/* ?1 = now, ?2 = join_vouches. */
/* clang-format off */
#define APPLICANTS_SQL \
	"SELECT m.pseudonym, (SELECT count(*) FROM vouches v" \
	"  WHERE v.applicant_id = m.id) AS vouches, ?2 AS needed," \
	" m.created + 14 * 86400 AS expires" \
	" FROM members m WHERE " APPLICANT_LIVE("m") " ORDER BY m.id"
#define APPLICANTS_JSON \
	"SELECT json_group_array(json_object('pseudonym', pseudonym," \
	" 'vouches', vouches, 'needed', needed," \
	" 'expires', " STORE_SQL_TIME("expires") "))" \
	" FROM (" APPLICANTS_SQL ")"
/* Waiting applicants with join_vouches vouches (after it was lowered). */
#define APPLICANTS_READY \
	"SELECT m.id FROM members m WHERE " APPLICANT_LIVE("m") \
	" AND (SELECT count(*) FROM vouches v" \
	"  WHERE v.applicant_id = m.id) >= ?2"
/* clang-format on */

static void
applicant_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_applicant *a = elem;

	(void)arg;
	a->pseudonym = store_column_text(stmt, 0);
	a->vouches = sqlite3_column_int64(stmt, 1);
	a->needed = sqlite3_column_int64(stmt, 2);
	a->expires = sqlite3_column_int64(stmt, 3);
}

STORE_ROW_TYPE(applicant_rows, "applicants", struct store_applicant,
    applicant_from_row, store_applicants_free);

int
store_applicants_list(struct store *st, struct store_applicant **out, size_t *n)
{
	sqlite3_stmt *stmt;
	void *rows;
	int r;

	*out = NULL;
	*n = 0;
	if ((r = store_prepare_bind(st, &stmt, APPLICANTS_SQL, "ii",
	         store_clock(st), store_setting(st, "join_vouches"))) !=
	    STORE_OK)
		return r;
	r = store_rows(st, stmt, &applicant_rows, NULL, &rows, n);
	*out = rows;
	sqlite3_finalize(stmt);
	return r;
}

int
store_applicant_get(
    struct store *st, const char *pseudonym, struct store_applicant *out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	memset(out, 0, sizeof *out);
	if ((r = store_prepare_bind(st, &stmt,
	         "SELECT * FROM (" APPLICANTS_SQL ") WHERE pseudonym = ?3"
	         " COLLATE NOCASE",
	         "iit", store_clock(st), store_setting(st, "join_vouches"),
	         pseudonym)) != STORE_OK)
		return r;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		applicant_from_row(stmt, out, NULL);
	else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "applicant");
	sqlite3_finalize(stmt);
	return r;
}

int
store_applicants_json(struct store *st, char **out)
{
	return store_json_query(st, APPLICANTS_JSON, out, "ii", store_clock(st),
	    store_setting(st, "join_vouches"));
}

/*
 * Inside a transaction: the waiting applicant called pseudonym (any
 * case), or STORE_ERR_NOT_FOUND "no applicant 'NAME'".
 */
static int
applicant_get(struct store *st, const char *pseudonym,
    struct store_member **out, char **cause)
{
	int r;

	if ((r = store_member_get(st, pseudonym, out)) == STORE_OK &&
	    ((*out)->role != STORE_ROLE_APPLICANT ||
	        (*out)->created <=
	            store_clock(st) - STORE_APPLICANT_DAYS * DAY)) {
		store_member_free(*out);
		*out = NULL;
		r = STORE_ERR_NOT_FOUND;
	}
	if (r == STORE_ERR_NOT_FOUND)
		store_cause(cause, "no applicant '%s'", pseudonym);
	return r;
}

/* Inside a transaction: applicant becomes a member, their vouches go. */
static int
applicant_admit(struct store *st, int64_t applicant)
{
	int r;

	if ((r = store_run(st,
	         "UPDATE members SET role = 'member' WHERE id = ?1"
	         " AND role = 'applicant'",
	         NULL, "i", applicant)) != STORE_OK)
		return r;
	return store_run(st, "DELETE FROM vouches WHERE applicant_id = ?1",
	    NULL, "i", applicant);
}

int
store_vouch(struct store *st, int64_t member, const char *pseudonym,
    struct store_applicant *out, int *admitted, char **cause)
{
	struct store_member *me = NULL, *a = NULL;
	int64_t vouches = 0;
	int r;

	memset(out, 0, sizeof *out);
	*admitted = 0;
	out->needed = store_setting(st, "join_vouches");
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	if ((r = store_member_get_id(st, member, &me)) == STORE_ERR_NOT_FOUND)
		r = STORE_ERR_REVOKED;
	if (r != STORE_OK)
		goto out;
	if (strcasecmp(me->pseudonym, pseudonym) == 0) {
		store_cause(cause, "you cannot vouch for yourself");
		r = STORE_ERR_PERM;
		goto out;
	}
	if (me->role != STORE_ROLE_MEMBER && me->role != STORE_ROLE_SYSOP) {
		store_cause(cause, "only members and sysops vouch");
		r = STORE_ERR_PERM;
		goto out;
	}
	if ((r = applicant_get(st, pseudonym, &a, cause)) != STORE_OK ||
	    (r = store_run(st,
	         "INSERT OR IGNORE INTO vouches (applicant_id, voucher_id)"
	         " VALUES (?1, ?2)",
	         NULL, "ii", a->id, member)) != STORE_OK ||
	    (r = store_int_query(st,
	         "SELECT count(*) FROM vouches WHERE applicant_id = ?1",
	         &vouches, "i", a->id)) != STORE_OK)
		goto out;
	if (vouches >= out->needed) {
		if ((r = applicant_admit(st, a->id)) != STORE_OK)
			goto out;
		*admitted = 1;
	}
	if ((r = store_commit(st)) != STORE_OK)
		goto out;
	out->pseudonym = xstrdup(a->pseudonym);
	out->vouches = vouches;
	out->expires = a->created + STORE_APPLICANT_DAYS * DAY;
	if (*admitted)
		front_traces(st);
out:
	if (r != STORE_OK) {
		store_rollback(st);
		*admitted = 0;
	}
	store_member_free(me);
	store_member_free(a);
	return r;
}

/* admit or reject: the sysop's act on an applicant, logged. */
static int
applicant_act(struct store *st, const struct store_actor *act,
    const char *pseudonym, const char *reason, int admit, char **cause)
{
	struct store_member *a = NULL;
	char *why = NULL;
	int r;

	if ((r = store_reason_normalise(reason, 0, &why, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_actor_check(st, act, cause)) != STORE_OK ||
	    (r = applicant_get(st, pseudonym, &a, cause)) != STORE_OK)
		goto out;
	if (admit)
		r = applicant_admit(st, a->id);
	else
		/* Keys and vouches go with the row (ON DELETE CASCADE). */
		r = store_run(
		    st, "DELETE FROM members WHERE id = ?1", NULL, "i", a->id);
	if (r == STORE_OK)
		r = store_modlog_append(st, act->name,
		    admit ? "admit" : "reject", a->pseudonym, why);
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	else
		front_traces(st);
	store_member_free(a);
	free(why);
	return r;
}

int
store_applicant_admit(struct store *st, const struct store_actor *a,
    const char *pseudonym, const char *reason, char **cause)
{
	return applicant_act(st, a, pseudonym, reason, 1, cause);
}

int
store_applicant_reject(struct store *st, const struct store_actor *a,
    const char *pseudonym, const char *reason, char **cause)
{
	return applicant_act(st, a, pseudonym, reason, 0, cause);
}

/* --- expiry ------------------------------------------------------------ */

int
store_front_prune(struct store *st)
{
	int64_t needed = store_setting(st, "join_vouches");
	int64_t now = store_clock(st);
	int64_t invites = 0, gone = 0, ready = 0;
	int r;

	/*
	 * Look before writing: every open prunes, and a DELETE takes the
	 * write lock even when it finds nothing.
	 */
	if ((r = store_int_query(st,
	         "SELECT EXISTS (SELECT 1 FROM invites WHERE expires <= ?1)",
	         &invites, "i", now)) != STORE_OK ||
	    (r = store_int_query(st,
	         "SELECT EXISTS (SELECT 1 FROM members WHERE role ="
	         " 'applicant' AND created <= ?1 - 14 * 86400)",
	         &gone, "i", now)) != STORE_OK ||
	    (r = store_int_query(st, "SELECT EXISTS (" APPLICANTS_READY ")",
	         &ready, "ii", now, needed)) != STORE_OK)
		return r;
	if (!invites && !gone && !ready)
		return STORE_OK;
	if ((r = front_begin(st)) != STORE_OK)
		return r;
	if (invites)
		r = store_run(st, "DELETE FROM invites WHERE expires <= ?1",
		    NULL, "i", now);
	if (r == STORE_OK && gone)
		r = store_run(st,
		    "DELETE FROM members WHERE role = 'applicant'"
		    " AND created <= ?1 - 14 * 86400",
		    NULL, "i", now);
	/* join_vouches was lowered: who has enough is a member now. */
	if (r == STORE_OK && ready)
		r = store_run(st,
		    "UPDATE members SET role = 'member' WHERE id IN"
		    " (" APPLICANTS_READY ")",
		    NULL, "ii", now, needed);
	if (r == STORE_OK && ready)
		r = store_run(st,
		    "DELETE FROM vouches WHERE applicant_id IN (SELECT id FROM"
		    " members WHERE role <> 'applicant')",
		    NULL, "");
	if (r == STORE_OK)
		r = store_commit(st);
	if (r != STORE_OK)
		store_rollback(st);
	else if (gone || ready)
		front_traces(st);
	return r;
}
