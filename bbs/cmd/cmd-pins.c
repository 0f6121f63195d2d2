/* bbs: ISC licence, see LICENSE. */
/*
 * pins [--tag TAG] [--sort hot|new] [--all] [--limit N] [--json]: the pin
 * board, hot first by default, 50 pins, expired ones only with --all.
 * One line a pin, tab-separated:
 *
 *   ID  SCORE  URL  TAGS  EXPIRES  CAPTION
 *
 * TAGS comma-separated or "-"; EXPIRES "-", the date, or the date and
 * " (expired)". The URL is the link's ASCII form (an international host
 * in Punycode, as on the board, so a look-alike stands out); it holds no
 * control character or space (store/url.h);
 * the caption goes through the terminal sanitiser.
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "store/pins.h"
#include "store/threads.h"

#define PINS_LIMIT 50

static const struct args_opt pins_opts[] = {
	{ "tag", ARGS_VALUE },
	{ "sort", ARGS_VALUE },
	{ "all", 0 },
	{ "limit", ARGS_VALUE },
	{ "json", 0 },
	{ NULL, 0 },
};

/* The query the options ask for; the exit status after a usage error. */
static int
pins_query(struct cmd_ctx *ctx, struct args *args, struct store_pin_query *q)
{
	const char *sort = args_get(args, "sort");

	memset(q, 0, sizeof *q);
	q->tag = args_get(args, "tag");
	q->all = args_has(args, "all");
	q->member = ctx->me->id;
	if (sort != NULL && strcmp(sort, "new") == 0)
		q->sort = STORE_PINS_NEW;
	else if (sort != NULL && strcmp(sort, "hot") != 0)
		return cmd_error(ctx, EX_USAGE, "--sort is hot or new");
	return cmd_opt_limit(ctx, args, PINS_LIMIT, &q->limit);
}

static void
pins_line(struct cmd_ctx *ctx, const struct store_pin *p)
{
	char *t;

	fprintf(ctx->out, "%lld\t%lld\t%s\t", (long long)p->id,
	    (long long)p->score, p->href);
	if (*p->tags == '\0')
		fputc('-', ctx->out);
	for (t = p->tags; *t != '\0'; t++)
		fputc(*t == ' ' ? ',' : *t, ctx->out);
	fprintf(ctx->out, "\t%s%s\t", *p->expires != '\0' ? p->expires : "-",
	    p->expired ? " (expired)" : "");
	cmd_put_text(ctx, p->caption, 0);
	fputc('\n', ctx->out);
}

static int
pins_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_pin_query q;
	struct store_pin *p = NULL;
	char *json = NULL, *cause = NULL;
	size_t n, i;
	int r, status;

	if ((status = pins_query(ctx, args, &q)) != 0)
		return status;
	if (args_has(args, "json")) {
		if ((r = store_pins_json(ctx->st, &q, &json, &cause)) != 0)
			return cmd_fail(ctx, r, cause);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_pins_list(ctx->st, &q, &p, &n, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	for (i = 0; i < n; i++)
		pins_line(ctx, &p[i]);
	store_pins_free(p, n);
	return 0;
}

const struct cmd cmd_pins = {
	.name = "pins",
	.usage = "[--tag TAG] [--sort hot|new] [--all] [--limit N] [--json]",
	.summary = "the pin board, hot first (--all: with expired pins)",
	.flags = CMD_BOT,
	.opts = pins_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = pins_exec,
};
