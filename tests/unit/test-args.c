/* bbs: ISC licence, see LICENSE. */
/* The argument parser and the pre-authentication limits of bbs/. */
#include <arpa/inet.h>
#include <netinet/in.h>

#include "bbs/cmd/args.h"
#include "bbs/server/limits.h"
#include "bbs/cmd/words.h"
#include "tests/unit/test.h"

static const struct args_opt opts[] = {
	{ "json", 0 },
	{ "title", ARGS_VALUE },
	{ "tag", ARGS_VALUE | ARGS_MULTI },
	{ NULL, 0 },
};

/* Parses a command line as the exec path does: split, then parse. */
static struct args *
parse(const char *line, char ***argv, char **cause)
{
	struct args *a = NULL;
	int argc;

	*cause = NULL;
	if (words_split(line, argv, &argc, cause) != 0)
		return NULL;
	args_parse(opts, argc, *argv, &a, cause);
	return a;
}

static void
test_args(void)
{
	const char *const *tags;
	struct args *a;
	char **argv = NULL, *cause;

	TEST_START("args: options with values, flags and positionals");
	a = parse("general --title 'two words' --json x", &argv, &cause);
	ASSERT_NOT_NULL(a);
	if (a != NULL) {
		ASSERT_STR_EQ(args_get(a, "title"), "two words");
		ASSERT_INT_EQ(args_has(a, "json"), 1);
		ASSERT_INT_EQ(args_count(a), 2);
		ASSERT_STR_EQ(args_pos(a, 0), "general");
		ASSERT_STR_EQ(args_pos(a, 1), "x");
		ASSERT_NULL(args_pos(a, 2));
	}
	args_free(a);
	TEST_DONE();

	TEST_START("args: --opt=value, repeats, and -- ending options");
	words_free(argv);
	a = parse("--title=a=b --tag t1 --tag=t2 -- --json", &argv, &cause);
	ASSERT_NOT_NULL(a);
	if (a != NULL) {
		ASSERT_STR_EQ(args_get(a, "title"), "a=b");
		ASSERT_INT_EQ(args_get_all(a, "tag", &tags), 2);
		ASSERT_STR_EQ(tags[0], "t1");
		ASSERT_STR_EQ(tags[1], "t2");
		ASSERT_INT_EQ(args_has(a, "json"), 0);
		ASSERT_STR_EQ(args_pos(a, 0), "--json");
	}
	args_free(a);
	words_free(argv);
	TEST_DONE();

	TEST_START("args: errors name the option");
	ASSERT_NULL(parse("--nope", &argv, &cause));
	words_free(argv);
	ASSERT_STR_EQ(cause, "unknown option '--nope'");
	free(cause);
	ASSERT_NULL(parse("--title", &argv, &cause));
	words_free(argv);
	ASSERT_STR_EQ(cause, "--title needs a value");
	free(cause);
	ASSERT_NULL(parse("--json=1", &argv, &cause));
	words_free(argv);
	ASSERT_STR_EQ(cause, "--json takes no value");
	free(cause);
	ASSERT_NULL(parse("--title a --title b", &argv, &cause));
	words_free(argv);
	ASSERT_STR_EQ(cause, "--title given twice");
	free(cause);
	ASSERT_NULL(parse("-j", &argv, &cause));
	words_free(argv);
	ASSERT_STR_EQ(cause, "unknown option '-j'");
	free(cause);
	TEST_DONE();
}

static void
prefix_of(const char *addr, struct limits_prefix *p)
{
	struct sockaddr_in6 s6 = { 0 };
	struct sockaddr_in s4 = { 0 };

	if (inet_pton(AF_INET, addr, &s4.sin_addr) == 1) {
		s4.sin_family = AF_INET;
		limits_prefix((struct sockaddr *)&s4, sizeof s4, p);
	} else if (inet_pton(AF_INET6, addr, &s6.sin6_addr) == 1) {
		s6.sin6_family = AF_INET6;
		limits_prefix((struct sockaddr *)&s6, sizeof s6, p);
	}
}

static void
test_limits(void)
{
	struct limits_prefix a, b, c, d, e;
	struct limits *l = limits_new(4, 2);

	TEST_START("limits: prefixes are /24 and /64; v4-mapped is v4");
	prefix_of("192.0.2.1", &a);
	prefix_of("192.0.2.200", &b);
	prefix_of("::ffff:192.0.2.9", &c);
	prefix_of("2001:db8:1:2::1", &d);
	prefix_of("2001:db8:1:3::1", &e);
	ASSERT_INT_EQ(memcmp(&a, &b, sizeof a), 0);
	ASSERT_INT_EQ(memcmp(&a, &c, sizeof a), 0);
	ASSERT_INT_NE(memcmp(&d, &e, sizeof d), 0);
	TEST_DONE();

	TEST_START("limits: per-prefix and global caps");
	ASSERT_INT_EQ(limits_admit(l, &a), 1);
	limits_add(l, 1, &a, 0);
	limits_add(l, 2, &b, 0);
	ASSERT_INT_EQ(limits_admit(l, &c), 0); /* third from the /24 */
	ASSERT_INT_EQ(limits_admit(l, &d), 1);
	limits_add(l, 3, &d, 0);
	limits_add(l, 4, &e, 0);
	ASSERT_INT_EQ(limits_admit(l, &e), 0); /* global cap of 4 */
	limits_done(l, 1);
	ASSERT_INT_EQ(limits_pending(l), 3);
	ASSERT_INT_EQ(limits_admit(l, &c), 1);
	TEST_DONE();
	limits_free(l);
}

int
main(void)
{
	test_args();
	test_limits();
	return test_exit();
}
