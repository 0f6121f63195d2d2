/* bbs: ISC licence, see LICENSE. */
/*
 * The URL rules for pins (see url.h for the rules themselves). A URL is
 * split once into scheme, authority and the rest; the authority is
 * checked and rebuilt, the rest is copied with the tracking parameters
 * left out. Nothing here knows SQL; nothing here ever resolves or fetches
 * anything.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
#include "store/url.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define URL_LABEL_MAX 63
#define URL_HOST_MAX 253

/* The pieces of a URL that has passed the character check. */
struct url_parts {
	int https;
	const char *host; /* the authority, without a port */
	size_t host_len;
	const char *port; /* the digits after ':', NULL without a ':' */
	size_t port_len;
	const char *rest; /* path, query and fragment, to the end */
};

/*
 * Spaces and characters that show as nothing: a link holding one could
 * look like another link, so none is accepted.
 */
static int
url_cp_invisible(uint32_t cp)
{
	return cp == ' ' || cp == 0xa0 || cp == 0xad || cp == 0x1680 ||
	       cp == 0x180e || (cp >= 0x2000 && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202f) ||
	       (cp >= 0x205f && cp <= 0x2064) || cp == 0x3000 || cp == 0x3164 ||
	       cp == 0xfeff || cp == 0xffa0;
}

/* Valid UTF-8 with nothing unsafe or invisible in it. */
static int
url_check_chars(const char *in, size_t len, char **cause)
{
	uint32_t cp;
	size_t i = 0;
	int n;

	while (i < len) {
		if ((n = utf8_decode(in + i, len - i, &cp)) < 0) {
			xasprintf(cause, "the link is not valid UTF-8");
			return STORE_ERR_INVALID;
		}
		if (utf8_is_unsafe(cp)) {
			xasprintf(cause, "the link holds a control character");
			return STORE_ERR_INVALID;
		}
		if (url_cp_invisible(cp)) {
			xasprintf(cause,
			    "the link holds a space or an invisible character");
			return STORE_ERR_INVALID;
		}
		i += (size_t)n;
	}
	return 0;
}

/* Sets p->https and returns what follows "://", or NULL with *cause. */
static const char *
url_scheme(const char *in, struct url_parts *p, char **cause)
{
	size_t n =
	    strspn(in, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	               "0123456789+-.");

	/* "localhost:8080/x" is a host and port, not a scheme. */
	if (n > 0 && in[n] == ':' && isalpha((unsigned char)in[0]) &&
	    !isdigit((unsigned char)in[n + 1])) {
		if (n == 4 && strncasecmp(in, "http", 4) == 0)
			p->https = 0;
		else if (n == 5 && strncasecmp(in, "https", 5) == 0)
			p->https = 1;
		else {
			xasprintf(cause,
			    "only http and https links may be pinned, not %.*s:",
			    n > 16 ? 16 : (int)n, in);
			return NULL;
		}
		if (strncmp(in + n + 1, "//", 2) == 0)
			return in + n + 3;
	}
	xasprintf(cause, "a link starts with http:// or https://");
	return NULL;
}

/* Splits the authority at s into host and port; sets p->rest. */
static int
url_authority(const char *s, struct url_parts *p, char **cause)
{
	size_t len = strcspn(s, "/?#"), hlen;
	const char *colon;

	p->rest = s + len;
	if (memchr(s, '@', len) != NULL) {
		xasprintf(cause, "a link may not hold a user name or password");
		return STORE_ERR_INVALID;
	}
	if (len > 0 && s[0] == '[') {
		const char *end = memchr(s, ']', len);

		hlen = end == NULL ? len : (size_t)(end - s) + 1;
	} else {
		colon = memchr(s, ':', len);
		hlen = colon == NULL ? len : (size_t)(colon - s);
	}
	p->host = s;
	p->host_len = hlen;
	p->port = NULL;
	if (hlen < len) {
		if (s[hlen] != ':') {
			xasprintf(cause, "the link's host is not valid");
			return STORE_ERR_INVALID;
		}
		p->port = s + hlen + 1;
		p->port_len = len - hlen - 1;
	}
	if (hlen == 0) {
		xasprintf(cause, "the link has no host");
		return STORE_ERR_INVALID;
	}
	return 0;
}

/* Lowercase for the letters a host may hold: ASCII, Latin-1, Greek,
 * Cyrillic. Others are kept as they are (no Unicode tables here). */
static uint32_t
url_cp_lower(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2)
		return cp + 0x20;
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	return cp;
}

/*
 * One label of a host name: lowercased into shown, and into ascii as it
 * is or as "xn--" Punycode when it holds anything beyond ASCII.
 */
static int
url_label(const char *s, size_t len, struct buf *shown, struct buf *ascii,
    char **cause)
{
	unsigned int cp[URL_LABEL_MAX];
	size_t i = 0, n = 0;
	uint32_t c;
	int k, wide = 0;
	char *puny;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &c);
		i += (size_t)k;
		c = url_cp_lower(c);
		if (c < 0x80 && !isalnum((int)c) && c != '-' && c != '_') {
			xasprintf(cause, "the link's host holds '%c'", (int)c);
			return STORE_ERR_INVALID;
		}
		if (n == URL_LABEL_MAX)
			goto long_label;
		wide |= c >= 0x80;
		cp[n++] = c;
		buf_add_cp(shown, c);
	}
	if (!wide) {
		buf_add(ascii, shown->data + shown->len - n, n);
		return 0;
	}
	if ((puny = store_url_punycode(cp, n)) == NULL ||
	    strlen(puny) + 4 > URL_LABEL_MAX) {
		free(puny);
		goto long_label;
	}
	buf_adds(ascii, "xn--");
	buf_adds(ascii, puny);
	free(puny);
	return 0;
long_label:
	xasprintf(cause, "a part of the link's host is too long");
	return STORE_ERR_INVALID;
}

/* An IPv6 literal: hex digits, ':' and '.' in brackets (no zone). */
static int
url_ipv6(const char *s, size_t len, struct buf *shown, struct buf *ascii,
    char **cause)
{
	size_t i;
	char c;

	if (len < 4 || s[len - 1] != ']' ||
	    strspn(s + 1, "0123456789abcdefABCDEF:.") != len - 2 ||
	    memchr(s, ':', len) == NULL) {
		xasprintf(cause, "the link's IPv6 address is not valid");
		return STORE_ERR_INVALID;
	}
	for (i = 0; i < len; i++) {
		c = (char)tolower((unsigned char)s[i]);
		buf_addc(shown, c);
		buf_addc(ascii, c);
	}
	return 0;
}

/* The host, lowercased, into shown and (ASCII form) into ascii. */
static int
url_host(const struct url_parts *p, struct buf *shown, struct buf *ascii,
    char **cause)
{
	const char *s = p->host, *end = s + p->host_len, *dot;
	size_t start = ascii->len;
	int r;

	if (*s == '[')
		return url_ipv6(s, p->host_len, shown, ascii, cause);
	while (s < end) {
		dot = memchr(s, '.', (size_t)(end - s));
		if (dot == NULL)
			dot = end;
		/* An empty label; a trailing dot ("example.org.") is fine. */
		if (dot == s) {
			xasprintf(cause, "the link's host is not valid");
			return STORE_ERR_INVALID;
		}
		if ((r = url_label(
		         s, (size_t)(dot - s), shown, ascii, cause)) != 0)
			return r;
		if (dot < end) {
			buf_addc(shown, '.');
			buf_addc(ascii, '.');
		}
		s = dot + 1;
	}
	if (ascii->len - start > URL_HOST_MAX + 1) {
		xasprintf(cause, "the link's host is too long");
		return STORE_ERR_INVALID;
	}
	return 0;
}

/* ":PORT" unless it is empty or the scheme's default. */
static int
url_port(const struct url_parts *p, struct buf *out, char **cause)
{
	unsigned long v = 0;
	size_t i;

	if (p->port == NULL || p->port_len == 0)
		return 0;
	for (i = 0; i < p->port_len; i++) {
		if (!isdigit((unsigned char)p->port[i]) || v > 65535)
			break;
		v = v * 10 + (unsigned long)(p->port[i] - '0');
	}
	if (i < p->port_len || v == 0 || v > 65535) {
		xasprintf(cause, "the link's port is not valid");
		return STORE_ERR_INVALID;
	}
	if (v != (p->https ? 443UL : 80UL))
		buf_printf(out, ":%lu", v);
	return 0;
}

/* The value of hex digit c, or -1. */
static int
url_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 1 if the query parameter named by the len bytes at s is tracking. */
static int
url_tracking(const char *s, size_t len)
{
	static const char *const names[] = { "fbclid", "gclid", "dclid",
		"msclkid", "mc_cid", "mc_eid", "igshid", "yclid", NULL };
	char name[16];
	size_t i, n = 0;

	/*
	 * Compared after percent-decoding (utm%5Fsource is utm_source);
	 * %00 to %0F stay encoded, so no name ends early.
	 */
	for (i = 0; i < len && n < sizeof name - 1; i++) {
		if (s[i] == '%' && i + 2 < len && url_hex(s[i + 1]) > 0 &&
		    url_hex(s[i + 2]) >= 0) {
			name[n++] =
			    (char)(url_hex(s[i + 1]) * 16 + url_hex(s[i + 2]));
			i += 2;
		} else
			name[n++] = s[i];
	}
	name[n] = '\0';
	if (strncasecmp(name, "utm_", 4) == 0)
		return 1;
	if (i < len)
		return 0; /* longer than any name in the list */
	for (i = 0; names[i] != NULL; i++) {
		if (strcasecmp(name, names[i]) == 0)
			return 1;
	}
	return 0;
}

/* RFC 3492 section 6.1: the bias after a code point is encoded. */
static uint32_t
url_puny_adapt(uint32_t delta, uint32_t points, int first)
{
	uint32_t k = 0;

	delta = first ? delta / 700 : delta / 2;
	delta += delta / points;
	while (delta > ((36 - 1) * 26) / 2) {
		delta /= 36 - 1;
		k += 36;
	}
	return k + (36 * delta) / (delta + 38);
}

/* Appends the variable-length integer q (RFC 3492 section 6.3). */
static void
url_puny_digits(struct buf *b, uint32_t q, uint32_t bias)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	uint32_t k, t;

	for (k = 36;; k += 36) {
		t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
		if (q < t)
			break;
		buf_addc(b, digits[t + (q - t) % (36 - t)]);
		q = (q - t) / (36 - t);
	}
	buf_addc(b, digits[q]);
}

char *
store_url_punycode(const unsigned int *cp, size_t ncp)
{
	struct buf b;
	uint32_t n = 0x80, bias = 72, m;
	uint64_t delta = 0;
	size_t i, h, basic;

	if (ncp > URL_LABEL_MAX)
		return NULL; /* every code point costs at least a byte */
	buf_init(&b);
	for (i = 0; i < ncp; i++) {
		if (cp[i] < 0x80)
			buf_addc(&b, (char)cp[i]);
	}
	h = basic = b.len;
	if (basic > 0)
		buf_addc(&b, '-');
	while (h < ncp) {
		for (m = UINT32_MAX, i = 0; i < ncp; i++) {
			if (cp[i] >= n && cp[i] < m)
				m = cp[i];
		}
		/* At most 63 code points below U+110000: no overflow. */
		delta += (uint64_t)(m - n) * (h + 1);
		n = m;
		for (i = 0; i < ncp; i++) {
			if (cp[i] < n)
				delta++;
			if (cp[i] != n)
				continue;
			url_puny_digits(&b, (uint32_t)delta, bias);
			bias = url_puny_adapt(
			    (uint32_t)delta, (uint32_t)h + 1, h == basic);
			delta = 0;
			h++;
		}
		delta++;
		n++;
	}
	if (b.len > URL_LABEL_MAX) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* The query (without its '?') minus tracking parameters, into out. */
static void
url_query(const char *q, size_t len, struct buf *out)
{
	const char *end = q + len, *amp;
	size_t start = out->len, n;
	int first = 1;

	buf_addc(out, '?');
	while (q <= end) {
		amp = memchr(q, '&', (size_t)(end - q));
		if (amp == NULL)
			amp = end;
		n = strcspn(q, "=&#");
		if (q + n > amp)
			n = (size_t)(amp - q);
		if (!url_tracking(q, n)) {
			if (!first)
				buf_addc(out, '&');
			buf_add(out, q, (size_t)(amp - q));
			first = 0;
		}
		q = amp + 1;
	}
	/* A query left empty loses its '?'. */
	if (out->len == start + 1)
		out->len = start;
}

/* Path, query and fragment: "/" alone goes, the query is filtered. */
static void
url_rest(const char *rest, struct buf *out)
{
	size_t path = strcspn(rest, "?#"), query;

	if (!(path == 1 && rest[0] == '/'))
		buf_add(out, rest, path);
	rest += path;
	if (*rest == '?') {
		query = strcspn(rest + 1, "#");
		url_query(rest + 1, query, out);
		rest += 1 + query;
	}
	buf_adds(out, rest); /* the fragment, as it is */
}

/* The ASCII form of s: bytes beyond ASCII become %XX. */
static void
url_ascii(const char *s, struct buf *out)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			buf_printf(out, "%%%02X", (unsigned char)*s);
		else
			buf_addc(out, *s);
	}
}

int
store_url_normalize(
    const char *in, size_t max, char **url, char **href, char **cause)
{
	struct url_parts p;
	struct buf shown, ascii;
	size_t len = strlen(in), tail;
	const char *s;
	int r = STORE_ERR_INVALID;

	*url = *href = NULL;
	buf_init(&shown);
	buf_init(&ascii);
	if (len == 0) {
		xasprintf(cause, "the link is empty");
		goto out;
	}
	if (len > max) {
		xasprintf(cause,
		    "the link is too long (%zu bytes, at most %zu)", len, max);
		goto out;
	}
	if ((r = url_check_chars(in, len, cause)) != 0)
		goto out;
	r = STORE_ERR_INVALID;
	if ((s = url_scheme(in, &p, cause)) == NULL)
		goto out;
	buf_adds(&shown, p.https ? "https://" : "http://");
	buf_adds(&ascii, p.https ? "https://" : "http://");
	if ((r = url_authority(s, &p, cause)) != 0 ||
	    (r = url_host(&p, &shown, &ascii, cause)) != 0)
		goto out;
	tail = shown.len;
	if ((r = url_port(&p, &shown, cause)) != 0)
		goto out;
	url_rest(p.rest, &shown);
	url_ascii(shown.data + tail, &ascii);
	*url = buf_take(&shown);
	*href = buf_take(&ascii);
	r = 0;
out:
	buf_free(&shown);
	buf_free(&ascii);
	return r;
}

char *
store_url_host(const char *href)
{
	const char *s = strstr(href, "://");
	size_t len;

	s = s == NULL ? href : s + 3;
	len = strcspn(s, "/?#");
	if (*s != '[') {
		const char *colon = memchr(s, ':', len);

		if (colon != NULL)
			len = (size_t)(colon - s);
	} else if (memchr(s, ']', len) != NULL)
		len = (size_t)((const char *)memchr(s, ']', len) - s) + 1;
	return xstrndup(s, len);
}
