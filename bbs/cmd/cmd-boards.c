/* bbs: ISC licence, see LICENSE. */
/*
 * boards [--json]: every board with its thread count, by name. The
 * console's `bbs board list` (bbs/admin/) runs the same listing.
 */
#include <stdlib.h>

#include "bbs/cmd/cmd.h"

static const struct args_opt boards_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

int
cmd_boards_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_board *b = NULL;
	char *json = NULL;
	size_t n = 0, i;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_boards_json(ctx->st, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_boards_list(ctx->st, &b, &n)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%s\t%lld\t%s\t", b[i].name,
		    (long long)b[i].threads, store_role_name(b[i].post_role));
		cmd_put_text(ctx, b[i].title, 0);
		fputs(b[i].public ? "\t[public]\n" : "\n", ctx->out);
	}
	store_boards_free(b, n);
	return 0;
}

const struct cmd cmd_boards = {
	.name = "boards",
	.usage = "[--json]",
	.summary = "the boards, with their thread counts",
	.help = "Prints one line a board, by name, tab-separated:\n"
	        "  NAME  THREADS  POST_ROLE  TITLE  [public]\n"
	        "POST_ROLE is who may start threads and reply there (member\n"
	        "or sysop); a public board, which guests may read, ends with\n"
	        "a last field [public].\n"
	        "--json: [{name, title, threads, post_role, public}].\n"
	        "Exit: 0.\n",
	.flags = CMD_BOT | CMD_GUEST_READ,
	.opts = boards_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_boards_exec,
};
