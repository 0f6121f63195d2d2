/* bbs: ISC licence, see LICENSE. */
/*
 * modlog [--limit N] [--json] [--verify]: the public moderation log,
 * newest first, for every member and bot. --json shows each entry's hash
 * and its predecessor's, so members can keep the head and notice a
 * rewritten history; --verify walks the whole chain and its signatures.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"

static const struct args_opt modlog_opts[] = {
	{ "limit", ARGS_VALUE },
	{ "json", 0 },
	{ "verify", 0 },
	{ NULL, 0 },
};

/* Shared with `bbs modlog verify`: "ok N entries", or 65 naming the entry. */
int
cmd_modlog_verify(struct cmd_ctx *ctx)
{
	int64_t entries, bad;
	char *cause = NULL;
	int r;

	if (bbs_log_key_ready(&cause) != 0) {
		r = cmd_error(ctx, EX_SOFTWARE, "cannot verify: %s", cause);
		free(cause);
		return r;
	}
	r = store_modlog_verify(ctx->st, &entries, &bad, &cause);
	if (r == STORE_ERR_CORRUPT) {
		fprintf(ctx->err, "modlog: entry %lld: %s\n", (long long)bad,
		    cause);
		free(cause);
		return EX_DATAERR;
	}
	if (r != STORE_OK)
		return cmd_fail(ctx, r, cause);
	fprintf(ctx->out, "ok %lld entries\n", (long long)entries);
	return 0;
}

static void
modlog_print(struct cmd_ctx *ctx, const struct store_modlog_entry *e)
{
	fprintf(ctx->out, "%lld\t", (long long)e->id);
	cmd_put_time(ctx, e->created);
	fputc('\t', ctx->out);
	cmd_put_text(ctx, e->actor, 0);
	fputc('\t', ctx->out);
	cmd_put_text(ctx, e->act, 0);
	fputc('\t', ctx->out);
	cmd_put_text(ctx, e->target, 0);
	fputc('\t', ctx->out);
	cmd_put_text(ctx, e->reason, 0);
	fputc('\n', ctx->out);
}

static int
modlog_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_modlog_entry *e = NULL;
	char *json = NULL;
	size_t n, i;
	int r, limit;

	if (args_has(args, "verify")) {
		/* Its answer is one line; an ignored option would mislead. */
		if (args_has(args, "json") || args_has(args, "limit"))
			return cmd_error(
			    ctx, EX_USAGE, "--verify takes no other option");
		/* The entries a guest sees (store/guest.c) make no chain. */
		if (ctx->guest)
			return cmd_error(ctx, EX_NOPERM,
			    "a guest sees only the entries about public boards; members verify the whole log");
		return cmd_modlog_verify(ctx);
	}
	if ((r = cmd_opt_limit(ctx, args, 50, &limit)) != 0)
		return r;
	if (args_has(args, "json")) {
		if ((r = store_modlog_json(ctx->st, limit, &json)) != 0)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_modlog_list(ctx->st, limit, &e, &n)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++)
		modlog_print(ctx, &e[i]);
	store_modlog_free(e, n);
	return 0;
}

const struct cmd cmd_modlog = {
	.name = "modlog",
	.usage = "[--limit N] [--json] | --verify",
	.summary =
	    "the moderation log, newest first: id, time, actor, act, target, reason",
	.flags = CMD_BOT | CMD_GUEST_READ,
	.opts = modlog_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = modlog_exec,
};
