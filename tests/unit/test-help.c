/* bbs: ISC licence, see LICENSE. */
/*
 * The keys' two readings (ui/help.c): every view's bottom bar, built
 * from its help table, for a member and a sysop, and what '?' shows
 * each. The bars are the texts the views spelled out before their
 * tables were the one source; the e2e tests grep parts of them. A
 * guest's bars and '?' leave out every key for members, and the UI
 * answers those keys for a guest (ui_help_no_guest()).
 */
#include "tests/unit/test.h"
#include "ui/help.h"
#include "ui/ui-int.h"
#include "util/buf.h"

/* Checks v's bar for a member and a sysop, as typing says. */
static void
check_bar(
    const struct ui_view *v, int typing, const char *member, const char *sysop)
{
	struct buf b;

	buf_init(&b);
	ui_help_bar(v, 0, typing, &b);
	ASSERT_STR_EQ(b.data, member);
	buf_reset(&b);
	ui_help_bar(v, 1, typing, &b);
	ASSERT_STR_EQ(b.data, sysop != NULL ? sysop : member);
	buf_free(&b);
}

static void
test_bars(void)
{
	TEST_START("help: the lists' bars, a sysop's with the sysop keys");
	check_bar(&ui_view_boards, 0,
	    "? help  q quit  Enter open  n next unread  p pins  / search  "
	    "o log  I invite",
	    "? help  q quit  Enter open  p pins  o log  F flags  K keys  "
	    "c create  e edit");
	check_bar(&ui_view_threads, 0,
	    "? help  q back  Enter read  w write  n next unread  m/M mark read",
	    "? help  q back  Enter read  w write  L lock  S sticky  "
	    "m/M mark read");
	check_bar(&ui_view_flags, 0,
	    "? help  q back  Enter read the post  d dismiss", NULL);
	check_bar(
	    &ui_view_keys, 0, "? help  q back  r role  x revoke key", NULL);
	check_bar(&ui_view_modlog, 0,
	    "? help  q back  Enter entry  arrows PgUp PgDn scroll", NULL);
	check_bar(
	    &ui_view_invite, 0, "? help  q back  x withdraw  i new", NULL);
	check_bar(&ui_view_applicants, 0, "? help  q back  v vouch",
	    "? help  q back  v vouch  a admit  x reject");
	check_bar(&ui_view_wait, 0, "q quit", NULL);
	check_bar(&ui_view_pins, 0,
	    "q back  Enter open  + vote  a add  d discuss  s sort  t tag  "
	    "x expired",
	    NULL);
	TEST_DONE();

	TEST_START("help: the pages' bars");
	check_bar(&ui_view_pager, 0,
	    "? help  q back  r reply  R quote  f flag  space page  "
	    "n next unread",
	    "? help  q back  r reply  R quote  f flag  H hide  L lock  "
	    "S sticky");
	check_bar(
	    &ui_view_pin, 0, "q back  + vote  d discuss  arrows scroll", NULL);
	check_bar(&ui_view_text, 0, "q close  arrows PgUp PgDn scroll", NULL);
	TEST_DONE();

	TEST_START("help: the bars while typing");
	check_bar(&ui_view_search, 1, "Enter search  Esc back  F1 help", NULL);
	check_bar(&ui_view_search, 0,
	    "? help  q back  Enter open  / new search  n next unread", NULL);
	check_bar(
	    &ui_view_editor, 1, "Ctrl-S send  Esc abandon  F1 help", NULL);
	check_bar(&ui_view_erase, 1,
	    "type your pseudonym, Enter erase  Tab posts too  Esc cancel",
	    NULL);
	TEST_DONE();
}

/* v's bar for a guest is guest. */
static void
check_guest_bar(const struct ui_view *v, const char *guest)
{
	struct buf b;

	buf_init(&b);
	ui_help_bar(v, UI_WHO_GUEST, 0, &b);
	ASSERT_STR_EQ(b.data, guest);
	buf_free(&b);
}

static void
test_guest(void)
{
	TEST_START("help: a guest's bars have no key for members");
	check_guest_bar(
	    &ui_view_boards, "? help  q quit  Enter open  / search  o log");
	check_guest_bar(&ui_view_threads, "? help  q back  Enter read");
	check_guest_bar(&ui_view_pager, "? help  q back  space page");
	check_guest_bar(
	    &ui_view_search, "? help  q back  Enter open  / new search");
	TEST_DONE();

	TEST_START("help: the keys the UI answers for a guest");
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_threads, 'w'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_threads, 'm'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_threads, 'M'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_pager, 'r'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_pager, 'R'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_pager, 'f'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, 'I'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, 'p'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, 'E'), 1);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, 'n'), 1);
	/* Reading, moving and searching are a guest's too. */
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, 'o'), 0);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, '/'), 0);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_boards, 'q'), 0);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_pager, 'J'), 0);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_pager, ' '), 0);
	ASSERT_INT_EQ(ui_help_no_guest(&ui_view_pager, UI_KEY(KEY_DOWN)), 0);
	TEST_DONE();

	TEST_START("help: a guest's '?' lists no key for members");
	{
		struct buf b;

		buf_init(&b);
		ui_help_text(&ui_view_pager, UI_WHO_GUEST, 0, &b);
		ASSERT_INT_EQ(strstr(b.data, "reply") == NULL, 1);
		ASSERT_INT_EQ(strstr(b.data, "next unread") == NULL, 1);
		ASSERT_INT_EQ(strstr(b.data, "search titles") != NULL, 1);
		buf_reset(&b);
		ui_help_text(&ui_view_boards, UI_WHO_GUEST, 0, &b);
		ASSERT_INT_EQ(strstr(b.data, "invite someone") == NULL, 1);
		ASSERT_INT_EQ(strstr(b.data, "moderation log") != NULL, 1);
		buf_free(&b);
	}
	TEST_DONE();
}

/* Does v's help text for a sysop (or a member) hold s? */
static int
help_has(const struct ui_view *v, int sysop, int typing, const char *s)
{
	struct buf b;
	int r;

	buf_init(&b);
	ui_help_text(v, sysop, typing, &b);
	r = strstr(b.data, s) != NULL;
	buf_free(&b);
	return r;
}

static void
test_text(void)
{
	TEST_START("help: members never see the sysops' keys");
	ASSERT_INT_EQ(help_has(&ui_view_boards, 0, 0, "Sysop keys"), 0);
	ASSERT_INT_EQ(help_has(&ui_view_boards, 0, 0, "create a board"), 0);
	ASSERT_INT_EQ(help_has(&ui_view_pager, 0, 0, "hide the current"), 0);
	ASSERT_INT_EQ(help_has(&ui_view_pager, 0, 0, "flag the current"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_boards, 1, 0, "Sysop keys"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_boards, 1, 0, "create a board"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_pager, 1, 0, "hide the current"), 1);
	TEST_DONE();

	TEST_START("help: the motion keys once, in every view that moves");
	ASSERT_INT_EQ(help_has(&ui_view_threads, 0, 0, "PgUp PgDn"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_pager, 0, 0, "g G Home End"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_editor, 0, 1, "g G Home End"), 0);
	TEST_DONE();

	TEST_START(
	    "help: h and Left go back where a view says so; l Right Enter open");
	ASSERT_INT_EQ(ui_motion('h'), UI_MOTION_BACK);
	ASSERT_INT_EQ(ui_motion(UI_KEY(KEY_LEFT)), UI_MOTION_BACK);
	ASSERT_INT_EQ(ui_motion('l'), UI_MOTION_OPEN);
	ASSERT_INT_EQ(ui_motion('\r'), UI_MOTION_OPEN);
	ASSERT_INT_EQ(help_has(&ui_view_threads, 0, 0,
	                  "  h Left         back to the boards\n"),
	    1);
	ASSERT_INT_EQ(help_has(&ui_view_pager, 0, 0,
	                  "h Left         back to the threads"),
	    1);
	ASSERT_INT_EQ(
	    help_has(&ui_view_flags, 1, 0, "  h Left         back\n"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_boards, 0, 0, "h Left"), 0);
	ASSERT_INT_EQ(help_has(&ui_view_pins, 0, 0, "h Left"), 0);
	TEST_DONE();

	TEST_START("help: every screen's keys, or F1 alone while typing");
	ASSERT_INT_EQ(help_has(&ui_view_boards, 0, 0, "next unread post"), 1);
	ASSERT_INT_EQ(help_has(&ui_view_editor, 0, 1, "next unread post"), 0);
	ASSERT_INT_EQ(help_has(&ui_view_editor, 0, 1, "F1"), 1);
	TEST_DONE();
}

int
main(void)
{
	test_bars();
	test_text();
	test_guest();
	return test_exit();
}
