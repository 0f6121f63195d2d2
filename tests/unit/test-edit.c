/* bbs: ISC licence, see LICENSE. */
/*
 * The editor's buffer without a terminal: typing and pasting, deleting
 * across line joins, the cursor on wrapped rows with wide characters and
 * tabs, moving by display row, the size cap, one-line fields and their
 * keys (ui/field.c).
 */
#include <locale.h>

#include "tests/unit/test.h"
#include "ui/edit.h"
#include "ui/field.h"

#define CJK3 "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" /* three wide */
#define EMOJI "\xf0\x9f\x98\x80"                    /* one wide */
#define NICHI "\xe6\x97\xa5"                        /* one wide, U+65E5 */

/* Where the cursor is drawn for the text wrapped at cols. */
static void
cursor_at(const struct edit *e, int cols, size_t *row, int *col)
{
	struct text_line *rows;
	size_t n;

	edit_layout(e, cols, &rows, &n);
	*row = edit_cursor(e, rows, n, col);
	free(rows);
}

static void
test_typing(void)
{
	struct edit e;

	TEST_START("edit: typing, pasting, CR LF, dropped controls");
	edit_init(&e, NULL, 0, 0);
	edit_insert_cp(&e, 'h');
	edit_insert_cp(&e, 'i');
	edit_insert_cp(&e, '\r');
	edit_insert_cp(&e, 0x65e5);
	edit_insert_cp(&e, 0x1b); /* ESC never enters a draft */
	edit_insert_cp(&e, 0x9b); /* nor does a C1 CSI */
	ASSERT_STR_EQ(e.s, "hi\n\xe6\x97\xa5");
	ASSERT_INT_EQ(e.cur, e.len);
	edit_insert(&e, "\r\nx\ty\x07z\xff", 8);
	ASSERT_STR_EQ(e.s, "hi\n\xe6\x97\xa5\nx\tyz\xef\xbf\xbd");
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: backspace and delete join lines, whole characters");
	edit_init(&e, "ab\ncd", 0, 0);
	edit_first(&e);
	edit_right(&e);
	edit_right(&e);
	edit_delete(&e); /* the newline */
	ASSERT_STR_EQ(e.s, "abcd");
	edit_right(&e);
	edit_insert(&e, "\n", 1);
	ASSERT_STR_EQ(e.s, "abc\nd");
	edit_backspace(&e);
	ASSERT_STR_EQ(e.s, "abcd");
	edit_last(&e);
	edit_insert(&e, EMOJI, 4);
	edit_backspace(&e);
	ASSERT_STR_EQ(e.s, "abcd");
	edit_first(&e);
	edit_backspace(&e); /* nothing before the start */
	ASSERT_STR_EQ(e.s, "abcd");
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: kill to the end of the line, then the newline");
	edit_init(&e, "one two\nthree", 0, 0);
	edit_first(&e);
	edit_right(&e);
	edit_right(&e);
	edit_right(&e);
	edit_kill(&e);
	ASSERT_STR_EQ(e.s, "one\nthree");
	edit_kill(&e);
	ASSERT_STR_EQ(e.s, "onethree");
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: kill back to an offset, the cursor there");
	edit_init(&e, "one two " NICHI "x", 1, 0);
	edit_left(&e);
	edit_kill_back(&e, 4);
	ASSERT_STR_EQ(e.s, "one x");
	ASSERT_INT_EQ(e.cur, 4);
	edit_kill_back(&e, 0);
	ASSERT_STR_EQ(e.s, "x");
	ASSERT_INT_EQ(e.cur, 0);
	edit_kill_back(&e, 0); /* nothing before the cursor */
	ASSERT_STR_EQ(e.s, "x");
	edit_free(&e);
	TEST_DONE();
}

static void
test_limits(void)
{
	struct edit e;

	TEST_START("edit: a cap stops a paste at a whole character");
	edit_init(&e, NULL, 0, 5);
	edit_insert(&e, "ab" CJK3, strlen("ab" CJK3));
	ASSERT_STR_EQ(e.s, "ab\xe6\x97\xa5");
	ASSERT_INT_EQ(e.full, 1);
	edit_backspace(&e);
	edit_insert(&e, "c", 1);
	ASSERT_STR_EQ(e.s, "abc");
	ASSERT_INT_EQ(e.full, 0);
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: one-line fields turn newlines and tabs into spaces");
	edit_init(&e, "a\nb\tc", 1, 0);
	ASSERT_STR_EQ(e.s, "a b c");
	edit_free(&e);
	TEST_DONE();
}

static void
test_cursor(void)
{
	struct edit e;
	size_t row;
	int col;

	TEST_START("edit: the cursor on wrapped rows and after a newline");
	edit_init(&e, "hello world", 0, 0);
	cursor_at(&e, 8, &row, &col);
	ASSERT_INT_EQ(row, 1);
	ASSERT_INT_EQ(col, 5);
	edit_first(&e);
	edit_vertical(&e, 8, 1);
	cursor_at(&e, 8, &row, &col);
	ASSERT_INT_EQ(row, 1);
	ASSERT_INT_EQ(col, 0);
	edit_free(&e);
	edit_init(&e, "abc\n", 0, 0);
	cursor_at(&e, 10, &row, &col);
	ASSERT_INT_EQ(row, 1); /* the empty row after the newline */
	ASSERT_INT_EQ(col, 0);
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: columns count wide characters and tabs");
	edit_init(&e, CJK3 "\tx", 0, 0);
	cursor_at(&e, 40, &row, &col);
	ASSERT_INT_EQ(col, 9);
	edit_first(&e);
	edit_right(&e);
	cursor_at(&e, 40, &row, &col);
	ASSERT_INT_EQ(col, 2);
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: up and down keep the column across short rows");
	edit_init(&e, "abcdef\nab\n" CJK3 "x", 0, 0);
	edit_first(&e);
	edit_row_end(&e, 40);
	ASSERT_INT_EQ(e.cur, 6);
	edit_vertical(&e, 40, 1); /* a short row: its end */
	ASSERT_INT_EQ(e.cur, 9);
	edit_vertical(&e, 40, 1); /* column 6 is after the third wide */
	cursor_at(&e, 40, &row, &col);
	ASSERT_INT_EQ(row, 2);
	ASSERT_INT_EQ(col, 6);
	edit_vertical(&e, 40, -1);
	edit_vertical(&e, 40, -1);
	ASSERT_INT_EQ(e.cur, 6);
	edit_row_home(&e, 40);
	ASSERT_INT_EQ(e.cur, 0);
	edit_vertical(&e, 40, -5); /* clamped at the first row */
	ASSERT_INT_EQ(e.cur, 0);
	edit_vertical(&e, 40, 99);
	cursor_at(&e, 40, &row, &col);
	ASSERT_INT_EQ(row, 2);
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: a wide character in the goal column is taken whole");
	edit_init(&e, "abc\n" CJK3, 0, 0);
	edit_first(&e);
	edit_right(&e);
	edit_vertical(&e, 40, 1); /* column 1 is inside the first wide */
	cursor_at(&e, 40, &row, &col);
	ASSERT_INT_EQ(row, 1);
	ASSERT_INT_EQ(col, 0);
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: the end of a wrapped row stays on that row");
	edit_init(&e, "aaaa bbbb cccc", 0, 0);
	edit_first(&e);
	edit_row_end(&e, 6);
	cursor_at(&e, 6, &row, &col);
	ASSERT_INT_EQ(row, 0);
	edit_vertical(&e, 6, 1);
	cursor_at(&e, 6, &row, &col);
	ASSERT_INT_EQ(row, 1);
	edit_free(&e);
	TEST_DONE();

	TEST_START("edit: a one-line field scrolls to keep the cursor shown");
	edit_init(&e, "0123456789", 1, 0);
	ASSERT_INT_EQ(edit_hscroll(&e, 5), 6);
	edit_first(&e);
	ASSERT_INT_EQ(edit_hscroll(&e, 5), 0);
	edit_free(&e);
	edit_init(&e, CJK3 CJK3, 1, 0);
	ASSERT_INT_EQ(edit_hscroll(&e, 5), 12); /* two wide before it */
	edit_free(&e);
	TEST_DONE();
}

static void
test_field(void)
{
	struct edit e;

	TEST_START("field: the one-line keys edit, other keys are not theirs");
	edit_init(&e, "abc", 1, 0);
	ASSERT_INT_EQ(ui_field_key(&e, UI_KEY(KEY_HOME)), UI_KEY_USED);
	ASSERT_INT_EQ(e.cur, 0);
	ui_field_key(&e, UI_KEY(KEY_RIGHT));
	ui_field_key(&e, UI_KEY(KEY_DC));
	ASSERT_STR_EQ(e.s, "ac");
	ui_field_key(&e, 0x65e5);
	ASSERT_STR_EQ(e.s, "a" NICHI "c");
	ui_field_key(&e, UI_CTRL('e'));
	ui_field_key(&e, 0x7f);
	ui_field_key(&e, UI_KEY(KEY_LEFT));
	ui_field_key(&e, UI_CTRL('h'));
	ASSERT_STR_EQ(e.s, NICHI);
	ASSERT_INT_EQ(ui_field_key(&e, UI_KEY(KEY_UP)), UI_KEY_UNUSED);
	ASSERT_INT_EQ(ui_field_key(&e, UI_ESC), UI_KEY_UNUSED);
	ASSERT_INT_EQ(ui_field_key(&e, 0x9b), UI_KEY_UNUSED);
	ASSERT_STR_EQ(e.s, NICHI);
	ui_field_key(&e, UI_CTRL('a'));
	ui_field_key(&e, UI_KEY(KEY_END));
	ui_field_key(&e, 'x');
	ui_field_key(&e, UI_KEY(KEY_HOME));
	ui_field_key(
	    &e, UI_CTRL('u')); /* the whole line, wherever the cursor */
	ASSERT_STR_EQ(e.s, "");
	edit_free(&e);
	TEST_DONE();
}

int
main(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return 2;
	test_typing();
	test_limits();
	test_cursor();
	test_field();
	return test_exit();
}
