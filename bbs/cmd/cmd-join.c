/* bbs: ISC licence, see LICENSE. */
/*
 * join CODE PSEUDONYM < KEY.pub (SPEC section 10): a guest comes in with
 * a member's invitation and the public key they will log in with. The
 * code's shape, the pseudonym's and the key line are checked first,
 * without the database; then one transaction in the store checks the
 * invitation by its keyed hash, creates the member (or applicant) and
 * the key, and uses the code up. Every way a code can fail, from a typo
 * to an expired one, is the same line and status, so a guesser learns
 * nothing; a join that fails for any other reason leaves the code good.
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "keys/invite.h"
#include "keys/keys.h"
#include "store/invites.h"
#include "util/xmalloc.h"

#define JOIN_NO_INVITATION "no such invitation"

static int
join_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_join_result res;
	struct store_join j = { 0 };
	struct keys_secret *secret = NULL;
	struct keys_pubkey *k = NULL;
	struct keys_invite code;
	uint8_t chash[KEYS_HASH_LEN], khash[KEYS_HASH_LEN];
	char id[KEYS_ID_LEN + 1], *cause = NULL;
	int r, status;

	/*
	 * A code of the wrong shape gets the very words of a used one: every
	 * code that does not let you in is one answer (SPEC section 10).
	 */
	if (keys_invite_parse(args_pos(args, 0), &code) != KEYS_OK)
		return cmd_error(ctx, EX_NOINPUT, JOIN_NO_INVITATION);
	j.pseudonym = args_pos(args, 1);
	if ((r = store_pseudonym_check(j.pseudonym, &cause)) != STORE_OK) {
		status = cmd_fail(ctx, r, cause);
		goto out;
	}
	if ((status = cmd_key_line(ctx, &k)) != 0)
		goto out;
	if (keys_secret_load(ctx->paths->dirfd, BBS_FILE_SECRET, 0, &secret,
	        &cause) != KEYS_OK) {
		status = cmd_error(ctx, EX_SOFTWARE, "%s", cause);
		free(cause);
		goto out;
	}
	keys_invite_hash(secret, &code, chash);
	keys_identity(secret, k, khash);
	keys_secret_free(secret);
	keys_id_format(khash, id);
	j.code = chash;
	j.hash = khash;
	j.key_id = id;
	if ((r = store_join(ctx->st, &j, &res, &cause)) != STORE_OK) {
		/* The store's word for it, but one line for every bad code. */
		if (r == STORE_ERR_NOT_FOUND) {
			free(cause);
			cause = xstrdup(JOIN_NO_INVITATION);
		}
		status = cmd_fail(ctx, r, cause);
		goto out;
	}
	if (res.role == STORE_ROLE_MEMBER)
		fprintf(ctx->out, "member %s\n", j.pseudonym);
	else
		fprintf(ctx->out, "applicant %s: %lld more vouches needed\n",
		    j.pseudonym, (long long)(res.needed - res.vouches));
	status = 0;
out:
	explicit_bzero(&code, sizeof code);
	explicit_bzero(chash, sizeof chash);
	explicit_bzero(khash, sizeof khash);
	keys_pubkey_free(k);
	return status;
}

const struct cmd cmd_join = {
	.name = "join",
	.usage = "CODE PSEUDONYM < KEY.pub",
	.summary = "come in with an invitation: your pseudonym and your key",
	.help =
	    "Run as a guest, with the public key line you will log in with\n"
	    "on standard input:\n"
	    "  ssh-keygen -t ed25519 -f ~/.ssh/bbs_ed25519\n"
	    "  ssh guest@HOST join CODE PSEUDONYM < ~/.ssh/bbs_ed25519.pub\n"
	    "Prints 'member PSEUDONYM', or 'applicant PSEUDONYM: N more\n"
	    "vouches needed' when the board asks for more than the\n"
	    "invitation's vouch (join_vouches): an applicant's key logs in\n"
	    "and waits; members vouch with 'vouch PSEUDONYM'. A pseudonym is\n"
	    "2 to 24 of A-Z a-z 0-9 _ -. Use a key made for this board only,\n"
	    "and IdentitiesOnly yes for this host, so the board never sees\n"
	    "your other keys. The code works once; a join that fails (a\n"
	    "taken pseudonym, a key already registered) leaves it unused.\n"
	    "Exit: 0; 64 for missing arguments; 65 for a bad or taken\n"
	    "pseudonym or a bad, weak or registered key; 66 for a code that\n"
	    "is wrong, used, withdrawn or expired (one message for all); 75\n"
	    "for too many attempts; 77 for a key that is a member already.\n",
	.flags = CMD_GUEST | CMD_NEWCOMER,
	.min_args = 2,
	.max_args = 2,
	.exec = join_exec,
};
