/* bbs: ISC licence, see LICENSE. */
/*
 * Settings: the limits SPEC section 6 calls configurable, kept in the
 * database so one file holds everything. A missing row means the default.
 * Three kinds: a number; a word from a short list (stored as the word,
 * read as its index, e.g. "guests"); a text (read with
 * store_setting_text(), e.g. "address"). Checklist for a new setting: one
 * line in settings[], a mention in docs/ADMIN.md.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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

/*
 * The settings that are not numbers, apart so that a line of settings[]
 * stays five fields: words, NULL-ended, whose index is the value; or text
 * (def, min and max then unused).
 */
struct setting_kind {
	const char *name;
	const char *const *words;
	int text;
};

/* The order of enum store_guests. */
static const char *const setting_guests[] = { "off", "join", "read", NULL };

static const struct setting_kind setting_kinds[] = {
	{ "guests", setting_guests, 0 },
	{ "address", NULL, 1 },
};

#define SETTING_TEXT_MAX 255

static const struct setting settings[] = {
	{ "time_precision", 3600, 1, 86400,
	    "seconds that stored times are rounded down to" },
	{ "title_max", 200, 1, 1000, "longest title, in characters" },
	{ "body_max", 65536, 1, 1048576, "longest body, in bytes" },
	{ "caption_max", 500, 1, 5000, "longest pin caption, in characters" },
	{ "url_max", 2048, 16, 8192, "longest pinned URL, in bytes" },
	{ "rate_posts", 10, 1, 100000,
	    "threads and replies a member may write in 60 seconds" },
	{ "rate_pins", 10, 1, 100000, "pins a member may add in 60 seconds" },
	{ "invite_days", 7, 1, 365, "days an invitation code stays valid" },
	{ "invite_open_max", 3, 0, 1000,
	    "open invitations a member may hold at once" },
	{ "invite_open_max_sysop", 20, 0, 1000,
	    "open invitations a sysop may hold at once" },
	{ "join_vouches", 1, 1, 100,
	    "vouches that make a newcomer a member (the invitation is the first)" },
	{ "sessions_per_member", 8, 1, 10000,
	    "sessions a member may have open at once, all their keys together" },
	{ "guests", STORE_GUESTS_JOIN, STORE_GUESTS_OFF, STORE_GUESTS_READ,
	    "who may log in as guest without a key: off, join (may only join) or read (may also read public boards)" },
	{ "address", 0, 0, 0,
	    "the board's address in the ssh lines it prints, HOST or HOST:PORT; empty: the address the server listens on" },
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

/* A word setting's words, or NULL. */
static const char *const *
setting_words(const struct setting *s)
{
	size_t i;

	for (i = 0; i < sizeof setting_kinds / sizeof setting_kinds[0]; i++) {
		if (strcmp(setting_kinds[i].name, s->name) == 0)
			return setting_kinds[i].words;
	}
	return NULL;
}

/* Whether s is a text setting. */
static int
setting_is_text(const struct setting *s)
{
	size_t i;

	for (i = 0; i < sizeof setting_kinds / sizeof setting_kinds[0]; i++) {
		if (strcmp(setting_kinds[i].name, s->name) == 0)
			return setting_kinds[i].text;
	}
	return 0;
}

/* A word setting's index for a stored word; -1 for none of its words. */
static int64_t
setting_word_index(const struct setting *s, const char *word)
{
	const char *const *words = setting_words(s);
	int64_t i;

	for (i = 0; word != NULL && words[i] != NULL; i++) {
		if (strcmp(words[i], word) == 0)
			return i;
	}
	return -1;
}

/* "off, join or read": a word setting's values, for a message. */
static const char *
setting_words_list(const struct setting *s)
{
	const char *const *words = setting_words(s);
	static char list[128];
	size_t i, n;

	list[0] = '\0';
	for (i = 0; words[i] != NULL; i++) {
		n = strlen(list);
		snprintf(list + n, sizeof list - n, "%s%s",
		    i == 0                 ? ""
		    : words[i + 1] == NULL ? " or "
		                           : ", ",
		    words[i]);
	}
	return list;
}

/*
 * A text setting's value: printable ASCII that can name a host and port
 * (a domain, an .onion, an IPv4 address, an [IPv6] one), since boards
 * print it into the command lines people copy.
 */
static int
setting_text_check(const struct setting *s, const char *value, char **cause)
{
	size_t len = strlen(value);

	if (len > SETTING_TEXT_MAX ||
	    value[strspn(value,
	        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]")] !=
	        '\0') {
		store_cause(cause,
		    "%s must be a host name or address with an optional :PORT (at most %d characters)",
		    s->name, SETTING_TEXT_MAX);
		return STORE_ERR_INVALID;
	}
	return STORE_OK;
}

int
store_setting_get(struct store *st, const char *name, int64_t *out)
{
	const struct setting *s;
	sqlite3_stmt *stmt;
	int r, rc;

	/* A text has no number: see store_setting_text(). */
	if ((s = setting_find(name)) == NULL || setting_is_text(s))
		return STORE_ERR_NOT_FOUND;
	*out = s->def;
	if ((r = store_prepare(st, &stmt,
	         "SELECT value FROM settings WHERE name = ?")) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = setting_words(s) != NULL
		           ? setting_word_index(
		                 s, (const char *)sqlite3_column_text(stmt, 0))
		           : sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "setting");
	sqlite3_finalize(stmt);
	if (*out < s->min || *out > s->max)
		*out = s->def;
	return r;
}

int
store_setting_text(struct store *st, const char *name, char **out)
{
	const struct setting *s;
	sqlite3_stmt *stmt;
	const unsigned char *v;
	int r, rc;

	*out = NULL;
	if ((s = setting_find(name)) == NULL || !setting_is_text(s))
		return STORE_ERR_NOT_FOUND;
	if ((r = store_prepare(st, &stmt,
	         "SELECT value FROM settings WHERE name = ?")) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW &&
	    (v = sqlite3_column_text(stmt, 0)) != NULL)
		*out = xstrdup((const char *)v);
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_sqlite_err(st, "setting");
	sqlite3_finalize(stmt);
	if (r == STORE_OK && *out == NULL)
		*out = xstrdup("");
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
	long long v = 0;
	char *end;
	int r;

	if ((s = setting_find(name)) == NULL) {
		store_cause(cause, "unknown setting '%s'", name);
		return STORE_ERR_NOT_FOUND;
	}
	if (setting_is_text(s)) {
		if ((r = setting_text_check(s, value, cause)) != STORE_OK)
			return r;
	} else if (setting_words(s) != NULL) {
		if (setting_word_index(s, value) < 0) {
			store_cause(cause, "%s must be %s", name,
			    setting_words_list(s));
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
	if (setting_is_text(s) || setting_words(s) != NULL)
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
	const struct setting *s;
	struct buf b;
	char *text;
	int64_t v;
	size_t i;
	int r;

	*out = NULL;
	buf_init(&b);
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		s = &settings[i];
		if (setting_is_text(s)) {
			if ((r = store_setting_text(st, s->name, &text)) != 0)
				goto fail;
			buf_printf(
			    &b, "%s\t%s\t\t%s\n", s->name, text, s->help);
			free(text);
			continue;
		}
		if ((r = store_setting_get(st, s->name, &v)) != 0)
			goto fail;
		if (setting_words(s) != NULL)
			buf_printf(&b, "%s\t%s\t%s\t%s\n", s->name,
			    setting_words(s)[v], setting_words(s)[s->def],
			    s->help);
		else
			buf_printf(&b, "%s\t%lld\t%lld\t%s\n", s->name,
			    (long long)v, (long long)s->def, s->help);
	}
	*out = buf_take(&b);
	return STORE_OK;
fail:
	buf_free(&b);
	return r;
}
