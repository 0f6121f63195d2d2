/* bbs: ISC licence, see LICENSE. */
/* help [COMMAND]: the commands this key may run, or one command's usage. */
#include <string.h>

#include "bbs/cmd.h"

static void
help_options(struct cmd_ctx *ctx, const struct cmd *c)
{
	const struct args_opt *o;

	for (o = c->opts; o != NULL && o->name != NULL; o++)
		fprintf(ctx->out, "  --%s%s%s\n", o->name,
		    (o->flags & ARGS_VALUE) ? " VALUE" : "",
		    (o->flags & ARGS_MULTI) ? " (may repeat)" : "");
}

static int
help_exec(struct cmd_ctx *ctx, struct args *args)
{
	const struct cmd *const *c;
	const char *want = args_pos(args, 0);
	int found = 0;

	/* "help key" shows every "key ..." command this key may run. */
	for (c = cmd_table; want != NULL && *c != NULL; c++) {
		if (strcmp((*c)->name, want) != 0 &&
		    !(strncmp((*c)->name, want, strlen(want)) == 0 &&
			(*c)->name[strlen(want)] == ' '))
			continue;
		if (!cmd_allowed(ctx, *c))
			continue;
		cmd_usage(ctx->out, "", *c);
		fprintf(ctx->out, "%s\n", (*c)->summary);
		help_options(ctx, *c);
		found++;
	}
	if (want != NULL)
		return found > 0 ? 0 :
		    cmd_error(ctx, EX_USAGE, "no command '%s'", want);
	fprintf(ctx->out, "Commands for %s (%s):\n", ctx->me->pseudonym,
	    store_role_name(ctx->me->role));
	for (c = cmd_table; *c != NULL; c++) {
		if (cmd_allowed(ctx, *c))
			fprintf(ctx->out, "  %-12s %s\n", (*c)->name,
			    (*c)->summary);
	}
	fprintf(ctx->out, "Run 'help COMMAND' for its options; 'ssh -t' "
			  "opens the board.\n");
	return 0;
}

const struct cmd cmd_help = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = "list the commands this key may run, or show one",
	.flags = CMD_BOT,
	.min_args = 0,
	.max_args = 1,
	.exec = help_exec,
};
