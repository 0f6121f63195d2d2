/* bbs: ISC licence, see LICENSE. */
/*
 * The UI's screen loop: terminal set-up with fallbacks, the three windows,
 * the view stack, the keys every screen shares ('?', q, n, /), resizes,
 * and the once-a-second poll of the database's data_version that brings
 * others' posts without a keypress. Who it runs for decides the first
 * screen: the boards for a member, the waiting screen for an applicant,
 * and for a guest the public boards with every key for members answered
 * here, from the views' help tables, before a view sees it.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/guest.h"
#include "store/moderation.h"
#include "store/threads.h"
#include "ui/help.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/sshline.h"
#include "util/xmalloc.h"

#define UI_TYPEAHEAD 8192 /* keys handled before the next draw (a paste) */

static volatile sig_atomic_t ui_stop;

static const char ui_guest_refusal[] =
    "This board is for its members: ? says how to join.";

static const char ui_revoked_farewell[] =
    "bbs: this key is no longer registered; the session has ended.\r\n";
static const char ui_guests_farewell[] =
    "bbs: this board no longer lets guests read; the session has ended.\r\n";

static void
ui_sigterm(int sig)
{
	(void)sig;
	ui_stop = 1;
}

static const char ui_dumb_text[] =
    "bbs: this terminal cannot show the board (it has no cursor addressing).\r\n"
    "Use a terminal such as xterm, or run commands without one:\r\n"
    "  ssh -p PORT HOST help\r\n";

static const char ui_offer_text[] =
    "Your ssh client offered this server more than one public key before the one that logged you in.\n\n"
    "SSH clients offer every key they hold to every server they meet, so a server can link you to the accounts those keys open elsewhere (public key listings are public). This board keeps nothing about them, but other servers may.\n\n"
    "To offer only this board's key, add to ~/.ssh/config:\n\n"
    "    Host <this board's host name>\n"
    "        IdentityFile ~/.ssh/<this board's key>\n"
    "        IdentitiesOnly yes\n\n"
    "Press any key to go on.";

static void
ui_colors(struct ui *ui)
{
	ui->attrs[UI_ATTR_BAR] = A_REVERSE;
	ui->attrs[UI_ATTR_SELECT] = A_REVERSE;
	ui->attrs[UI_ATTR_DIM] = A_DIM;
	ui->attrs[UI_ATTR_TITLE] = A_BOLD;
	ui->attrs[UI_ATTR_UNREAD] = A_BOLD;
	ui->attrs[UI_ATTR_WARN] = A_BOLD;
	/* NO_COLOR (no-color.org): the monochrome attributes above only. */
	if (ui->cfg->no_color || !has_colors() || start_color() != OK ||
	    COLORS < 8)
		return;
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_RED, -1);
	ui->attrs[UI_ATTR_BAR] = COLOR_PAIR(1);
	ui->attrs[UI_ATTR_TITLE] = A_BOLD | COLOR_PAIR(2);
	ui->attrs[UI_ATTR_UNREAD] = A_BOLD | COLOR_PAIR(3);
	ui->attrs[UI_ATTR_WARN] = A_BOLD | COLOR_PAIR(4);
}

attr_t
ui_attr(const struct ui *ui, enum ui_attr a)
{
	return ui->attrs[a];
}

int
ui_sysop(const struct ui *ui)
{
	return ui->me->role == STORE_ROLE_SYSOP;
}

int
ui_guest(const struct ui *ui)
{
	return ui->cfg->guest;
}

/* Whose keys the bar and '?' show (enum ui_who). */
static int
ui_who(const struct ui *ui)
{
	if (ui_guest(ui))
		return UI_WHO_GUEST;
	return ui_sysop(ui) ? UI_WHO_SYSOP : UI_WHO_MEMBER;
}

const char *
ui_address(const struct ui *ui)
{
	return ui->cfg->address != NULL ? ui->cfg->address : "HOST";
}

char *
ui_join_line(const struct ui *ui, const char *code)
{
	char *rest, *line;

	xasprintf(&rest, "join %s NAME < ~/.ssh/bbs_ed25519.pub",
	    code != NULL ? code : "CODE");
	line = sshline_format(ui_address(ui), NULL, "guest", rest);
	free(rest);
	return line;
}

void
ui_actor(const struct ui *ui, struct store_actor *a)
{
	a->member = ui->me->id;
	a->name = ui->me->pseudonym;
}

int
ui_body_rows(const struct ui *ui)
{
	return ui->rows > 3 ? ui->rows - 2 : 1;
}

void
ui_cursor(struct ui *ui, int y, int x)
{
	ui->cur_y = y;
	ui->cur_x = x;
}

/* (Re)creates the windows for the terminal's current size. */
static void
ui_layout(struct ui *ui)
{
	ui->rows = LINES;
	ui->cols = COLS;
	ui->small = ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
	if (ui->top != NULL)
		delwin(ui->top), delwin(ui->body), delwin(ui->bar);
	ui->top = newwin(1, ui->cols, 0, 0);
	ui->body = newwin(ui_body_rows(ui), ui->cols, 1, 0);
	ui->bar = newwin(1, ui->cols, ui->rows > 1 ? ui->rows - 1 : 0, 0);
	keypad(ui->body, TRUE);
	/* Lets ncurses scroll the terminal for a line scroll, not repaint. */
	idlok(ui->body, TRUE);
	clearok(curscr, TRUE);
}

/*
 * Terminals named vt52, vt100, vt220... predate UTF-8: members on one see
 * plain ASCII until they press A.
 */
static int
ui_term_ascii(const char *term)
{
	return term[0] == 'v' && term[1] == 't' && term[2] >= '0' &&
	       term[2] <= '9';
}

static int
ui_screen_open(struct ui *ui, char *notice, size_t len)
{
	const char *term = ui->cfg->term;
	int known;

	if (!ui_term_usable(term, &known)) {
		if (known) {
			fputs(ui_dumb_text, stdout);
			return -1;
		}
		snprintf(notice, len,
		    "Unknown terminal type '%s': drawing as xterm-256color.",
		    term);
		term = "xterm-256color";
	}
	if ((ui->screen = newterm(term, stdout, stdin)) == NULL &&
	    (ui->screen = newterm("vt100", stdout, stdin)) == NULL)
		return -1;
	set_term(ui->screen);
	raw();
	noecho();
	nonl();
	set_escdelay(25);
	curs_set(0);
	ui->ascii = ui_term_ascii(term);
	ui_draw_set_ascii(ui->ascii);
	ui_colors(ui);
	ui_layout(ui);
	return 0;
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
}

int
ui_may_post(
    struct ui *ui, const struct store_board *b, const struct store_thread *t)
{
	enum store_post_bar bar = STORE_POST_OK;

	/* Allowed, or the store will say what is wrong when it writes. */
	if (store_post_check(ui->st, ui->me->id, b, t, &bar, NULL) == STORE_OK)
		bar = STORE_POST_OK;
	switch (bar) {
	case STORE_POST_OK:
		break;
	case STORE_POST_LOCKED:
		ui_message(ui, "This thread is locked: no more replies.");
		break;
	case STORE_POST_SYSOPS:
		ui_message(ui, "Only sysops may post on %s.", b->name);
		break;
	default: /* bots have no session; said all the same */
		ui_message(ui, "This key may not post on %s.", b->name);
		break;
	}
	return bar == STORE_POST_OK;
}

int
ui_push(struct ui *ui, const struct ui_view *view, const void *arg)
{
	void *state;

	if (ui->depth == UI_STACK_MAX) {
		ui_message(ui, "Too many screens open: press q to go back.");
		return -1;
	}
	if ((state = view->open(ui, arg)) == NULL)
		return -1;
	ui->stack[ui->depth++] = (struct ui_frame){ view, state };
	return 0;
}

/* Closes the top view; the last one closing ends the session. */
static void
ui_pop(struct ui *ui)
{
	struct ui_frame *f;

	if (ui->depth == 0)
		return;
	f = &ui->stack[--ui->depth];
	f->view->close(f->state);
	ui->uncovered = 1;
	if (ui->depth == 0)
		ui->quit = 1;
}

void
ui_goto(struct ui *ui, int64_t thread, int64_t post, int root)
{
	ui->go = (struct ui_goto){ thread, post, root };
}

/*
 * ui_goto() with root: the stack rebuilt as boards, the thread's board
 * (the thread chosen), its pager.
 */
static void
ui_goto_root(struct ui *ui, const struct ui_pager_arg *pa)
{
	struct store_thread *t = NULL;
	struct ui_threads_arg ta;

	if (store_thread_get(ui->st, pa->thread, ui->me->id, &t) != 0)
		ui_message(ui, "That thread is gone.");
	else {
		while (ui->depth > 1)
			ui_pop(ui);
		ta.board = t->board;
		ta.select = t->id;
		if (ui_push(ui, &ui_view_threads, &ta) == 0)
			ui_push(ui, &ui_view_pager, pa);
	}
	store_thread_free(t);
}

/*
 * Carries out a ui_goto(). A pager on top showing that thread moves
 * itself, through the view interface: ui.c names the views it opens but
 * calls none of their functions.
 */
static void
ui_goto_run(struct ui *ui)
{
	struct ui_goto go = ui->go;
	struct ui_frame *f = &ui->stack[ui->depth - 1];
	struct ui_pager_arg pa = { go.thread, go.post };

	ui->go.thread = 0;
	if (f->view == &ui_view_pager && f->view->show(ui, f->state, &pa) == 0)
		return;
	if (go.root)
		ui_goto_root(ui, &pa);
	else
		ui_push(ui, &ui_view_pager, &pa);
}

/* Does the view on top take printable keys as text just now? */
static int
ui_typing(const struct ui_frame *f)
{
	return f->view->typing != NULL && f->view->typing(f->state);
}

/* The top bar: where you are first; who you are when there is room. */
static void
ui_draw_top(struct ui *ui, const struct ui_frame *f)
{
	attr_t bar = ui_attr(ui, UI_ATTR_BAR);
	struct buf b;
	int right;

	buf_init(&b);
	if (ui_guest(ui))
		buf_printf(&b, "guest (read-only) ");
	else
		buf_printf(&b, "%s (%s) ", ui->me->pseudonym,
		    store_role_name(ui->me->role));
	right = text_width(b.data);
	werase(ui->top);
	ui_draw_fill(ui->top, 0, 0, ui->cols, bar);
	if (right + 20 > ui->cols)
		right = 0;
	else
		ui_draw_right(ui->top, 0, ui->cols, right, b.data, bar);
	buf_reset(&b);
	buf_printf(&b, " bbs > %s", f->view->title(f->state));
	ui_draw_text(ui->top, 0, 0, ui->cols - right - 1, b.data, b.len, bar);
	buf_free(&b);
	wnoutrefresh(ui->top);
}

/* The bottom bar: the message, or the keys' hints of the view on top. */
static void
ui_draw_bottom(struct ui *ui, const struct ui_frame *f)
{
	attr_t a = ui_attr(ui, UI_ATTR_BAR);
	struct buf b;
	int x;

	buf_init(&b);
	buf_addc(&b, ' ');
	if (ui->message[0] != '\0') {
		buf_adds(&b, ui->message);
		a = ui_attr(ui, UI_ATTR_WARN) | A_REVERSE;
	} else
		ui_help_bar(f->view, ui_who(ui), ui_typing(f), &b);
	werase(ui->bar);
	x = ui_draw_text(ui->bar, 0, 0, ui->cols, b.data, b.len, a);
	ui_draw_fill(ui->bar, 0, x, ui->cols - x, a);
	buf_free(&b);
	wnoutrefresh(ui->bar);
}

static void
ui_draw_small(struct ui *ui)
{
	char msg[64];
	WINDOW *w = ui->body;

	werase(ui->top);
	werase(ui->bar);
	werase(w);
	snprintf(msg, sizeof msg, "Terminal too small: %dx%d, need %dx%d",
	    ui->cols, ui->rows, UI_MIN_COLS, UI_MIN_ROWS);
	ui_draw_text(w, 0, 0, ui->cols, msg, strlen(msg), A_BOLD);
	wnoutrefresh(ui->top);
	wnoutrefresh(ui->bar);
	wnoutrefresh(w);
}

/* Shows or hides the terminal's cursor, saying so only on a change. */
static void
ui_cursor_show(struct ui *ui, int on)
{
	if (ui->cursor_shown != on && curs_set(on) != ERR)
		ui->cursor_shown = on;
}

static void
ui_draw(struct ui *ui)
{
	struct ui_frame *f = &ui->stack[ui->depth - 1];
	int rows, cols;

	ui->cur_y = -1;
	/* What an overlay wrote stays until repainted: repaint it all. */
	if (ui->overlaid != NULL &&
	    (ui->overlaid != f->view || ui->overlaid_depth != ui->depth))
		clearok(curscr, TRUE);
	if (ui->small) {
		ui_draw_small(ui);
	} else {
		werase(ui->body);
		getmaxyx(ui->body, rows, cols);
		f->view->draw(ui, f->state, ui->body, rows, cols);
		ui_draw_top(ui, f);
		ui_draw_bottom(ui, f);
		/* The body goes last so the terminal's cursor ends there. */
		if (ui->cur_y >= 0)
			wmove(ui->body, ui->cur_y, ui->cur_x);
		wnoutrefresh(ui->body);
	}
	ui_cursor_show(ui, ui->cur_y >= 0);
	doupdate();
	ui->overlaid = NULL;
	if (!ui->small && f->view->overlay != NULL) {
		f->view->overlay(ui, f->state);
		ui->overlaid = f->view;
		ui->overlaid_depth = ui->depth;
	}
}

/* What '?' tells a guest first: the board is read-only, and how to join. */
static void
ui_help_guest(const struct ui *ui, struct buf *b)
{
	char *join = ui_join_line(ui, NULL), *boards;

	boards = sshline_format(ui_address(ui), NULL, "guest", "boards");
	buf_printf(b,
	    "You are a guest: you read the public boards, and nothing you do here is kept. Writing is for the board's members, who join by invitation.\n"
	    "\n"
	    "To join, ask a member for an invitation code, make a key for this board and join with it, choosing your NAME (2-24 letters, digits, _ -):\n"
	    "\n"
	    "  ssh-keygen -t ed25519 -f ~/.ssh/bbs_ed25519\n"
	    "  %s\n"
	    "\n"
	    "The public boards can be read as commands too:\n"
	    "\n"
	    "  %s\n"
	    "\n",
	    join, boards);
	free(boards);
	free(join);
}

/* '?': the keys of the view on top, as a text view. */
static void
ui_help(struct ui *ui)
{
	const struct ui_frame *f = &ui->stack[ui->depth - 1];
	struct ui_text_arg arg;
	struct buf b;
	char title[64];

	buf_init(&b);
	if (ui_guest(ui))
		ui_help_guest(ui, &b);
	ui_help_text(f->view, ui_who(ui), ui_typing(f), &b);
	snprintf(title, sizeof title, "help: %s", f->view->name);
	arg.title = title;
	arg.text = b.data;
	ui_push(ui, &ui_view_text, &arg);
	buf_free(&b);
}

/* n: the oldest unread post anywhere. */
static void
ui_next_unread(struct ui *ui)
{
	int64_t thread, post;
	int r;

	r = store_unread_next(ui->st, ui->me->id, &thread, &post);
	if (r == STORE_ERR_NOT_FOUND)
		ui_message(ui, "Nothing unread.");
	else if (r != STORE_OK)
		ui_message(ui, "Cannot look for unread posts; try again.");
	else
		ui_goto(ui, thread, post, 1);
}

/* /: the search view, reusing one already open below. */
static void
ui_search(struct ui *ui)
{
	int i;

	for (i = ui->depth - 1; i > 0; i--) {
		if (ui->stack[i].view == &ui_view_search)
			break;
	}
	if (i > 0) {
		while (ui->depth > i + 1)
			ui_pop(ui);
		ui->stack[i].view->key(ui, ui->stack[i].state, '/');
	} else
		ui_push(ui, &ui_view_search, NULL);
}

/* Keys every screen shares, when the view on top did not use them. */
static void
ui_key_global(struct ui *ui, const struct ui_frame *f, int key)
{
	if (key == UI_KEY(KEY_F(1)))
		ui_help(ui);
	else if (ui_typing(f))
		return;
	else if (ui->me->role == STORE_ROLE_APPLICANT &&
	         (key == 'n' || key == '/'))
		return; /* an applicant reads nothing until admitted */
	else if (key == 'q')
		ui_pop(ui);
	else if (ui_motion(key) == UI_MOTION_BACK && f->view->back != NULL)
		ui_pop(ui);
	else if (key == '?')
		ui_help(ui);
	else if (key == 'n')
		ui_next_unread(ui);
	else if (key == '/')
		ui_search(ui);
	else if (key == 'A') {
		ui->ascii = !ui->ascii;
		ui_draw_set_ascii(ui->ascii);
		ui_message(ui, "Plain ASCII %s.", ui->ascii ? "on" : "off");
	}
}

/* After a key: a pending goto, then a reload of an uncovered view. */
static void
ui_key_after(struct ui *ui)
{
	struct ui_frame *f;

	if (ui->go.thread != 0 && ui->depth > 0) {
		ui_goto_run(ui);
		ui->uncovered = 0; /* what it shows is fresh */
	}
	if (ui->uncovered && ui->depth > 0) {
		f = &ui->stack[ui->depth - 1];
		if (f->view->reload != NULL)
			f->view->reload(ui, f->state);
	}
	ui->uncovered = 0;
}

static void
ui_key(struct ui *ui, int key)
{
	struct ui_frame *f = &ui->stack[ui->depth - 1];
	enum ui_key_result r;

	if (key == UI_KEY(KEY_RESIZE)) {
		ui_layout(ui);
		return;
	}
	if (key == UI_CTRL('l')) {
		clearok(curscr, TRUE);
		return;
	}
	ui->message[0] = '\0';
	if (ui->small) {
		/* Nothing is drawn, so only leaving works; never a draft. */
		if (key == 'q' && !ui_typing(f))
			ui_pop(ui);
		return;
	}
	if (ui_guest(ui) && !ui_typing(f) && ui_help_no_guest(f->view, key)) {
		ui_message(ui, "%s", ui_guest_refusal);
		return;
	}
	r = f->view->key(ui, f->state, key);
	if (r == UI_KEY_CLOSE)
		ui_pop(ui);
	else if (r == UI_KEY_UNUSED)
		ui_key_global(ui, f, key);
	ui_key_after(ui);
}

/*
 * After a change: is the key still registered, and what is the member's
 * role now? 0 to go on, -1 to ask again at the next poll (busy) or to
 * stop (revoked: ui->quit).
 */
static int
ui_poll_member(struct ui *ui)
{
	struct store_login login;
	struct store_member *me;

	switch (store_login_refresh(ui->st, ui->cfg->key_row, &login)) {
	case STORE_OK:
		break;
	case STORE_ERR_NOT_FOUND: /* revoked, erased, or a rejected applicant */
		if (ui->farewell == NULL)
			ui->farewell = ui_revoked_farewell;
		ui->quit = 1;
		return -1;
	default:
		return -1; /* busy: ask again at the next poll */
	}
	/* A sysop may have changed this member's role meanwhile. */
	if (store_member_get_id(ui->st, ui->cfg->member_id, &me) == STORE_OK) {
		store_member_free(ui->me);
		ui->me = me;
	}
	return 0;
}

/*
 * A guest may read only while the operator lets guests read: "config set
 * guests" takes effect for open sessions at their next poll, as a revoked
 * key does for a member. -1 when the guest must go.
 */
static int
ui_poll_guest(struct ui *ui)
{
	int64_t guests = STORE_GUESTS_OFF;

	if (store_setting_get(ui->st, "guests", &guests) != STORE_OK)
		return -1; /* busy: ask again at the next poll */
	if (guests == STORE_GUESTS_READ)
		return 0;
	if (ui->farewell == NULL)
		ui->farewell = ui_guests_farewell;
	ui->quit = 1;
	return -1;
}

/* Notices others' changes; 1 if anything did change. */
static int
ui_poll(struct ui *ui)
{
	struct ui_frame *f;
	int64_t v;

	if (store_data_version(ui->st, &v) != STORE_OK || v == ui->data_version)
		return 0;
	/* A guest has no key to check, but a setting that lets them in. */
	if ((ui_guest(ui) ? ui_poll_guest(ui) : ui_poll_member(ui)) != 0)
		return 0;
	ui->data_version = v;
	/* Views below reload when uncovered (ui_key_after()). */
	f = &ui->stack[ui->depth - 1];
	if (f->view->reload != NULL)
		f->view->reload(ui, f->state);
	return 1;
}

/* Logs the store's last internal error, if any: it says, the UI reports. */
static void
ui_store_report(struct ui *ui)
{
	const char *e;

	if ((e = store_error_take(ui->st)) != NULL)
		log_error("%s", log_escape(e, strlen(e)));
}

static int64_t
ui_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* One key from the body window: 0 and *key, or -1 when none came. */
static int
ui_read_key(struct ui *ui, int timeout_ms, int *key)
{
	wint_t wch;
	int r;

	wtimeout(ui->body, timeout_ms);
	r = wget_wch(ui->body, &wch);
	if (r == KEY_CODE_YES)
		*key = UI_KEY((int)wch);
	else if (r == OK)
		*key = (int)wch;
	else
		return -1;
	return 0;
}

/*
 * Draws, then sleeps in the terminal read until a key or the next poll is
 * due: the process wakes about once a second when idle, never spins.
 * Keys already waiting (a paste, a held key) are all handled before the
 * next draw, so a long paste costs one redraw, not one per character.
 */
static void
ui_loop(struct ui *ui)
{
	int64_t last = ui_ms(), wait;
	int key, n;

	while (!ui->quit && !ui_stop) {
		ui_draw(ui);
		wait = UI_POLL_MS - (ui_ms() - last);
		if (ui_read_key(ui, wait > 0 ? (int)wait : 0, &key) == 0) {
			ui_key(ui, key);
			for (n = 0; n < UI_TYPEAHEAD && !ui->quit && !ui_stop &&
			            ui_read_key(ui, 0, &key) == 0;
			     n++)
				ui_key(ui, key);
		}
		if (ui_stop)
			break;
		if (ui_ms() - last >= UI_POLL_MS) {
			ui_poll(ui);
			last = ui_ms();
		}
		ui_store_report(ui);
	}
}

/*
 * Who the session is for: the member logged in, or for a guest a member
 * of none (id 0) on a store put in public-only mode first. 0, or -1.
 */
static int
ui_me(struct ui *ui)
{
	if (!ui->cfg->guest)
		return store_member_get_id(
		           ui->st, ui->cfg->member_id, &ui->me) == STORE_OK
		           ? 0
		           : -1;
	if (store_set_guest(ui->st) != STORE_OK)
		return -1;
	ui->me = xcalloc(1, sizeof *ui->me);
	ui->me->pseudonym = xstrdup("");
	ui->me->role = STORE_ROLE_MEMBER; /* a reader, never a sysop */
	return 0;
}

int
ui_run(const struct ui_config *cfg)
{
	struct sigaction sa;
	struct ui ui;
	char notice[128] = "";
	struct ui_text_arg offer = { "a note on your keys", ui_offer_text };
	const struct ui_view *first = &ui_view_boards;

	memset(&ui, 0, sizeof ui);
	ui.cfg = cfg;
	ui.st = cfg->st;
	ui.cursor_shown = -1;
	/* Our handlers, set before ncurses looks, so it installs none. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (ui_me(&ui) != 0) {
		ui_store_report(&ui);
		return 70;
	}
	if (ui.me->role == STORE_ROLE_APPLICANT)
		first = &ui_view_wait;
	if (ui_screen_open(&ui, notice, sizeof notice) != 0) {
		store_member_free(ui.me);
		return 0;
	}
	store_data_version(ui.st, &ui.data_version);
	if (ui_push(&ui, first, NULL) == 0) {
		if (cfg->offered > 1)
			ui_push(&ui, &ui_view_text, &offer);
		if (notice[0] != '\0')
			ui_message(&ui, "%s", notice);
		ui_loop(&ui);
	}
	while (ui.depth > 0)
		ui_pop(&ui);
	if (ui.top != NULL)
		delwin(ui.top), delwin(ui.body), delwin(ui.bar);
	endwin();
	delscreen(ui.screen);
	/* After endwin(), on the terminal's own screen, so it stays. */
	if (ui.farewell != NULL)
		fputs(ui.farewell, stdout);
	store_member_free(ui.me);
	return 0;
}
