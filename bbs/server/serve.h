/* bbs: ISC licence, see LICENSE. */
/*
 * bbs serve: the SSH server as one local command. The console's table
 * (bbs/admin/admin.c) lists it; everything else of the server is reached
 * from here.
 */
#ifndef BBS_SERVE_H
#define BBS_SERVE_H

#include "bbs/cmd/cmd.h"

extern const struct cmd serve_cmd;

#endif
