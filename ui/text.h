/* bbs: ISC licence, see LICENSE. */
/*
 * Text layout for a terminal, without curses: the column width of member
 * text as the drawing code will show it, fitting it into a number of
 * columns without splitting a wide character, and wrapping it into lines.
 * Widths follow wcwidth() in a UTF-8 locale; what utf8_is_unsafe() says
 * may not reach a terminal is measured as the drawing code shows it: a
 * bidi character as nothing, any other control as one '?'.
 */
#ifndef UI_TEXT_H
#define UI_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_TAB 8 /* tab stops every 8 columns */

/*
 * How one code point is drawn: 0 (dropped: bidi, zero-width), 1 or 2
 * columns. Controls draw as '?' and so measure 1; invalid bytes as U+FFFD.
 */
int text_cp_width(uint32_t cp);

/* Columns s takes on one line (tabs count as one space). */
int text_width(const char *s);

/*
 * The number of bytes of s (at most len) that fit in cols columns; *used
 * is set to the columns they take. A wide character that would straddle
 * the edge is left out whole.
 */
size_t text_fit(const char *s, size_t len, int cols, int *used);

/*
 * Columns the len bytes of s take when drawn from column 0, tabs expanded
 * to the next stop (as the drawing code does).
 */
int text_span_width(const char *s, size_t len);

/*
 * The byte offset into the len bytes of s of the code point drawn at
 * column col (tabs expanded): the first whose end passes col, or len if
 * the text ends before it. A wide character covering col is chosen whole.
 */
size_t text_col_offset(const char *s, size_t len, int col);

struct text_line {
	size_t off; /* byte offset into the text */
	size_t len; /* bytes, without the newline */
};

/*
 * Wraps s into lines of at most cols columns: at newlines, else after
 * the last space that fits, else (a long word) at the column edge. Tabs
 * are expanded by the drawing code and measured here to the next stop.
 * *lines is the caller's to free; *n lines (at least one).
 */
void text_wrap(const char *s, int cols, struct text_line **lines, size_t *n);

/*
 * A stored (coarse) time for people: "2026-11-21 14:00" in UTC, or
 * "11-21 14:00" when narrow.
 */
void text_time(int64_t t, int narrow, char out[20]);

#endif
