/* bbs: ISC licence, see LICENSE. */
/*
 * screen: the program OpenSSH's sshd runs (ForceCommand) in the benchmark,
 * so that sshd is measured doing what bbs does: one ncurses screen on a
 * pty, the same text as bbs's first screen (a top bar, a list of boards,
 * a bottom bar that ends with "o log"), drawn once, then waiting for
 * 'q'. It reads no database: it stands for the least a server must run.
 */
#include <locale.h>
#include <string.h>

#include <curses.h>

static void
screen_bar(WINDOW *w, const char *left, const char *right, attr_t a)
{
	int cols = getmaxx(w);

	wattrset(w, a);
	mvwhline(w, 0, 0, ' ', cols);
	mvwaddstr(w, 0, 0, left);
	if (right != NULL)
		mvwaddstr(w, 0, cols - (int)strlen(right), right);
	wnoutrefresh(w);
}

int
main(void)
{
	WINDOW *top, *body, *bar;
	attr_t bar_attr = A_REVERSE;
	int ch, i;

	setlocale(LC_ALL, "");
	if (initscr() == NULL)
		return 1;
	raw();
	noecho();
	nonl();
	set_escdelay(25);
	curs_set(0);
	if (has_colors() && start_color() == OK && COLORS >= 8) {
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		bar_attr = COLOR_PAIR(1);
	}
	top = newwin(1, COLS, 0, 0);
	body = newwin(LINES - 2, COLS, 1, 0);
	bar = newwin(1, COLS, LINES - 1, 0);
	keypad(body, TRUE);
	/* As ui/view-boards.c lays it out: counts right-aligned. */
	mvwaddstr(body, 0, 1, "Board");
	mvwaddstr(body, 0, COLS - 14, "Threads");
	mvwaddstr(body, 0, COLS - 4, "New");
	mvwaddstr(body, 1, 1, "announcements    Announcements from the sysops");
	mvwaddstr(body, 1, COLS - 8, "0");
	mvwaddstr(body, 2, 1, "general          General discussion");
	mvwaddstr(body, 2, COLS - 8, "0");
	wnoutrefresh(body);
	screen_bar(top, " bbs > boards", "alice (member) ", bar_attr);
	screen_bar(bar,
	    " ? help  q quit  Enter open  n next unread  p pins  / search  "
	    "o log",
	    NULL, bar_attr);
	doupdate();
	/* Bounded: a benchmark client sends 'q' at once. */
	for (i = 0; i < 100000; i++) {
		ch = wgetch(body);
		if (ch == 'q' || ch == ERR)
			break;
	}
	endwin();
	return 0;
}
