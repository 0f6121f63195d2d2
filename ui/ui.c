/* bbs: ISC licence, see LICENSE. */
/*
 * The UI's screen loop: terminal set-up with fallbacks, the three windows,
 * the view stack, resizes, '?' help, and the once-a-second poll of the
 * database's data_version that brings others' posts without a keypress.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

static volatile sig_atomic_t ui_stop;

static void
ui_sigterm(int sig)
{
	(void)sig;
	ui_stop = 1;
}

static const char ui_dumb_text[] =
    "bbs: this terminal cannot show the board (it has no cursor "
    "addressing).\r\n"
    "Use a terminal such as xterm, or run commands without one:\r\n"
    "  ssh -p PORT HOST help\r\n";

static const char ui_offer_text[] =
    "Your ssh client offered this server more than one public key before "
    "the one that logged you in.\n\n"
    "SSH clients offer every key they hold to every server they meet, "
    "so a server can link you to the accounts those keys open elsewhere "
    "(public key listings are public). This board keeps nothing about "
    "them, but other servers may.\n\n"
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
	if (!has_colors() || start_color() != OK || COLORS < 8)
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
	ui->body = newwin(ui->rows > 2 ? ui->rows - 2 : 1, ui->cols, 1, 0);
	ui->bar = newwin(1, ui->cols, ui->rows > 1 ? ui->rows - 1 : 0, 0);
	keypad(ui->body, TRUE);
	clearok(curscr, TRUE);
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
		snprintf(notice, len, "Unknown terminal type '%s': drawing as "
				      "xterm-256color.",
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
ui_push(struct ui *ui, const struct ui_view *view, const void *arg)
{
	void *state;

	if (ui->depth == UI_STACK_MAX)
		return -1;
	if ((state = view->open(ui, arg)) == NULL)
		return -1;
	ui->stack[ui->depth++] = (struct ui_frame){ view, state };
	return 0;
}

void
ui_pop(struct ui *ui)
{
	struct ui_frame *f;

	if (ui->depth == 0)
		return;
	f = &ui->stack[--ui->depth];
	f->view->close(f->state);
	if (ui->depth == 0)
		ui->quit = 1;
}

static void
ui_draw_bars(struct ui *ui, const struct ui_frame *f)
{
	attr_t bar = ui_attr(ui, UI_ATTR_BAR);
	struct buf b;
	int x;

	buf_init(&b);
	buf_printf(&b, " bbs > %s", f->view->title(f->state));
	werase(ui->top);
	x = ui_draw_text(ui->top, 0, 0, ui->cols, b.data, b.len, bar);
	buf_reset(&b);
	buf_printf(&b, "%s (%s) ", ui->me->pseudonym,
	    store_role_name(ui->me->role));
	if (x + (int)b.len < ui->cols) {
		ui_draw_fill(ui->top, 0, x, ui->cols - x - (int)b.len, bar);
		ui_draw_text(ui->top, 0, ui->cols - (int)b.len, (int)b.len,
		    b.data, b.len, bar);
	} else
		ui_draw_fill(ui->top, 0, x, ui->cols - x, bar);
	werase(ui->bar);
	buf_reset(&b);
	buf_printf(&b, " %s", ui->message[0] != '\0' ? ui->message :
						      f->view->keys);
	x = ui_draw_text(ui->bar, 0, 0, ui->cols, b.data, b.len,
	    ui->message[0] != '\0' ? ui_attr(ui, UI_ATTR_WARN) | A_REVERSE :
				     bar);
	ui_draw_fill(ui->bar, 0, x, ui->cols - x,
	    ui->message[0] != '\0' ? ui_attr(ui, UI_ATTR_WARN) | A_REVERSE :
				     bar);
	buf_free(&b);
	wnoutrefresh(ui->top);
	wnoutrefresh(ui->bar);
}

static void
ui_draw_small(struct ui *ui)
{
	static const char msg[] = "Terminal too small: need 40x12";
	WINDOW *w = ui->body;

	werase(ui->top);
	werase(ui->bar);
	werase(w);
	ui_draw_text(w, 0, 0, ui->cols, msg, sizeof msg - 1, A_BOLD);
	wnoutrefresh(ui->top);
	wnoutrefresh(w);
	wnoutrefresh(ui->bar);
}

static void
ui_draw(struct ui *ui)
{
	struct ui_frame *f = &ui->stack[ui->depth - 1];
	int rows, cols;

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
		wnoutrefresh(ui->body);
		ui_draw_bars(ui, f);
	}
	doupdate();
	ui->overlaid = NULL;
	if (!ui->small && f->view->overlay != NULL) {
		f->view->overlay(ui, f->state);
		ui->overlaid = f->view;
		ui->overlaid_depth = ui->depth;
	}
}

static const char *
ui_help_keys(void)
{
	return "q back/quit  ? help  arrows j k PgUp PgDn Home End g G move";
}

/* '?': the keys of the view on top, as a text view. */
static void
ui_help(struct ui *ui)
{
	const struct ui_view *v = ui->stack[ui->depth - 1].view;
	const struct ui_help *h;
	struct ui_text_arg arg;
	struct buf b;

	buf_init(&b);
	for (h = v->help; h != NULL && h->key != NULL; h++)
		buf_printf(&b, "%-12s %s\n", h->key, h->text);
	buf_printf(&b, "\n%-12s %s\n%-12s %s\n%-12s %s\n", "?",
	    "this help", "q", "back, or quit from the first screen", "Ctrl-L",
	    "redraw the screen");
	buf_printf(&b, "%-12s %s\n", "moving", ui_help_keys());
	arg.title = "help";
	arg.text = b.data;
	ui_push(ui, &ui_view_text, &arg);
	buf_free(&b);
}

/* Notices others' changes; 1 if anything did change. */
static int
ui_poll(struct ui *ui)
{
	struct store_login login;
	int64_t v;
	int i;

	if (store_data_version(ui->st, &v) != STORE_OK || v == ui->data_version)
		return 0;
	ui->data_version = v;
	if (store_login_refresh(ui->st, ui->cfg->key_row, &login) !=
	    STORE_OK) {
		ui->quit = 1; /* the key was revoked */
		return 0;
	}
	for (i = 0; i < ui->depth; i++) {
		if (ui->stack[i].view->reload != NULL)
			ui->stack[i].view->reload(ui, ui->stack[i].state);
	}
	return 1;
}

static int64_t
ui_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void
ui_key(struct ui *ui, int key)
{
	struct ui_frame *f = &ui->stack[ui->depth - 1];
	enum ui_key_result r = UI_KEY_UNUSED;

	ui->message[0] = '\0';
	if (key == UI_KEY(KEY_RESIZE)) {
		ui_layout(ui);
		return;
	}
	if (key == UI_CTRL('l')) {
		clearok(curscr, TRUE);
		return;
	}
	if (!ui->small)
		r = f->view->key(ui, f->state, key);
	if (r == UI_KEY_CLOSE || (r == UI_KEY_UNUSED && key == 'q'))
		ui_pop(ui);
	else if (r == UI_KEY_UNUSED && key == '?' && !ui->small)
		ui_help(ui);
}

static void
ui_loop(struct ui *ui)
{
	int64_t last = ui_ms();
	wint_t wch;
	int r;

	while (!ui->quit && !ui_stop) {
		ui_draw(ui);
		wtimeout(ui->body, UI_POLL_MS);
		r = wget_wch(ui->body, &wch);
		if (ui_stop)
			break;
		if (r == KEY_CODE_YES)
			ui_key(ui, UI_KEY((int)wch));
		else if (r == OK)
			ui_key(ui, (int)wch);
		if (ui_ms() - last >= UI_POLL_MS) {
			ui_poll(ui);
			last = ui_ms();
		}
	}
}

int
ui_run(const struct ui_config *cfg)
{
	struct sigaction sa;
	struct ui ui;
	char notice[128] = "";
	struct ui_text_arg offer = { "a note on your keys", ui_offer_text };

	memset(&ui, 0, sizeof ui);
	ui.cfg = cfg;
	ui.st = cfg->st;
	/* Our handlers, set before ncurses looks, so it installs none. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (store_member_get_id(ui.st, cfg->member_id, &ui.me) != STORE_OK)
		return 70;
	if (ui_screen_open(&ui, notice, sizeof notice) != 0) {
		store_member_free(ui.me);
		return 0;
	}
	store_data_version(ui.st, &ui.data_version);
	if (ui_push(&ui, &ui_view_boards, NULL) == 0) {
		if (cfg->offered > 1)
			ui_push(&ui, &ui_view_text, &offer);
		if (notice[0] != '\0')
			ui_message(&ui, "%s", notice);
		ui_loop(&ui);
	}
	while (ui.depth > 0)
		ui_pop(&ui);
	endwin();
	delscreen(ui.screen);
	store_member_free(ui.me);
	return 0;
}
