/* bbs: ISC licence, see LICENSE. */
/*
 * The spawned child. Its environment is built from nothing (the spawner
 * cleared its own): TERM from the validated pty request and a UTF-8
 * locale; never the client's env requests, TERMINFO or LINES/COLUMNS.
 * A guest's child has no member: its commands run with ctx.guest, its
 * board (with "guests read") with the UI's guest flag, and nothing in it
 * writes to the store for the guest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/server/child.h"
#include "bbs/cmd/cmd.h"
#include "ui/ui.h"
#include "util/log.h"
#include "util/sshline.h"
#include "util/xmalloc.h"

/* Loads who is logged in; the key may have been revoked meanwhile. */
static int
child_login(struct cmd_ctx *ctx, const struct spawn_req *req)
{
	if (store_login_refresh(ctx->st, req->key_row, &ctx->login) !=
	        STORE_OK ||
	    ctx->login.member_id != req->member_id ||
	    store_member_get_id(ctx->st, req->member_id, &ctx->me) != STORE_OK)
		return -1;
	store_set_login(ctx->st, req->key_row);
	if (ctx->me->role == STORE_ROLE_BOT &&
	    store_key_boards(ctx->st, req->key_row, &ctx->boards) != STORE_OK)
		return -1;
	return 0;
}

static void
child_free(struct cmd_ctx *ctx)
{
	char **p;

	for (p = ctx->boards; p != NULL && *p != NULL; p++)
		free(*p);
	free(ctx->boards);
	store_member_free(ctx->me);
	bbs_store_close(ctx->st);
}

/*
 * The board's address for the ssh lines it prints: the setting "address",
 * else the address this connection reached. The caller frees it.
 */
static char *
child_address(struct cmd_ctx *ctx, const struct spawn_req *req)
{
	char *a = NULL;

	if (store_setting_text(ctx->st, "address", &a) != STORE_OK ||
	    a[0] == '\0') {
		free(a);
		a = xstrdup(req->address[0] != '\0' ? req->address : "HOST");
	}
	return a;
}

/*
 * ssh -t guest@HOST with "guests join": how to join, and the session
 * closes. (With "guests read" the UI opens the public boards instead.)
 */
static int
child_guest_door(struct cmd_ctx *ctx, const struct spawn_req *req)
{
	char *address = child_address(ctx, req), *join, *login;

	join = sshline_format(
	    address, NULL, "guest", "join CODE NAME < ~/.ssh/bbs_ed25519.pub");
	login = sshline_format(
	    address, "-o IdentitiesOnly=yes -i ~/.ssh/bbs_ed25519", NULL, NULL);
	fprintf(ctx->out,
	    "This board is for its members, who join by invitation.\n"
	    "\n"
	    "With an invitation code from a member, make a key for this board\n"
	    "and join with it, choosing your NAME (2-24 letters, digits, _ -):\n"
	    "\n"
	    "  ssh-keygen -t ed25519 -f ~/.ssh/bbs_ed25519\n"
	    "  %s\n"
	    "\n"
	    "then log in with that key (as any user but guest):\n"
	    "\n"
	    "  %s\n",
	    join, login);
	free(login);
	free(join);
	free(address);
	return 0;
}

/*
 * The UI's invitation codes (ui_config.invite_code), made as the invite
 * command makes them: secret.key is read from the data directory only
 * when a member asks for a code, and wiped at once.
 */
static int
child_invite_code(const void *arg, char *text, size_t len,
    uint8_t hash[STORE_HASH_LEN], char **cause)
{
	const struct bbs_paths *paths = arg;
	char code[KEYS_INVITE_TEXT_LEN + 1];
	int r;

	if ((r = bbs_invite_code(paths, code, hash, cause)) == 0)
		snprintf(text, len, "%s", code);
	explicit_bzero(code, sizeof code);
	return r;
}

static int
child_ui(struct cmd_ctx *ctx, const struct spawn_req *req)
{
	struct ui_config cfg;
	char *address = child_address(ctx, req);
	int status;

	memset(&cfg, 0, sizeof cfg);
	cfg.st = ctx->st;
	cfg.member_id = req->member_id;
	cfg.key_row = req->key_row;
	cfg.offered = req->offered;
	cfg.term = req->term;
	cfg.guest = ctx->guest;
	cfg.no_color = req->no_color != 0;
	cfg.address = address;
	if (!ctx->guest) {
		cfg.invite_code = child_invite_code;
		cfg.invite_arg = ctx->paths;
	}
	status = ui_run(&cfg);
	free(address);
	return status;
}

/* With "guests read" a guest's ssh -t opens the public boards. */
static int
child_guest_reads(struct cmd_ctx *ctx)
{
	int64_t guests = STORE_GUESTS_JOIN;

	return store_setting_get(ctx->st, "guests", &guests) == STORE_OK &&
	       guests == STORE_GUESTS_READ;
}

int
child_main(const struct spawn_req *req, void *arg)
{
	struct cmd_ctx ctx;
	char *cause = NULL;
	FILE *user;
	int status;

	log_set_tag("%s", req->kind == SPAWN_UI ? "ui" : "command");
	setenv("LANG", "C.UTF-8", 1);
	setenv("TERM", req->term[0] != '\0' ? req->term : "dumb", 1);
	/*
	 * LC_CTYPE is C.UTF-8 from main(), inherited through the fork: that is
	 * all ncurses and wcwidth() read, and loading the other categories in
	 * every child cost 24 file opens per connection.
	 */
	memset(&ctx, 0, sizeof ctx);
	ctx.paths = arg;
	ctx.in = stdin, ctx.out = stdout, ctx.err = stderr;
	/* A UI's stderr is the server's log (spawn.c); its terminal, stdout. */
	user = req->kind == SPAWN_UI ? stdout : stderr;
	/* The spawner closed every inherited fd, the data directory's too. */
	if (bbs_paths_reopen(arg, &cause) != 0 ||
	    bbs_store_open(ctx.paths, &ctx.st, &cause) != STORE_OK) {
		log_error("%s", cause);
		free(cause);
		fprintf(user, "bbs: internal error, try again later\n");
		return EX_TEMPFAIL;
	}
	ctx.guest = req->guest != 0;
	if (!ctx.guest && child_login(&ctx, req) != 0) {
		bbs_store_report(ctx.st, "login");
		fprintf(user, "bbs: this key is no longer registered\n");
		child_free(&ctx);
		return EX_NOPERM;
	}
	if (req->kind == SPAWN_UI && ctx.guest && !child_guest_reads(&ctx))
		status = child_guest_door(&ctx, req);
	else if (req->kind == SPAWN_UI)
		status = child_ui(&ctx, req);
	else
		status = cmd_run_line(&ctx, req->command);
	if (fflush(stdout) != 0 && status == 0)
		status = EX_IOERR;
	child_free(&ctx);
	return status;
}
