/* bbs: ISC licence, see LICENSE. */
/*
 * Inside the UI: the application state, the view interface every
 * ui/view-*.c implements, and the drawing and list helpers they share.
 * ui/ never touches stdscr: it draws in its own windows (top bar, body,
 * bottom bar) on its own SCREEN.
 */
#ifndef UI_UI_INT_H
#define UI_UI_INT_H

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "ui/terminfo.h"
#include "ui/text.h"
#include "ui/ui.h"
#include "store/boards.h"
#include "store/members.h"

#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
#define UI_STACK_MAX 16
#define UI_POLL_MS 1000 /* how often to look for others' posts */

/*
 * A key: a character (its Unicode value) or a function key (KEY_* from
 * curses, with UI_FN set so it cannot collide with a character).
 */
#define UI_FN 0x40000000
#define UI_KEY(k) ((k) | UI_FN)
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 0x1b

/* What a view's key handler did with a key. */
enum ui_key_result {
	UI_KEY_UNUSED,	/* not this view's: the UI may handle it */
	UI_KEY_USED,	/* handled; redraw */
	UI_KEY_CLOSE,	/* close this view */
};

struct ui;

/* One line of a view's help: the key as shown, and what it does. */
struct ui_help {
	const char *key;
	const char *text;
};

/*
 * A view. open() returns its state (freed by close()); draw() fills the
 * body window; key() handles a key; reload() reloads after someone else
 * changed the database; title() names the place for the top bar. keys is
 * the bottom bar's hint and help the lines '?' shows.
 */
struct ui_view {
	const char *name;
	void *(*open)(struct ui *ui, const void *arg);
	void (*close)(void *v);
	void (*draw)(struct ui *ui, void *v, WINDOW *w, int rows, int cols);
	enum ui_key_result (*key)(struct ui *ui, void *v, int key);
	void (*reload)(struct ui *ui, void *v);
	const char *(*title)(void *v);
	const char *keys;
	const struct ui_help *help; /* NULL-key terminated */
	/*
	 * Optional: writes to the terminal after doupdate(), outside
	 * ncurses (OSC 8 hyperlinks, ui/link.h); the screen is repainted
	 * once another view takes it.
	 */
	void (*overlay)(struct ui *ui, void *v);
};

struct ui_frame {
	const struct ui_view *view;
	void *state;
};

/* Attributes by meaning, so monochrome terminals still tell them apart. */
enum ui_attr {
	UI_ATTR_BAR,	  /* top and bottom bars */
	UI_ATTR_SELECT,	  /* the line under the cursor */
	UI_ATTR_DIM,	  /* secondary text */
	UI_ATTR_TITLE,	  /* headings */
	UI_ATTR_UNREAD,	  /* unread markers */
	UI_ATTR_WARN,	  /* messages that need attention */
	UI_ATTR_COUNT,
};

struct ui {
	const struct ui_config *cfg;
	struct store *st;
	struct store_member *me;
	SCREEN *screen;
	WINDOW *top, *body, *bar;
	int rows, cols;
	int small; /* below UI_MIN_COLS x UI_MIN_ROWS */
	attr_t attrs[UI_ATTR_COUNT];
	struct ui_frame stack[UI_STACK_MAX];
	int depth;
	char message[256]; /* shown in the bottom bar until the next key */
	int64_t data_version;
	int quit;
	const struct ui_view *overlaid; /* drew an overlay last, at depth */
	int overlaid_depth;
};

/* Pushes a view opened with arg; 0, or -1 if it could not open. */
int ui_push(struct ui *ui, const struct ui_view *view, const void *arg);
/* Closes the top view; the last one closing ends the session. */
void ui_pop(struct ui *ui);
/* Sets the bottom bar's message (printf-like). */
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
attr_t ui_attr(const struct ui *ui, enum ui_attr a);

/*
 * Draws member text at (y, x) in at most width columns through the one
 * sanitiser: controls become '?', bidi characters are dropped, invalid
 * bytes show as U+FFFD, tabs expand, a wide character never straddles
 * the edge. Returns the columns drawn.
 */
int ui_draw_text(WINDOW *w, int y, int x, int width, const char *s, size_t len,
    attr_t attr);
/* Clears the rest of line y from x with attr. */
void ui_draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);

/* A scrolling list: the selection, the first visible row, the length. */
struct ui_list {
	int sel;
	int top;
	int n;
};

/*
 * Moves the selection for arrows, PgUp/PgDn, Home/End and j k g G, keeping
 * it in a window of rows lines; UI_KEY_UNUSED for other keys.
 */
enum ui_key_result ui_list_key(struct ui_list *l, int key, int rows);
/* Keeps sel visible in rows lines and within 0..n-1. */
void ui_list_clamp(struct ui_list *l, int rows);

extern const struct ui_view ui_view_boards;
extern const struct ui_view ui_view_text;

/* What ui_view_text shows: a title and lines of text. */
struct ui_text_arg {
	const char *title;
	const char *text;
};

/* The pin board (ui/view-pins.c) and one pin (ui/view-pin.c, arg: a
 * const int64_t * pin id). */
extern const struct ui_view ui_view_pins;
extern const struct ui_view ui_view_pin;

/*
 * Opens pin's discussion thread, starting it on the board "pins" if it
 * has none; says what went wrong with ui_message().
 */
void ui_pin_discuss(struct ui *ui, int64_t pin);

struct buf;
/* Appends space-separated tags as "#a #b" (ui/view-pins.c). */
void ui_pin_tags(const char *tags, struct buf *b);

#endif
