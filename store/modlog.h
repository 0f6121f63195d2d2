/* bbs: ISC licence, see LICENSE. */
/*
 * The moderation log (store/modlog.c): append-only, hash-chained, signed.
 */
#ifndef STORE_MODLOG_H
#define STORE_MODLOG_H

#include "store/store.h"

#define STORE_SIG_LEN 64
#define STORE_PUBLIC_LEN 32

/* The log's hashing and signing, supplied by the caller (keys/). */
struct store_crypto {
	void (*hash)(const void *msg, size_t len, uint8_t out[STORE_HASH_LEN]);
	/* 0, or -1 if the key cannot be had (the act then fails). */
	int (*sign)(void *ctx, const uint8_t hash[STORE_HASH_LEN],
	    uint8_t sig[STORE_SIG_LEN]);
	/* 0 if sig is the log key's signature of hash. */
	int (*verify)(void *ctx, const uint8_t hash[STORE_HASH_LEN],
	    const uint8_t sig[STORE_SIG_LEN]);
	void *ctx;
};

/* Acts that change the log need this set first (the crypto is borrowed). */
void store_set_crypto(struct store *st, const struct store_crypto *crypto);

/*
 * Appends an entry inside the caller's transaction (store-internal use by
 * every act, exported for the acts that live outside the store).
 */
int store_modlog_append(struct store *st, const char *actor, const char *act,
    const char *target, const char *reason);

/*
 * Walks the whole chain. On success *entries is the number of entries; on
 * damage returns STORE_ERR_CORRUPT with *bad_id the first bad entry and
 * *cause what is wrong with it.
 */
int store_modlog_verify(
    struct store *st, int64_t *entries, int64_t *bad_id, char **cause);

struct store_modlog_entry {
	int64_t id;
	char *actor;
	char *act;
	char *target;
	char *reason;
	int64_t created;
	char prev[2 * STORE_HASH_LEN + 1]; /* hex */
	char hash[2 * STORE_HASH_LEN + 1];
};

/* How many entries the log has. */
int store_modlog_count(struct store *st, int64_t *n);

void store_modlog_free(struct store_modlog_entry *e, size_t n);

/* The newest limit entries, newest first. */
int store_modlog_list(
    struct store *st, int limit, struct store_modlog_entry **out, size_t *n);
/* [{id, actor, act, target, reason, created, prev, hash}], newest first. */
int store_modlog_json(struct store *st, int limit, char **out);

#endif
