/* bbs: ISC licence, see LICENSE. */
/*
 * Local administration: the `bbs` subcommands an operator runs at the
 * machine's shell (SPEC section 2). They act on the database directly as
 * the "console" sysop, and take effect for a running server at once.
 */
#ifndef BBS_ADMIN_H
#define BBS_ADMIN_H

#include "bbs/cmd/cmd.h"

/*
 * The local subcommands, NULL-terminated. Exported for
 * tests/fuzz/fuzz-args.c, which runs every command's option table.
 */
extern const struct cmd *const admin_table[];

/* main() for everything but serve's internals; returns the exit status. */
int admin_main(int argc, char **argv);

extern const struct cmd admin_member_list;
extern const struct cmd admin_member_role;
extern const struct cmd admin_board_list;
extern const struct cmd admin_backup;
extern const struct cmd admin_check;
extern const struct cmd admin_modlog_verify;
extern const struct cmd admin_config_list;
extern const struct cmd admin_config_set;

#endif
