/* bbs: ISC licence, see LICENSE. */
/*
 * ui/link.c: which terminal types get OSC 8 hyperlinks, the exact bytes
 * written, and that nothing is written for a URL or text that is not
 * printable ASCII (so no escape sequence can ride along).
 */
#include "tests/unit/test.h"
#include "ui/link.h"

/* What ui_link_write() wrote, as a string the caller frees; *r its result. */
static char *
written(int y, int x, const char *id, const char *url, const char *text, int *r)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	*r = ui_link_write(f, y, x, id, url, text, strlen(text));
	fclose(f);
	return out;
}

static void
test_supported(void)
{
	static const char *const yes[] = { "xterm", "xterm-256color",
		"xterm-kitty", "tmux-256color", "screen",
		"screen.xterm-256color", "alacritty", "foot", "foot-extra",
		"wezterm", "vte-256color", NULL };
	static const char *const no[] = { "vt100", "vt220", "dumb", "linux",
		"ansi", "unknown", "", "xtermish", "screenplay", NULL };
	size_t i;

	TEST_START("link: OSC 8 for the xterm family, never for vt100 or dumb");
	for (i = 0; yes[i] != NULL; i++) {
		if (!ui_link_supported(yes[i]))
			TEST_FAIL("%s should be supported", yes[i]);
	}
	for (i = 0; no[i] != NULL; i++) {
		if (ui_link_supported(no[i]))
			TEST_FAIL("%s should not be supported", no[i]);
	}
	ASSERT_INT_EQ(ui_link_supported(NULL), 0);
	TEST_DONE();
}

static void
test_write(void)
{
	char *out;
	int r;

	TEST_START("link: the same text again, wrapped in OSC 8");
	out = written(3, 1, "bbs-pin-7", "https://example.org/a?b=c",
	    "https://example.org/a", &r);
	ASSERT_INT_EQ(r, 0);
	ASSERT_STR_EQ(out,
	    "\0337\033[4;2H\033[0m\033]8;id=bbs-pin-7;https://example.org/a?b=c"
	    "\033\\https://example.org/a\033]8;;\033\\\0338");
	free(out);
	TEST_DONE();

	TEST_START("link: nothing but printable ASCII gets through");
	out = written(0, 0, "x", "https://e.org/\033]8;;evil\007", "t", &r);
	ASSERT_INT_EQ(r, -1);
	ASSERT_STR_EQ(out, "");
	free(out);
	out = written(0, 0, "x", "https://e.org/a b", "t", &r);
	ASSERT_INT_EQ(r, -1);
	free(out);
	out = written(0, 0, "x",
	    "https://b\xc3\xbc"
	    "cher.de",
	    "t", &r);
	ASSERT_INT_EQ(r, -1);
	free(out);
	out = written(0, 0, "x", "https://e.org",
	    "t\x9b"
	    "2J",
	    &r);
	ASSERT_INT_EQ(r, -1);
	free(out);
	out = written(0, 0, "a;b", "https://e.org", "t", &r);
	ASSERT_INT_EQ(r, -1);
	free(out);
	out = written(-1, 0, "x", "https://e.org", "t", &r);
	ASSERT_INT_EQ(r, -1);
	free(out);
	out = written(0, 0, "x", "", "t", &r);
	ASSERT_INT_EQ(r, -1);
	free(out);
	TEST_DONE();
}

int
main(void)
{
	test_supported();
	test_write();
	return test_exit();
}
