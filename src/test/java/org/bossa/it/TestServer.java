package org.bossa.it;

import org.bossa.auth.spnego.SpnegoContextFactory;
import org.bossa.auth.Mechanism;
import org.bossa.auth.AuthenticatedUser;
import java.util.function.Function;
import org.bossa.app.AuthWiring;
import org.bossa.app.PipeWiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import java.util.Set;

import org.bossa.auth.Token;

import org.bossa.auth.ntlm.NtHash;
import org.bossa.identity.CachingNameResolver;
import org.bossa.identity.HostGroups;
import org.bossa.identity.NameResolver;
import org.bossa.identity.ScopedNameResolver;

import org.bossa.smb2.server.EncryptionPolicy;
import org.bossa.smb2.server.ServerConfig;
import org.bossa.smb2.server.ServerContext;
import org.bossa.smb2.server.ShareAdmission;
import org.bossa.smb2.server.ServerLimits;
import org.bossa.smb2.server.ShareConfig;
import org.bossa.smb2.server.SmbServer;
import org.bossa.smb2.wire.Dialect;
import org.bossa.store.LocalUser;
import org.bossa.store.embedded.EmbeddedStateStore;

/**
 * The real SMB server, in this JVM, on 127.0.0.1 and a kernel-chosen port, assembled the way
 * {@code org.bossa.app.ServerLifecycle} assembles it (local users in an embedded state store,
 * SPNEGO/NTLM, srvsvc and wkssvc pipes).
 *
 * <p>Layout under one temp directory: {@code state/} (the store), {@code share/} (mode 0777,
 * share "share"), {@code ro/} (share "ro", read-only, holds {@code readme.txt}), {@code secret/}
 * (share "secret", encryption required) and {@code outside/}, a sentinel directory next to the
 * shares that no client request may ever touch.
 */
public final class TestServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String NETBIOS = "BOSSATEST";
    public static final String WORKGROUP = "WORKGROUP";
    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "Alice!Passw0rd";
    public static final String BOB = "bob";
    public static final String BOB_PASSWORD = "Bob!Passw0rd";
    public static final String RO_FILE = "readme.txt";
    public static final String RO_CONTENT = "read-only share content\n";

    private final Path base;
    private final Path shareDir;
    private final Path roDir;
    private final Path secretDir;
    private final Path outsideDir;
    private final EmbeddedStateStore store;
    private final SmbServer server;
    private final ServerConfig config;
    private final String host;
    private final ServerContext context;

    private TestServer(Builder b) throws IOException {
        host = b.host;
        base = Files.createTempDirectory("bossa-it-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        shareDir = dir("share", "rwxrwxrwx");
        roDir = dir("ro", "rwxr-xr-x");
        Files.writeString(roDir.resolve(RO_FILE), RO_CONTENT);
        secretDir = dir("secret", "rwxrwxrwx");
        outsideDir = dir("outside", "rwxr-xr-x");
        Files.writeString(outsideDir.resolve("sentinel.txt"), "must never change\n");
        store = EmbeddedStateStore.open(base.resolve("state"));
        store.putUser(new LocalUser(ALICE, NtHash.of(ALICE_PASSWORD), 1000, 20001, 20001, true, Instant.now()));
        store.putUser(new LocalUser(BOB, NtHash.of(BOB_PASSWORD), 1001, 20002, 20002, true, Instant.now()));
        List<ShareConfig> shares = new ArrayList<>();
        shares.add(new ShareConfig("share", shareDir, false, null, ShareAdmission.EVERYONE, "test share"));
        shares.add(new ShareConfig("ro", roDir, true, null, ShareAdmission.EVERYONE, "read-only share"));
        shares.add(new ShareConfig("secret", secretDir, false, EncryptionPolicy.REQUIRED, ShareAdmission.EVERYONE, "encrypted share"));
        for (var e : b.restricted.entrySet()) {
            shares.add(new ShareConfig(e.getKey(), dir(e.getKey(), "rwxrwxrwx"), false, null,
                    ShareAdmission.parse(e.getValue(), ShareAdmission.Scope.standalone(NETBIOS)), "restricted share"));
        }
        byte[] guid = new byte[16];
        new java.util.Random(42).nextBytes(guid);
        config = new ServerConfig(b.dialects, b.signingRequired, b.encryption, NETBIOS, WORKGROUP, b.maxIoSize,
                false, guid, shares, b.limits);
        NameResolver names = b.names != null ? b.names
                : new CachingNameResolver(ScopedNameResolver.standalone(NETBIOS, HostGroups.system()));
        List<Mechanism> mechanisms = new ArrayList<>();
        if (b.kerberos != null) {
            mechanisms.add(b.kerberos);
        }
        mechanisms.add(AuthWiring.localNtlmMechanism(store, NETBIOS, false));
        Function<AuthenticatedUser, Optional<Token>> domainTokens = b.domainTokens;
        context = new ServerContext(config, new SpnegoContextFactory(mechanisms),
                user -> user.identity().isPresent() && domainTokens != null ? domainTokens.apply(user)
                        : tokenFor(user.account()), PipeWiring.registry(config), names);
        server = new SmbServer(context);
        try {
            server.start(List.of(host), b.port);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with the defaults: every dialect, signing enabled (not required), encryption off. */
    public static TestServer start() throws IOException {
        return builder().start();
    }

    private Path dir(String name, String mode) throws IOException {
        Path d = Files.createDirectory(base.resolve(name));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(mode));
        return d;
    }

    private Optional<Token> tokenFor(String account) {
        return store.findUser(account).filter(LocalUser::enabled)
                .map(u -> new Token(NETBIOS, u.name(), u.uid(), u.gid(), List.of(), false));
    }

    public int port() {
        return server.boundPort();
    }

    public String host() {
        return host;
    }

    public ServerConfig config() {
        return config;
    }

    /** Sessions of the server now, in progress or valid. */
    public int sessionCount() {
        return context.sessions().size();
    }

    /** Files with a share-mode record now (zero once every open is released). */
    public int openFileCount() {
        return context.shareModes().size();
    }

    /** TCP connections the server counts as open now. */
    public int connectionCount() {
        return server.connectionCount();
    }

    /** The directory exported as "share". */
    public Path shareDir() {
        return shareDir;
    }

    public Path roDir() {
        return roDir;
    }

    public Path secretDir() {
        return secretDir;
    }

    /** A directory next to the shares that no request may create, modify or read anything in. */
    public Path outsideDir() {
        return outsideDir;
    }

    /** The parent of every share directory. */
    public Path baseDir() {
        return base;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            store.close();
            deleteTree(base);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server settings a test may change; everything else is as the application's defaults. */
    public static final class Builder {
        private Set<Dialect> dialects = EnumSet.allOf(Dialect.class);
        private boolean signingRequired;
        private EncryptionPolicy encryption = EncryptionPolicy.OFF;
        private int maxIoSize = 8 * 1024 * 1024;
        private String host = HOST;
        private int port;
        private final Map<String, List<String>> restricted = new LinkedHashMap<>();
        private NameResolver names;
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private Mechanism kerberos;
        private Function<AuthenticatedUser, Optional<Token>> domainTokens;

        /** One more share, {@code name} (a 0777 directory of that name), with these valid-users entries. */
        public Builder share(String name, String... validUsers) {
            restricted.put(name, List.of(validUsers));
            return this;
        }

        /** Resolves the group entries of valid-users (default: the host's /etc/group, cached). */
        public Builder names(NameResolver resolver) {
            this.names = resolver;
            return this;
        }

        /** Resource limits (start from {@link ServerLimits#DEFAULTS}). */
        public Builder limits(ServerLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder signingRequired(boolean required) {
            this.signingRequired = required;
            return this;
        }

        public Builder encryption(EncryptionPolicy policy) {
            this.encryption = policy;
            return this;
        }

        public Builder dialects(Dialect... ds) {
            this.dialects = ds.length == 0 ? EnumSet.noneOf(Dialect.class) : EnumSet.of(ds[0], ds);
            return this;
        }

        public Builder maxIoSize(int bytes) {
            this.maxIoSize = bytes;
            return this;
        }

        /**
         * Listens on {@code host:port} instead of 127.0.0.1 and a kernel-chosen port: for peers that
         * cannot be told a port (smbcacls always dials 445), on a loopback address of its own.
         */
        public Builder listen(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /**
         * Offers {@code mechanism} (Kerberos) before NTLMSSP; domain users it logs on get their token
         * from {@code tokens}.
         */
        public Builder kerberos(Mechanism mechanism, Function<AuthenticatedUser, Optional<Token>> tokens) {
            this.kerberos = mechanism;
            this.domainTokens = tokens;
            return this;
        }

        public TestServer start() throws IOException {
            return new TestServer(this);
        }
    }
}
