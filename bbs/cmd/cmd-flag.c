/* bbs: ISC licence, see LICENSE. */
/*
 * flag POST_ID --reason TEXT: any member asks the sysops to look at a
 * post (who flagged is not kept). flags [--json]: the open flags, for
 * sysops. dismiss FLAG_ID [--reason TEXT]: a sysop closes a flag without
 * acting on the post; hiding the post closes its flags too. Both closings
 * are logged.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"

static const struct args_opt flag_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

static int
flag_exec(struct cmd_ctx *ctx, struct args *args)
{
	int64_t post, id;
	char *cause = NULL;
	int r;

	if ((r = cmd_parse_id(ctx, args_pos(args, 0), "post", &post)) != 0)
		return r;
	if (args_get(args, "reason") == NULL)
		return cmd_error(ctx, EX_USAGE, "a flag needs --reason");
	r = store_flag_add(
	    ctx->st, ctx->me->id, post, args_get(args, "reason"), &id, &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

const struct cmd cmd_flag = {
	.name = "flag",
	.usage = "POST_ID --reason TEXT",
	.summary = "ask the sysops to look at a post (who flagged is not kept)",
	.opts = flag_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = flag_exec,
};

static const struct args_opt flags_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
flags_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_flag *f = NULL;
	char *json = NULL;
	size_t n, i;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_flags_json(ctx->st, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_flags_list(ctx->st, &f, &n)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%lld\t%lld\t%lld\t", (long long)f[i].id,
		    (long long)f[i].post, (long long)f[i].thread);
		cmd_put_time(ctx, f[i].created);
		fputc('\t', ctx->out);
		cmd_put_text(ctx, f[i].reason, 0);
		fputc('\n', ctx->out);
	}
	store_flags_free(f, n);
	return 0;
}

const struct cmd cmd_flags = {
	.name = "flags",
	.usage = "[--json]",
	.summary = "open flags: id, post, thread, time, reason",
	.flags = CMD_SYSOP,
	.opts = flags_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = flags_exec,
};

static int
dismiss_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_actor a;
	int64_t flag;
	char *cause = NULL;
	int r;

	if ((r = cmd_parse_id(ctx, args_pos(args, 0), "flag", &flag)) != 0)
		return r;
	cmd_store_actor(ctx, &a);
	r = store_flag_dismiss(
	    ctx->st, &a, flag, args_get(args, "reason"), &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

const struct cmd cmd_dismiss = {
	.name = "dismiss",
	.usage = "FLAG_ID [--reason TEXT]",
	.summary = "close a flag without acting on the post (logged)",
	.flags = CMD_SYSOP,
	.opts = flag_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = dismiss_exec,
};
