/* bbs: ISC licence, see LICENSE. */
/*
 * libFuzzer target for the URL rules (store/url.c), fed any bytes a
 * member could pin. Checks that they never crash, leak or read out of
 * bounds, and that what they accept keeps its promises: valid UTF-8 with
 * no control or space, an http or https scheme, an ASCII form of
 * printable bytes only (it goes into OSC 8 hyperlinks), and a fixed
 * point: the URL and its ASCII form both normalise to themselves.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/url.h"
#include "util/utf8.h"

#define FUZZ_MAX 8192

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Normalises s again (no length limit) and wants want_url, want_href. */
static void
fuzz_fixed(const char *s, const char *want_url, const char *want_href)
{
	char *url = NULL, *href = NULL, *cause = NULL;

	if (store_url_normalize(s, SIZE_MAX, &url, &href, &cause) != 0 ||
	    strcmp(url, want_url) != 0 || strcmp(href, want_href) != 0)
		abort();
	free(url);
	free(href);
}

static void
fuzz_check(const char *url, const char *href)
{
	char *host;
	size_t i;

	if (!utf8_valid(url, strlen(url)) ||
	    (strncmp(url, "http://", 7) != 0 &&
	        strncmp(url, "https://", 8) != 0) ||
	    strlen(url) > FUZZ_MAX)
		abort();
	for (i = 0; url[i] != '\0'; i++) {
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f)
			abort();
	}
	for (i = 0; href[i] != '\0'; i++) {
		if ((unsigned char)href[i] <= 0x20 ||
		    (unsigned char)href[i] >= 0x7f)
			abort();
	}
	host = store_url_host(href);
	if (*host == '\0' || strchr(host, '@') != NULL)
		abort();
	free(host);
	fuzz_fixed(url, url, href);
	fuzz_fixed(href, href, href);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *url = NULL, *href = NULL, *cause = NULL;

	in = malloc(size + 1);
	memcpy(in, data, size);
	in[size] = '\0';
	if (store_url_normalize(in, FUZZ_MAX, &url, &href, &cause) == 0)
		fuzz_check(url, href);
	else if (cause == NULL || url != NULL || href != NULL)
		abort();
	free(url);
	free(href);
	free(cause);
	free(in);
	return 0;
}
