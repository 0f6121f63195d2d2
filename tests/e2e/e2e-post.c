/* bbs: ISC licence, see LICENSE. */
/*
 * Another member's posts for the end-to-end tests and benchmarks: writes
 * through the real store (the same content rules, rate limits and
 * triggers as the board) into the database of a running server, as a
 * second process would. Not installed.
 *
 *   e2e-post DB AUTHOR thread BOARD TITLE   body on stdin; prints the
 *                                           thread id and the post id
 *   e2e-post DB AUTHOR reply THREAD         body on stdin; prints the id
 *   e2e-post DB AUTHOR fill THREAD N        N replies of a few lines
 *                                           each; prints the last id
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/members.h"
#include "store/store.h"
#include "store/threads.h"
#include "util/buf.h"

static int
post_usage(void)
{
	fprintf(stderr, "usage: e2e-post DB AUTHOR thread BOARD TITLE | "
	                "reply THREAD | fill THREAD N\n");
	return 64;
}

static char *
post_stdin(size_t *len)
{
	struct buf b;
	char chunk[4096];
	size_t n;

	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		buf_add(&b, chunk, n);
	*len = b.len;
	return b.len > 0 ? buf_take(&b) : (buf_free(&b), NULL);
}

/* N replies, each a few lines, one of them quoted. */
static int
post_fill(struct store *st, int64_t member, int64_t thread, long n,
    int64_t *post, char **cause)
{
	char body[512];
	long i;
	int r = STORE_OK;

	for (i = 1; i <= n && r == STORE_OK; i++) {
		snprintf(body, sizeof body,
		    "Reply %ld of %ld.\n> quoting an earlier post, line %ld\n"
		    "Some words after the quote, enough of them to wrap on a "
		    "narrow terminal and show how posts flow in the pager.",
		    i, n, i);
		r = store_post_reply(
		    st, member, thread, body, strlen(body), post, cause);
	}
	return r;
}

int
main(int argc, char **argv)
{
	struct store *st = NULL;
	struct store_member *m = NULL;
	char *cause = NULL, *body = NULL;
	int64_t thread = 0, post = 0;
	size_t len = 0;
	int r;

	if (argc < 5)
		return post_usage();
	if (store_open(argv[1], &st, &cause) != STORE_OK ||
	    store_member_get(st, argv[2], &m) != STORE_OK) {
		fprintf(stderr, "e2e-post: %s\n", cause ? cause : "no member");
		return 66;
	}
	if (strcmp(argv[3], "thread") == 0 && argc == 6) {
		body = post_stdin(&len);
		r = store_thread_create(st, m->id, argv[4], argv[5],
		    body ? body : "", len, &thread, &post, &cause);
		if (r == STORE_OK)
			printf(
			    "%lld %lld\n", (long long)thread, (long long)post);
	} else if (strcmp(argv[3], "reply") == 0 && argc == 5) {
		body = post_stdin(&len);
		r = store_post_reply(st, m->id, strtoll(argv[4], NULL, 10),
		    body ? body : "", len, &post, &cause);
		if (r == STORE_OK)
			printf("%lld\n", (long long)post);
	} else if (strcmp(argv[3], "fill") == 0 && argc == 6) {
		r = post_fill(st, m->id, strtoll(argv[4], NULL, 10),
		    strtol(argv[5], NULL, 10), &post, &cause);
		if (r == STORE_OK)
			printf("%lld\n", (long long)post);
	} else
		r = post_usage();
	if (r != STORE_OK && r != 64)
		fprintf(stderr, "e2e-post: %s\n",
		    cause ? cause : store_strerror(r));
	free(body);
	free(cause);
	store_member_free(m);
	store_close(st);
	return r == STORE_OK ? 0 : 1;
}
