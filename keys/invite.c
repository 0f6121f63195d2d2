/* bbs: ISC licence, see LICENSE. */
/*
 * Invitation codes: generation, the printed form and its parser, and the
 * keyed hash (see invite.h). The parser accepts one shape only, so a code
 * read back is always the code that was printed.
 */
#include <string.h>

#include <sodium.h>

#include "keys/invite.h"

static const char invite_alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

/* Position of character i of the code's base32 digits in the text. */
static size_t
invite_pos(size_t i)
{
	return strlen(KEYS_INVITE_PREFIX) + i + i / KEYS_INVITE_GROUP;
}

void
keys_invite_new(struct keys_invite *out)
{
	randombytes_buf(out->bytes, sizeof out->bytes);
	/* 128 - 125: the bits no digit carries are zero, so parse(format(c))
	 * is c. */
	out->bytes[KEYS_INVITE_BYTES - 1] &= 0xf8;
}

void
keys_invite_format(
    const struct keys_invite *c, char out[KEYS_INVITE_TEXT_LEN + 1])
{
	size_t i, bit, len = strlen(KEYS_INVITE_PREFIX);
	unsigned v, b;

	memset(out, '-', KEYS_INVITE_TEXT_LEN);
	memcpy(out, KEYS_INVITE_PREFIX, len);
	for (i = 0; i < KEYS_INVITE_BITS / 5; i++) {
		/* Digit i is bits 5i .. 5i+4, most significant first. */
		for (v = 0, b = 0; b < 5; b++) {
			bit = i * 5 + b;
			v = v << 1 | ((c->bytes[bit / 8] >> (7 - bit % 8)) & 1);
		}
		out[invite_pos(i)] = invite_alphabet[v];
	}
	out[KEYS_INVITE_TEXT_LEN] = '\0';
}

int
keys_invite_parse(const char *text, struct keys_invite *out)
{
	size_t i, bit, plen = strlen(KEYS_INVITE_PREFIX);
	const char *p;
	unsigned v, b;
	char ch;

	memset(out, 0, sizeof *out);
	if (strlen(text) != KEYS_INVITE_TEXT_LEN)
		return KEYS_ERR_FORMAT;
	for (i = 0; i < plen; i++) {
		ch = text[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch != KEYS_INVITE_PREFIX[i])
			return KEYS_ERR_FORMAT;
	}
	for (i = 1; i < KEYS_INVITE_GROUPS; i++) {
		if (text[invite_pos(i * KEYS_INVITE_GROUP) - 1] != '-')
			return KEYS_ERR_FORMAT;
	}
	for (i = 0; i < KEYS_INVITE_BITS / 5; i++) {
		ch = text[invite_pos(i)];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		/* strchr() would also find the terminating NUL. */
		if (ch == '\0' || (p = strchr(invite_alphabet, ch)) == NULL) {
			sodium_memzero(out, sizeof *out);
			return KEYS_ERR_FORMAT;
		}
		v = (unsigned)(p - invite_alphabet);
		for (b = 0; b < 5; b++) {
			bit = i * 5 + b;
			if (v & (0x10u >> b))
				out->bytes[bit / 8] |=
				    (uint8_t)(0x80u >> (bit % 8));
		}
	}
	return KEYS_OK;
}

void
keys_invite_hash(const struct keys_secret *s, const struct keys_invite *c,
    uint8_t out[KEYS_HASH_LEN])
{
	uint8_t sub[KEYS_SECRET_LEN];

	keys_secret_subkey(s, KEYS_INVITE_SUBKEY, KEYS_INVITE_CONTEXT, sub);
	crypto_generichash(
	    out, KEYS_HASH_LEN, c->bytes, sizeof c->bytes, sub, sizeof sub);
	sodium_memzero(sub, sizeof sub);
}
