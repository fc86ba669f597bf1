package org.bossa.domain.locator;

import java.net.InetAddress;
import java.util.List;

/** The DNS lookups the locator needs; every call returns or fails by the deadline. */
interface DnsResolver {
    /**
     * The SRV records of {@code name}, unordered, including any "." target.
     *
     * @throws LocatorException DNS_NO_RECORD, DNS_TIMEOUT or DNS_FAILURE, naming the query and servers
     */
    List<SrvRecord> srv(String name, Deadline deadline) throws LocatorException;

    /**
     * The addresses of {@code host} (IPv4 first); an IP literal is returned as is.
     *
     * @throws LocatorException HOST_NOT_FOUND, DNS_TIMEOUT or DNS_FAILURE
     */
    List<InetAddress> addresses(String host, Deadline deadline) throws LocatorException;
}
