/* bbs: ISC licence, see LICENSE. */
/* The harness's state and temp-dir helpers (see test.h). */
#include <dirent.h>
#include <unistd.h>

#include "tests/unit/test.h"

int test_failed;
int test_case_failed;
const char *test_name = "";

char *
test_mkdtemp(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;

	if (asprintf(&dir, "%s/bbs-unit.XXXXXX", tmp ? tmp : "/tmp") < 0 ||
	    mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	return dir;
}

void
test_rmdir(char *dir)
{
	struct dirent *e;
	char path[4096];
	DIR *d;

	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
	free(dir);
}

int
test_exit(void)
{
	return test_failed ? 1 : 0;
}
