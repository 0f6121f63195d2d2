/* bbs: ISC licence, see LICENSE. */
/*
 * search QUERY [--limit N] [--json]: full-text search of titles and
 * bodies, best match first. The query's words are all required; they never
 * reach the search engine as syntax (store/search.c quotes them).
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "bbs/cmd/words.h"
#include "store/threads.h"
#include "util/buf.h"

#define SEARCH_LIMIT 20 /* SPEC section 9 */

static const struct args_opt search_opts[] = {
	{ "limit", ARGS_VALUE },
	{ "json", 0 },
	{ NULL, 0 },
};

static void
search_put(struct cmd_ctx *ctx, const struct store_hit *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%lld\t%lld\t%s\t", (long long)h[i].post,
		    (long long)h[i].thread, h[i].board);
		cmd_put_time(ctx, h[i].created);
		fprintf(ctx->out, "\t%s\t", h[i].author);
		cmd_put_text(ctx, h[i].title, 0);
		fputc('\t', ctx->out);
		cmd_put_text(ctx, h[i].snippet, 0);
		fputc('\n', ctx->out);
	}
}

static int
search_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_hit *h = NULL;
	struct buf q;
	char *json = NULL;
	size_t n = 0, i;
	int limit, r, status;

	if ((status = cmd_opt_limit(ctx, args, SEARCH_LIMIT, &limit)) != 0)
		return status;
	/* ssh flattens `search 'two words'` into two words: take them all. */
	buf_init(&q);
	for (i = 0; i < args_count(args); i++)
		buf_printf(&q, "%s%s", i > 0 ? " " : "", args_pos(args, i));
	if (args_has(args, "json")) {
		if ((r = store_search_json(ctx->st, q.data, limit, &json)) ==
		    STORE_OK)
			cmd_put_json(ctx, json);
		free(json);
	} else if ((r = store_search(ctx->st, q.data, limit, &h, &n)) ==
	           STORE_OK) {
		search_put(ctx, h, n);
		store_hits_free(h, n);
	}
	buf_free(&q);
	if (r == STORE_ERR_USAGE)
		return cmd_error(ctx, EX_USAGE, "the query has no words");
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, NULL);
}

const struct cmd cmd_search = {
	.name = "search",
	.usage = "QUERY... [--limit N] [--json]",
	.summary = "search titles and bodies",
	.help =
	    "Finds the posts holding every word of the query (in a title\n"
	    "or a body), best match first; hidden posts are not found.\n"
	    "Prints one line a hit, tab-separated:\n"
	    "  POST  THREAD  BOARD  CREATED  AUTHOR  TITLE  SNIPPET\n"
	    "No hits print nothing. --limit takes 1 to 1000 (default 20).\n"
	    "--json: [{post, thread, board, title, author, created,\n"
	    "snippet}] ([] for no hits).\n"
	    "Exit: 0, hits or none; 64 for an empty query or a bad --limit.\n",
	.flags = CMD_BOT | CMD_GUEST_READ,
	.opts = search_opts,
	.min_args = 1,
	.max_args = WORDS_MAX,
	.exec = search_exec,
};
