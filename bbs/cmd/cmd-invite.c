/* bbs: ISC licence, see LICENSE. */
/*
 * invite [--json] and invite revoke ID (SPEC section 10): a member or a
 * sysop makes a one-time invitation code, printed here once and never
 * again: the store keeps only its keyed hash (keys/invite.h), so not
 * even the database can show it later. Bots and applicants may not.
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "keys/invite.h"
#include "store/invites.h"

static const struct args_opt invite_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
invite_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_invite inv;
	uint8_t hash[KEYS_HASH_LEN];
	char text[KEYS_INVITE_TEXT_LEN + 1], when[21], *cause = NULL;
	int r, status = EX_SOFTWARE;

	if (bbs_invite_code(ctx->paths, text, hash, &cause) != 0) {
		cmd_error(ctx, EX_SOFTWARE, "%s", cause);
		free(cause);
		return EX_SOFTWARE;
	}
	if ((r = store_invite_create(ctx->st, cmd_member_id(ctx), hash, &inv,
	         &cause)) != STORE_OK) {
		status = cmd_fail(ctx, r, cause);
		goto out;
	}
	store_time_format(inv.expires, when);
	if (args_has(args, "json"))
		fprintf(ctx->out,
		    "{\"id\":%lld,\"code\":\"%s\",\"expires\":\"%s\"}\n",
		    (long long)inv.id, text, when);
	else
		fprintf(ctx->out, "%s\t%s\n", text, when);
	status = 0;
out:
	explicit_bzero(text, sizeof text);
	explicit_bzero(hash, sizeof hash);
	return status;
}

const struct cmd cmd_invite = {
	.name = "invite",
	.usage = "[--json]",
	.summary = "a new one-time invitation code for a newcomer",
	.help =
	    "Prints a new invitation code and when it expires, tab-separated:\n"
	    "  CODE  EXPIRES\n"
	    "The code (inv- and five groups of five characters) is shown\n"
	    "this once: only a keyed hash of it is kept. Give it to the\n"
	    "newcomer, who runs\n"
	    "  ssh guest@HOST join CODE PSEUDONYM < ~/.ssh/bbs_ed25519.pub\n"
	    "It works once, for invite_days (7) days; the newcomer counts as\n"
	    "vouched for by you. A member holds at most invite_open_max (3)\n"
	    "open invitations, a sysop invite_open_max_sysop (20); 'invites'\n"
	    "lists yours and 'invite revoke ID' withdraws one.\n"
	    "--json: {id, code, expires}.\n"
	    "Exit: 0; 75 with too many open invitations; 77 for bots and\n"
	    "applicants.\n",
	.opts = invite_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = invite_exec,
};

static int
invite_revoke_exec(struct cmd_ctx *ctx, struct args *args)
{
	char *cause = NULL;
	int64_t id;
	int r;

	if ((r = cmd_parse_id(ctx, args_pos(args, 0), "invitation", &id)) != 0)
		return r;
	if ((r = store_invite_revoke(
	         ctx->st, cmd_member_id(ctx), id, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	return 0;
}

const struct cmd cmd_invite_revoke = {
	.name = "invite revoke",
	.usage = "ID",
	.summary = "withdraw one of your open invitations",
	.help = "ID is the invitation's id in 'invites'. Its code no longer\n"
	        "works; nothing is printed.\n"
	        "Exit: 0; 64 for a bad id; 66 when you hold no open\n"
	        "invitation ID.\n",
	.min_args = 1,
	.max_args = 1,
	.exec = invite_revoke_exec,
};
