/* bbs: ISC licence, see LICENSE. */
/*
 * Sysop acts and the two-sysop rule (SPEC section 8). Each act runs in one
 * transaction with its moderation log entry. A sysop actor is checked to
 * still be a sysop inside the transaction, since roles change while
 * sessions run. Repeating an act that changed nothing logs nothing.
 */
#include <string.h>

#include "store/store-int.h"

#define DAY 86400

/*
 * An act on one row. Its statements take, as many as they have, ?1 =
 * text, ?2 = id, ?3 = value.
 */
struct mod_act {
	const char *what;  /* "post", "thread": the table, and the target */
	const char *sql;   /* the change */
	const char *after; /* run too when the change changed a row */
	const char *text;  /* ?1: the reason, for acts that store it */
	int64_t id;        /* ?2 */
	int64_t value;     /* ?3 */
	const char *act;   /* the log's act */
	const char *reason;
};

/* STORE_ERR_NOT_FOUND ("no post 12") unless the row exists. */
static int
mod_exists(struct store *st, const struct mod_act *m, char **cause)
{
	sqlite3_stmt *stmt;
	char sql[64];
	int r, rc;

	snprintf(sql, sizeof sql, "SELECT 1 FROM %ss WHERE id = ?", m->what);
	if ((r = store_prepare_bind(st, &stmt, sql, "i", m->id)) != STORE_OK)
		return r;
	if ((rc = sqlite3_step(stmt)) == SQLITE_DONE) {
		store_cause(cause, "no %s %lld", m->what, (long long)m->id);
		r = STORE_ERR_NOT_FOUND;
	} else if (rc != SQLITE_ROW)
		r = store_sqlite_err(st, "exists");
	sqlite3_finalize(stmt);
	return r;
}

/* Begin, check actor and row, change, log "WHAT ID" if changed, commit. */
static int
mod_run(struct store *st, const struct store_actor *a, const struct mod_act *m,
    char **cause)
{
	char target[48];
	int r, changed = 0;

	snprintf(target, sizeof target, "%s %lld", m->what, (long long)m->id);
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	if ((r = store_actor_check(st, a, cause)) == STORE_OK &&
	    (r = mod_exists(st, m, cause)) == STORE_OK &&
	    (r = store_run(st, m->sql, &changed, "tii", m->text, m->id,
	         m->value)) == STORE_OK &&
	    changed > 0) {
		r = store_modlog_append(st, a->name, m->act, target, m->reason);
		if (r == STORE_OK && m->after != NULL)
			r = store_run(st, m->after, NULL, "tii", m->text, m->id,
			    m->value);
	}
	if (r == STORE_OK)
		r = store_commit(st);
	else
		store_rollback(st);
	return r;
}

/* Runs act with a normalised reason (required or not). */
static int
mod_with_reason(struct store *st, const struct store_actor *a,
    struct mod_act *m, const char *reason, int required, char **cause)
{
	char *why = NULL;
	int r;

	if ((r = store_reason_normalise(reason, required, &why, cause)) !=
	    STORE_OK)
		return r;
	m->reason = m->text = why;
	r = mod_run(st, a, m, cause);
	free(why);
	return r;
}

int
store_post_hide(struct store *st, const struct store_actor *a, int64_t post,
    const char *reason, char **cause)
{
	struct mod_act m = { "post",
		"UPDATE posts SET hidden_reason = ?1 WHERE id = ?2"
		" AND hidden_reason IS NULL",
		/* Acting on a post closes the flags that asked for it. */
		"UPDATE flags SET closed = 1 WHERE post_id = ?2 AND NOT closed",
		NULL, post, 0, "hide", NULL };

	return mod_with_reason(st, a, &m, reason, 1, cause);
}

int
store_post_unhide(struct store *st, const struct store_actor *a, int64_t post,
    const char *reason, char **cause)
{
	struct mod_act m = { "post",
		"UPDATE posts SET hidden_reason = NULL WHERE id = ?2"
		" AND hidden_reason IS NOT NULL",
		NULL, NULL, post, 0, "unhide", NULL };

	return mod_with_reason(st, a, &m, reason, 0, cause);
}

int
store_thread_set(struct store *st, const struct store_actor *a, int64_t thread,
    enum store_thread_flag flag, int on, const char *reason, char **cause)
{
	static const char *const acts[2][2] = { { "unlock", "lock" },
		{ "unsticky", "sticky" } };
	int f = flag == STORE_THREAD_STICKY;
	struct mod_act m = { "thread",
		f ? "UPDATE threads SET sticky = ?3 WHERE id = ?2"
		    " AND sticky <> ?3"
		  : "UPDATE threads SET locked = ?3 WHERE id = ?2"
		    " AND locked <> ?3",
		NULL, NULL, thread, on ? 1 : 0, acts[f][on ? 1 : 0], NULL };

	return mod_with_reason(st, a, &m, reason, 0, cause);
}

/*
 * The two-sysop rule for act on target, inside the caller's transaction.
 * Sets *go when the act is to be carried out now: by the console, or by a
 * sysop confirming another sysop's live request. Otherwise records the
 * actor's request (logged once; a repeat changes nothing) and leaves *go 0.
 */
static int
two_sysops(struct store *st, const struct store_actor *a, const char *act,
    const char *target, const char *reason, int *go)
{
	char request[32];
	int64_t others = 0;
	int r, added = 0;

	*go = 0;
	if ((r = store_run(st, "DELETE FROM pending WHERE created < ?1", NULL,
	         "i", store_now(st) - STORE_PENDING_DAYS * DAY)) != STORE_OK ||
	    (r = store_int_query(st,
	         "SELECT count(*) FROM pending WHERE act = ?1 AND target = ?2"
	         " AND requested_by <> ?3",
	         &others, "tti", act, target, a->member)) != STORE_OK)
		return r;
	if (a->member == 0 || others > 0) {
		*go = 1;
		return STORE_OK; /* the caller clears the requests */
	}
	r = store_run(st,
	    "INSERT OR IGNORE INTO pending (act, target, requested_by, created)"
	    " VALUES (?1, ?2, ?3, ?4)",
	    &added, "ttii", act, target, a->member, store_now(st));
	snprintf(request, sizeof request, "request-%s", act);
	if (r == STORE_OK && added)
		r = store_modlog_append(st, a->name, request, target, reason);
	return r;
}

/* Clears every request for act on target once it is carried out. */
static int
two_sysops_done(struct store *st, const char *act, const char *target)
{
	return store_run(st,
	    "DELETE FROM pending WHERE act = ?1 AND target = ?2", NULL, "tt",
	    act, target);
}

/* The owner of a key id: member id, pseudonym, role, revoked. */
struct key_owner {
	int64_t member;
	char *name;
	enum store_role role;
	int revoked;
};

static int
key_owner_get(
    struct store *st, const char *key_id, struct key_owner *o, char **cause)
{
	sqlite3_stmt *stmt;
	int r, rc;

	memset(o, 0, sizeof *o);
	if ((r = store_prepare_bind(st, &stmt,
	         "SELECT m.id, m.pseudonym, m.role, k.revoked FROM keys k"
	         " JOIN members m ON m.id = k.member_id WHERE k.key_id = ?1",
	         "t", key_id)) != STORE_OK)
		return r;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		o->member = sqlite3_column_int64(stmt, 0);
		o->name = store_column_text(stmt, 1);
		o->role = STORE_ROLE_MEMBER;
		store_role_parse(
		    (const char *)sqlite3_column_text(stmt, 2), &o->role);
		o->revoked = sqlite3_column_int(stmt, 3);
	} else if (rc == SQLITE_DONE) {
		store_cause(cause, "no key '%s'", key_id);
		r = STORE_ERR_NOT_FOUND;
	} else
		r = store_sqlite_err(st, "key owner");
	sqlite3_finalize(stmt);
	return r;
}

/*
 * A revoked key may have been stolen, and the store does not know which
 * of a member's keys made an invitation or cast a vouch (it keeps no more
 * than it must about who brought whom): every open invitation and every
 * vouch of the member goes with any of their keys. They make new ones
 * from a key they still hold.
 */
static int
key_revoke_trust(struct store *st, int64_t member)
{
	int r;

	if ((r = store_run(st, "DELETE FROM invites WHERE inviter_id = ?1",
	         NULL, "i", member)) != STORE_OK)
		return r;
	return store_run(
	    st, "DELETE FROM vouches WHERE voucher_id = ?1", NULL, "i", member);
}

int
store_key_revoke(struct store *st, const struct store_actor *a,
    const char *key_id, const char *reason, int *pending, char **cause)
{
	struct key_owner o = { 0 };
	char *why = NULL, *target = NULL;
	int r, go = 1;

	*pending = 0;
	if ((r = store_reason_normalise(reason, 0, &why, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_actor_check(st, a, cause)) != STORE_OK ||
	    (r = key_owner_get(st, key_id, &o, cause)) != STORE_OK || o.revoked)
		goto done;
	/* Another sysop's key: one sysop must not lock out the others. */
	if (o.role == STORE_ROLE_SYSOP && o.member != a->member &&
	    (r = two_sysops(st, a, "revoke", key_id, why, &go)) != STORE_OK)
		goto done;
	if (!go) {
		*pending = 1;
		goto done;
	}
	xasprintf(&target, "%s (%s)", key_id, o.name);
	if ((r = store_run(st, "UPDATE keys SET revoked = 1 WHERE key_id = ?1",
	         NULL, "t", key_id)) == STORE_OK &&
	    (r = key_revoke_trust(st, o.member)) == STORE_OK &&
	    (r = two_sysops_done(st, "revoke", key_id)) == STORE_OK)
		r = store_modlog_append(st, a->name, "revoke", target, why);
done:
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	free(o.name);
	free(target);
	free(why);
	return r;
}

/*
 * A sysop may hold more open invitations than a member: one demoted keeps
 * a member's share, the oldest, and the newest beyond it no longer work.
 */
static int
role_trim_invites(struct store *st, int64_t member)
{
	return store_run(st,
	    "DELETE FROM invites WHERE inviter_id = ?1 AND id NOT IN"
	    " (SELECT id FROM invites WHERE inviter_id = ?1 ORDER BY id"
	    " LIMIT ?2)",
	    NULL, "ii", member, store_setting(st, "invite_open_max"));
}

int
store_role_set(struct store *st, const struct store_actor *a,
    const char *pseudonym, enum store_role role, const char *reason,
    int *pending, char **cause)
{
	struct store_member *m = NULL;
	const char *act = role == STORE_ROLE_SYSOP ? "promote" : "demote";
	char *why = NULL;
	int r, go = 1;

	*pending = 0;
	if (role == STORE_ROLE_BOT || role == STORE_ROLE_APPLICANT) {
		store_cause(cause, "a role is member or sysop");
		return STORE_ERR_USAGE;
	}
	if ((r = store_reason_normalise(reason, 0, &why, cause)) != STORE_OK)
		return r;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	if ((r = store_actor_check(st, a, cause)) != STORE_OK)
		goto done;
	if ((r = store_member_get(st, pseudonym, &m)) != STORE_OK) {
		if (r == STORE_ERR_NOT_FOUND)
			store_cause(cause, "no member '%s'", pseudonym);
		goto done;
	}
	if (m->role == STORE_ROLE_BOT) {
		store_cause(
		    cause, "%s is a bot; bots keep their role", m->pseudonym);
		r = STORE_ERR_INVALID;
		goto done;
	}
	/* Admission has its own act, which also forgets the vouches. */
	if (m->role == STORE_ROLE_APPLICANT) {
		store_cause(cause, "%s is an applicant: 'admit' or 'reject'",
		    m->pseudonym);
		r = STORE_ERR_INVALID;
		goto done;
	}
	if (m->role == role)
		goto done;
	/*
	 * Demoting another sysop takes two sysops (SPEC section 8); so does
	 * promoting anyone, or one sysop could promote a puppet and have it
	 * confirm their own requests. Stepping down is one's own act.
	 */
	if ((role == STORE_ROLE_SYSOP || m->id != a->member) &&
	    (r = two_sysops(st, a, act, m->pseudonym, why, &go)) != STORE_OK)
		goto done;
	if (!go) {
		*pending = 1;
		goto done;
	}
	if ((r = store_run(st, "UPDATE members SET role = ?1 WHERE id = ?2",
	         NULL, "ti", store_role_name(role), m->id)) == STORE_OK &&
	    (role == STORE_ROLE_SYSOP ||
	        (r = role_trim_invites(st, m->id)) == STORE_OK) &&
	    (r = two_sysops_done(st, act, m->pseudonym)) == STORE_OK)
		r = store_modlog_append(st, a->name, act, m->pseudonym, why);
done:
	if (r == STORE_OK)
		r = store_commit(st);
out:
	if (r != STORE_OK)
		store_rollback(st);
	store_member_free(m);
	free(why);
	return r;
}
