/* bbs: ISC licence, see LICENSE. */
/*
 * The local command table and its driver: finds --data anywhere before
 * "--", prepares the data directory, opens the store, runs the command as
 * the console.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bbs/admin/admin.h"
#include "bbs/server/serve.h"
#include "keys/keys.h"
#include "util/log.h"

const struct cmd *const admin_table[] = {
	&serve_cmd,
	&cmd_key_add,
	&cmd_key_list,
	&cmd_key_revoke,
	&admin_member_list,
	&admin_member_role,
	&cmd_board_create,
	&cmd_board_edit,
	&admin_board_list,
	&admin_backup,
	&admin_check,
	&admin_modlog_verify,
	&admin_config_list,
	&admin_config_set,
	NULL,
};

static void
admin_usage(FILE *f)
{
	const struct cmd *const *c;

	fprintf(f, "usage: bbs COMMAND [ARGS] [--data DIR]\n");
	for (c = admin_table; *c != NULL; c++)
		fprintf(f, "  bbs %s %s\n", (*c)->name, (*c)->usage);
	fprintf(f, "The data directory defaults to %s.\n", BBS_DEFAULT_DATA);
}

/* Takes "--data DIR" or "--data=DIR" out of argv; -1 if DIR is missing. */
static int
admin_take_data(int *argc, char **argv, const char **dir)
{
	int i, j, n;

	for (i = 0; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--data") == 0) {
			if (i + 1 >= *argc)
				return -1;
			*dir = argv[i + 1];
			n = 2;
		} else if (strncmp(argv[i], "--data=", 7) == 0) {
			*dir = argv[i] + 7;
			n = 1;
		} else
			continue;
		for (j = i; j + n <= *argc; j++)
			argv[j] = argv[j + n];
		*argc -= n;
		i--;
	}
	return 0;
}

int
admin_main(int argc, char **argv)
{
	struct bbs_paths paths;
	struct cmd_ctx ctx;
	const char *dir = BBS_DEFAULT_DATA;
	char *cause = NULL;
	int status, r;

	argc--, argv++;
	if (argc == 0 || strcmp(argv[0], "help") == 0 ||
	    strcmp(argv[0], "--help") == 0) {
		admin_usage(argc == 0 ? stderr : stdout);
		return argc == 0 ? EX_USAGE : 0;
	}
	if (strcmp(argv[0], "--version") == 0) {
		printf("bbs %s\n", BBS_VERSION);
		return 0;
	}
	if (admin_take_data(&argc, argv, &dir) != 0) {
		fprintf(stderr, "bbs: --data needs a directory\n");
		return EX_USAGE;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.console = 1;
	ctx.in = stdin, ctx.out = stdout, ctx.err = stderr;
	ctx.paths = &paths;
	if ((status = bbs_paths_init(dir, &paths, &cause)) != 0) {
		fprintf(stderr, "bbs: %s\n", cause);
		free(cause);
		return status;
	}
	/* serve opens the store itself, and never across a fork. */
	if (strcmp(argv[0], serve_cmd.name) != 0 &&
	    (r = bbs_store_open(&paths, &ctx.st, &cause)) != STORE_OK) {
		fprintf(stderr, "bbs: %s\n", cause);
		free(cause);
		bbs_paths_free(&paths);
		return bbs_exit_status(r);
	}
	status = cmd_dispatch(&ctx, admin_table, "bbs", argc, argv);
	if (fflush(stdout) != 0 && status == 0)
		status = EX_IOERR;
	bbs_store_close(ctx.st);
	bbs_paths_free(&paths);
	return status;
}
