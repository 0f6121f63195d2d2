/* bbs: ISC licence, see LICENSE. */
/*
 * The store: every byte bbs keeps, in one SQLite file. Its interface speaks
 * the board's domain (members, keys, boards, threads, posts, pins, the
 * moderation log), never SQL, so another backend can stand behind it. It
 * knows nothing of SSH or terminals and includes no libssh, curses or
 * libsodium header; the moderation log's hashing and signing come in
 * through struct store_crypto.
 *
 * Every function returns STORE_OK or a negative STORE_ERR_*; results go
 * through out-parameters, which are the caller's to free with the matching
 * *_free(). A message for the user comes back in *cause (the caller frees
 * it) when the function takes one; what broke inside, for the operator's
 * log, from store_error_take().
 *
 * Each process opens its own store after fork(), never before.
 */
#ifndef STORE_STORE_H
#define STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

enum store_err {
	STORE_OK = 0,
	STORE_ERR_INTERNAL = -1,  /* a bug or a broken database */
	STORE_ERR_BUSY = -2,      /* locked past the busy timeout: retry */
	STORE_ERR_NOT_FOUND = -3, /* no such board, thread, member, key... */
	STORE_ERR_EXISTS = -4,    /* the name or key is taken */
	STORE_ERR_INVALID = -5,   /* input rejected by the content rules */
	STORE_ERR_PERM = -6,      /* not allowed for this member */
	STORE_ERR_RATE = -7,      /* rate limited: retry later */
	STORE_ERR_CORRUPT = -8,   /* a check found damage */
	STORE_ERR_USAGE = -9,     /* a request that makes no sense */
	STORE_ERR_REVOKED = -10,  /* the session's key is revoked or gone */
};

/* A static string naming the error class. */
const char *store_strerror(int r);

enum store_role {
	STORE_ROLE_MEMBER = 0,
	STORE_ROLE_SYSOP = 1,
	STORE_ROLE_BOT = 2,
	/*
	 * A newcomer waiting for vouches (SPEC section 10): the key logs in,
	 * but writes nothing (STORE_ERR_PERM) until admitted. Made only by a
	 * join, never given as a role.
	 */
	STORE_ROLE_APPLICANT = 3,
};

/* "member", "sysop", "bot" or "applicant". */
const char *store_role_name(enum store_role role);
/* 0 and *out set if name is a role, else -1. */
int store_role_parse(const char *name, enum store_role *out);

#define STORE_HASH_LEN 32
#define STORE_KEY_ID_LEN 8
#define STORE_ACTOR_CONSOLE "console"
/* The log's actor for an erase-me, which never names the member. */
#define STORE_ACTOR_ANONYMOUS "anonymous"

struct store;

/* Who acts: a sysop (by member id and pseudonym), or the console. */
struct store_actor {
	int64_t member;   /* 0 for the console */
	const char *name; /* the pseudonym, or STORE_ACTOR_CONSOLE */
};

/* The console: the operator at the machine's shell, exempt and logged. */
extern const struct store_actor store_console;

/*
 * Opens (creating if needed) the database at path, sets WAL, the busy
 * timeout and foreign keys, and migrates it to the current schema. *out is
 * the caller's, closed with store_close() (both store/open.c).
 */
int store_open(const char *path, struct store **out, char **cause);
void store_close(struct store *st);

/*
 * What the last internal error on st was, for the caller's log ("post
 * insert: disk I/O error"), or NULL if there was none since the last
 * call (or st is NULL). The store logs nothing above debug: it returns
 * STORE_ERR_INTERNAL and keeps the detail here, and the caller that
 * handles the error logs it, once. Borrowed until the next call on st.
 */
const char *store_error_take(struct store *st);

/* The number of migration steps this build knows. */
int store_schema_version(void);

/*
 * Ties the store to the key a member logged in with (its row): from then
 * on every write transaction first checks, inside the transaction, that
 * the key is still registered and not revoked, and fails with
 * STORE_ERR_REVOKED otherwise. So a key revoked while a command or a
 * session runs writes nothing more, however long it held its input.
 * The console never sets one.
 */
void store_set_login(struct store *st, int64_t key_row);

/*
 * Deletes the rate limits' records older than their 60-second window (the
 * only exact times kept). Every open does it; a long-lived process calls
 * it now and then.
 */
int store_rate_prune(struct store *st);

/*
 * A number that changes whenever another connection commits; the UI polls
 * it to notice new posts without a keypress.
 */
int store_data_version(struct store *st, int64_t *out);

/*
 * Runs PRAGMA integrity_check and foreign_key_check; STORE_ERR_CORRUPT
 * with *cause if unsound (store/open.c, as is store_backup()).
 */
int store_check(struct store *st, char **cause);

/* A consistent online copy to a new file at path (refuses to overwrite). */
int store_backup(struct store *st, const char *path, char **cause);

/*
 * The current time rounded down to the stored precision (settings
 * "time_precision" seconds, an hour by default; store/settings.c).
 */
int64_t store_now(struct store *st);
/* Pins the clock at t (Unix seconds) for tests; 0 returns to real time. */
void store_set_clock(struct store *st, int64_t t);

/* ISO-8601 UTC ("2026-11-21T14:00:00Z") of t into out (21 bytes). */
void store_time_format(int64_t t, char out[21]);

/*
 * Settings: the configurable limits (see store/settings.c for names). A
 * word setting reads as the index of its word: "guests" as an enum
 * store_guests.
 */
int store_setting_get(struct store *st, const char *name, int64_t *out);
/* A text setting ("address"): *out is the caller's, "" when unset. */
int store_setting_text(struct store *st, const char *name, char **out);
int store_setting_set(
    struct store *st, const char *name, const char *value, char **cause);
/* Who may log in as "guest" without a key (SPEC section 10). */
enum store_guests {
	STORE_GUESTS_OFF = 0,
	STORE_GUESTS_JOIN = 1, /* help and join */
	STORE_GUESTS_READ = 2, /* also read public boards */
};

/* All settings as "name value default" lines; the caller frees *out. */
int store_settings_list(struct store *st, char **out);

/* --- content rules (store/content.c) ----------------------------------- */

/* 0 if name is 2-24 of A-Z a-z 0-9 _ -, else STORE_ERR_INVALID + cause. */
int store_pseudonym_check(const char *name, char **cause);
/* 0 if name is 1-32 of A-Z a-z 0-9 _ - starting with a letter or digit. */
int store_board_name_check(const char *name, char **cause);

/*
 * Normalises a body read from a member: must be valid UTF-8; CRLF becomes
 * LF; controls other than LF and TAB are removed; trailing newlines are
 * dropped; then it must be non-empty and at most max bytes. *out is the
 * caller's. what names the field in *cause ("body", "caption").
 */
int store_text_body(const char *in, size_t len, size_t max, const char *what,
    char **out, char **cause);

/*
 * Normalises a one-line field (title, label, reason, caption line): valid
 * UTF-8, controls removed, tabs and newlines become spaces, white space at
 * both ends trimmed; at most max code points; empty allowed only if
 * allow_empty.
 */
int store_text_line(const char *in, size_t max, int allow_empty,
    const char *what, char **out, char **cause);

#endif
