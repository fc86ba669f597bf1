package org.bossa.locking;

/**
 * The open a share-mode record or a byte-range lock belongs to. Records compare owners by identity
 * ({@code ==}), never by a number: an id is only a name on the wire, and two opens on different
 * connections must never be mistaken for one another, whatever ids they were given.
 */
public interface OpenOwner {
}
