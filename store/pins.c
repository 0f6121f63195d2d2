/* bbs: ISC licence, see LICENSE. */
/*
 * The pin board. Input is checked before any transaction; then pinning is
 * one BEGIN IMMEDIATE transaction that looks for an equal link (the
 * UNIQUE url_norm) and either votes for it or, past the rate limit,
 * inserts the pin, its tags and the pinner's vote. The votes triggers keep
 * pins.score, and pins.hot follows from it (see pins.h for the formula).
 * Expiry compares dates as text: "YYYY-MM-DD" sorts as it counts.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "store/store-int.h"
#include "store/url.h"
#include "util/buf.h"
#include "util/utf8.h"

#define PIN_BOARD_TITLE "Discussions of pinned links"

/* A pin as checked and normalised, ready to insert. */
struct pin_input {
	char *url;
	char *href;
	char *caption;
	char tags[STORE_PIN_TAGS_MAX][STORE_PIN_TAG_LEN + 1];
	size_t ntags;
	const char *expires; /* NULL for none */
};

void
store_pin_free(struct store_pin *p)
{
	if (p == NULL)
		return;
	store_pins_free(p, 1);
}

void
store_pins_free(struct store_pin *p, size_t n)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(p[i].url);
		free(p[i].href);
		free(p[i].host);
		free(p[i].caption);
		free(p[i].tags);
		free(p[i].author);
		free(p[i].expires);
	}
	free(p);
}

/* Today as YYYY-MM-DD, UTC, by the store's clock (tests set it). */
static void
pin_today(struct store *st, char out[11])
{
	time_t t = (time_t)store_clock(st);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) == 0)
		snprintf(out, 11, "1970-01-01");
}

static int
pin_month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* 0 if s is a real date YYYY-MM-DD, today or later. */
static int
pin_date_check(struct store *st, const char *s, char **cause)
{
	char today[11];
	int i, y, m, d;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7 ? s[i] != '-'
		                     : !isdigit((unsigned char)s[i]))
			break;
	}
	if (i < 10 || s[10] != '\0') {
		store_cause(cause, "the expiry date is YYYY-MM-DD");
		return STORE_ERR_INVALID;
	}
	y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > pin_month_days(y, m)) {
		store_cause(cause, "%s is not a date", s);
		return STORE_ERR_INVALID;
	}
	pin_today(st, today);
	if (strcmp(s, today) < 0) {
		store_cause(cause, "the expiry date %s is in the past", s);
		return STORE_ERR_INVALID;
	}
	return STORE_OK;
}

/* The tag s lowercased into out ('#' in front dropped), if it is one. */
static int
pin_tag_norm(const char *s, char out[STORE_PIN_TAG_LEN + 1], char **cause)
{
	size_t i, len;

	if (*s == '#')
		s++;
	len = strlen(s);
	for (i = 0; i < len && i < STORE_PIN_TAG_LEN; i++) {
		if (!isascii((unsigned char)s[i]) ||
		    (!isalnum((unsigned char)s[i]) && s[i] != '-'))
			break;
		out[i] = (char)tolower((unsigned char)s[i]);
	}
	if (len == 0 || i < len) {
		store_cause(cause,
		    "a tag is 1 to %d of a-z 0-9 - ('%.*s' is not)",
		    STORE_PIN_TAG_LEN, STORE_PIN_TAG_LEN + 1, s);
		return STORE_ERR_INVALID;
	}
	out[len] = '\0';
	return STORE_OK;
}

/* The member's tags into in->tags: lowercased, each once, at most 5. */
static int
pin_tags_norm(const struct store_pin_new *p, struct pin_input *in, char **cause)
{
	char tag[STORE_PIN_TAG_LEN + 1];
	size_t i, j;
	int r;

	in->ntags = 0;
	for (i = 0; i < p->ntags; i++) {
		if ((r = pin_tag_norm(p->tags[i], tag, cause)) != STORE_OK)
			return r;
		for (j = 0; j < in->ntags && strcmp(in->tags[j], tag) != 0; j++)
			;
		if (j < in->ntags)
			continue;
		if (in->ntags == STORE_PIN_TAGS_MAX) {
			store_cause(
			    cause, "at most %d tags a pin", STORE_PIN_TAGS_MAX);
			return STORE_ERR_INVALID;
		}
		memcpy(in->tags[in->ntags++], tag, sizeof tag);
	}
	return STORE_OK;
}

/* The caption as one line; NUL bytes are controls and go first. */
static int
pin_caption(
    struct store *st, const struct store_pin_new *p, char **out, char **cause)
{
	char *s = xmalloc(p->caption_len + 1);
	size_t i, n = 0;
	int r;

	for (i = 0; i < p->caption_len; i++) {
		if (p->caption[i] != '\0')
			s[n++] = p->caption[i];
	}
	s[n] = '\0';
	r = store_text_line(s, (size_t)store_setting(st, "caption_max"), 1,
	    "the caption", out, cause);
	free(s);
	return r;
}

static void
pin_input_free(struct pin_input *in)
{
	free(in->url);
	free(in->href);
	free(in->caption);
}

/* Checks and normalises everything the member gave. */
static int
pin_input(struct store *st, const struct store_pin_new *p, struct pin_input *in,
    char **cause)
{
	char *why = NULL;
	int r;

	memset(in, 0, sizeof *in);
	if ((r = store_url_normalize(p->url,
	         (size_t)store_setting(st, "url_max"), &in->url, &in->href,
	         &why)) != STORE_OK) {
		store_cause(cause, "%s", why);
		free(why);
		return r;
	}
	if ((r = pin_caption(st, p, &in->caption, cause)) != STORE_OK ||
	    (r = pin_tags_norm(p, in, cause)) != STORE_OK)
		return r;
	if (p->expires != NULL && *p->expires != '\0') {
		if ((r = pin_date_check(st, p->expires, cause)) != STORE_OK)
			return r;
		in->expires = p->expires;
	}
	return STORE_OK;
}

/* Runs sql binding up to two ids; for the small statements below. */
static int
pin_exec(struct store *st, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *stmt;
	int r;

	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "pins");
	sqlite3_finalize(stmt);
	return r;
}

/*
 * One integer from sql, binding ?1 to a and ?2 to b unless b is NULL;
 * STORE_ERR_NOT_FOUND without a row.
 */
static int
pin_int(
    struct store *st, const char *sql, int64_t a, const char *b, int64_t *out)
{
	sqlite3_stmt *stmt;
	int r, rc;

	*out = 0;
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, a);
	if (b != NULL)
		sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		r = STORE_ERR_NOT_FOUND;
	else
		r = store_sqlite_err(st, "pins");
	sqlite3_finalize(stmt);
	return r;
}

/* Member's vote, once; *counted says whether it is new. */
static int
pin_vote_locked(struct store *st, int64_t member, int64_t pin, int *counted)
{
	int r;

	r = pin_exec(st,
	    "INSERT OR IGNORE INTO votes (pin_id, member_id) VALUES (?, ?)",
	    pin, member);
	*counted = r == STORE_OK && sqlite3_changes(st->db) > 0;
	return r;
}

/* clang-format off */
#define PIN_INSERT \
	"INSERT INTO pins (id, url, url_norm, caption, author_id, created," \
	" expires) VALUES (" STORE_SQL_NEXT_ID("pins") ", ?, ?, ?, ?, ?, ?)"
/* clang-format on */

static int
pin_insert(
    struct store *st, int64_t member, const struct pin_input *in, int64_t *id)
{
	sqlite3_stmt *stmt;
	size_t i;
	int r, counted;

	if ((r = store_prepare(st, &stmt, PIN_INSERT)) != STORE_OK)
		return r;
	sqlite3_bind_text(stmt, 1, in->url, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, in->href, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, in->caption, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, member);
	sqlite3_bind_int64(stmt, 5, store_now(st));
	if (in->expires != NULL)
		sqlite3_bind_text(stmt, 6, in->expires, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		r = store_sqlite_err(st, "pin insert");
	else
		*id = sqlite3_last_insert_rowid(st->db);
	sqlite3_finalize(stmt);
	for (i = 0; r == STORE_OK && i < in->ntags; i++) {
		if ((r = store_prepare(st, &stmt,
		         "INSERT INTO pin_tags (pin_id, tag) VALUES (?, ?)")) !=
		    STORE_OK)
			break;
		sqlite3_bind_int64(stmt, 1, *id);
		sqlite3_bind_text(stmt, 2, in->tags[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			r = store_sqlite_err(st, "pin tag insert");
		sqlite3_finalize(stmt);
	}
	/* Pinning is the pinner's vote. */
	if (r == STORE_OK)
		r = pin_vote_locked(st, member, *id, &counted);
	return r;
}

int
store_pin_add(struct store *st, int64_t member, const struct store_pin_new *p,
    int64_t *id, int *dup, int64_t *score, char **cause)
{
	struct pin_input in;
	int r, counted;

	*id = *score = 0;
	*dup = 0;
	if ((r = pin_input(st, p, &in, cause)) != STORE_OK)
		goto out;
	if ((r = store_begin(st)) != STORE_OK)
		goto out;
	r = pin_int(
	    st, "SELECT id FROM pins WHERE url_norm = ?2", 0, in.href, id);
	if (r == STORE_OK) {
		*dup = 1;
		r = pin_vote_locked(st, member, *id, &counted);
	} else if (r == STORE_ERR_NOT_FOUND &&
	           (r = store_rate_take(
	                st, member, "pin", "rate_pins", cause)) == 0)
		r = pin_insert(st, member, &in, id);
	if (r == STORE_OK)
		r = pin_int(st, "SELECT score FROM pins WHERE id = ?1", *id,
		    NULL, score);
	if (r == STORE_OK)
		r = store_commit(st);
	else
		store_rollback(st);
out:
	pin_input_free(&in);
	return r;
}

int
store_pin_vote(struct store *st, int64_t member, int64_t pin, int64_t *score,
    int *counted, char **cause)
{
	int r;

	*score = 0;
	*counted = 0;
	if ((r = store_begin(st)) != STORE_OK)
		return r;
	r = pin_int(
	    st, "SELECT score FROM pins WHERE id = ?1", pin, NULL, score);
	if (r == STORE_OK &&
	    (r = pin_vote_locked(st, member, pin, counted)) == STORE_OK &&
	    *counted)
		(*score)++;
	if (r == STORE_OK)
		r = store_commit(st);
	else
		store_rollback(st);
	if (r == STORE_ERR_NOT_FOUND)
		store_cause(cause, "no pin %lld", (long long)pin);
	return r;
}

/*
 * The columns of a pin as the member ?1 sees it (0: nobody), ?2 today.
 * unseen: someone else's pin, newer than the member's last visit.
 */
/* clang-format off */
#define PIN_COLUMNS \
	"p.id, p.url, p.url_norm, p.caption, " STORE_SQL_AUTHOR("m") "," \
	" p.created, p.score, coalesce(p.expires, '')," \
	" coalesce(p.expires < ?2, 0)," \
	" (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM pin_tags" \
	"  WHERE pin_id = p.id ORDER BY tag))," \
	" EXISTS (SELECT 1 FROM votes v WHERE v.pin_id = p.id" \
	"  AND v.member_id = ?1)," \
	" ?1 != 0 AND p.author_id IS NOT ?1 AND p.id > coalesce((SELECT" \
	"  last_pin_id FROM pin_reads WHERE member_id = ?1), 0)," \
	" coalesce(p.thread_id, 0), coalesce(" STORE_SQL_REPLIES("t") ", 0)," \
	" coalesce(" STORE_SQL_UNREAD ", 0)"

#define PIN_JOINS \
	" LEFT JOIN members m ON m.id = p.author_id" \
	" LEFT JOIN threads t ON t.id = p.thread_id" \
	" LEFT JOIN reads r ON r.member_id = ?1 AND r.thread_id = t.id"

#define PIN_JSON_COLUMNS \
	"p.id AS id, p.url AS url, p.url_norm AS href, p.caption AS caption," \
	" (SELECT json_group_array(tag) FROM (SELECT tag FROM pin_tags" \
	"  WHERE pin_id = p.id ORDER BY tag)) AS tags," \
	" " STORE_SQL_AUTHOR("m") " AS author, p.created AS created," \
	" p.score AS score, p.expires AS expires," \
	" coalesce(p.expires < ?2, 0) AS expired, p.thread_id AS thread"
/* clang-format on */

/*
 * A page of the pin board, ?3 the tag and ?4 the limit. Without a tag it
 * walks pins_hot (or the rowid) and stops after ?4 rows; with one it
 * reads that tag's entries of pin_tags_tag and sorts them.
 */
static char *
pin_sql(const char *columns, const char *joins, const struct store_pin_query *q)
{
	char *sql;

	xasprintf(&sql, "SELECT %s FROM pins p%s%s WHERE 1%s%s LIMIT ?4",
	    columns,
	    q->tag != NULL ? " JOIN pin_tags pt ON pt.pin_id = p.id"
	                     " AND pt.tag = ?3"
	                   : "",
	    joins, q->all ? "" : " AND (p.expires IS NULL OR p.expires >= ?2)",
	    q->sort == STORE_PINS_NEW ? " ORDER BY p.id DESC"
	                              : " ORDER BY p.hot DESC, p.id DESC");
	return sql;
}

/* Prepares a listing with its parameters bound; checks the tag. */
static int
pin_prepare(struct store *st, const char *sql, const struct store_pin_query *q,
    sqlite3_stmt **stmt, char **cause)
{
	char tag[STORE_PIN_TAG_LEN + 1], today[11];
	int r;

	if (q->tag != NULL &&
	    (r = pin_tag_norm(q->tag, tag, cause)) != STORE_OK)
		return r;
	if ((r = store_prepare(st, stmt, sql)) != STORE_OK)
		return r;
	pin_today(st, today);
	sqlite3_bind_int64(*stmt, 1, q->member);
	sqlite3_bind_text(*stmt, 2, today, -1, SQLITE_TRANSIENT);
	if (q->tag != NULL)
		sqlite3_bind_text(*stmt, 3, tag, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(*stmt, 4, store_limit(q->limit));
	return STORE_OK;
}

/* A pin of a listing; arg is the member (int64_t) it is listed for. */
static void
pin_from_row(sqlite3_stmt *stmt, void *elem, const void *arg)
{
	struct store_pin *p = elem;
	int64_t member = *(const int64_t *)arg;

	p->id = sqlite3_column_int64(stmt, 0);
	p->url = store_column_text(stmt, 1);
	p->href = store_column_text(stmt, 2);
	p->host = store_url_host(p->href);
	p->caption = store_column_text(stmt, 3);
	p->author = store_column_text(stmt, 4);
	p->created = sqlite3_column_int64(stmt, 5);
	p->score = sqlite3_column_int64(stmt, 6);
	p->expires = store_column_text(stmt, 7);
	p->expired = sqlite3_column_int(stmt, 8);
	p->tags = store_column_text(stmt, 9);
	p->voted = sqlite3_column_int(stmt, 10);
	p->unseen = sqlite3_column_int(stmt, 11);
	p->thread = sqlite3_column_int64(stmt, 12);
	p->replies = sqlite3_column_int64(stmt, 13);
	p->unread = member != 0 ? sqlite3_column_int64(stmt, 14) : 0;
}

STORE_ROW_TYPE(
    pin_row_type, "pins list", struct store_pin, pin_from_row, store_pins_free);

/* Runs a prepared listing into *out. */
static int
pin_rows(struct store *st, sqlite3_stmt *stmt, int64_t member,
    struct store_pin **out, size_t *n)
{
	void *rows;
	int r;

	r = store_rows(st, stmt, &pin_row_type, &member, &rows, n);
	*out = rows;
	return r;
}

int
store_pins_list(struct store *st, const struct store_pin_query *q,
    struct store_pin **out, size_t *n, char **cause)
{
	sqlite3_stmt *stmt = NULL;
	char *sql = pin_sql(PIN_COLUMNS, PIN_JOINS, q);
	int r;

	*out = NULL;
	*n = 0;
	if ((r = pin_prepare(st, sql, q, &stmt, cause)) == STORE_OK)
		r = pin_rows(st, stmt, q->member, out, n);
	sqlite3_finalize(stmt);
	free(sql);
	return r;
}

int
store_pins_json(
    struct store *st, const struct store_pin_query *q, char **out, char **cause)
{
	sqlite3_stmt *stmt = NULL;
	char *page = pin_sql(PIN_JSON_COLUMNS,
	         " LEFT JOIN members m ON m.id = p.author_id", q),
	     *sql;
	int r;

	*out = NULL;
	xasprintf(&sql,
	    "SELECT json_group_array(json_object('id', id, 'url', url,"
	    " 'href', href, 'caption', caption, 'tags', json(tags), 'author',"
	    " author, 'created', %s, 'score', score, 'expires', expires,"
	    " 'expired', %s, 'thread', thread)) FROM (%s)",
	    STORE_SQL_TIME("created"), STORE_SQL_BOOL("expired"), page);
	if ((r = pin_prepare(st, sql, q, &stmt, cause)) == STORE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			*out = store_column_text(stmt, 0);
		else
			r = store_sqlite_err(st, "pins json");
	}
	sqlite3_finalize(stmt);
	free(page);
	free(sql);
	return r;
}

int
store_pin_get(
    struct store *st, int64_t pin, int64_t member, struct store_pin **out)
{
	sqlite3_stmt *stmt;
	char today[11];
	size_t n = 0;
	int r;

	*out = NULL;
	if ((r = store_prepare(st, &stmt,
	         "SELECT " PIN_COLUMNS " FROM pins p" PIN_JOINS
	         " WHERE p.id = ?3")) != STORE_OK)
		return r;
	pin_today(st, today);
	sqlite3_bind_int64(stmt, 1, member);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 3, pin);
	r = pin_rows(st, stmt, member, out, &n);
	sqlite3_finalize(stmt);
	if (r == STORE_OK && n == 0)
		r = STORE_ERR_NOT_FOUND;
	return r;
}

int
store_pins_seen(struct store *st, int64_t member, int64_t upto)
{
	return pin_exec(st,
	    "INSERT INTO pin_reads (member_id, last_pin_id) VALUES (?1, ?2)"
	    " ON CONFLICT (member_id) DO UPDATE SET"
	    " last_pin_id = max(last_pin_id, excluded.last_pin_id)",
	    member, upto);
}

/* Makes sure the board "pins" exists: made on first use, by the console. */
static int
pin_board(struct store *st, char **cause)
{
	struct store_board *b = NULL;
	int r;

	if ((r = store_board_get(st, STORE_PINS_BOARD, &b)) ==
	    STORE_ERR_NOT_FOUND) {
		r = store_board_create(st, &store_console, STORE_PINS_BOARD,
		    PIN_BOARD_TITLE, STORE_ROLE_MEMBER, cause);
		/* Another process may have made it meanwhile. */
		if (r == STORE_ERR_EXISTS) {
			if (cause != NULL) {
				free(*cause);
				*cause = NULL;
			}
			r = STORE_OK;
		}
	}
	store_board_free(b);
	return r;
}

/* s cut to max code points, with an ellipsis if anything went. */
static char *
pin_cut(const char *s, size_t max)
{
	struct buf b;
	size_t n = 0;

	if (utf8_count(s) <= max)
		return xstrdup(s);
	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80 && ++n == max)
			break;
		buf_addc(&b, *s);
	}
	buf_add_cp(&b, 0x2026);
	return buf_take(&b);
}

/* The discussion thread's title and first post for pin p. */
static int
pin_thread_text(struct store *st, const struct store_pin *p, char **title,
    char **body, char **cause)
{
	struct buf b;
	char *raw;
	int r;

	*title = pin_cut(*p->caption != '\0' ? p->caption : p->url,
	    (size_t)store_setting(st, "title_max"));
	buf_init(&b);
	buf_printf(&b, "Pin #%lld: %s", (long long)p->id, p->url);
	if (*p->caption != '\0')
		buf_printf(&b, "\n\n%s", p->caption);
	raw = buf_take(&b);
	r = store_text_body(raw, strlen(raw),
	    (size_t)store_setting(st, "body_max"), "the first post", body,
	    cause);
	free(raw);
	return r;
}

/*
 * Inside the transaction: starts the thread unless another just did, if
 * member may post on the board "pins".
 */
static int
pin_thread_locked(struct store *st, int64_t member, int64_t pin,
    const char *title, const char *body, int64_t *thread, int *created,
    char **cause)
{
	int64_t board = 0, post;
	int r;

	if ((r = pin_int(st,
	         "SELECT coalesce(thread_id, 0) FROM pins"
	         " WHERE id = ?1",
	         pin, NULL, thread)) != STORE_OK ||
	    *thread != 0)
		return r;
	if ((r = store_post_allowed(
	         st, member, STORE_PINS_BOARD, 0, &board, cause)) != STORE_OK ||
	    (r = store_rate_take(st, member, "post", "rate_posts", cause)) !=
	        STORE_OK ||
	    (r = store_thread_insert(
	         st, member, board, title, body, thread, &post)) != STORE_OK ||
	    (r = pin_exec(st, "UPDATE pins SET thread_id = ?2 WHERE id = ?1",
	         pin, *thread)) != STORE_OK)
		return r;
	*created = 1;
	return STORE_OK;
}

int
store_pin_thread(struct store *st, int64_t member, int64_t pin, int64_t *thread,
    int *created, char **cause)
{
	struct store_pin *p = NULL;
	char *title = NULL, *body = NULL;
	int r;

	*thread = 0;
	*created = 0;
	if ((r = store_pin_get(st, pin, 0, &p)) != STORE_OK) {
		if (r == STORE_ERR_NOT_FOUND)
			store_cause(cause, "no pin %lld", (long long)pin);
		return r;
	}
	if ((*thread = p->thread) != 0)
		goto out;
	if ((r = pin_board(st, cause)) != STORE_OK ||
	    (r = pin_thread_text(st, p, &title, &body, cause)) != STORE_OK ||
	    (r = store_begin(st)) != STORE_OK)
		goto out;
	r = pin_thread_locked(
	    st, member, pin, title, body, thread, created, cause);
	if (r == STORE_OK)
		r = store_commit(st);
	else
		store_rollback(st);
out:
	store_pin_free(p);
	free(title);
	free(body);
	return r;
}

/* log2() for an SQLite built without its math functions. */
static void
pin_sql_log2(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double x;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (x = sqlite3_value_double(argv[0])) <= 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_double(ctx, log2(x));
}

int
store_pins_sql_init(struct store *st)
{
	sqlite3_stmt *stmt = NULL;

	/* pins.hot needs log2(); SQLite has it when built with
	 * SQLITE_ENABLE_MATH_FUNCTIONS, as Debian's is. */
	if (sqlite3_prepare_v2(st->db, "SELECT log2(2)", -1, &stmt, NULL) ==
	    SQLITE_OK) {
		sqlite3_finalize(stmt);
		return STORE_OK;
	}
	if (sqlite3_create_function(st->db, "log2", 1,
	        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, pin_sql_log2, NULL,
	        NULL) != SQLITE_OK)
		return store_sqlite_err(st, "log2");
	return STORE_OK;
}

/* clang-format off */
#define PIN_ADDED_JSON \
	"SELECT json_object('id', ?1, 'duplicate', " STORE_SQL_BOOL("?2") "," \
	" 'score', ?3)"
#define PIN_VOTED_JSON \
	"SELECT json_object('id', ?1, 'score', ?2," \
	" 'counted', " STORE_SQL_BOOL("?3") ")"
/* clang-format on */

/* Runs sql, a json_object() of the bound ?1, ?2 and ?3, into *out. */
static int
pin_outcome_json(struct store *st, const char *sql, int64_t a, int64_t b,
    int64_t c, char **out)
{
	sqlite3_stmt *stmt;
	int r;

	*out = NULL;
	if ((r = store_prepare(st, &stmt, sql)) != STORE_OK)
		return r;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	sqlite3_bind_int64(stmt, 3, c);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*out = store_column_text(stmt, 0);
	else
		r = store_sqlite_err(st, "pin json");
	sqlite3_finalize(stmt);
	return r;
}

int
store_pin_added_json(
    struct store *st, int64_t id, int dup, int64_t score, char **out)
{
	return pin_outcome_json(st, PIN_ADDED_JSON, id, dup, score, out);
}

int
store_pin_voted_json(
    struct store *st, int64_t pin, int64_t score, int counted, char **out)
{
	return pin_outcome_json(st, PIN_VOTED_JSON, pin, score, counted, out);
}
