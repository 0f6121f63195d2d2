/* bbs: ISC licence, see LICENSE. */
/*
 * main(): the one binary. Everything it makes is private (umask 077), and
 * standard input, output and error are open before anything else runs, so
 * no socket or database can land on fd 0, 1 or 2.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "bbs/admin/admin.h"
#include "keys/keys.h"
#include "util/log.h"

int
main(int argc, char **argv)
{
	int fd;

	umask(077);
	while ((fd = open("/dev/null", O_RDWR)) != -1 && fd <= 2)
		;
	if (fd > 2)
		close(fd);
	setlocale(LC_CTYPE, "C.UTF-8");
	log_init("bbs", LOG_INFO);
	if (keys_init() != 0)
		fatalx("libsodium failed to initialise");
	return admin_main(argc, argv);
}
