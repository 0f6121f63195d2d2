/* bbs: ISC licence, see LICENSE. */
/*
 * OpenSSH public key lines: "TYPE BASE64 [COMMENT]". The blob is checked
 * field by field against the SSH wire format (RFC 4253 6.6, RFC 5656 3.1,
 * OpenSSH PROTOCOL.u2f) so a key we accept here is one libssh can use; the
 * comment is dropped at once. Certificates and DSA are refused: a
 * certificate's blob changes on every re-issue, which would break identity.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "keys/keys.h"
#include "util/xmalloc.h"

/* A reader over a wire-format blob. */
struct wire {
	const uint8_t *p;
	size_t left;
};

static int
wire_string(struct wire *w, const uint8_t **s, size_t *len)
{
	uint32_t n;

	if (w->left < 4)
		return -1;
	n = (uint32_t)w->p[0] << 24 | (uint32_t)w->p[1] << 16 |
	    (uint32_t)w->p[2] << 8 | w->p[3];
	if (n > w->left - 4)
		return -1;
	*s = w->p + 4;
	*len = n;
	w->p += 4 + n;
	w->left -= 4 + n;
	return 0;
}

static int
wire_string_is(struct wire *w, const char *want)
{
	const uint8_t *s;
	size_t len;

	if (wire_string(w, &s, &len) != 0)
		return 0;
	return len == strlen(want) && memcmp(s, want, len) == 0;
}

/* An SSH mpint's bit length; -1 if negative or not minimal. */
static int
mpint_bits(const uint8_t *s, size_t len)
{
	unsigned bits;
	uint8_t top;

	if (len == 0)
		return 0;
	if (s[0] & 0x80)
		return -1;
	if (s[0] == 0) {
		if (len == 1 || !(s[1] & 0x80))
			return -1;
		s++, len--;
	}
	if (len > KEYS_RSA_MAX_BITS / 8 + 1)
		return -1;
	bits = (unsigned)(len - 1) * 8;
	for (top = s[0]; top != 0; top >>= 1)
		bits++;
	return (int)bits;
}

static int
parse_rsa(struct wire *w, struct keys_pubkey *k, char **cause)
{
	const uint8_t *e, *n;
	size_t elen, nlen;
	int bits;

	if (wire_string(w, &e, &elen) != 0 || wire_string(w, &n, &nlen) != 0 ||
	    mpint_bits(e, elen) <= 0 || (bits = mpint_bits(n, nlen)) <= 0) {
		xasprintf(cause, "malformed ssh-rsa key");
		return KEYS_ERR_FORMAT;
	}
	if (bits < KEYS_RSA_MIN_BITS || bits > KEYS_RSA_MAX_BITS) {
		xasprintf(cause, "RSA key of %d bits (need %d to %d)", bits,
		    KEYS_RSA_MIN_BITS, KEYS_RSA_MAX_BITS);
		return KEYS_ERR_WEAK;
	}
	k->bits = (unsigned)bits;
	return KEYS_OK;
}

static int
parse_ed25519(struct wire *w, struct keys_pubkey *k, int sk, char **cause)
{
	const uint8_t *pk, *app;
	size_t len, applen;

	if (wire_string(w, &pk, &len) != 0 || len != 32 ||
	    (sk && wire_string(w, &app, &applen) != 0)) {
		xasprintf(cause, "malformed %s key", k->type);
		return KEYS_ERR_FORMAT;
	}
	k->bits = 256;
	return KEYS_OK;
}

static int
parse_ecdsa(struct wire *w, struct keys_pubkey *k, const char *curve,
    size_t qlen, int sk, char **cause)
{
	const uint8_t *q, *app;
	size_t len, applen;

	if (!wire_string_is(w, curve) || wire_string(w, &q, &len) != 0 ||
	    len != qlen || q[0] != 0x04 ||
	    (sk && wire_string(w, &app, &applen) != 0)) {
		xasprintf(cause, "malformed %s key", k->type);
		return KEYS_ERR_FORMAT;
	}
	k->bits = (unsigned)(qlen - 1) * 4;
	return KEYS_OK;
}

static int
parse_blob(struct keys_pubkey *k, char **cause)
{
	static const char *sk_ecdsa = "sk-ecdsa-sha2-nistp256@openssh.com";
	struct wire w = { k->blob, k->bloblen };
	const char *t = k->type;
	int r;

	if (!wire_string_is(&w, t)) {
		xasprintf(cause, "key data is not of type %s", t);
		return KEYS_ERR_FORMAT;
	}
	if (strcmp(t, "ssh-ed25519") == 0)
		r = parse_ed25519(&w, k, 0, cause);
	else if (strcmp(t, "sk-ssh-ed25519@openssh.com") == 0)
		r = parse_ed25519(&w, k, 1, cause);
	else if (strcmp(t, "ecdsa-sha2-nistp256") == 0)
		r = parse_ecdsa(&w, k, "nistp256", 65, 0, cause);
	else if (strcmp(t, "ecdsa-sha2-nistp384") == 0)
		r = parse_ecdsa(&w, k, "nistp384", 97, 0, cause);
	else if (strcmp(t, "ecdsa-sha2-nistp521") == 0)
		r = parse_ecdsa(&w, k, "nistp521", 133, 0, cause);
	else if (strcmp(t, sk_ecdsa) == 0)
		r = parse_ecdsa(&w, k, "nistp256", 65, 1, cause);
	else if (strcmp(t, "ssh-rsa") == 0)
		r = parse_rsa(&w, k, cause);
	else {
		xasprintf(cause,
		    "unsupported key type (use ed25519, ECDSA or RSA of 2048 bits or more)");
		return KEYS_ERR_TYPE;
	}
	if (r == KEYS_OK && w.left != 0) {
		xasprintf(cause, "trailing bytes after the %s key", t);
		r = KEYS_ERR_FORMAT;
	}
	return r;
}

static int
type_is_sane(const char *type)
{
	size_t i, len = strlen(type);

	if (len == 0 || len > 64)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)type[i]) &&
		    strchr("-@.", type[i]) == NULL)
			return 0;
	}
	return 1;
}

int
keys_pubkey_parse(
    const char *type, const char *b64, struct keys_pubkey **out, char **cause)
{
	struct keys_pubkey *k = NULL;
	size_t b64len = strlen(b64), binlen;
	const char *end;
	int r = KEYS_ERR_FORMAT;

	*out = NULL;
	*cause = NULL;
	if (!type_is_sane(type)) {
		xasprintf(cause, "not an OpenSSH public key line");
		goto out;
	}
	if (b64len == 0 || b64len > KEYS_LINE_MAX) {
		xasprintf(cause, "key data missing or too long");
		goto out;
	}
	k = xcalloc(1, sizeof *k);
	k->type = xstrdup(type);
	k->blob = xmalloc(b64len);
	if (sodium_base642bin(k->blob, b64len, b64, b64len, NULL, &binlen, &end,
	        sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    end != b64 + b64len || binlen == 0) {
		xasprintf(cause, "key data is not valid base64");
		goto out;
	}
	k->bloblen = binlen;
	k->b64 = xstrdup(b64);
	if ((r = parse_blob(k, cause)) != KEYS_OK)
		goto out;
	*out = k;
	k = NULL;
	r = KEYS_OK;
out:
	keys_pubkey_free(k);
	return r;
}

int
keys_pubkey_parse_line(const char *line, struct keys_pubkey **out, char **cause)
{
	char *copy, *type, *b64, *save = NULL;
	int r;

	*out = NULL;
	*cause = NULL;
	if (strlen(line) > KEYS_LINE_MAX) {
		xasprintf(cause, "key line too long");
		return KEYS_ERR_FORMAT;
	}
	copy = xstrdup(line);
	type = strtok_r(copy, " \t\r\n", &save);
	b64 = type == NULL ? NULL : strtok_r(NULL, " \t\r\n", &save);
	if (type == NULL || b64 == NULL) {
		xasprintf(cause, "expected 'TYPE BASE64 [COMMENT]'");
		r = KEYS_ERR_FORMAT;
	} else
		r = keys_pubkey_parse(type, b64, out, cause);
	free(copy);
	return r;
}

void
keys_pubkey_free(struct keys_pubkey *k)
{
	if (k == NULL)
		return;
	free(k->type);
	free(k->blob);
	free(k->b64);
	free(k);
}
