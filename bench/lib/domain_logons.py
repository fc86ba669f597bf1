#!/usr/bin/python3
# The load client of bench/domain-logons.sh: full domain logons against one SMB server, as fast as
# it answers, from N worker processes. One logon is a fresh TCP connection, NEGOTIATE, a
# SESSION_SETUP and a TREE_CONNECT to the share, made by Samba's own client library (libsmb through
# its Python bindings), then the connection is dropped. The same client measures both servers.
#
#   domain_logons.py [--mech ntlm|kerberos] check HOST SHARE DOMAIN USER
#   domain_logons.py [--mech ntlm|kerberos] run HOST SHARE DOMAIN USER WORKERS WARMUP_S DURATION_S
#       run prints "logons N rate R errors E client_cpu_s C"; logons finishing in the WARMUP_S
#       after the start are not counted, the rate is the logons finishing in the DURATION_S after that
#
# NTLM (the default): Kerberos off, so the member must pass each response to its DC over Netlogon.
# check makes one logon that lists the share, then one with a wrong password that must be refused
# (a server mapping bad logons to guest would not be measured).
#
# Kerberos: each worker gets its credentials once, before the start: MIT kinit of USER@REALM and
# kvno of cifs/HOST into a credential cache of its own (BENCH_CCACHE_DIR/worker-PID), with the DC's
# krb5.conf (BENCH_KRB5_CONFIG). Its logons then run with BENCH_OFFLINE_KRB5_CONFIG, a krb5.conf
# whose KDC address answers nothing: each SESSION_SETUP carries an AP-REQ made from the cached
# service ticket, and a logon that needed the DC would fail (and fail the run). HOST must be the
# server's DNS name (the SPN's host). check makes one logon that lists the share from such a cache,
# then shows that a cache holding only the TGT cannot log on (so no logon reaches the DC).
#
# Environment: BENCH_PASSWORD (never on the command line); for Kerberos also BENCH_REALM,
# BENCH_KRB5_CONFIG, BENCH_OFFLINE_KRB5_CONFIG and BENCH_CCACHE_DIR.
import multiprocessing
import os
import resource
import subprocess
import sys
import time

NT_STATUS_LOGON_FAILURE = 0xC000006D


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit("set %s" % name)
    return value


def obtain_tickets(host, user, password, ccache, with_service_ticket=True):
    """kinit USER@REALM and (unless told not to) kvno cifs/HOST into ccache, with the DC's krb5.conf."""
    online = dict(os.environ, KRB5_CONFIG=env("BENCH_KRB5_CONFIG"), KRB5CCNAME="FILE:" + ccache)
    principal = "%s@%s" % (user, env("BENCH_REALM"))
    subprocess.run(["kinit", "-c", "FILE:" + ccache, principal], input=password + "\n", text=True,
                   env=online, check=True, stdout=subprocess.DEVNULL)
    if with_service_ticket:
        subprocess.run(["kvno", "-c", "FILE:" + ccache, "cifs/" + host], env=online, check=True,
                       stdout=subprocess.DEVNULL)


def setup(mech, domain, user, password, ccache=None):
    if mech == "kerberos":
        # from here on no KDC answers: logons use the tickets in the cache, or fail. Set before
        # Samba's Kerberos library first reads them (creds.guess already does).
        os.environ["KRB5_CONFIG"] = env("BENCH_OFFLINE_KRB5_CONFIG")
        # the s3 client library takes its cache from KRB5CCNAME; the credentials name it too
        os.environ["KRB5CCNAME"] = "FILE:" + ccache
    # imported here, after the environment is set, in the process that makes the logons
    from samba import credentials
    from samba.samba3 import param as s3param
    # libsmb takes the source3 loadparm; an empty one gives the client defaults (SMB 2.02-3.1.1)
    lp = s3param.get_context()
    lp.load("/dev/null")
    creds = credentials.Credentials()
    creds.guess(lp)
    if mech == "kerberos":
        creds.set_kerberos_state(credentials.MUST_USE_KERBEROS)
        creds.set_named_ccache("FILE:" + ccache, credentials.SPECIFIED, lp)
    else:
        creds.set_domain(domain)
        creds.set_username(user)
        creds.set_password(password)
        creds.set_kerberos_state(credentials.DONT_USE_KERBEROS)
    return lp, creds


def connect(host, share, lp, creds):
    from samba.samba3 import libsmb_samba_internal as libsmb
    return libsmb.Conn(host, share, lp, creds)


def check_ntlm(host, share, domain, user, password):
    from samba import NTSTATUSError
    lp, creds = setup("ntlm", domain, user, password)
    conn = connect(host, share, lp, creds)
    conn.list("")
    del conn
    lp, bad = setup("ntlm", domain, user, password + "-wrong")
    try:
        connect(host, share, lp, bad)
    except NTSTATUSError as e:
        if e.args[0] != NT_STATUS_LOGON_FAILURE:
            sys.exit("a wrong password gave %s, not NT_STATUS_LOGON_FAILURE" % (e.args,))
        return
    sys.exit("a wrong password was accepted (guest mapping?): the benchmark would not measure logons")


def check_kerberos_step(host, share, domain, user, password, with_service_ticket):
    """One logon from a fresh cache, in this (child) process; exits 0 when it logged on."""
    ccache = os.path.join(env("BENCH_CCACHE_DIR"), "check-%d" % os.getpid())
    obtain_tickets(host, user, password, ccache, with_service_ticket)
    lp, creds = setup("kerberos", domain, user, password, ccache)
    try:
        conn = connect(host, share, lp, creds)
        conn.list("")
    except Exception as e:  # noqa: BLE001 - the parent only needs to know whether it worked
        if with_service_ticket:
            print("logon failed: %r" % (e,), file=sys.stderr)
        sys.exit(1)


def check_kerberos(host, share, domain, user, password):
    # each step in a process of its own: the offline krb5.conf applies to the whole process
    ctx = multiprocessing.get_context("fork")
    for with_service_ticket, want in ((True, 0), (False, 1)):
        p = ctx.Process(target=check_kerberos_step, args=(host, share, domain, user, password, with_service_ticket))
        p.start()
        p.join()
        if with_service_ticket and p.exitcode != want:
            sys.exit("a Kerberos logon with the cached service ticket failed")
        if not with_service_ticket and p.exitcode != want:
            sys.exit("a logon without a cached service ticket worked: the logons would reach the DC "
                     "(or were not Kerberos)")


def worker(args):
    mech, host, share, domain, user, password, start, count_from, end = args
    ccache = None
    if mech == "kerberos":
        ccache = os.path.join(env("BENCH_CCACHE_DIR"), "worker-%d" % os.getpid())
        obtain_tickets(host, user, password, ccache)
    lp, creds = setup(mech, domain, user, password, ccache)
    now = time.monotonic()
    if start > now:
        time.sleep(start - now)
    counted = errors = 0
    first_error = None
    while True:
        try:
            conn = connect(host, share, lp, creds)
            del conn
            ok = True
        except Exception as e:  # noqa: BLE001 - any failed logon is counted and reported
            ok = False
            if first_error is None:
                first_error = repr(e)
        done = time.monotonic()
        if not ok:
            errors += 1  # in the warm-up too: a failure anywhere fails the run
        if done >= end:
            break
        if done >= count_from and ok:
            counted += 1
    return counted, errors, first_error


def run(mech, host, share, domain, user, password, workers, warmup, duration):
    # CLOCK_MONOTONIC is the same clock in every process: one start time for all workers. Kerberos
    # workers first get their tickets (a kinit and a kvno each), which the extra second covers.
    start = time.monotonic() + (1.5 if mech == "kerberos" else 0.5)
    count_from = start + warmup
    end = count_from + duration
    job = (mech, host, share, domain, user, password, start, count_from, end)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(worker, [job] * workers)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    logons = sum(r[0] for r in results)
    errors = sum(r[1] for r in results)
    print("logons %d rate %.1f errors %d client_cpu_s %.2f" % (logons, logons / duration, errors,
                                                                cpu.ru_utime + cpu.ru_stime))
    for r in results:
        if r[2] is not None:
            print("first error: %s" % r[2], file=sys.stderr)
            break


def main():
    args = sys.argv[1:]
    mech = "ntlm"
    if len(args) >= 2 and args[0] == "--mech":
        mech = args[1]
        args = args[2:]
    if mech not in ("ntlm", "kerberos"):
        sys.exit("--mech must be ntlm or kerberos")
    password = env("BENCH_PASSWORD")
    if len(args) == 5 and args[0] == "check":
        (check_kerberos if mech == "kerberos" else check_ntlm)(*args[1:5], password)
    elif len(args) == 8 and args[0] == "run":
        host, share, domain, user = args[1:5]
        run(mech, host, share, domain, user, password, int(args[5]), float(args[6]), float(args[7]))
    else:
        sys.exit("usage: domain_logons.py [--mech ntlm|kerberos] check HOST SHARE DOMAIN USER | "
                 "[--mech ntlm|kerberos] run HOST SHARE DOMAIN USER WORKERS WARMUP_S DURATION_S")


if __name__ == "__main__":
    main()
