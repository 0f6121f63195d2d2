/* bbs: ISC licence, see LICENSE. */
/*
 * key add, key list, key revoke. `key add` reads one OpenSSH public key
 * line from standard input; only its keyed hash and key id are stored.
 *
 * The console may do anything. A sysop over SSH may register new members
 * and bots and add keys to existing members, but may not create a sysop
 * (that takes two sysops through `role`) nor add a key to another sysop,
 * which would let one sysop act as two; a key added to somebody else's
 * existing pseudonym is logged, so a sysop cannot quietly take over a
 * member's name. The store checks all this in the transaction that adds
 * the key, after standard input is read.
 */
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/cmd.h"
#include "keys/keys.h"
#include "util/xmalloc.h"

static const struct args_opt key_add_opts[] = {
	{ "role", ARGS_VALUE },
	{ "board", ARGS_VALUE | ARGS_MULTI },
	{ "label", ARGS_VALUE },
	{ NULL, 0 },
};

static int
key_add_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_key_new nk = { 0 };
	struct store_actor by;
	struct keys_secret *secret = NULL;
	struct keys_pubkey *k = NULL;
	uint8_t hash[KEYS_HASH_LEN] = { 0 };
	char id[KEYS_ID_LEN + 1], *cause = NULL;
	const char *role = args_get(args, "role");
	enum store_role rv;
	int64_t nkeys = 0;
	int r, status;

	nk.pseudonym = args_pos(args, 0);
	nk.role = -1;
	if (role != NULL) {
		if (store_role_parse(role, &rv) != 0)
			return cmd_error(ctx, EX_USAGE,
			    "unknown role '%s' (member, sysop or bot)", role);
		nk.role = (int)rv;
	}
	if ((r = store_pseudonym_check(nk.pseudonym, &cause)) != STORE_OK)
		return cmd_fail(ctx, r, cause);
	if ((status = cmd_key_line(ctx, &k)) != 0)
		return status;
	if ((r = store_key_count(ctx->st, &nkeys)) != STORE_OK) {
		status = cmd_fail(ctx, r, NULL);
		goto out;
	}
	/* A new secret.key only while no key was ever hashed with one. */
	if (keys_secret_load(ctx->paths->dirfd, BBS_FILE_SECRET, nkeys == 0,
	        &secret, &cause) != KEYS_OK) {
		status = cmd_error(ctx, EX_SOFTWARE, "%s", cause);
		goto out;
	}
	keys_identity(secret, k, hash);
	keys_id_format(hash, id);
	nk.hash = hash;
	nk.key_id = id;
	nk.label = args_get(args, "label");
	nk.nboards =
	    args_get_all(args, "board", (const char *const **)&nk.boards);
	cmd_store_actor(ctx, &by);
	nk.by = &by;
	if ((r = store_key_add(ctx->st, &nk, &cause)) != STORE_OK) {
		status = cmd_fail(ctx, r, cause);
		cause = NULL;
		goto out;
	}
	fprintf(ctx->out, "%s\n", id);
	status = 0;
out:
	explicit_bzero(hash, sizeof hash);
	keys_secret_free(secret);
	keys_pubkey_free(k);
	free(cause);
	return status;
}

const struct cmd cmd_key_add = {
	.name = "key add",
	.usage =
	    "PSEUDONYM [--role member|sysop|bot] [--board NAME]... [--label TEXT] < KEY.pub",
	.summary = "register a public key for a pseudonym; prints the key id",
	.help =
	    "Reads one OpenSSH public key line from standard input; only a\n"
	    "keyed hash of it is stored. A new pseudonym becomes a member\n"
	    "(or a bot with --role bot; --board names a board a bot may\n"
	    "post on). Over SSH a sysop may not make a sysop (that is\n"
	    "'role') nor add a key to another sysop; a key added to\n"
	    "someone else's existing pseudonym is on the moderation log.\n"
	    "Prints the new key's id.\n"
	    "Exit: 0; 64 for bad arguments; 65 for a missing or unusable\n"
	    "key, or one already registered; 66 for an unknown --board;\n"
	    "77 for what a sysop may not do over SSH.\n",
	.flags = CMD_SYSOP,
	.opts = key_add_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = key_add_exec,
};

static const struct args_opt key_list_opts[] = {
	{ "json", 0 },
	{ NULL, 0 },
};

static int
key_list_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_key *k = NULL;
	char *json = NULL;
	size_t n, i;
	int r;

	if (args_has(args, "json")) {
		if ((r = store_keys_json(ctx->st, &json)) != STORE_OK)
			return cmd_fail(ctx, r, NULL);
		cmd_put_json(ctx, json);
		free(json);
		return 0;
	}
	if ((r = store_keys_list(ctx->st, &k, &n)) != STORE_OK)
		return cmd_fail(ctx, r, NULL);
	for (i = 0; i < n; i++) {
		fprintf(ctx->out, "%s\t%s\t%s\t%s\t", k[i].key_id,
		    k[i].pseudonym, store_role_name(k[i].role),
		    k[i].revoked ? "revoked" : "active");
		cmd_put_text(ctx, k[i].label, 0);
		fprintf(ctx->out, "\t%s\n", k[i].boards);
	}
	store_keys_free(k, n);
	return 0;
}

const struct cmd cmd_key_list = {
	.name = "key list",
	.usage = "[--json]",
	.summary = "every key: id, pseudonym, role, state, label, boards",
	.flags = CMD_SYSOP,
	.opts = key_list_opts,
	.min_args = 0,
	.max_args = 0,
	.exec = key_list_exec,
};

static const struct args_opt key_revoke_opts[] = {
	{ "reason", ARGS_VALUE },
	{ NULL, 0 },
};

/*
 * Revoking another sysop's key takes two sysops: the first request prints
 * "pending" (and so does its repetition); the console is exempt.
 */
static int
key_revoke_exec(struct cmd_ctx *ctx, struct args *args)
{
	struct store_actor a;
	char *cause = NULL;
	int r, pending = 0;

	cmd_store_actor(ctx, &a);
	r = store_key_revoke(ctx->st, &a, args_pos(args, 0),
	    args_get(args, "reason"), &pending, &cause);
	return cmd_two_sysops_done(ctx, r, pending, cause);
}

const struct cmd cmd_key_revoke = {
	.name = "key revoke",
	.usage = "KEY_ID [--reason TEXT]",
	.summary =
	    "revoke a key: it never logs in again (logged; another sysop's key takes two sysops)",
	.flags = CMD_SYSOP,
	.opts = key_revoke_opts,
	.min_args = 1,
	.max_args = 1,
	.exec = key_revoke_exec,
};
