/* bbs: ISC licence, see LICENSE. */
/* forget-reads: deletes this member's read positions; all shows unread. */
#include "bbs/cmd/cmd.h"
#include "store/threads.h"

static int
forget_reads_exec(struct cmd_ctx *ctx, struct args *args)
{
	int r;

	(void)args;
	if ((r = store_reads_forget(ctx->st, ctx->me->id)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	return 0;
}

const struct cmd cmd_forget_reads = {
	.name = "forget-reads",
	.usage = "",
	.summary = "forget what you have read: everything shows unread",
	.help = "Deletes every read position of yours; nobody else can see\n"
	        "them in any case. Prints nothing.\n"
	        "Exit: 0.\n",
	.min_args = 0,
	.max_args = 0,
	.exec = forget_reads_exec,
};
