/* bbs: ISC licence, see LICENSE. */
/*
 * The exec command line, split into words the way a POSIX shell splits
 * quoted words (XCU 2.2, 2.6.5) and nothing more: no expansion of any kind,
 * no operators, no comments. ssh sends the command as one string, so
 * quoting is the only way a word can hold a space.
 */
#ifndef BBS_WORDS_H
#define BBS_WORDS_H

#define WORDS_LINE_MAX 8192 /* longest command line accepted */
#define WORDS_MAX 256       /* most words */

/*
 * Splits line. Blanks (space, tab, newline) separate words; a backslash
 * outside quotes keeps the next character (backslash-newline is removed);
 * single quotes keep everything up to the next single quote; double quotes
 * keep everything but a backslash before $ ` " \ or newline. '' and ""
 * make an empty word. On success *argv (NULL-terminated) and *argc are the
 * caller's, freed with words_free(). On error returns -1 and *cause.
 */
int words_split(const char *line, char ***argv, int *argc, char **cause);
void words_free(char **argv);

#endif
