/**
 * Names and SIDs for access decisions: group names (of this host or of the joined domain) resolved
 * to SIDs with a time-limited cache and a bound on how long one lookup may take. Sits above
 * {@code domain} (which asks the DC) and below {@code smb2.server} (which decides TREE_CONNECT).
 */
package org.bossa.identity;
