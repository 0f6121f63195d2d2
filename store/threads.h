/* bbs: ISC licence, see LICENSE. */
/*
 * Threads and posts (store/threads.c), read positions (store/reads.c) and
 * full-text search (store/search.c). Member text comes in raw and is
 * normalised here by the content rules, so the UI and the exec commands
 * cannot disagree about what may be stored.
 */
#ifndef STORE_THREADS_H
#define STORE_THREADS_H

#include "store/store.h"

#define STORE_LIMIT_MAX 1000 /* most rows any listing returns */
#define STORE_ERASED "[erased]"

struct store_thread {
	int64_t id;
	char *board;
	char *title;
	char *author; /* pseudonym, or STORE_ERASED */
	int64_t created;
	int64_t replies; /* posts after the first */
	int64_t last_post_id;
	int locked;
	int sticky;
	int64_t unread; /* posts the member has not read (0 without one) */
};

struct store_post {
	int64_t id;
	int64_t thread_id;
	char *author; /* pseudonym, or STORE_ERASED */
	int64_t created;
	char *body;
	char *hidden; /* the reason when hidden by a sysop, else NULL */
};

void store_thread_free(struct store_thread *t);
void store_threads_free(struct store_thread *t, size_t n);
void store_posts_free(struct store_post *p, size_t n);

struct store_board;

/* Why store_post_check() refuses. */
enum store_post_bar {
	STORE_POST_OK = 0,
	STORE_POST_SYSOPS,    /* only sysops may post on the board */
	STORE_POST_UNGRANTED, /* a bot whose login key was not granted it */
	STORE_POST_LOCKED,    /* the thread is locked: only sysops reply */
};

/*
 * Who may post where: the one rule, for threads, replies and a pin's
 * discussion. May member post on board b (into thread t, unless NULL)?
 * A bot only on a board granted to the key this session logged in with
 * (store_set_login(); with none, nowhere), whatever the board's
 * post_role, since the sysops who granted it chose; anyone else not where
 * the post_role is sysop unless a sysop; nobody but sysops into a locked
 * thread. The member's role and the key's grants are read now; b and t
 * as the caller read them.
 *
 * Writes nothing. The store's writes ask it inside their transaction, with
 * b and t read there; the commands and the UI ask it first, to refuse
 * before a body is read or typed. STORE_OK; when refused STORE_ERR_PERM,
 * *bar saying why (for a caller's own words) and *cause (if not NULL)
 * the store's words; another error when it cannot tell.
 */
int store_post_check(struct store *st, int64_t member,
    const struct store_board *b, const struct store_thread *t,
    enum store_post_bar *bar, char **cause);

/*
 * Starts a thread on board by member: title at most title_max characters,
 * body as store_text_body() with body_max. Refuses (STORE_ERR_PERM) whom
 * store_post_check() refuses, and (STORE_ERR_RATE) one past the rate
 * limit. Sets *thread and *post to the new ids.
 */
int store_thread_create(struct store *st, int64_t member, const char *board,
    const char *title, const char *body, size_t body_len, int64_t *thread,
    int64_t *post, char **cause);

/*
 * Replies to a thread; STORE_ERR_PERM for whom store_post_check() refuses
 * (a locked thread included), STORE_ERR_RATE past the rate limit.
 */
int store_post_reply(struct store *st, int64_t member, int64_t thread,
    const char *body, size_t body_len, int64_t *post, char **cause);

/*
 * The threads of a board, stickies first, then by latest activity, at
 * most limit (1 to STORE_LIMIT_MAX). member (0 for none) fills unread.
 */
int store_threads_list(struct store *st, const char *board, int64_t member,
    int limit, struct store_thread **out, size_t *n);
/* [{id, board, title, author, created, replies, locked, sticky}]. */
int store_threads_json(
    struct store *st, const char *board, int limit, char **out);

int store_thread_get(struct store *st, int64_t thread, int64_t member,
    struct store_thread **out);

/*
 * Up to limit posts of a thread in id order: after the post id after
 * (0: from the first) going forward, or before the post id before going
 * back when before > 0. Pages in; never loads a whole long thread.
 */
int store_posts_page(struct store *st, int64_t thread, int64_t after,
    int64_t before, int limit, struct store_post **out, size_t *n);

/*
 * {id, board, title, author, created, locked, posts: [{id, author,
 * created, body, hidden}]}: a hidden post has body null and hidden the
 * reason; a visible one hidden null.
 */
int store_thread_json(struct store *st, int64_t thread, char **out);

/* --- read positions (store/reads.c); private to their member ----------- */

/* Records that member has read thread up to post (never moves back). */
int store_read_mark(
    struct store *st, int64_t member, int64_t thread, int64_t post);
/*
 * Forgets every read position of member (threads, and the pin board's
 * last visit): everything shows unread.
 */
int store_reads_forget(struct store *st, int64_t member);
/* The id of the last post member has read in thread (0: none). */
int store_read_position(
    struct store *st, int64_t member, int64_t thread, int64_t *post);
/*
 * The first unread post anywhere: the oldest board (by id) with anything
 * unread, its oldest unread post; STORE_ERR_NOT_FOUND when all is read.
 */
int store_unread_next(
    struct store *st, int64_t member, int64_t *thread, int64_t *post);
/* Unread posts on a board for member. */
int store_board_unread(
    struct store *st, int64_t member, int64_t board, int64_t *count);
/* Marks every thread of board read for member. */
int store_board_mark_read(struct store *st, int64_t member, int64_t board);

/* --- search (store/search.c) ------------------------------------------- */

struct store_hit {
	int64_t post;
	int64_t thread;
	char *board;
	char *title;
	char *author;
	int64_t created;
	char *snippet;
};

void store_hits_free(struct store_hit *h, size_t n);

/*
 * Full-text search of titles and bodies, best match first. Each word of
 * query is searched for as a quoted term (never FTS5 syntax); hidden posts
 * are not found. STORE_ERR_USAGE for a query with no words.
 */
int store_search(struct store *st, const char *query, int limit,
    struct store_hit **out, size_t *n);
/* [{post, thread, board, title, author, created, snippet}]. */
int store_search_json(
    struct store *st, const char *query, int limit, char **out);

#endif
