/*
 * getpwnam / getgrnam load through winbind's NSS module, for bench/identity-lookups.sh.
 *
 *   identity_lookups check DOMAIN PREFIX COUNT GROUP        one user and the group, printed
 *   identity_lookups warm  DOMAIN PREFIX COUNT GROUP        every user once, the group once
 *   identity_lookups pw|gr DOMAIN PREFIX COUNT GROUP WORKERS SECONDS
 *
 * Users are DOMAIN\PREFIXnnnn (nnnn = 0001 .. COUNT), the group DOMAIN\GROUP. The calls go to
 * libnss_winbind.so.2 itself (dlopen, _nss_winbind_getpwnam_r / _getgrnam_r), not through
 * nsswitch.conf: the host's "passwd: files systemd winbind" would send the Samba side's lookups to
 * nss-systemd first, whose /run/systemd/userdb is shared with the host and holds Bossa's socket.
 * So both sides are measured on the same path, winbindd's socket protocol at /run/samba/winbindd.
 *
 * Load: WORKERS processes (not threads: libnss_winbind serialises the threads of one process on
 * one mutex and one socket), each calling back to back for SECONDS; the sum is printed as
 *   lookups N rate R errors E
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <grp.h>
#include <nss.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef enum nss_status (*pwnam_fn)(const char *, struct passwd *, char *, size_t, int *);
typedef enum nss_status (*grnam_fn)(const char *, struct group *, char *, size_t, int *);
static pwnam_fn pwnam;
static grnam_fn grnam;
static char *buf;
static size_t buflen = 1 << 16;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int do_pw(const char *name, struct passwd *pw) {
    int err = 0;
    for (;;) {
        enum nss_status s = pwnam(name, pw, buf, buflen, &err);
        if (s == NSS_STATUS_SUCCESS) return 1;
        if (s == NSS_STATUS_TRYAGAIN && err == ERANGE) {
            buflen *= 2;
            buf = realloc(buf, buflen);
            continue;
        }
        return 0;
    }
}

static int do_gr(const char *name, struct group *gr) {
    int err = 0;
    for (;;) {
        enum nss_status s = grnam(name, gr, buf, buflen, &err);
        if (s == NSS_STATUS_SUCCESS) return 1;
        if (s == NSS_STATUS_TRYAGAIN && err == ERANGE) {
            buflen *= 2;
            buf = realloc(buf, buflen);
            continue;
        }
        return 0;
    }
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s check|warm|pw|gr DOMAIN PREFIX COUNT GROUP [WORKERS SECONDS]\n", argv[0]);
        return 2;
    }
    const char *mode = argv[1], *domain = argv[2], *prefix = argv[3], *group = argv[5];
    int count = atoi(argv[4]);
    void *lib = dlopen("libnss_winbind.so.2", RTLD_NOW);
    if (!lib) { fprintf(stderr, "dlopen: %s\n", dlerror()); return 1; }
    pwnam = (pwnam_fn) dlsym(lib, "_nss_winbind_getpwnam_r");
    grnam = (grnam_fn) dlsym(lib, "_nss_winbind_getgrnam_r");
    if (!pwnam || !grnam) { fprintf(stderr, "libnss_winbind lacks getpwnam_r/getgrnam_r\n"); return 1; }
    buf = malloc(buflen);
    char **users = calloc(count, sizeof *users);
    for (int i = 0; i < count; i++) {
        if (asprintf(&users[i], "%s\\%s%04d", domain, prefix, i + 1) < 0) return 1;
    }
    char *gname;
    if (asprintf(&gname, "%s\\%s", domain, group) < 0) return 1;
    struct passwd pw;
    struct group gr;

    if (strcmp(mode, "check") == 0) {
        if (!do_pw(users[0], &pw)) { fprintf(stderr, "getpwnam %s failed\n", users[0]); return 1; }
        printf("user %s %u %u %s %s\n", pw.pw_name, (unsigned) pw.pw_uid, (unsigned) pw.pw_gid, pw.pw_dir, pw.pw_shell);
        if (!do_gr(gname, &gr)) { fprintf(stderr, "getgrnam %s failed\n", gname); return 1; }
        int n = 0;
        while (gr.gr_mem[n]) n++;
        printf("group %s %u %d\n", gr.gr_name, (unsigned) gr.gr_gid, n);
        return 0;
    }
    if (strcmp(mode, "warm") == 0) {
        int errors = 0;
        for (int i = 0; i < count; i++) errors += !do_pw(users[i], &pw);
        errors += !do_gr(gname, &gr);
        printf("warm %d errors %d\n", count + 1, errors);
        return errors ? 1 : 0;
    }
    int is_pw = strcmp(mode, "pw") == 0;
    if ((!is_pw && strcmp(mode, "gr") != 0) || argc < 8) { fprintf(stderr, "bad mode or arguments\n"); return 2; }
    int workers = atoi(argv[6]);
    double seconds = atof(argv[7]);
    int fds[2];
    if (pipe(fds) != 0) return 1;
    double t0 = now();
    for (int w = 0; w < workers; w++) {
        if (fork() == 0) {
            close(fds[0]);
            long ok = 0, errors = 0;
            int i = w * (count / (workers ? workers : 1));
            double end = t0 + seconds;
            while (now() < end) {
                for (int k = 0; k < 64; k++) {   /* read the clock once per 64 calls */
                    int r = is_pw ? do_pw(users[i++ % count], &pw) : do_gr(gname, &gr);
                    if (r) ok++; else errors++;
                }
            }
            char line[64];
            int len = snprintf(line, sizeof line, "%ld %ld\n", ok, errors);
            if (write(fds[1], line, len) != len) _exit(1);
            _exit(0);
        }
    }
    close(fds[1]);
    long total = 0, errors = 0;
    FILE *in = fdopen(fds[0], "r");
    long a, b;
    while (fscanf(in, "%ld %ld", &a, &b) == 2) { total += a; errors += b; }
    while (wait(NULL) > 0) { }
    double elapsed = now() - t0;
    printf("lookups %ld rate %.0f errors %ld\n", total, total / elapsed, errors);
    return 0;
}
