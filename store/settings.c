/* bbs: ISC licence, see LICENSE. */
/*
 * Settings: the limits SPEC section 6 calls configurable, kept in the
 * database so one file holds everything. A missing row means the default.
 * Checklist for a new setting: one line in settings[], a mention in
 * docs/ADMIN.md.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "store/store-int.h"
#include "util/buf.h"

struct setting {
	const char *name;
	int64_t def;
	int64_t min;
	int64_t max;
	const char *help;
};

static const struct setting settings[] = {
	{ "time_precision", 3600, 1, 86400,
	    "seconds that stored times are rounded down to" },
	{ "title_max", 200, 1, 1000, "longest title, in characters" },
	{ "body_max", 65536, 1, 1048576, "longest body, in bytes" },
	{ "caption_max", 500, 1, 5000, "longest pin caption, in characters" },
	{ "url_max", 2048, 16, 8192, "longest pinned URL, in bytes" },
	{ "rate_posts", 10, 1, 100000,
	    "threads and replies a member may "
	    "write in 60 seconds" },
	{ "rate_pins", 10, 1, 100000, "pins a member may add in 60 seconds" },
};

static const struct setting *
setting_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
	}
	return NULL;
}

int
store_setting_get(struct store *st, const char *name, int64_t *out)
{
	const struct setting *s;
	sqlite3_stmt *stmt;
	int r, rc;

	if ((s = setting_find(name)) == NULL)
		return STORE_ERR_NOT_FOUND;
	*out = s->def;
	if ((r = store_prepare(st, &stmt,
	         "SELECT value FROM settings WHERE name = ?")) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "setting");
	sqlite3_finalize(stmt);
	if (*out < s->min || *out > s->max)
		*out = s->def;
	return r;
}

int64_t
store_setting(struct store *st, const char *name)
{
	const struct setting *s = setting_find(name);
	int64_t v;

	if (s == NULL)
		fatalx("store_setting: unknown setting %s", name);
	if (store_setting_get(st, name, &v) != STORE_OK)
		return s->def;
	return v;
}

int64_t
store_now(struct store *st)
{
	int64_t t = store_clock(st);
	int64_t prec = store_setting(st, "time_precision");

	return t - t % prec;
}

int
store_setting_set(
    struct store *st, const char *name, const char *value, char **cause)
{
	const struct setting *s;
	sqlite3_stmt *stmt;
	long long v;
	char *end;
	int r;

	if ((s = setting_find(name)) == NULL) {
		store_cause(cause, "unknown setting '%s'", name);
		return STORE_ERR_NOT_FOUND;
	}
	errno = 0;
	v = strtoll(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' || v < s->min ||
	    v > s->max) {
		store_cause(cause, "%s must be a number from %lld to %lld",
		    name, (long long)s->min, (long long)s->max);
		return STORE_ERR_INVALID;
	}
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO settings (name, value) VALUES (?, ?)"
	         " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) !=
	    STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, v);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "setting set");
	sqlite3_finalize(stmt);
	return r;
}

int
store_settings_list(struct store *st, char **out)
{
	struct buf b;
	int64_t v;
	size_t i;
	int r;

	*out = NULL;
	buf_init(&b);
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		if ((r = store_setting_get(st, settings[i].name, &v)) != 0) {
			buf_free(&b);
			return r;
		}
		buf_printf(&b, "%s\t%lld\t%lld\t%s\n", settings[i].name,
		    (long long)v, (long long)settings[i].def, settings[i].help);
	}
	*out = buf_take(&b);
	return STORE_OK;
}
