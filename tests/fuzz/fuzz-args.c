/* bbs: ISC licence, see LICENSE. */
/*
 * libFuzzer target for the argument parser as the commands use it: the
 * input is a command's name and its words, split at NUL bytes ("key
 * add", "alice", "--role", "bot"), so every real option table is
 * exercised, then --limit and the ids go through the shared helpers of
 * bbs/cmd/cmd.c. The name picks the command from the exec and local
 * command tables, so a seed means the same command however the tables
 * grow; a name that is none picks one by its first byte, so mutated
 * names still reach them all. Beyond not crashing, leaking or
 * reading out of bounds, it checks that the parser only hands back words
 * (or parts of words after '=') it was given, positionals in order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/admin/admin.h"
#include "bbs/cmd/args.h"
#include "bbs/cmd/cmd.h"
#include "bbs/cmd/words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

/*
 * The command called name in cmd_table, else in admin_table; for any
 * other name the i-th of both, i its first byte modulo their length.
 */
static const struct cmd *
fuzz_cmd(const char *name)
{
	size_t n1 = 0, n2 = 0, i;

	for (; cmd_table[n1] != NULL; n1++)
		if (strcmp(cmd_table[n1]->name, name) == 0)
			return cmd_table[n1];
	for (; admin_table[n2] != NULL; n2++)
		if (strcmp(admin_table[n2]->name, name) == 0)
			return admin_table[n2];
	i = (unsigned char)name[0] % (n1 + n2);
	return i < n1 ? cmd_table[i] : admin_table[i - n1];
}

/* Index of the word p lies in (p may point past an '='), or -1. */
static int
fuzz_word_of(const char *p, char **argv, int argc)
{
	int j;

	for (j = 0; j < argc; j++) {
		if (p >= argv[j] && p <= argv[j] + strlen(argv[j]))
			return j;
	}
	return -1;
}

static void
fuzz_check(const struct cmd *c, struct args *a, char **argv, int argc)
{
	const struct args_opt *o;
	const char *const *all;
	struct cmd_ctx ctx;
	size_t i, n;
	int64_t id;
	int last = -1, j, limit;

	for (i = 0; i < args_count(a); i++) {
		/* Positionals are whole words, in order. */
		if ((j = fuzz_word_of(args_pos(a, i), argv, argc)) <= last ||
		    args_pos(a, i) != argv[j])
			abort();
		last = j;
	}
	for (o = c->opts; o != NULL && o->name != NULL; o++) {
		n = args_get_all(a, o->name, &all);
		if (n != (size_t)args_has(a, o->name) &&
		    !(o->flags & ARGS_MULTI))
			abort();
		if (n > 0 &&
		    (all[n - 1] != args_get(a, o->name) || all[n] != NULL))
			abort();
		for (i = 0; i < n; i++) {
			if ((o->flags & ARGS_VALUE) &&
			    fuzz_word_of(all[i], argv, argc) < 0)
				abort();
		}
	}
	memset(&ctx, 0, sizeof ctx);
	ctx.cmd = c;
	ctx.out = ctx.err = devnull;
	if (cmd_opt_limit(&ctx, a, 50, &limit) == 0 &&
	    (limit < 1 || limit > 1000))
		abort();
	for (i = 0; i < args_count(a); i++) {
		if (cmd_parse_id(&ctx, args_pos(a, i), "thread", &id) == 0 &&
		    id < 1)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct cmd *c;
	struct args *a = NULL;
	char *buf, *argv[WORDS_MAX + 1], *cause = NULL, *p, *end;
	int argc = 0;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	/* NUL-terminated: the name ends at the first NUL, or at the end. */
	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	c = fuzz_cmd(buf);
	p = buf + strlen(buf) + 1;
	for (end = buf + size; p < end && argc < WORDS_MAX; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	if (args_parse(c->opts, argc, argv, &a, &cause) == 0) {
		if (cause != NULL)
			abort();
		fuzz_check(c, a, argv, argc);
		args_free(a);
	} else if (a != NULL || cause == NULL || *cause == '\0')
		abort();
	free(cause);
	free(buf);
	return 0;
}
