/* bbs: ISC licence, see LICENSE. */
/*
 * A guest's command for the end-to-end tests, run as the session process
 * will run it once the SSH side lets the user name guest in (SPEC
 * section 10): the real command set on the real data directory, with
 * cmd_ctx.guest set, no member and no key. Not installed.
 *
 *   e2e-guest DATA_DIR 'join CODE NAME' < key.pub
 *
 * prints what the command prints and exits with its status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/bbs.h"
#include "bbs/cmd/cmd.h"
#include "keys/keys.h"

int
main(int argc, char **argv)
{
	struct bbs_paths paths;
	struct cmd_ctx ctx;
	char *cause = NULL;
	int status;

	if (argc != 3) {
		fprintf(stderr, "usage: e2e-guest DATA_DIR COMMAND_LINE\n");
		return 64;
	}
	if (keys_init() != 0 || bbs_paths_init(argv[1], &paths, &cause) != 0) {
		fprintf(stderr, "e2e-guest: %s\n", cause ? cause : "sodium");
		return 70;
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.guest = 1;
	ctx.paths = &paths;
	ctx.in = stdin, ctx.out = stdout, ctx.err = stderr;
	if (bbs_store_open(&paths, &ctx.st, &cause) != STORE_OK) {
		fprintf(stderr, "e2e-guest: %s\n", cause);
		return 70;
	}
	status = cmd_run_line(&ctx, argv[2]);
	fflush(stdout);
	bbs_store_close(ctx.st);
	bbs_paths_free(&paths);
	return status;
}
