/* bbs: ISC licence, see LICENSE. */
/*
 * The ssh command line a board prints for people to copy ("ssh -p 2222
 * guest@bbs.example.org join CODE NAME"), from the board's address as an
 * operator writes it: HOST, HOST:PORT, [IPV6]:PORT or a bare IPv6
 * address. Pure string work; the address was checked when it was set.
 */
#ifndef UTIL_SSHLINE_H
#define UTIL_SSHLINE_H

/*
 * "ssh [-p PORT] [OPTS ][USER@]HOST[ REST]": -p only for a port other than
 * 22; OPTS, USER@ and REST only when not NULL. The caller frees the result.
 */
char *sshline_format(
    const char *address, const char *opts, const char *user, const char *rest);

#endif
