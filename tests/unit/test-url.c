/* bbs: ISC licence, see LICENSE. */
/*
 * store/url.c: the URL rules for pins, on a table of cases (schemes,
 * ports, paths, fragments, encoded characters, every tracking parameter,
 * IDN hosts, credentials, controls), then the equality of mixed-case
 * duplicates, the length limit at its boundary, Punycode against known
 * answers, and that a normalised URL normalises to itself.
 */
#include "store/store.h"
#include "store/url.h"
#include "tests/unit/test.h"

#define MAX 2048

struct url_case {
	const char *in;
	const char *url;  /* NULL: refused */
	const char *href; /* NULL: the same as url */
};

static const struct url_case cases[] = {
	/* Schemes. */
	{ "http://example.com/a", "http://example.com/a", NULL },
	{ "https://example.com/a", "https://example.com/a", NULL },
	{ "HTTPS://EXAMPLE.COM/Path", "https://example.com/Path", NULL },
	{ "HtTp://Example.Com", "http://example.com", NULL },
	{ "ftp://example.com/file", NULL, NULL },
	{ "javascript:alert(1)", NULL, NULL },
	{ "JavaScript://example.com/%0aalert(1)", NULL, NULL },
	{ "data:text/html,<script>alert(1)</script>", NULL, NULL },
	{ "file:///etc/passwd", NULL, NULL },
	{ "example.com/page", NULL, NULL },
	{ "//example.com/page", NULL, NULL },
	{ "localhost:8080/x", NULL, NULL },
	{ "http:/example.com", NULL, NULL },
	{ "http:example.com", NULL, NULL },
	{ "https://", NULL, NULL },
	{ "https:///path", NULL, NULL },
	{ "", NULL, NULL },
	/* Ports. */
	{ "http://example.com:80/x", "http://example.com/x", NULL },
	{ "https://example.com:443", "https://example.com", NULL },
	{ "https://example.com:80/", "https://example.com:80", NULL },
	{ "http://example.com:8080/", "http://example.com:8080", NULL },
	{ "http://example.com:/x", "http://example.com/x", NULL },
	{ "http://example.com:0080/x", "http://example.com/x", NULL },
	{ "http://example.com:65535/", "http://example.com:65535", NULL },
	{ "http://example.com:0/", NULL, NULL },
	{ "http://example.com:65536/", NULL, NULL },
	{ "http://example.com:8a/", NULL, NULL },
	/* Paths: only a lone '/' goes. */
	{ "https://example.com/", "https://example.com", NULL },
	{ "https://example.com/dir/", "https://example.com/dir/", NULL },
	{ "https://example.com/?q=1", "https://example.com?q=1", NULL },
	{ "https://example.com//", "https://example.com//", NULL },
	/* Fragments are kept as they are. */
	{ "https://example.com/a#Section-2", "https://example.com/a#Section-2",
	    NULL },
	{ "https://example.com/a#utm_source=x",
	    "https://example.com/a#utm_source=x", NULL },
	{ "https://example.com/#top", "https://example.com#top", NULL },
	{ "https://example.com/a?utm_source=x#f", "https://example.com/a#f",
	    NULL },
	/* Encoded characters are never decoded. */
	{ "https://example.com/a%20b%2Fc", "https://example.com/a%20b%2Fc",
	    NULL },
	{ "https://example.com/%7euser", "https://example.com/%7euser", NULL },
	{ "https://example.com/?q=%E2%82%AC", "https://example.com?q=%E2%82%AC",
	    NULL },
	{ "https://example.com/caf\xc3\xa9", "https://example.com/caf\xc3\xa9",
	    "https://example.com/caf%C3%A9" },
	{ "https://ex%61mple.com/", NULL, NULL },
	/* Every tracking parameter, ignoring case, encoded or bare. */
	{ "https://example.com/a?utm_source=tw", "https://example.com/a",
	    NULL },
	{ "https://example.com/a?utm_medium=x&id=3",
	    "https://example.com/a?id=3", NULL },
	{ "https://example.com/a?id=3&utm_campaign=x&utm_term=y&utm_content=z",
	    "https://example.com/a?id=3", NULL },
	{ "https://example.com/a?fbclid=IwAR0", "https://example.com/a", NULL },
	{ "https://example.com/a?gclid=Cj0&x=1", "https://example.com/a?x=1",
	    NULL },
	{ "https://example.com/a?x=1&dclid=CK", "https://example.com/a?x=1",
	    NULL },
	{ "https://example.com/a?msclkid=9f", "https://example.com/a", NULL },
	{ "https://example.com/a?mc_cid=1&mc_eid=2", "https://example.com/a",
	    NULL },
	{ "https://example.com/a?igshid=MzRl", "https://example.com/a", NULL },
	{ "https://example.com/a?yclid=123", "https://example.com/a", NULL },
	{ "https://example.com/a?UTM_Source=x&FBCLID=y&q=1",
	    "https://example.com/a?q=1", NULL },
	{ "https://example.com/a?utm%5Fsource=x&q=1",
	    "https://example.com/a?q=1", NULL },
	{ "https://example.com/a?fbclid", "https://example.com/a", NULL },
	{ "https://example.com/a?utm_source_platform=a_very_long_name",
	    "https://example.com/a", NULL },
	{ "https://example.com/a?utm=1&utmsource=2&xfbclid=3&q=utm_source",
	    "https://example.com/a?utm=1&utmsource=2&xfbclid=3&q=utm_source",
	    NULL },
	{ "https://example.com/a?q=1&&utm_source=x&r=2",
	    "https://example.com/a?q=1&&r=2", NULL },
	{ "https://example.com/a?", "https://example.com/a", NULL },
	/* IDN hosts: shown lowercased, compared as Punycode. */
	{ "https://b\xc3\xbc"
	  "cher.de/",
	    "https://b\xc3\xbc"
	    "cher.de",
	    "https://xn--bcher-kva.de" },
	{ "https://B\xc3\x9c"
	  "CHER.de/x",
	    "https://b\xc3\xbc"
	    "cher.de/x",
	    "https://xn--bcher-kva.de/x" },
	{ "https://xn--bcher-kva.de/", "https://xn--bcher-kva.de", NULL },
	{ "https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80."
	  "\xd1\x80\xd1\x84/\xd0\xbf\xd1\x83\xd1\x82\xd1\x8c",
	    "https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80."
	    "\xd1\x80\xd1\x84/\xd0\xbf\xd1\x83\xd1\x82\xd1\x8c",
	    "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C" },
	/* A Cyrillic 'a' in "apple" shows up in the ASCII form. */
	{ "https://\xd0\xb0pple.com/", "https://\xd0\xb0pple.com",
	    "https://xn--pple-43d.com" },
	/* Credentials, however disguised. */
	{ "https://user:pass@example.com/", NULL, NULL },
	{ "https://user@example.com/", NULL, NULL },
	{ "https://example.com@evil.example/", NULL, NULL },
	{ "https://evil.example\\@example.com/", NULL, NULL },
	{ "https://example.com/@alice", "https://example.com/@alice", NULL },
	{ "https://example.com/?to=a@b.example",
	    "https://example.com?to=a@b.example", NULL },
	/* Control bytes, spaces and invisible characters. */
	{ "https://example.com/a\x1b[31m", NULL, NULL },
	{ "https://example.com/a\x1b]8;;http://evil\x07", NULL, NULL },
	{ "https://example.com/a\x07", NULL, NULL },
	{ "https://example.com/\x7f", NULL, NULL },
	{ "https://example.com/\xc2\x9b"
	  "31m",
	    NULL, NULL },
	{ "https://example.com/a b", NULL, NULL },
	{ "https://example.com/a\tb", NULL, NULL },
	{ "https://exa\nmple.com/", NULL, NULL },
	{ " https://example.com/", NULL, NULL },
	{ "https://example.com/\xe2\x80\xae"
	  "fdp.exe",
	    NULL, NULL },
	{ "https://exa\xe2\x80\x8bmple.com/", NULL, NULL },
	{ "https://example.com/\xc2\xa0", NULL, NULL },
	{ "https://example.com/\xff", NULL, NULL },
	{ "https://example.com/\xc0\xaf", NULL, NULL },
	/* Hosts. */
	{ "https://[2001:DB8::1]:8443/x", "https://[2001:db8::1]:8443/x",
	    NULL },
	{ "http://[::1]/", "http://[::1]", NULL },
	{ "https://[::1%25eth0]/", NULL, NULL },
	{ "https://[::1/", NULL, NULL },
	{ "http://127.0.0.1:8000/", "http://127.0.0.1:8000", NULL },
	{ "https://a..example/", NULL, NULL },
	{ "https://.example.com/", NULL, NULL },
	{ "https://example.com./", "https://example.com.", NULL },
	{ "https://my_host.example/", "https://my_host.example", NULL },
	{ "https://exa!mple.com/", NULL, NULL },
	{ "https://exa%mple.com/", NULL, NULL },
	{ "https://"
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  ".example/",
	    "https://"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaa.example",
	    NULL },
	{ "https://"
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	  "a.example/",
	    NULL, NULL },
};

static void
test_table(void)
{
	char *url, *href, *cause, name[64];
	const struct url_case *c;
	size_t i;
	int r;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = &cases[i];
		snprintf(name, sizeof name, "url: case %zu", i + 1);
		TEST_START(name);
		cause = NULL;
		r = store_url_normalize(c->in, MAX, &url, &href, &cause);
		if (c->url == NULL) {
			ASSERT_INT_EQ(r, STORE_ERR_INVALID);
			ASSERT_NOT_NULL(cause);
			ASSERT_NULL(url);
		} else {
			ASSERT_INT_EQ(r, STORE_OK);
			ASSERT_STR_EQ(url, c->url);
			ASSERT_STR_EQ(href, c->href != NULL ? c->href : c->url);
		}
		if (test_case_failed)
			fprintf(stderr, "  input: %s\n  cause: %s\n", c->in,
			    cause != NULL ? cause : "(none)");
		free(url);
		free(href);
		free(cause);
		TEST_DONE();
	}
}

/* The href of in, or NULL. */
static char *
href_of(const char *in)
{
	char *url = NULL, *href = NULL, *cause = NULL;

	store_url_normalize(in, MAX, &url, &href, &cause);
	free(url);
	free(cause);
	return href;
}

static void
test_duplicates(void)
{
	static const char *const same[] = {
		"HTTPS://EXAMPLE.COM:443/?utm_source=a",
		"https://example.com",
		"https://Example.com/",
		"https://example.com:443",
		"hTTps://EXAMPLE.com/?fbclid=1&utm_medium=2",
		NULL,
	};
	char *a, *b;
	size_t i;

	TEST_START("url: mixed-case duplicates are one link");
	for (i = 0; same[i] != NULL; i++) {
		a = href_of(same[i]);
		ASSERT_STR_EQ(a, "https://example.com");
		free(a);
	}
	TEST_DONE();

	TEST_START("url: paths, queries and schemes keep their differences");
	a = href_of("https://example.com/Path");
	b = href_of("https://example.com/path");
	ASSERT_TRUE(a != NULL && b != NULL && strcmp(a, b) != 0);
	free(a), free(b);
	a = href_of("http://example.com/x");
	b = href_of("https://example.com/x");
	ASSERT_TRUE(a != NULL && b != NULL && strcmp(a, b) != 0);
	free(a), free(b);
	a = href_of("https://example.com/x?b=2&a=1");
	ASSERT_STR_EQ(a, "https://example.com/x?b=2&a=1");
	free(a);
	/* A Unicode path and its %XX form are the same link. */
	a = href_of("https://example.com/caf\xc3\xa9");
	b = href_of("https://example.com/caf%C3%A9");
	ASSERT_STR_EQ(a, b);
	free(a), free(b);
	TEST_DONE();
}

static void
test_length(void)
{
	char *big, *url = NULL, *href = NULL, *cause = NULL;
	const char *head = "https://example.com/";
	size_t hl = strlen(head);

	TEST_START("url: 2 KiB is the limit, inclusive, in bytes");
	big = malloc(MAX + 2);
	memcpy(big, head, hl);
	memset(big + hl, 'x', MAX + 1 - hl);
	big[MAX] = '\0'; /* exactly 2048 bytes */
	ASSERT_INT_EQ(
	    store_url_normalize(big, MAX, &url, &href, &cause), STORE_OK);
	ASSERT_INT_EQ(url != NULL ? strlen(url) : 0, MAX);
	free(url), free(href);
	big[MAX] = 'x';
	big[MAX + 1] = '\0'; /* 2049 */
	ASSERT_INT_EQ(store_url_normalize(big, MAX, &url, &href, &cause),
	    STORE_ERR_INVALID);
	ASSERT_TRUE(cause != NULL && strstr(cause, "too long") != NULL);
	free(cause);
	free(big);
	TEST_DONE();
}

static void
test_punycode(void)
{
	static const struct {
		unsigned int cp[8];
		size_t n;
		const char *out;
	} v[] = {
		{ { 'b', 0xfc, 'c', 'h', 'e', 'r' }, 6, "bcher-kva" },
		{ { 'm', 0xfc, 'n', 'c', 'h', 'e', 'n' }, 7, "mnchen-3ya" },
		{ { 0x43f, 0x440, 0x438, 0x43c, 0x435, 0x440 }, 6, "e1afmkfd" },
		{ { 0x4f8b, 0x3048 }, 2, "r8jz45g" },
		{ { 0x30c9, 0x30e1, 0x30a4, 0x30f3, 0x540d, 0x4f8b }, 6,
		    "eckwd4c7cu47r2wf" },
	};
	unsigned int many[64];
	size_t i;
	char *p;

	TEST_START("url: Punycode matches known answers (RFC 3492)");
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		p = store_url_punycode(v[i].cp, v[i].n);
		ASSERT_STR_EQ(p, v[i].out);
		free(p);
	}
	for (i = 0; i < 64; i++)
		many[i] = 0x4e00 + (unsigned int)i;
	ASSERT_NULL(store_url_punycode(many, 64));
	TEST_DONE();
}

static void
test_idempotent(void)
{
	char *url, *href, *url2, *href2, *cause = NULL;
	size_t i;

	TEST_START("url: a normalised URL and its ASCII form stay as they are");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].url == NULL)
			continue;
		if (store_url_normalize(
		        cases[i].in, MAX, &url, &href, &cause) != STORE_OK) {
			TEST_FAIL("case %zu refused", i + 1);
			continue;
		}
		ASSERT_INT_EQ(
		    store_url_normalize(url, MAX, &url2, &href2, &cause),
		    STORE_OK);
		ASSERT_STR_EQ(url2, url);
		ASSERT_STR_EQ(href2, href);
		free(url2), free(href2);
		ASSERT_INT_EQ(
		    store_url_normalize(href, MAX, &url2, &href2, &cause),
		    STORE_OK);
		ASSERT_STR_EQ(url2, href);
		ASSERT_STR_EQ(href2, href);
		free(url2), free(href2);
		free(url), free(href);
	}
	TEST_DONE();

	TEST_START("url: the host of an href");
	url = store_url_host("https://xn--bcher-kva.de:8080/x?y#z");
	ASSERT_STR_EQ(url, "xn--bcher-kva.de");
	free(url);
	url = store_url_host("http://[::1]:80/");
	ASSERT_STR_EQ(url, "[::1]");
	free(url);
	url = store_url_host("https://example.com#x");
	ASSERT_STR_EQ(url, "example.com");
	free(url);
	TEST_DONE();
}

int
main(void)
{
	TEST_START("url: the table holds at least 40 cases");
	ASSERT_TRUE(sizeof cases / sizeof cases[0] >= 40);
	TEST_DONE();
	test_table();
	test_duplicates();
	test_length();
	test_punycode();
	test_idempotent();
	return test_exit();
}
