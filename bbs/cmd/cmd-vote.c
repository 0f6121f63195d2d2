/* bbs: ISC licence, see LICENSE. */
/*
 * vote PIN_ID [--json]: one vote per member per pin; prints the pin's
 * score. Repeating a vote changes nothing and prints the unchanged score
 * (exit 0, SPEC section 9).
 */
#include <errno.h>
#include <stdlib.h>

#include "bbs/cmd/cmd.h"
#include "store/pins.h"

static const struct args_opt vote_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

/* A positive decimal id, nothing else; 0 if s is not one. */
static int64_t
vote_id(const char *s)
{
	long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1)
		return 0;
	return (int64_t)v;
}

static int
vote_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *cause = NULL, *json;
	int64_t pin, score;
	int r, counted;

	if ((pin = vote_id(args_pos(args, 0))) == 0)
		return cmd_error(ctx, EX_USAGE,
		    "PIN_ID is a pin's number, not '%s'", args_pos(args, 0));
	r = store_pin_vote(ctx->st, ctx->me->id, pin, &score, &counted, &cause);
	if (r != STORE_OK)
		return cmd_fail(ctx, r, cause);
	if (args_has(args, "json")) {
		if ((r = store_pin_voted_json(
		         ctx->st, pin, score, counted, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
	} else
		fprintf(ctx->out, "%lld\n", (long long)score);
	return 0;
}

const struct cmd cmd_vote = {
	.name = "vote",
	.usage = "PIN_ID [--json]",
	.summary = "vote for a pin (once); prints its score",
	.opts = vote_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = vote_exec,
};
