/* bbs: ISC licence, see LICENSE. */
/* The exec command line's word splitter (bbs/cmd/words.c). */
#include "bbs/cmd/words.h"
#include "tests/unit/test.h"

/* Splits line and checks the words, given as one string joined by '|'. */
static void
split_ok(const char *line, int want_argc, const char *joined)
{
	char **argv = NULL, *cause = NULL, got[1024] = "";
	int argc = -1, i;

	if (words_split(line, &argv, &argc, &cause) != 0) {
		TEST_FAIL("'%s' refused: %s", line, cause);
		free(cause);
		return;
	}
	ASSERT_INT_EQ(argc, want_argc);
	ASSERT_NULL(argv[argc]);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			strcat(got, "|");
		strcat(got, argv[i]);
	}
	ASSERT_STR_EQ(got, joined);
	words_free(argv);
}

static void
split_bad(const char *line, const char *want)
{
	char **argv = NULL, *cause = NULL;
	int argc;

	ASSERT_INT_EQ(words_split(line, &argv, &argc, &cause), -1);
	ASSERT_NULL(argv);
	ASSERT_TRUE(cause != NULL && strstr(cause, want) != NULL);
	free(cause);
}

int
main(void)
{
	static char big[WORDS_LINE_MAX + 2];
	char many[WORDS_MAX * 2 + 8];
	int i;

	TEST_START("words: blanks separate words");
	split_ok("", 0, "");
	split_ok("   \t ", 0, "");
	split_ok("whoami", 1, "whoami");
	split_ok("  post  general\t--title x \n", 4, "post|general|--title|x");
	TEST_DONE();

	TEST_START("words: quotes");
	split_ok("post general --title \"two words\"", 4,
	    "post|general|--title|two words");
	split_ok("a 'single $HOME `x` \\n' b", 3, "a|single $HOME `x` \\n|b");
	split_ok("\"a\\\"b\\\\c\\$d\\e\"", 1, "a\"b\\c$d\\e");
	split_ok("it''s \"x\"'y'z", 2, "its|xyz");
	TEST_DONE();

	TEST_START("words: empty words");
	split_ok("'' \"\" x''", 3, "||x");
	TEST_DONE();

	TEST_START("words: backslashes");
	split_ok("a\\ b c\\'d", 2, "a b|c'd");
	split_ok("a\\\nb", 1, "ab");
	TEST_DONE();

	TEST_START("words: no expansion and no operators");
	split_ok("read 1; rm -rf / | cat > x && $(id) *", 12,
	    "read|1;|rm|-rf|/|||cat|>|x|&&|$(id)|*");
	TEST_DONE();

	TEST_START("words: errors");
	split_bad("post 'open", "unterminated single quote");
	split_bad("post \"open", "unterminated double quote");
	split_bad("trailing\\", "backslash at the end");
	memset(big, 'a', sizeof big - 1);
	split_bad(big, "longer than");
	for (i = 0; i < WORDS_MAX + 1; i++) {
		many[2 * i] = 'w';
		many[2 * i + 1] = ' ';
	}
	many[2 * (WORDS_MAX + 1)] = '\0';
	split_bad(many, "more than");
	TEST_DONE();
	return test_exit();
}
