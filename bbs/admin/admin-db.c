/* bbs: ISC licence, see LICENSE. */
/*
 * The database as a whole: backup, check, modlog verify, config. backup
 * is an online copy, safe while the server runs (never cp a live WAL
 * database); check and modlog verify exit 0 only when all is sound.
 */
#include <stdlib.h>

#include "bbs/admin/admin.h"

static int
backup_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *cause = NULL;
	int r;

	r = store_backup(ctx->st, args_pos(args, 0), &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

const struct cmd admin_backup = {
	.name = "backup",
	.usage = "FILE",
	.summary = "write a consistent copy of the database to a new FILE",
	.min_args = 1,
	.max_args = 1,
	.exec = backup_exec,
};

static int
check_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *cause = NULL;
	int r;

	(void)args;
	if ((r = store_check(ctx->st, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	fprintf(ctx->out, "ok\n");
	return 0;
}

const struct cmd admin_check = {
	.name = "check",
	.usage = "",
	.summary = "check the database's integrity; exit 0 when sound",
	.min_args = 0,
	.max_args = 0,
	.exec = check_exec,
};

static int
modlog_verify_exec(struct cmd_ctx *ctx, struct args *args)
{
	(void)args;
	return cmd_modlog_verify(ctx);
}

const struct cmd admin_modlog_verify = {
	.name = "modlog verify",
	.usage = "",
	.summary = "check the moderation log's hash chain and signatures",
	.min_args = 0,
	.max_args = 0,
	.exec = modlog_verify_exec,
};

static int
config_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *list = NULL;
	int r;

	(void)args;
	if ((r = store_settings_list(ctx->st, &list)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	fputs(list, ctx->out);
	free(list);
	return 0;
}

const struct cmd admin_config_list = {
	.name = "config list",
	.usage = "",
	.summary = "the settings: name, value, default, meaning",
	.min_args = 0,
	.max_args = 0,
	.exec = config_list_exec,
};

static int
config_set_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *cause = NULL;
	int r;

	r = store_setting_set(
	    ctx->st, args_pos(args, 0), args_pos(args, 1), &cause);
	return r == STORE_OK ? 0 : cmd_fail(ctx, r, cause);
}

const struct cmd admin_config_set = {
	.name = "config set",
	.usage = "NAME VALUE",
	.summary = "change a setting (see config list)",
	.min_args = 2,
	.max_args = 2,
	.exec = config_set_exec,
};
