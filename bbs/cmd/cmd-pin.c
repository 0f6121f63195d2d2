/* bbs: ISC licence, see LICENSE. */
/*
 * pin URL [--tag TAG]... [--caption TEXT] [--expires YYYY-MM-DD] [--json]:
 * pins a link and prints its id. The caption comes from --caption, else
 * from standard input (to its end; lines are joined). A link that is
 * already pinned is not pinned again: it counts as this member's vote for
 * the first pin, whose id is printed, and a note on stderr says so (exit
 * 0; SPEC sections 6 and 9).
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "store/pins.h"
#include "store/url.h"

/* More than any caption can be (500 characters by default). */
#define PIN_STDIN_MAX 65536

static const struct args_opt pin_opts[] = {
	{ "tag", ARGS_VALUE | ARGS_MULTI },
	{ "caption", ARGS_VALUE },
	{ "expires", ARGS_VALUE },
	{ "json", 0 },
	{ NULL, 0 },
};

/* Returns 0, or the exit status after saying what went wrong. */
static int
pin_print(
    struct cmd_ctx *ctx, struct args *args, int64_t id, int dup, int64_t score)
{
	char *json;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_pin_added_json(
		         ctx->st, id, dup, score, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
	} else
		fprintf(ctx->out, "%lld\n", (long long)id);
	if (dup)
		cmd_error(ctx, 0,
		    "already pinned as %lld, which now has your vote (score %lld)",
		    (long long)id, (long long)score);
	return 0;
}

static int
pin_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_pin_new p;
	const char *const *tags = NULL;
	char *stdin_caption = NULL, *cause = NULL, *url = NULL, *href = NULL;
	int64_t id, score, url_max;
	int r, dup;

	memset(&p, 0, sizeof p);
	p.url = args_pos(args, 0);
	p.ntags = args_get_all(args, "tag", &tags);
	p.tags = tags;
	p.expires = args_get(args, "expires");
	/* A bad link is said at once, not after the caption is read. */
	if ((r = store_setting_get(ctx->st, "url_max", &url_max)) != STORE_OK ||
	    (r = store_url_normalize(
	         p.url, (size_t)url_max, &url, &href, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	free(url);
	free(href);
	if ((p.caption = args_get(args, "caption")) != NULL)
		p.caption_len = strlen(p.caption);
	else if ((r = cmd_read_stdin(ctx, PIN_STDIN_MAX, "the caption",
	              PIN_STDIN_MAX, &stdin_caption, &p.caption_len)) != 0)
		return r;
	else
		p.caption = stdin_caption;
	r = store_pin_add(ctx->st, ctx->me->id, &p, &id, &dup, &score, &cause);
	free(stdin_caption);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, cause);
	return pin_print(ctx, args, id, dup, score);
}

const struct cmd cmd_pin = {
	.name = "pin",
	.usage =
	    "URL [--tag TAG]... [--caption TEXT] [--expires YYYY-MM-DD] [--json]",
	.summary = "pin a link (caption from --caption or standard input)",
	.opts = pin_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = pin_exec,
};
