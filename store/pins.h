/* bbs: ISC licence, see LICENSE. */
/*
 * The pin board (store/pins.c): links with a caption, up to five tags, an
 * optional expiry date, votes, and an optional discussion thread on the
 * board "pins". What a URL may be and when two are equal is store/url.h;
 * member text is normalised here, so the UI and the exec commands cannot
 * disagree about what may be stored.
 *
 * Hot order: every pin's weight is its score halved for every day of age,
 *
 *   weight = max(score, 1) * 2^(-age_hours / 24)
 *
 * Because all weights halve at the same rate, the order never changes as
 * time passes, only when pins or votes arrive, so it is sorted by the
 * equivalent key log2(max(score, 1)) + created_days, which needs no clock
 * and is kept indexed (pins.hot): a page is one query that walks the index
 * and stops after limit rows.
 */
#ifndef STORE_PINS_H
#define STORE_PINS_H

#include "store/store.h"

#define STORE_PIN_TAGS_MAX 5 /* tags a pin */
#define STORE_PIN_TAG_LEN 24 /* characters a tag */
#define STORE_PINS_BOARD "pins"

enum store_pin_sort {
	STORE_PINS_HOT = 0,
	STORE_PINS_NEW = 1, /* newest first (id order) */
};

/* What a member pins. */
struct store_pin_new {
	const char *url;
	const char *caption; /* caption_len bytes, any text; may be NULL */
	size_t caption_len;
	const char *const *tags; /* ntags of them, as the member wrote them */
	size_t ntags;
	const char *expires; /* "YYYY-MM-DD", or NULL or "" for none */
};

struct store_pin {
	int64_t id;
	char *url;     /* as shown */
	char *href;    /* its ASCII form: what a hyperlink opens */
	char *host;    /* the host of href */
	char *caption; /* "" if none */
	char *tags;    /* space-separated, in order; "" if none */
	char *author;  /* pseudonym, or STORE_ERASED */
	int64_t created;
	int64_t score;
	char *expires;   /* "YYYY-MM-DD", or "" */
	int expired;     /* expires is before today (UTC, store clock) */
	int voted;       /* the member asking has voted for it */
	int unseen;      /* someone else's, newer than the last visit */
	int64_t thread;  /* its discussion thread, 0 if none */
	int64_t replies; /* posts in it after the first */
	int64_t unread;  /* posts in it the member has not read */
};

/* Which pins a listing shows, in which order. */
struct store_pin_query {
	enum store_pin_sort sort;
	const char *tag; /* only pins with this tag; NULL for all */
	int all;         /* include expired pins */
	int limit;       /* 1 to STORE_LIMIT_MAX */
	int64_t member;  /* fills voted, unseen and unread; 0 for none */
};

void store_pin_free(struct store_pin *p);
void store_pins_free(struct store_pin *p, size_t n);

/*
 * Pins a link for member: the URL by the rules of store/url.h, the caption
 * as a one-line text of at most caption_max characters (empty allowed),
 * tags lowercased, each [a-z0-9-]{1,24}, at most 5 (repeats count once),
 * expires a real date no earlier than today (UTC). Invalid input is
 * STORE_ERR_INVALID with *cause.
 *
 * A link equal to a pinned one is not pinned again: it counts as member's
 * vote for that pin (once), and *dup is 1. Otherwise the new pin counts as
 * member's vote (score 1), after the rate limit (STORE_ERR_RATE). *id is
 * the pin's id and *score its score either way.
 */
int store_pin_add(struct store *st, int64_t member,
    const struct store_pin_new *p, int64_t *id, int *dup, int64_t *score,
    char **cause);

/*
 * Member's vote for a pin; one per member, so a repeat changes nothing
 * (*counted 0) and is not an error. *score is the pin's score after it.
 * STORE_ERR_NOT_FOUND with *cause for no such pin.
 */
int store_pin_vote(struct store *st, int64_t member, int64_t pin,
    int64_t *score, int *counted, char **cause);

/* One pin, with member's view of it (0 for none). */
int store_pin_get(
    struct store *st, int64_t pin, int64_t member, struct store_pin **out);

/*
 * The pin board: without q->all, only pins not expired. A tag that is not
 * a valid tag is STORE_ERR_INVALID with *cause.
 */
int store_pins_list(struct store *st, const struct store_pin_query *q,
    struct store_pin **out, size_t *n, char **cause);

/*
 * The same as JSON: [{id, url, href, caption, tags: [...], author,
 * created, score, expires (null or "YYYY-MM-DD"), expired, thread (null
 * or its id)}].
 */
int store_pins_json(struct store *st, const struct store_pin_query *q,
    char **out, char **cause);

/*
 * The pin's discussion thread in *thread, started now if it has none:
 * on the board "pins" (created on first use, logged as the console's act),
 * titled with the caption (or the link), the first post by member giving
 * the link. Starting one takes store_post_check() on that board and the
 * posts rate limit; *created says whether it was started now.
 */
int store_pin_thread(struct store *st, int64_t member, int64_t pin,
    int64_t *thread, int *created, char **cause);

/* Records that member has seen the pin board up to pin id upto. */
int store_pins_seen(struct store *st, int64_t member, int64_t upto);

/*
 * What store_pin_add() said, as JSON for `pin --json`: {id, duplicate,
 * score}. *out is the caller's.
 */
int store_pin_added_json(
    struct store *st, int64_t id, int dup, int64_t score, char **out);

/*
 * What store_pin_vote() said, as JSON for `vote --json`: {id, score,
 * counted}. *out is the caller's.
 */
int store_pin_voted_json(
    struct store *st, int64_t pin, int64_t score, int counted, char **out);

#endif
