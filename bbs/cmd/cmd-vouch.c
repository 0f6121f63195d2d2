/* bbs: ISC licence, see LICENSE. */
/*
 * vouch PSEUDONYM: a member's vouch for an applicant. Who vouched is kept
 * only to count each member once, and only while the applicant waits:
 * admission deletes it. Not logged.
 */
#include "bbs/cmd/cmd.h"
#include "store/invites.h"

static int
vouch_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_applicant a;
	char *cause = NULL;
	int r, admitted = 0;

	if ((r = store_vouch(ctx->st, cmd_member_id(ctx), args_pos(args, 0), &a,
	         &admitted, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	cmd_put_applicant(ctx, &a, admitted ? "member" : "applicant");
	store_applicant_clear(&a);
	return 0;
}

const struct cmd cmd_vouch = {
	.name = "vouch",
	.usage = "PSEUDONYM",
	.summary =
	    "vouch for an applicant; prints the vouches so far and needed",
	.help = "Counts your vouch for the applicant PSEUDONYM (see\n"
	        "'applicants') and prints, tab-separated:\n"
	        "  PSEUDONYM  VOUCHES  NEEDED  ROLE\n"
	        "ROLE is member once VOUCHES reaches NEEDED (join_vouches):\n"
	        "then the applicant is a member and every vouch for them is\n"
	        "deleted. Each member counts once; the invitation was the\n"
	        "inviter's vouch. Vouching again changes nothing.\n"
	        "Exit: 0; 66 for a name that is no applicant; 77 for\n"
	        "yourself, bots and applicants.\n",
	.min_args = 1,
	.max_args = 1,
	.exec = vouch_exec,
};
