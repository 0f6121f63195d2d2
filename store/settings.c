/* bbs: ISC licence, see LICENSE. */
/*
 * Settings: the limits SPEC section 6 calls configurable, kept in the
 * database so one file holds everything. A missing row means the default.
 * Checklist for a new setting: one line in settings[], a mention in
 * docs/ADMIN.md.
 *
 * Most settings are numbers. A setting with choices (guests: off, join,
 * read) is stored as the chosen word and read as its index; a text
 * setting (address) is read with store_setting_text().
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
	{ "invite_days", 7, 1, 365, "days an invitation code stays valid" },
	{ "invite_open_max", 3, 0, 1000,
	    "open invitations a member may hold at once" },
	{ "invite_open_max_sysop", 20, 0, 1000,
	    "open invitations a sysop may hold at once" },
	{ "join_vouches", 1, 1, 100,
	    "vouches that make a newcomer a member (the invitation is "
	    "the first)" },
	{ "guests", STORE_GUESTS_JOIN, 0, 2,
	    "without a key: off, join (may only join) or read (and read "
	    "public boards)" },
	{ "address", 0, 0, 255,
	    "HOST[:PORT] newcomers connect to (empty: the listen address)" },
};

/* The settings that are not numbers (see the top of this file). */
struct setting_kind {
	const char *name;
	const char *const *choices; /* NULL-terminated; the value an index */
	int text;                   /* free text of at most max bytes */
};

static const char *const guests_choices[] = { "off", "join", "read", NULL };

static const struct setting_kind kinds[] = {
	{ "guests", guests_choices, 0 },
	{ "address", NULL, 1 },
};

static const struct setting_kind *
setting_kind(const struct setting *s)
{
	static const struct setting_kind number = { NULL, NULL, 0 };
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kinds[i].name, s->name) == 0)
			return &kinds[i];
	}
	return &number;
}

/* The index of word among s's choices; -1 (so the default) if none. */
static int64_t
setting_choice(const struct setting *s, const char *word)
{
	const char *const *c = setting_kind(s)->choices;
	int64_t i;

	for (i = 0; word != NULL && c[i] != NULL; i++) {
		if (strcmp(c[i], word) == 0)
			return i;
	}
	return -1;
}

/*
 * A text setting's value: printable ASCII without blanks (a host name, an
 * address, an .onion, a port), at most s->max bytes, or empty.
 */
static int
setting_text_check(const struct setting *s, const char *value, char **cause)
{
	size_t i, len = strlen(value);

	for (i = 0; i < len; i++) {
		if (value[i] <= ' ' || value[i] > '~')
			break;
	}
	if (i < len || len > (size_t)s->max) {
		store_cause(cause,
		    "%s must be at most %lld printable characters without "
		    "blanks (empty for the default)",
		    s->name, (long long)s->max);
		return STORE_ERR_INVALID;
	}
	return STORE_OK;
}

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

/* "off, join or read". */
static const char *
setting_choices_text(const struct setting *s)
{
	const char *const *c = setting_kind(s)->choices;
	static char text[128];
	size_t i, n = 0;

	while (c[n] != NULL)
		n++;
	text[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text),
		    "%s%s",
		    i == 0       ? ""
		    : i + 1 == n ? " or "
		                 : ", ",
		    c[i]);
	return text;
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
		*out = setting_kind(s)->choices != NULL
		           ? setting_choice(
		                 s, (const char *)sqlite3_column_text(stmt, 0))
		           : sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "setting");
	sqlite3_finalize(stmt);
	if (setting_kind(s)->text || *out < s->min || *out > s->max)
		*out = s->def;
	return r;
}

int
store_setting_text(struct store *st, const char *name, char **out)
{
	const struct setting *s;
	sqlite3_stmt *stmt;
	int r, rc;

	*out = NULL;
	if ((s = setting_find(name)) == NULL || !setting_kind(s)->text)
		return STORE_ERR_NOT_FOUND;
	if ((r = store_prepare(st, &stmt,
	         "SELECT value FROM settings WHERE name = ?")) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else if (rc == SQLITE_DONE)
		*out = xstrdup("");
	else
		r = store_sqlite_err(st, "setting");
	sqlite3_finalize(stmt);
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

int
store_setting_set(
    struct store *st, const char *name, const char *value, char **cause)
{
	const struct setting *s;
	sqlite3_stmt *stmt;
	long long v = 0;
	char *end;
	int r;

	if ((s = setting_find(name)) == NULL) {
		store_cause(cause, "unknown setting '%s'", name);
		return STORE_ERR_NOT_FOUND;
	}
	if (setting_kind(s)->text) {
		if ((r = setting_text_check(s, value, cause)) != STORE_OK)
			return r;
	} else if (setting_kind(s)->choices != NULL) {
		if (setting_choice(s, value) < 0) {
			store_cause(cause, "%s must be %s", name,
			    setting_choices_text(s));
			return STORE_ERR_INVALID;
		}
	} else {
		errno = 0;
		v = strtoll(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' || v < s->min ||
		    v > s->max) {
			store_cause(cause,
			    "%s must be a number from %lld to %lld", name,
			    (long long)s->min, (long long)s->max);
			return STORE_ERR_INVALID;
		}
	}
	if ((r = store_prepare(st, &stmt,
	         "INSERT INTO settings (name, value) VALUES (?, ?)"
	         " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) !=
	    STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if (setting_kind(s)->text || setting_kind(s)->choices != NULL)
		sqlite3_bind_text(stmt, 2, value, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(stmt, 2, v);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "setting set");
	sqlite3_finalize(stmt);
	return r;
}

int
store_settings_list(struct store *st, char **out)
{
	const struct setting_kind *k;
	struct buf b;
	char *text = NULL;
	int64_t v;
	size_t i;
	int r;

	*out = NULL;
	buf_init(&b);
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		k = setting_kind(&settings[i]);
		if (k->text) {
			if ((r = store_setting_text(
			         st, settings[i].name, &text)) != 0) {
				buf_free(&b);
				return r;
			}
			buf_printf(&b, "%s\t%s\t\t%s\n", settings[i].name, text,
			    settings[i].help);
			free(text);
			continue;
		}
		if ((r = store_setting_get(st, settings[i].name, &v)) != 0) {
			buf_free(&b);
			return r;
		}
		if (k->choices != NULL)
			buf_printf(&b, "%s\t%s\t%s\t%s\n", settings[i].name,
			    k->choices[v], k->choices[settings[i].def],
			    settings[i].help);
		else
			buf_printf(&b, "%s\t%lld\t%lld\t%s\n", settings[i].name,
			    (long long)v, (long long)settings[i].def,
			    settings[i].help);
	}
	*out = buf_take(&b);
	return STORE_OK;
}
