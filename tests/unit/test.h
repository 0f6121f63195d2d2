/* bbs: ISC licence, see LICENSE. */
/*
 * A tiny test harness, after OpenSSH's regress/unittests/test_helper:
 * TEST_START names a case, ASSERT_* report the first failure of a case
 * with file and line and carry on with the next case, TEST_DONE closes
 * it, and test_exit() returns 1 if anything failed. Every case that
 * needs a database gets a real SQLite file in a fresh mkdtemp() dir.
 */
#ifndef TESTS_UNIT_TEST_H
#define TESTS_UNIT_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int test_failed;      /* failures in this program */
extern int test_case_failed; /* failure in the current case */
extern const char *test_name;

#define TEST_START(name)                                                       \
	do {                                                                   \
		test_name = (name);                                            \
		test_case_failed = 0;                                          \
	} while (0)

#define TEST_DONE()                                                            \
	do {                                                                   \
		printf(                                                        \
		    "%s %s\n", test_case_failed ? "FAIL" : "ok  ", test_name); \
		test_failed += test_case_failed;                               \
	} while (0)

#define TEST_FAIL(...)                                                         \
	do {                                                                   \
		if (!test_case_failed)                                         \
			fprintf(stderr, "%s:%d: %s: ", __FILE__, __LINE__,     \
			    test_name),                                        \
			    fprintf(stderr, __VA_ARGS__), fputc('\n', stderr); \
		test_case_failed = 1;                                          \
	} while (0)

#define ASSERT_INT_EQ(a, b)                                                    \
	do {                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);            \
		if (a_ != b_)                                                  \
			TEST_FAIL("%s == %lld, expected %lld", #a, a_, b_);    \
	} while (0)

#define ASSERT_INT_NE(a, b)                                                    \
	do {                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);            \
		if (a_ == b_)                                                  \
			TEST_FAIL(                                             \
			    "%s == %lld, expected anything else", #a, a_);     \
	} while (0)

#define ASSERT_STR_EQ(a, b)                                                    \
	do {                                                                   \
		const char *a_ = (a), *b_ = (b);                               \
		if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0)           \
			TEST_FAIL("%s == \"%s\", expected \"%s\"", #a,         \
			    a_ ? a_ : "(null)", b_ ? b_ : "(null)");           \
	} while (0)

#define ASSERT_TRUE(x)                                                         \
	do {                                                                   \
		if (!(x))                                                      \
			TEST_FAIL("%s is false", #x);                          \
	} while (0)

#define ASSERT_NULL(x) ASSERT_TRUE((x) == NULL)
#define ASSERT_NOT_NULL(x) ASSERT_TRUE((x) != NULL)

/* A fresh directory under $TMPDIR; removed by test_rmdir(). */
char *test_mkdtemp(void);
void test_rmdir(char *dir);

int test_exit(void);

#endif
