#!/usr/bin/python3
# The load client of bench/ntlm-logons.sh: full NTLM logons against one SMB server, as fast as it
# answers, from N worker processes. One logon is a fresh TCP connection, NEGOTIATE, an NTLM
# SESSION_SETUP (Kerberos off, so the member must pass the response to its DC over Netlogon) and
# a TREE_CONNECT to the share, made by Samba's own client library (libsmb through its Python
# bindings), then the connection is dropped. The same client measures both servers.
#
#   ntlm_logons.py check HOST SHARE DOMAIN USER
#       one logon that lists the share, then one with a wrong password that must be refused
#   ntlm_logons.py run HOST SHARE DOMAIN USER WORKERS WARMUP_S DURATION_S
#       prints "logons N rate R errors E client_cpu_s C"; logons finishing in the WARMUP_S after
#       the start are not counted, the rate is the logons finishing in the DURATION_S after that
#
# The password is read from the environment (BENCH_PASSWORD), never from the command line.
import multiprocessing
import os
import resource
import sys
import time

from samba import NTSTATUSError, credentials
from samba.samba3 import libsmb_samba_internal as libsmb
from samba.samba3 import param as s3param

NT_STATUS_LOGON_FAILURE = 0xC000006D


def setup(domain, user, password):
    # libsmb takes the source3 loadparm; an empty one gives the client defaults (SMB 2.02-3.1.1)
    lp = s3param.get_context()
    lp.load("/dev/null")
    creds = credentials.Credentials()
    creds.guess(lp)
    creds.set_domain(domain)
    creds.set_username(user)
    creds.set_password(password)
    creds.set_kerberos_state(credentials.DONT_USE_KERBEROS)
    return lp, creds


def check(host, share, domain, user, password):
    lp, creds = setup(domain, user, password)
    conn = libsmb.Conn(host, share, lp, creds)
    conn.list("")
    del conn
    lp, bad = setup(domain, user, password + "-wrong")
    try:
        libsmb.Conn(host, share, lp, bad)
    except NTSTATUSError as e:
        if e.args[0] != NT_STATUS_LOGON_FAILURE:
            sys.exit("a wrong password gave %s, not NT_STATUS_LOGON_FAILURE" % (e.args,))
        return
    sys.exit("a wrong password was accepted (guest mapping?): the benchmark would not measure logons")


def worker(args):
    host, share, domain, user, password, start, count_from, end = args
    lp, creds = setup(domain, user, password)
    now = time.monotonic()
    if start > now:
        time.sleep(start - now)
    counted = errors = 0
    first_error = None
    while True:
        try:
            conn = libsmb.Conn(host, share, lp, creds)
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


def run(host, share, domain, user, password, workers, warmup, duration):
    # CLOCK_MONOTONIC is the same clock in every process: one start time for all workers
    start = time.monotonic() + 0.5
    count_from = start + warmup
    end = count_from + duration
    job = (host, share, domain, user, password, start, count_from, end)
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
    password = os.environ.get("BENCH_PASSWORD")
    if not password:
        sys.exit("set BENCH_PASSWORD")
    if len(sys.argv) == 6 and sys.argv[1] == "check":
        check(*sys.argv[2:6], password)
    elif len(sys.argv) == 9 and sys.argv[1] == "run":
        host, share, domain, user = sys.argv[2:6]
        run(host, share, domain, user, password, int(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8]))
    else:
        sys.exit("usage: ntlm_logons.py check HOST SHARE DOMAIN USER | "
                 "run HOST SHARE DOMAIN USER WORKERS WARMUP_S DURATION_S")


if __name__ == "__main__":
    main()
