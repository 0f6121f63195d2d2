/* bbs: ISC licence, see LICENSE. */
/*
 * lock, unlock, sticky, unsticky THREAD_ID [--reason TEXT]: a sysop stops
 * or allows replies, or keeps a thread at the top of its board. Logged.
 */
#include "bbs/cmd/cmd.h"

static const struct args_opt lock_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

static int
thread_flag_run(
    struct cmd_ctx *ctx, struct args *args, enum store_thread_flag flag, int on)
{
	struct store_actor a;
	int64_t thread;
	char *cause = NULL;
	int r;

	if ((r = cmd_parse_id(ctx, args_pos(args, 0), "thread", &thread)) != 0)
		return r;
	cmd_store_actor(ctx, &a);
	r = store_thread_set(
	    ctx->st, &a, thread, flag, on, args_get(args, "reason"), &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

static int
lock_exec(struct cmd_ctx *ctx, struct args *args)
{
	return thread_flag_run(ctx, args, STORE_THREAD_LOCKED, 1);
}

static int
unlock_exec(struct cmd_ctx *ctx, struct args *args)
{
	return thread_flag_run(ctx, args, STORE_THREAD_LOCKED, 0);
}

static int
sticky_exec(struct cmd_ctx *ctx, struct args *args)
{
	return thread_flag_run(ctx, args, STORE_THREAD_STICKY, 1);
}

static int
unsticky_exec(struct cmd_ctx *ctx, struct args *args)
{
	return thread_flag_run(ctx, args, STORE_THREAD_STICKY, 0);
}

#define THREAD_FLAG_CMD(n, what, fn)                                           \
	const struct cmd cmd_##n = {                                           \
		.name = #n,                                                    \
		.usage = "THREAD_ID [--reason TEXT]",                          \
		.summary = what " (logged)",                                   \
		.flags = CMD_SYSOP,                                            \
		.opts = lock_opts,                                             \
		.min_args = 1,                                                 \
		.max_args = 1,                                                 \
		.exec = fn,                                                    \
	}

THREAD_FLAG_CMD(lock, "stop replies to a thread", lock_exec);
THREAD_FLAG_CMD(unlock, "allow replies to a thread again", unlock_exec);
THREAD_FLAG_CMD(sticky, "keep a thread at the top of its board", sticky_exec);
THREAD_FLAG_CMD(unsticky, "let a thread sink with the others", unsticky_exec);
