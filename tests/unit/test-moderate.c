/* bbs: ISC licence, see LICENSE. */
/*
 * The interactive board's moderation words (ui/moderate.c): what the
 * bottom bar says after an act, and which typed confirmation erases a
 * member.
 */
#include "tests/unit/test.h"
#include "ui/moderate.h"

static void
test_outcome(void)
{
	char out[128];

	TEST_START("moderate: the bar names what was done to what");
	ui_mod_outcome(UI_MOD_HIDE, "post #12", 0, out, sizeof out);
	ASSERT_STR_EQ(out, "post #12 hidden");
	ui_mod_outcome(UI_MOD_UNSTICKY, "thread #3", 0, out, sizeof out);
	ASSERT_STR_EQ(out, "thread #3 no longer sticky");
	ui_mod_outcome(UI_MOD_ROLE, "s3 is a member now", 0, out, sizeof out);
	ASSERT_STR_EQ(out, "s3 is a member now");
	ui_mod_outcome(UI_MOD_BOARD_CREATE, "board events", 0, out, sizeof out);
	ASSERT_STR_EQ(out, "board events created");
	TEST_DONE();

	TEST_START("moderate: a two-sysop request says pending");
	ui_mod_outcome(UI_MOD_ROLE, "s3 is a member now", 1, out, sizeof out);
	ASSERT_STR_EQ(out, "pending: a second sysop must confirm");
	ui_mod_outcome(UI_MOD_REVOKE, "key abcd2345", 1, out, sizeof out);
	ASSERT_STR_EQ(out, "pending: a second sysop must confirm");
	TEST_DONE();

	TEST_START("moderate: the words are cut, never overrun");
	ui_mod_outcome(UI_MOD_HIDE, "post #12", 0, out, 6);
	ASSERT_STR_EQ(out, "post ");
	TEST_DONE();
}

static void
test_confirm(void)
{
	TEST_START("moderate: erase-me takes the pseudonym, exactly");
	ASSERT_INT_EQ(ui_erase_confirmed("alice", "alice"), 1);
	ASSERT_INT_EQ(ui_erase_confirmed("  alice ", "alice"), 1);
	ASSERT_INT_EQ(ui_erase_confirmed("Alice", "alice"), 0);
	ASSERT_INT_EQ(ui_erase_confirmed("alic", "alice"), 0);
	ASSERT_INT_EQ(ui_erase_confirmed("alicex", "alice"), 0);
	ASSERT_INT_EQ(ui_erase_confirmed("alice x", "alice"), 0);
	ASSERT_INT_EQ(ui_erase_confirmed("yes", "alice"), 0);
	ASSERT_INT_EQ(ui_erase_confirmed("", "alice"), 0);
	ASSERT_INT_EQ(ui_erase_confirmed("", ""), 0);
	TEST_DONE();
}

int
main(void)
{
	test_outcome();
	test_confirm();
	return test_exit();
}
