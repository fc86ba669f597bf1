package org.bossa.fscc;

import java.time.Instant;

/**
 * FILETIME ([MS-DTYP] 2.3.3, used throughout [MS-FSCC] 2.4): a signed 64-bit count of 100-nanosecond intervals
 * since 1601-01-01T00:00:00Z, and the special values a SET_INFO FileBasicInformation may carry
 * ([MS-FSCC] 2.4.7, [MS-FSA] 2.1.5.15.1).
 */
public final class FileTime {
    /** 100 ns intervals between 1601-01-01 and 1970-01-01. */
    public static final long EPOCH_DIFF_100NS = 116_444_736_000_000_000L;

    /** SET_INFO: 0 means "do not change this time stamp". Also the "unknown" value in query replies. */
    public static final long LEAVE_UNCHANGED = 0L;
    /** SET_INFO: -1 (0xFFFFFFFFFFFFFFFF) means "do not change, and stop automatic updates through this handle". */
    public static final long SUSPEND_UPDATES = -1L;
    /** SET_INFO: -2 (0xFFFFFFFFFFFFFFFE) means "do not change, and resume automatic updates through this handle". */
    public static final long RESUME_UPDATES = -2L;

    /** What a time field of an incoming FileBasicInformation asks for. */
    public enum SetAction {
        /** 0: leave the time stamp alone. */
        UNCHANGED,
        /** A positive FILETIME: set the time stamp to it. */
        SET,
        /** -1: leave it and suspend automatic updates for the handle. */
        SUSPEND_UPDATES,
        /** -2: leave it and resume automatic updates for the handle. */
        RESUME_UPDATES
    }

    private FileTime() {
    }

    /**
     * Classifies one FILETIME field of a SET_INFO FileBasicInformation. Values below -2 are invalid
     * ([MS-FSA] 2.1.5.15.1: STATUS_INVALID_PARAMETER).
     */
    public static SetAction classifyForSet(long fileTime) {
        if (fileTime == LEAVE_UNCHANGED) {
            return SetAction.UNCHANGED;
        }
        if (fileTime == SUSPEND_UPDATES) {
            return SetAction.SUSPEND_UPDATES;
        }
        if (fileTime == RESUME_UPDATES) {
            return SetAction.RESUME_UPDATES;
        }
        if (fileTime < 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER, "FILETIME " + fileTime + " < -2");
        }
        return SetAction.SET;
    }

    /**
     * FILETIME to nanoseconds since the Unix epoch, saturating at {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE}
     * (a long holds epoch nanos only for the years 1677..2262; FILETIME reaches 30828).
     */
    public static long toEpochNanos(long fileTime) {
        if (fileTime < Long.MIN_VALUE + EPOCH_DIFF_100NS) {
            return Long.MIN_VALUE;
        }
        long since1970 = fileTime - EPOCH_DIFF_100NS;
        if (since1970 > Long.MAX_VALUE / 100) {
            return Long.MAX_VALUE;
        }
        if (since1970 < Long.MIN_VALUE / 100) {
            return Long.MIN_VALUE;
        }
        return since1970 * 100;
    }

    /** Nanoseconds since the Unix epoch to FILETIME, rounding down to the 100 ns tick. */
    public static long fromEpochNanos(long epochNanos) {
        return Math.floorDiv(epochNanos, 100L) + EPOCH_DIFF_100NS;
    }

    /** Seconds plus nanoseconds (as statx gives them) to FILETIME, saturating at {@link Long#MAX_VALUE}. */
    public static long fromEpoch(long seconds, int nanos) {
        try {
            long ticks = Math.addExact(Math.multiplyExact(seconds, 10_000_000L), Math.floorDiv(nanos, 100));
            return Math.addExact(ticks, EPOCH_DIFF_100NS);
        } catch (ArithmeticException e) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public static long fromInstant(Instant instant) {
        return fromEpoch(instant.getEpochSecond(), instant.getNano());
    }

    /** FILETIME to {@link Instant}; every FILETIME value is in Instant's range. */
    public static Instant toInstant(long fileTime) {
        long since1970 = fileTime - EPOCH_DIFF_100NS;
        if (fileTime < Long.MIN_VALUE + EPOCH_DIFF_100NS) {
            since1970 = Long.MIN_VALUE; // only for nonsense negative inputs
        }
        return Instant.ofEpochSecond(Math.floorDiv(since1970, 10_000_000L),
                Math.floorMod(since1970, 10_000_000L) * 100L);
    }
}
