/* bbs: ISC licence, see LICENSE. */
/*
 * Invitation codes (SPEC section 10): 125 random bits from libsodium,
 * printed once as "inv-" and five groups of five lowercase base32
 * characters (inv-7kq2m-...), and the keyed hash that is the only thing
 * the store keeps of one. Pure computation: no SQL, no SSH.
 *
 * The hash is BLAKE2b-256 of the code's 16 bytes keyed with a subkey of
 * secret.key derived for invitations alone (crypto_kdf, context
 * KEYS_INVITE_CONTEXT), so a stolen database holds nothing a code can be
 * checked against without secret.key, and the subkey can never coincide
 * with the identity hash's key.
 */
#ifndef KEYS_INVITE_H
#define KEYS_INVITE_H

#include <stdint.h>

#include "keys/keys.h"

#define KEYS_INVITE_BYTES 16 /* 125 bits of code, the low 3 bits zero */
#define KEYS_INVITE_BITS 125
#define KEYS_INVITE_GROUPS 5 /* of KEYS_INVITE_GROUP characters each */
#define KEYS_INVITE_GROUP 5
#define KEYS_INVITE_PREFIX "inv-"
/* "inv-" + 5 groups of 5 + 4 dashes between them */
#define KEYS_INVITE_TEXT_LEN 33
#define KEYS_INVITE_CONTEXT "bbsinvit" /* crypto_kdf context, 8 bytes */
#define KEYS_INVITE_SUBKEY 1           /* crypto_kdf subkey id */

struct keys_invite {
	uint8_t bytes[KEYS_INVITE_BYTES];
};

/* A fresh code from randombytes_buf(). */
void keys_invite_new(struct keys_invite *out);

/* The printed form, NUL-terminated: inv-xxxxx-xxxxx-xxxxx-xxxxx-xxxxx. */
void keys_invite_format(
    const struct keys_invite *c, char out[KEYS_INVITE_TEXT_LEN + 1]);

/*
 * Parses exactly the printed form, ignoring case: KEYS_OK, or
 * KEYS_ERR_FORMAT for anything else (another length, a missing or moved
 * dash, a character outside a-z 2-7, white space).
 */
int keys_invite_parse(const char *text, struct keys_invite *out);

/* The keyed hash the store keeps: see the top of this file. */
void keys_invite_hash(const struct keys_secret *s, const struct keys_invite *c,
    uint8_t out[KEYS_HASH_LEN]);

#endif
