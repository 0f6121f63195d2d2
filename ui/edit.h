/* bbs: ISC licence, see LICENSE. */
/*
 * The editor's text, without curses: a UTF-8 buffer with a cursor, the
 * edits the keys make (insert, backspace and delete across line joins,
 * kill to the end of the line) and the moves that depend on how the text
 * is wrapped on screen (up and down by display row, row start and end).
 * ui/view-editor.c draws it; tests/unit/test-edit.c tests it. Knows
 * nothing of the store or of terminals beyond the column widths of
 * ui/text.h.
 */
#ifndef UI_EDIT_H
#define UI_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "ui/text.h"

struct edit {
	char *s;    /* the text, NUL-terminated, valid UTF-8, never NULL */
	size_t len; /* bytes of text */
	size_t cap; /* bytes allocated */
	size_t max; /* most bytes it may hold (0: no limit) */
	size_t cur; /* the cursor: a byte offset on a code point boundary */
	int goal;   /* the column up and down keep to; -1 for none */
	int single; /* one line: a newline is inserted as a space */
	int full;   /* the last insertion was cut at max */
};

/* Sets e up holding text (NULL for none), the cursor at its end. */
void edit_init(struct edit *e, const char *text, int single, size_t max);
void edit_free(struct edit *e);

/*
 * Inserts len bytes at the cursor, as typed or pasted: invalid UTF-8
 * becomes U+FFFD, CR LF and CR become LF (a space when single), other
 * controls but tab are dropped, and nothing goes past max (e->full says
 * so). The cursor ends after the text.
 */
void edit_insert(struct edit *e, const char *s, size_t len);
/* Inserts one code point (a key), as edit_insert(). */
void edit_insert_cp(struct edit *e, uint32_t cp);

/* Deletes the code point before the cursor (joining lines at a start). */
void edit_backspace(struct edit *e);
/* Deletes the code point at the cursor (joining lines at an end). */
void edit_delete(struct edit *e);
/* Deletes to the end of the line, or the newline when already there. */
void edit_kill(struct edit *e);
/*
 * Deletes from the byte offset from, a code point boundary at or before
 * the cursor, to the cursor, which ends at from.
 */
void edit_kill_back(struct edit *e, size_t from);

void edit_left(struct edit *e);
void edit_right(struct edit *e);
/* The start and end of the whole text. */
void edit_first(struct edit *e);
void edit_last(struct edit *e);

/*
 * The display rows of the text wrapped at cols (see text_wrap()), plus
 * an empty row after a final newline so the cursor always has one.
 * *rows is the caller's to free.
 */
void edit_layout(
    const struct edit *e, int cols, struct text_line **rows, size_t *n);
/* The row (of edit_layout()'s) and column the cursor is drawn at. */
size_t edit_cursor(
    const struct edit *e, const struct text_line *rows, size_t n, int *col);

/* Moves delta display rows down (up if negative), keeping the column. */
void edit_vertical(struct edit *e, int cols, int delta);
/* The start and the end of the cursor's display row. */
void edit_row_home(struct edit *e, int cols);
void edit_row_end(struct edit *e, int cols);

/*
 * For a one-line field shown in cols columns: the byte offset to draw
 * from so the cursor is visible.
 */
size_t edit_hscroll(const struct edit *e, int cols);

#endif
