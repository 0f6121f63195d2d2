/* bbs: ISC licence, see LICENSE. */
/* Making an invitation: the code from keys/, its hash into store/. */
#include <stdlib.h>
#include <string.h>

#include "bbs/front.h"

int
bbs_invite_create(const struct bbs_paths *p, struct store *st, int64_t member,
    char code[KEYS_INVITE_TEXT_LEN + 1], struct store_invite *out, char **cause)
{
	struct keys_secret *secret = NULL;
	struct keys_invite c;
	uint8_t hash[KEYS_HASH_LEN];
	int r;

	memset(code, 0, KEYS_INVITE_TEXT_LEN + 1);
	*cause = NULL;
	/* A member exists, so a key was hashed: secret.key must be there. */
	if (keys_secret_load(p->dirfd, BBS_FILE_SECRET, 0, &secret, cause) !=
	    KEYS_OK)
		return STORE_ERR_INTERNAL;
	keys_invite_new(&c);
	keys_invite_hash(secret, &c, hash);
	keys_secret_free(secret);
	if ((r = store_invite_create(st, member, hash, out, cause)) == STORE_OK)
		keys_invite_format(&c, code);
	explicit_bzero(&c, sizeof c);
	explicit_bzero(hash, sizeof hash);
	return r;
}
