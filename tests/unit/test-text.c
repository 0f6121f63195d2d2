/* bbs: ISC licence, see LICENSE. */
/*
 * Text layout and the terminal sanitiser: widths of wide characters,
 * fitting without splitting them, wrapping, and what may reach a terminal.
 */
#include <locale.h>

#include "tests/unit/test.h"
#include "ui/text.h"
#include "util/utf8.h"

#define CJK "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" /* three wide */
#define EMOJI "\xf0\x9f\x98\x80"                   /* one wide */

static void
test_width(void)
{
	int used = -1;

	TEST_START("text: widths of ASCII, CJK, emoji, controls and bidi");
	ASSERT_INT_EQ(text_width("abc"), 3);
	ASSERT_INT_EQ(text_width(CJK), 6);
	ASSERT_INT_EQ(text_width(EMOJI "x"), 3);
	ASSERT_INT_EQ(text_width("a\x1b"
	                         "b"),
	    3); /* ESC shows as '?' */
	ASSERT_INT_EQ(text_width("a\xe2\x80\xae"
	                         "b"),
	    2);                               /* RLO dropped */
	ASSERT_INT_EQ(text_width("\xff"), 1); /* U+FFFD */
	TEST_DONE();

	TEST_START("text: fitting never splits a wide character");
	ASSERT_INT_EQ(text_fit(CJK, strlen(CJK), 5, &used), 6);
	ASSERT_INT_EQ(used, 4);
	ASSERT_INT_EQ(text_fit(CJK, strlen(CJK), 1, &used), 0);
	ASSERT_INT_EQ(used, 0);
	ASSERT_INT_EQ(text_fit("ab" EMOJI, 6, 3, &used), 2);
	ASSERT_INT_EQ(text_fit("ab" EMOJI, 6, 4, &used), 6);
	/* A combining mark stays with its letter at the edge. */
	ASSERT_INT_EQ(text_fit("e\xcc\x81x", 4, 1, &used), 3);
	ASSERT_INT_EQ(used, 1);
	TEST_DONE();

	TEST_START("text: spans expand tabs; columns map back to bytes");
	ASSERT_INT_EQ(text_span_width("a\tb", 3), 9);
	ASSERT_INT_EQ(text_span_width(CJK "\t", strlen(CJK) + 1), 8);
	ASSERT_INT_EQ(text_span_width("ab", 1), 1);
	ASSERT_INT_EQ(text_col_offset(CJK, strlen(CJK), 0), 0);
	ASSERT_INT_EQ(text_col_offset(CJK, strlen(CJK), 1), 0); /* inside */
	ASSERT_INT_EQ(text_col_offset(CJK, strlen(CJK), 2), 3);
	ASSERT_INT_EQ(text_col_offset(CJK, strlen(CJK), 9), strlen(CJK));
	ASSERT_INT_EQ(text_col_offset("a\tb", 3, 5), 1); /* in the tab */
	ASSERT_INT_EQ(text_col_offset("a\tb", 3, 8), 2);
	TEST_DONE();
}

static void
expect_wrap(const char *s, int cols, const char *joined)
{
	struct text_line *lines;
	char got[512] = "";
	size_t n, i;

	text_wrap(s, cols, &lines, &n);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(got, "|");
		strncat(got, s + lines[i].off, lines[i].len);
	}
	ASSERT_STR_EQ(got, joined);
	free(lines);
}

static void
test_wrap(void)
{
	TEST_START("text: wrapping at spaces, newlines and long words");
	expect_wrap("", 10, "");
	expect_wrap("hello world", 20, "hello world");
	expect_wrap("hello world", 8, "hello |world");
	expect_wrap("a\n\nb", 8, "a||b");
	expect_wrap("abcdefghij", 4, "abcd|efgh|ij");
	expect_wrap(CJK CJK, 5,
	    "\xe6\x97\xa5\xe6\x9c\xac|"
	    "\xe8\xaa\x9e\xe6\x97\xa5|"
	    "\xe6\x9c\xac\xe8\xaa\x9e");
	expect_wrap("\tx", 4, "\t|x");
	expect_wrap("ab " EMOJI "cd", 4, "ab |" EMOJI "cd");
	expect_wrap(EMOJI EMOJI EMOJI, 5, EMOJI EMOJI "|" EMOJI);
	/* Controls measure as the '?' they are drawn as; bidi as nothing. */
	expect_wrap("\x1b[2Jabc", 4, "\x1b[2J|abc");
	expect_wrap("ab\xe2\x80\xae"
	            "cd",
	    4,
	    "ab\xe2\x80\xae"
	    "cd");
	TEST_DONE();
}

static void
test_sanitise(void)
{
	char *s;
	const char hostile[] = "a\x1b]52;c;ZXZpbA==\x07"
	                       "b\x1b[2J"
	                       "c\xc2\x9b"
	                       "31m\xe2\x80\xae"
	                       "d\te\nf\xff";

	TEST_START("utf8: the sanitiser leaves no control, C1 or bidi");
	s = utf8_sanitize(hostile, sizeof hostile - 1, UTF8_KEEP_NL);
	ASSERT_STR_EQ(s, "a?]52;c;ZXZpbA==?b?[2Jc?31md e\nf\xef\xbf\xbd");
	ASSERT_NULL(strchr(s, 0x1b));
	free(s);
	s = utf8_sanitize("x\ny\tz", 5, UTF8_KEEP_TAB);
	ASSERT_STR_EQ(s, "x y\tz");
	free(s);
	TEST_DONE();

	TEST_START("utf8: strict decoding");
	ASSERT_INT_EQ(utf8_valid("\xc0\x80", 2), 0);         /* overlong NUL */
	ASSERT_INT_EQ(utf8_valid("\xe0\x80\xaf", 3), 0);     /* overlong '/' */
	ASSERT_INT_EQ(utf8_valid("\xed\xa0\x80", 3), 0);     /* surrogate */
	ASSERT_INT_EQ(utf8_valid("\xf4\x90\x80\x80", 4), 0); /* > U+10FFFF */
	ASSERT_INT_EQ(utf8_valid("\xe6\x97", 2), 0);         /* truncated */
	ASSERT_INT_EQ(utf8_valid(CJK EMOJI "a", strlen(CJK EMOJI "a")), 1);
	ASSERT_INT_EQ(utf8_count(CJK EMOJI "a"), 5);
	TEST_DONE();
}

int
main(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return 2;
	test_width();
	test_wrap();
	test_sanitise();
	return test_exit();
}
