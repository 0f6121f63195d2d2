/* bbs: ISC licence, see LICENSE. */
/*
 * UTF-8: a strict decoder (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF) and the terminal-safety classification every layer shares.
 * Sits below util/buf.c (buf_add_cp() encodes with utf8_encode()), so it
 * builds its own strings and must not use struct buf.
 */
#include <string.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

int
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	*cp = UTF8_REPLACEMENT;
	if (len == 0)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2, c = u[0] & 0x1f, min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3, c = u[0] & 0x0f, min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4, c = u[0] & 0x07, min = 0x10000;
	} else
		return -1;
	if (len < n)
		return -1;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return (int)n;
}

int
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp >= 0xd800 && cp <= 0xdfff)
		return 0;
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp <= 0x10ffff) {
		u[0] = (unsigned char)(0xf0 | (cp >> 18));
		u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (unsigned char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

int
utf8_valid(const char *s, size_t len)
{
	uint32_t cp;
	size_t i = 0;
	int n;

	while (i < len) {
		if ((n = utf8_decode(s + i, len - i, &cp)) < 0)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

size_t
utf8_count(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

int
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

int
utf8_is_bidi(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0xfff9 && cp <= 0xfffb);
}

int
utf8_is_unsafe(uint32_t cp)
{
	return utf8_is_control(cp) || utf8_is_bidi(cp);
}

char *
utf8_sanitize(const char *s, size_t len, int flags)
{
	char *out, *o;
	uint32_t cp;
	size_t i = 0;
	int n;

	/*
	 * No input byte grows to more than 3 output bytes (an invalid one
	 * becomes U+FFFD), so one allocation holds the result.
	 */
	o = out = xreallocarray(NULL, len + 1, 3);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			o += utf8_encode(UTF8_REPLACEMENT, o);
			i++;
			continue;
		}
		i += (size_t)n;
		if (cp == '\n')
			*o++ = (flags & UTF8_KEEP_NL) ? '\n' : ' ';
		else if (cp == '\t')
			*o++ = (flags & UTF8_KEEP_TAB) ? '\t' : ' ';
		else if (utf8_is_bidi(cp))
			continue;
		else if (utf8_is_control(cp))
			*o++ = '?';
		else {
			memcpy(o, s + i - (size_t)n, (size_t)n);
			o += n;
		}
	}
	*o = '\0';
	return out;
}
