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
	UI_KEY_UNUSED, /* not this view's: the UI may handle it */
	UI_KEY_USED,   /* handled; redraw */
	UI_KEY_CLOSE,  /* close this view */
};

struct ui;

/*
 * One key of a view. A view's keys are one table, ended by a NULL key:
 * '?' lists it and the bottom bar shows its hints, in its order
 * (ui/help.c), so a key's hint is written once. An entry without text is
 * on the bar only, its key explained by another line: the motion keys'
 * (ui_motion_help) or those of every screen. Without a hint either
 * (UI_HELP_SHARED()), it stands for that shared key and shows its hint:
 * the first shared entry whose key's first word is this key.
 */
struct ui_help {
	const char *key;  /* as '?' lists it: "Enter l Right" */
	const char *text; /* what it does, or NULL */
	const char *bar;  /* its hint on the bottom bar, or NULL */
	int flags;        /* UI_HELP_* */
};

#define UI_HELP_SYSOP 0x1  /* a sysop's key: members never see it */
#define UI_HELP_MEMBER 0x2 /* on a member's bar only (a sysop's needs room) */
#define UI_HELP_TYPING 0x4 /* on the bar only while the view takes text */
#define UI_HELP_NOT_TYPING 0x8 /* on the bar only while it does not */
/*
 * A key for members (it writes, or needs what the board keeps for a
 * member): a guest never sees it, and the UI answers it for a guest with
 * "the board is for members" before the view sees it.
 */
#define UI_HELP_NO_GUEST 0x10

/* Who reads a view's keys (ui/help.h): 0 a member, 1 a sysop, 2 a guest. */
enum ui_who {
	UI_WHO_MEMBER = 0,
	UI_WHO_SYSOP = 1,
	UI_WHO_GUEST = 2,
};

/* A shared key's place on a view's bar (see struct ui_help). */
#define UI_HELP_SHARED(key, flags)                                             \
	{                                                                      \
		(key), NULL, NULL, (flags)                                     \
	}

/*
 * A view. open() returns its state (freed by close()); draw() fills the
 * body window (and may ask for the cursor with ui_cursor()); key()
 * handles a key; reload() reloads after someone else changed the database,
 * and when the view is uncovered again; title() names the place for the
 * top bar. help is its keys, for '?' and the bottom bar; motion says the
 * motion keys move it, and '?' lists them too. back is where the back
 * keys h and Left go, in '?' ("back", "back to the boards"): the UI
 * closes the view for them, as for q, when the view leaves them unused.
 * Without back they do nothing (the boards, whose q quits; the pins).
 * While typing() says so (the editor, the search prompt), the view takes
 * printable keys as text: only F1 and the keys it leaves unused reach the
 * UI, and nothing closes it while the terminal is too small. Keys only
 * sysops have are marked UI_HELP_SYSOP: members never see them, on the
 * bar or in '?', and the view ignores them for members (ui_sysop()).
 *
 * Checklist for a new view: a ui/view-NAME.c exporting ui_view_NAME, a
 * line in ui/meson.build, its keys in help[] and README.md "The board".
 */
struct ui_view {
	const char *name;
	void *(*open)(struct ui *ui, const void *arg);
	void (*close)(void *v);
	void (*draw)(struct ui *ui, void *v, WINDOW *w, int rows, int cols);
	enum ui_key_result (*key)(struct ui *ui, void *v, int key);
	void (*reload)(struct ui *ui, void *v);
	const char *(*title)(void *v);
	const struct ui_help *help;
	int motion;
	const char *back;       /* NULL: h and Left do nothing */
	int (*typing)(void *v); /* NULL: never */
	/*
	 * Optional: shows arg (what open() takes) in this view, already
	 * open, instead of a new one being pushed: 0, or -1 if arg is not
	 * this one's to show (the pager: another thread).
	 */
	int (*show)(struct ui *ui, void *v, const void *arg);
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
	UI_ATTR_BAR,    /* top and bottom bars */
	UI_ATTR_SELECT, /* the line under the cursor */
	UI_ATTR_DIM,    /* secondary text */
	UI_ATTR_TITLE,  /* headings */
	UI_ATTR_UNREAD, /* unread markers */
	UI_ATTR_WARN,   /* messages that need attention */
	UI_ATTR_COUNT,
};

/* Where ui_goto() goes once the current key is handled. */
struct ui_goto {
	int64_t thread; /* 0: nowhere */
	int64_t post;   /* 0: the first unread */
	int root;       /* rebuild the stack: boards, threads, pager */
};

struct ui {
	const struct ui_config *cfg;
	struct store *st;
	struct store_member *me;
	SCREEN *screen;
	WINDOW *top, *body, *bar;
	int rows, cols;
	int small; /* below UI_MIN_COLS x UI_MIN_ROWS */
	int ascii; /* draw member text in plain ASCII */
	attr_t attrs[UI_ATTR_COUNT];
	struct ui_frame stack[UI_STACK_MAX];
	int depth;
	int uncovered;     /* a pop showed the view below again */
	struct ui_goto go; /* asked for by a view or a key */
	int cur_y, cur_x;  /* where a view wants the cursor; -1: hidden */
	int cursor_shown;
	char message[256]; /* shown in the bottom bar until the next key */
	int64_t data_version;
	int quit;
	const char *farewell; /* static; printed once the screen is gone */
	const struct ui_view *overlaid; /* drew an overlay last, at depth */
	int overlaid_depth;
};

struct store_actor;

/* Is the member a sysop (as of the last poll)? */
int ui_sysop(const struct ui *ui);
/* Is this a guest's board (public boards, read-only; ui->me is nobody)? */
int ui_guest(const struct ui *ui);
/* The board's address for ssh lines (ui_config.address), or "HOST". */
const char *ui_address(const struct ui *ui);
/*
 * The line a newcomer runs to join with code (NULL: the word CODE):
 * "ssh [-p PORT] guest@HOST join CODE NAME < ~/.ssh/bbs_ed25519.pub" for
 * the board's address. The caller frees it.
 */
char *ui_join_line(const struct ui *ui, const char *code);
/* The member as the actor of a moderation act (borrows ui->me). */
void ui_actor(const struct ui *ui, struct store_actor *a);

/* Pushes a view opened with arg; 0, or -1 if it could not open. */
int ui_push(struct ui *ui, const struct ui_view *view, const void *arg);
/* Sets the bottom bar's message (printf-like). */
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
struct store_thread;
/*
 * Whether the member may post on board b (into thread t, unless NULL), by
 * the store's rule (store_post_check()); if not, says why in the bottom
 * bar, before any text is typed. The store asks again when a post is
 * sent.
 */
int ui_may_post(
    struct ui *ui, const struct store_board *b, const struct store_thread *t);
attr_t ui_attr(const struct ui *ui, enum ui_attr a);
/* Rows of the body window: what a page is in every view. */
int ui_body_rows(const struct ui *ui);
/* Shows the terminal's cursor at (y, x) of the body after this draw. */
void ui_cursor(struct ui *ui, int y, int x);
/*
 * Opens thread at post (0: its first unread) once the current key is
 * handled: in the pager on top if it shows that thread, else in a new
 * pager pushed on top, or, with root, under the boards and the thread's
 * board, so that q walks back up from where it lands.
 */
void ui_goto(struct ui *ui, int64_t thread, int64_t post, int root);

/*
 * Draws member text at (y, x) in at most width columns through the one
 * sanitiser: controls become '?', bidi characters are dropped, invalid
 * bytes show as U+FFFD, tabs expand, a wide character never straddles
 * the edge. Returns the columns drawn.
 */
int ui_draw_text(
    WINDOW *w, int y, int x, int width, const char *s, size_t len, attr_t attr);
/* Clears the rest of line y from x with attr. */
void ui_draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);
/*
 * Draws member text (as ui_draw_text()) right-aligned in at most width
 * columns ending at column end; returns the column it starts at.
 */
int ui_draw_right(
    WINDOW *w, int y, int end, int width, const char *s, attr_t attr);
/* A horizontal rule of width columns (ACS, so vt100 draws it too). */
void ui_draw_rule(WINDOW *w, int y, int x, int width, attr_t attr);
/*
 * Plain ASCII: every character beyond ASCII is drawn as '?' (a wide one
 * as "??"), for terminals that cannot show UTF-8. Layout is unchanged.
 */
void ui_draw_set_ascii(int on);

/* A scrolling list: the selection, the first visible row, the length. */
struct ui_list {
	int sel;
	int top;
	int n;
};

/* What a motion key asks for (ui/list.c maps the keys). */
enum ui_motion {
	UI_MOTION_NONE, /* not a motion key */
	UI_MOTION_UP,   /* a line */
	UI_MOTION_DOWN,
	UI_MOTION_PAGE_UP,
	UI_MOTION_PAGE_DOWN,
	UI_MOTION_FIRST,
	UI_MOTION_LAST,
	UI_MOTION_BACK, /* out of the view: the UI's, in a view with back */
	UI_MOTION_OPEN, /* into the chosen item: the view's */
};

/*
 * The motion of key: Up k, Down j, PgUp Ctrl-B, PgDn Ctrl-F space,
 * Home g, End G, back h Left, open Enter l Right; UI_MOTION_NONE for any
 * other key.
 */
enum ui_motion ui_motion(int key);
/* What '?' says of the motion keys, in every view that moves. */
extern const struct ui_help ui_motion_help[];
/* How '?' names the back keys, before the view's words for them. */
extern const char ui_motion_back_keys[];
/*
 * Moves the selection for a motion key, keeping it in a window of rows
 * lines; UI_KEY_UNUSED for back, open and other keys.
 */
enum ui_key_result ui_list_key(struct ui_list *l, int key, int rows);
/*
 * Scrolls a page of text whose first shown line is *top by a line, a page
 * of page lines, or to either end, for a motion key; 0 for back, open
 * and other keys.
 * *top stays >= 0; the end is clamped by the caller when it draws.
 */
int ui_scroll_key(int *top, int key, int page);
/* Keeps sel visible in rows lines and within 0..n-1. */
void ui_list_clamp(struct ui_list *l, int rows);
/* A page of a list whose items take item_rows of rows lines: at least 1. */
int ui_list_page(int rows, int item_rows);

extern const struct ui_view ui_view_boards;
extern const struct ui_view ui_view_threads;
extern const struct ui_view ui_view_pager;
extern const struct ui_view ui_view_editor;
extern const struct ui_view ui_view_search;
extern const struct ui_view ui_view_text;
/* Moderation: the log (every member), flags and keys (sysops), erase-me. */
extern const struct ui_view ui_view_modlog;
extern const struct ui_view ui_view_flags;
extern const struct ui_view ui_view_keys;
extern const struct ui_view ui_view_erase;
/*
 * The front door (SPEC section 10): inviting someone and the member's
 * open invitations, the applicants waiting for vouches, and an
 * applicant's own waiting screen (their whole session).
 */
extern const struct ui_view ui_view_invite;
extern const struct ui_view ui_view_applicants;
extern const struct ui_view ui_view_wait;

/* What ui_view_threads shows: a board, with a thread selected. */
struct ui_threads_arg {
	const char *board;
	int64_t select; /* a thread id, or 0 */
};

/* What ui_view_pager opens or shows: a thread, from a post. */
struct ui_pager_arg {
	int64_t thread;
	int64_t post; /* 0: the first unread (or the first post) */
};

/* What ui_view_editor writes: a new thread on board, or a reply. */
struct ui_editor_arg {
	const char *board; /* a new thread here, or NULL */
	int64_t thread;    /* a reply to this thread */
	const char *title; /* the thread's title (for the top bar) */
	const char *quote; /* the text the reply starts with, or NULL */
};

/* What ui_view_text shows: a title and lines of text. */
struct ui_text_arg {
	const char *title;
	const char *text;
};

/* The pin board (ui/view-pins.c) and one pin (ui/view-pin.c, arg: a
 * const int64_t * pin id). */
extern const struct ui_view ui_view_pins;
extern const struct ui_view ui_view_pin;

#endif
