/* bbs: ISC licence, see LICENSE. */
/*
 * The base of the store: what every other file of store/ uses (error
 * names, roles, causes, preparing statements, transactions with the login
 * check, stepping a listing, the clock). It calls no other file of
 * store/: opening, which calls up into the schema and the pins' SQL
 * functions, is store/open.c, the top.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/store-int.h"

const struct store_actor store_console = { 0, STORE_ACTOR_CONSOLE };

const char *
store_strerror(int r)
{
	switch (r) {
	case STORE_OK:
		return "success";
	case STORE_ERR_BUSY:
		return "database busy";
	case STORE_ERR_NOT_FOUND:
		return "not found";
	case STORE_ERR_EXISTS:
		return "already exists";
	case STORE_ERR_INVALID:
		return "invalid input";
	case STORE_ERR_PERM:
		return "not allowed";
	case STORE_ERR_RATE:
		return "rate limited";
	case STORE_ERR_CORRUPT:
		return "damaged";
	case STORE_ERR_USAGE:
		return "bad request";
	case STORE_ERR_REVOKED:
		return "this key has been revoked";
	default:
		return "internal error";
	}
}

static const char *const role_names[] = { "member", "sysop", "bot",
	"applicant" };

const char *
store_role_name(enum store_role role)
{
	if ((unsigned)role >= sizeof role_names / sizeof role_names[0])
		return "member";
	return role_names[role];
}

int
store_role_parse(const char *name, enum store_role *out)
{
	size_t i;

	for (i = 0; i < sizeof role_names / sizeof role_names[0]; i++) {
		if (strcmp(name, role_names[i]) == 0) {
			*out = (enum store_role)i;
			return 0;
		}
	}
	return -1;
}

void
store_cause(char **cause, const char *fmt, ...)
{
	va_list ap;

	if (cause == NULL)
		return;
	free(*cause);
	va_start(ap, fmt);
	if (vasprintf(cause, fmt, ap) < 0)
		fatalx("store_cause: out of memory");
	va_end(ap);
}

void
store_error_set(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->error, sizeof st->error, fmt, ap);
	va_end(ap);
	st->error_set = 1;
	log_debug("store: %s", st->error);
}

const char *
store_error_take(struct store *st)
{
	const char *e = NULL;

	if (st != NULL && st->error_set) {
		st->error_set = 0;
		e = st->error;
	}
	return e;
}

int
store_sqlite_err(struct store *st, const char *what)
{
	int code = sqlite3_errcode(st->db) & 0xff;

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return STORE_ERR_BUSY;
	store_error_set(st, "%s: %s", what, sqlite3_errmsg(st->db));
	return STORE_ERR_INTERNAL;
}

int
store_prepare(struct store *st, sqlite3_stmt **stmt, const char *sql)
{
	*stmt = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return store_sqlite_err(st, "prepare");
	return STORE_OK;
}

/* Binds the parameters of stmt from ap as store_prepare_bind() says. */
static int
store_bind_va(
    struct store *st, sqlite3_stmt *stmt, const char *types, va_list ap)
{
	int n = sqlite3_bind_parameter_count(stmt), i, rc = SQLITE_OK;
	const char *t;
	int64_t v;

	/* Every argument is taken, bound or not, so ap stays in step. */
	for (i = 1; types[i - 1] != '\0'; i++) {
		switch (types[i - 1]) {
		case 'i':
			v = va_arg(ap, int64_t);
			if (i <= n && rc == SQLITE_OK)
				rc = sqlite3_bind_int64(stmt, i, v);
			break;
		case 't':
			t = va_arg(ap, const char *);
			if (i <= n && rc == SQLITE_OK)
				rc = sqlite3_bind_text(
				    stmt, i, t, -1, SQLITE_STATIC);
			break;
		default:
			assert(!"a parameter type is 'i' or 't'");
		}
	}
	return rc == SQLITE_OK ? STORE_OK : store_sqlite_err(st, "bind");
}

static int
store_prepare_va(struct store *st, sqlite3_stmt **stmt, const char *sql,
    const char *types, va_list ap)
{
	int r;

	if ((r = store_prepare(st, stmt, sql)) != STORE_OK)
		return r;
	if ((r = store_bind_va(st, *stmt, types, ap)) != STORE_OK) {
		sqlite3_finalize(*stmt);
		*stmt = NULL;
	}
	return r;
}

int
store_prepare_bind(struct store *st, sqlite3_stmt **stmt, const char *sql,
    const char *types, ...)
{
	va_list ap;
	int r;

	va_start(ap, types);
	r = store_prepare_va(st, stmt, sql, types, ap);
	va_end(ap);
	return r;
}

/*
 * Prepares and binds sql and steps it once, to want (SQLITE_ROW: its one
 * row; SQLITE_DONE: its end). The caller finalizes *stmt, which is NULL
 * on failure.
 */
static int
store_step_va(struct store *st, sqlite3_stmt **stmt, const char *sql, int want,
    const char *types, va_list ap)
{
	int r;

	if ((r = store_prepare_va(st, stmt, sql, types, ap)) != STORE_OK)
		return r;
	if (sqlite3_step(*stmt) != want) {
		r = store_sqlite_err(st, sql);
		sqlite3_finalize(*stmt);
		*stmt = NULL;
	}
	return r;
}

int
store_run(
    struct store *st, const char *sql, int *changed, const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int r;

	va_start(ap, types);
	r = store_step_va(st, &stmt, sql, SQLITE_DONE, types, ap);
	va_end(ap);
	if (r == STORE_OK && changed != NULL)
		*changed = sqlite3_changes(st->db);
	sqlite3_finalize(stmt);
	return r;
}

static int
store_exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_sqlite_err(st, sql);
	return STORE_OK;
}

void
store_set_login(struct store *st, int64_t key_row)
{
	st->login_key = key_row;
}

/*
 * Inside the write transaction: is the session's key still good, and its
 * member no applicant (who writes nothing until admitted)?
 */
static int
store_login_check(struct store *st)
{
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_prepare(st, &stmt,
	         "SELECT m.role = 'applicant' FROM keys k JOIN members m"
	         " ON m.id = k.member_id WHERE k.id = ? AND NOT k.revoked")) !=
	    0)
		return r;
	sqlite3_bind_int64(stmt, 1, st->login_key);
	if ((rc = sqlite3_step(stmt)) == SQLITE_DONE)
		r = STORE_ERR_REVOKED;
	else if (rc == SQLITE_ROW && sqlite3_column_int(stmt, 0))
		r = STORE_ERR_PERM;
	else if (rc != SQLITE_ROW)
		r = store_sqlite_err(st, "login check");
	sqlite3_finalize(stmt);
	return r;
}

int
store_begin(struct store *st)
{
	int r;

	if ((r = store_exec(st, "BEGIN IMMEDIATE")) == STORE_OK &&
	    st->login_key != 0 && (r = store_login_check(st)) != STORE_OK)
		store_rollback(st);
	return r;
}

int
store_commit(struct store *st)
{
	int r;

	if ((r = store_exec(st, "COMMIT")) != STORE_OK)
		store_rollback(st);
	return r;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

char *
store_column_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s == NULL ? "" : (const char *)s);
}

int
store_rows(struct store *st, sqlite3_stmt *stmt, const struct store_row_type *t,
    const void *arg, void **out, size_t *n)
{
	char *rows = NULL;
	size_t len = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			rows = xreallocarray(rows, cap, t->size);
		}
		memset(rows + len * t->size, 0, t->size);
		t->from_row(stmt, rows + len * t->size, arg);
		len++;
	}
	if (rc != SQLITE_DONE) {
		t->free_rows(rows, len);
		return store_sqlite_err(st, t->what);
	}
	*out = rows;
	*n = len;
	return STORE_OK;
}

int
store_limit(int limit)
{
	if (limit < 1)
		return 1;
	return limit > STORE_LIMIT_MAX ? STORE_LIMIT_MAX : limit;
}

int
store_int_query(
    struct store *st, const char *sql, int64_t *out, const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int r;

	va_start(ap, types);
	r = store_step_va(st, &stmt, sql, SQLITE_ROW, types, ap);
	va_end(ap);
	*out = r == STORE_OK ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return r;
}

int
store_json_query(
    struct store *st, const char *sql, char **out, const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int r;

	va_start(ap, types);
	r = store_step_va(st, &stmt, sql, SQLITE_ROW, types, ap);
	va_end(ap);
	*out = r == STORE_OK ? store_column_text(stmt, 0) : NULL;
	sqlite3_finalize(stmt);
	return r;
}

int
store_data_version(struct store *st, int64_t *out)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt, "PRAGMA data_version")) != STORE_OK)
		return r;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		r = store_sqlite_err(st, "data_version");
	sqlite3_finalize(stmt);
	return r;
}

int64_t
store_clock(struct store *st)
{
	return st->clock != 0 ? st->clock : (int64_t)time(NULL);
}

void
store_set_clock(struct store *st, int64_t t)
{
	st->clock = t;
}

void
store_time_format(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, 21, "1970-01-01T00:00:00Z");
}
