package org.bossa.store;

/** {@link StateStore#nextId} found no free id left in the requested range. */
public final class IdRangeExhaustedException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    private final String allocator;
    private final long low;
    private final long high;

    public IdRangeExhaustedException(String store, String allocator, long low, long high) {
        super(store + ": id range " + low + "-" + high + " of allocator '" + allocator + "' is exhausted");
        this.allocator = allocator;
        this.low = low;
        this.high = high;
    }

    public String allocator() {
        return allocator;
    }

    public long low() {
        return low;
    }

    public long high() {
        return high;
    }
}
