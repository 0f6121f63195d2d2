/* bbs: ISC licence, see LICENSE. */
/*
 * bbs board list [--json]: the console's view of the boards, the same
 * listing as the exec command `boards` (bbs/cmd/cmd-boards.c).
 */
#include <stddef.h>

#include "bbs/admin/admin.h"

static const struct args_opt board_list_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

const struct cmd admin_board_list = {
	.name = "board list",
	.usage = "[--json]",
	.summary = "every board: name, threads, who may post, title",
	.opts = board_list_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_boards_exec,
};
