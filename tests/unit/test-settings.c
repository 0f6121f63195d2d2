/* bbs: ISC licence, see LICENSE. */
/*
 * Settings that are not numbers (store/settings.c): "guests", a word read
 * as an enum store_guests, and "address", a text.
 */
#include "store/store.h"
#include "tests/unit/fixture.h"
#include "tests/unit/test.h"

static void
test_guests(void)
{
	struct fixture f;
	char *cause = NULL, *list = NULL;
	int64_t v = -1;

	fixture_open(&f);
	TEST_START("settings: guests is join by default");
	ASSERT_INT_EQ(store_setting_get(f.st, "guests", &v), STORE_OK);
	ASSERT_INT_EQ(v, STORE_GUESTS_JOIN);
	TEST_DONE();

	TEST_START("settings: guests takes off, join and read");
	ASSERT_INT_EQ(store_setting_set(f.st, "guests", "off", &cause), 0);
	ASSERT_INT_EQ(store_setting_get(f.st, "guests", &v), STORE_OK);
	ASSERT_INT_EQ(v, STORE_GUESTS_OFF);
	ASSERT_INT_EQ(store_setting_set(f.st, "guests", "read", &cause), 0);
	ASSERT_INT_EQ(store_setting_get(f.st, "guests", &v), STORE_OK);
	ASSERT_INT_EQ(v, STORE_GUESTS_READ);
	ASSERT_INT_EQ(
	    raw_int(f.db, "SELECT count(*) FROM settings WHERE name = 'guests'"
	                  " AND value = 'read'"),
	    1);
	TEST_DONE();

	TEST_START("settings: guests refuses anything else, changing nothing");
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "guests", "2", &cause), STORE_ERR_INVALID);
	ASSERT_STR_EQ(cause, "guests must be off, join or read");
	free(cause);
	cause = NULL;
	ASSERT_INT_EQ(store_setting_set(f.st, "guests", "READ", &cause),
	    STORE_ERR_INVALID);
	free(cause);
	cause = NULL;
	ASSERT_INT_EQ(store_setting_get(f.st, "guests", &v), STORE_OK);
	ASSERT_INT_EQ(v, STORE_GUESTS_READ);
	TEST_DONE();

	TEST_START("settings: a stored word that is no value reads as default");
	ASSERT_INT_EQ(raw_sql(f.db, "UPDATE settings SET value = 'maybe'"
	                            " WHERE name = 'guests'"),
	    0);
	ASSERT_INT_EQ(store_setting_get(f.st, "guests", &v), STORE_OK);
	ASSERT_INT_EQ(v, STORE_GUESTS_JOIN);
	TEST_DONE();

	TEST_START("settings: config list shows the words");
	ASSERT_INT_EQ(store_setting_set(f.st, "guests", "off", &cause), 0);
	ASSERT_INT_EQ(store_settings_list(f.st, &list), STORE_OK);
	ASSERT_TRUE(list != NULL && strstr(list, "\nguests\toff\tjoin\t"));
	free(list);
	TEST_DONE();
	fixture_close(&f);
}

static void
test_address(void)
{
	struct fixture f;
	char *cause = NULL, *a = NULL, *list = NULL;
	int64_t v;

	fixture_open(&f);
	TEST_START("settings: address is empty by default");
	ASSERT_INT_EQ(store_setting_text(f.st, "address", &a), STORE_OK);
	ASSERT_STR_EQ(a, "");
	free(a);
	TEST_DONE();

	TEST_START("settings: address takes a host and port");
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "address", "bbs.example.org:2222", &cause),
	    0);
	ASSERT_INT_EQ(store_setting_text(f.st, "address", &a), STORE_OK);
	ASSERT_STR_EQ(a, "bbs.example.org:2222");
	free(a);
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "address", "[2001:db8::1]:22", &cause), 0);
	ASSERT_INT_EQ(store_settings_list(f.st, &list), STORE_OK);
	ASSERT_TRUE(
	    list != NULL && strstr(list, "\naddress\t[2001:db8::1]:22\t\t"));
	free(list);
	TEST_DONE();

	TEST_START("settings: address refuses what is no host");
	ASSERT_INT_EQ(
	    store_setting_set(f.st, "address", "evil.org; rm -rf", &cause),
	    STORE_ERR_INVALID);
	ASSERT_TRUE(cause != NULL && strstr(cause, "address must be"));
	free(cause);
	cause = NULL;
	ASSERT_INT_EQ(store_setting_set(f.st, "address", "a\033[2Jb", &cause),
	    STORE_ERR_INVALID);
	free(cause);
	cause = NULL;
	ASSERT_INT_EQ(store_setting_text(f.st, "address", &a), STORE_OK);
	ASSERT_STR_EQ(a, "[2001:db8::1]:22");
	free(a);
	TEST_DONE();

	TEST_START("settings: a text has no number, a number no text");
	ASSERT_INT_EQ(
	    store_setting_get(f.st, "address", &v), STORE_ERR_NOT_FOUND);
	ASSERT_INT_EQ(
	    store_setting_text(f.st, "body_max", &a), STORE_ERR_NOT_FOUND);
	ASSERT_NULL(a);
	TEST_DONE();

	TEST_START("settings: numbers still refuse words");
	ASSERT_INT_EQ(store_setting_set(f.st, "rate_posts", "read", &cause),
	    STORE_ERR_INVALID);
	free(cause);
	TEST_DONE();
	fixture_close(&f);
}

int
main(void)
{
	test_guests();
	test_address();
	return test_exit();
}
