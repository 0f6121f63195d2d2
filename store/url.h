/* bbs: ISC licence, see LICENSE. */
/*
 * Pinned links (store/url.c): the one place that decides whether a URL
 * may be pinned and when two URLs are the same link (SPEC sections 6, 7).
 * Pure computation on bytes: no SQL, and no network, ever; the server
 * never fetches a link.
 *
 * A URL is accepted when it
 *   - is valid UTF-8 of at most max bytes, with no control character, no
 *     bidi control, no space and no invisible character;
 *   - starts with http:// or https:// (any case);
 *   - has a host and no user:password@ part;
 *   - has a host of letters, digits, '-', '_' and '.' (or non-ASCII
 *     letters), labels of at most 63 bytes in their ASCII form, at most
 *     253 in all, or an IPv6 literal in brackets;
 *   - has a port, if any, from 1 to 65535.
 * It is then normalised: the scheme and host are lowercased (non-ASCII
 * letters of Latin-1, Greek and Cyrillic too), a default port (80, 443)
 * and an empty port are dropped, a path of just "/" is dropped, and the
 * tracking parameters (utm_*, fbclid, gclid, dclid, msclkid, mc_cid,
 * mc_eid, igshid, yclid; names compared ignoring case and after
 * percent-decoding) are removed from the query, which loses its '?' if
 * nothing is left. Everything else is kept byte for byte: no
 * percent-decoding, no reordering, the fragment untouched.
 *
 * Two forms come out. The URL is what is stored and shown. The href is
 * its ASCII form (RFC 3987 section 3.1): a non-ASCII host label becomes
 * Punycode ("xn--..."), other non-ASCII bytes become %XX. Equal hrefs are
 * the same link, and the href is what a terminal hyperlink points at; it
 * holds only the printable ASCII bytes 0x21-0x7e.
 *
 * Not a full IDNA implementation: no Unicode normalisation and no mapping
 * beyond the lowercasing above.
 */
#ifndef STORE_URL_H
#define STORE_URL_H

#include <stddef.h>

/*
 * Checks and normalises the member's URL in (see above). On success
 * returns 0 with *url and *href set (the caller's to free); else
 * STORE_ERR_INVALID with *cause (the caller's) saying why.
 */
int store_url_normalize(
    const char *in, size_t max, char **url, char **href, char **cause);

/* The host of an href (without a port), as a new string. */
char *store_url_host(const char *href);

/*
 * RFC 3492 Punycode of the ncp code points cp (without the "xn--"
 * prefix), as a new string; NULL if it would be longer than 63 bytes.
 */
char *store_url_punycode(const unsigned int *cp, size_t ncp);

#endif
