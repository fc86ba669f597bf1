package org.bossa.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.bossa.app.cli.DomainOptions;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.SecurityContextFactory;
import org.bossa.auth.Token;
import org.bossa.auth.kerberos.AcceptorPolicy;
import org.bossa.auth.kerberos.KerberosMechanism;
import org.bossa.auth.kerberos.KeytabServiceKeys;
import org.bossa.auth.kerberos.Krb5Acceptor;
import org.bossa.auth.kerberos.ReplayCache;
import org.bossa.auth.ntlm.NetlogonNtlmVerifier;
import org.bossa.domain.DirectoryGroups;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.DomainSettings;
import org.bossa.domain.LiveDomainConnector;
import org.bossa.domain.PasswordRotation;
import org.bossa.domain.TrustPasswordChange;
import org.bossa.domain.MembershipStore;
import org.bossa.domain.NetlogonChannels;
import org.bossa.domain.MachineAccountDirectory;
import org.bossa.identity.CachingDirectory;
import org.bossa.identity.DirectoryPosixAttributes;
import org.bossa.identity.DomainLogonCheck;
import org.bossa.identity.LogonCheck;
import org.bossa.identity.HostGroups;
import org.bossa.idmap.IdMapRouter;
import org.bossa.identity.TokenFactory;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bossa.identity.NameResolver;
import org.bossa.identity.ScopedNameResolver;
import org.bossa.store.StateStore;

/**
 * What {@code serve} adds when the state holds a domain membership: Kerberos logons from the
 * machine keytab, the Netlogon secure channel for domain users' NTLM logons, their tokens from the
 * rid idmap, and the automatic machine password change.
 */
final class MemberWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemberWiring.class);
    /** Sealed connections logons may use at once on the secure channel. */
    private static final int CHANNEL_CONNECTIONS = 8;

    private final DomainMembership membership;
    private final NetlogonChannels channels;
    private final TokenFactory tokens;
    private final ChannelStatusRecorder recorder;
    private final PasswordRotation rotation;
    private final boolean allowGuest;
    private final DirectoryGroups groups;
    private final Krb5Acceptor kerberos;
    private final boolean ntlm;
    private final IdentityWiring identity;
    private final MachineAccountDirectory directory;

    private MemberWiring(DomainMembership membership, NetlogonChannels channels, TokenFactory tokens,
            ChannelStatusRecorder recorder, PasswordRotation rotation, boolean allowGuest, DirectoryGroups groups,
            Krb5Acceptor kerberos, boolean ntlm, IdentityWiring identity, MachineAccountDirectory directory) {
        this.membership = membership;
        this.identity = identity;
        this.directory = directory;
        this.kerberos = kerberos;
        this.ntlm = ntlm;
        this.groups = groups;
        this.channels = channels;
        this.tokens = tokens;
        this.recorder = recorder;
        this.rotation = rotation;
        this.allowGuest = allowGuest;
    }

    /** The member wiring if this server is joined, else empty (standalone). */
    static Optional<MemberWiring> of(BossaProperties props, StateStore store) {
        MembershipStore memberships = new MembershipStore(store);
        Optional<DomainMembership> joined = memberships.load();
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        DomainMembership m = joined.get();
        // the membership is read again for each new channel: changetrustpw may have changed the password
        NetlogonChannels channels = new NetlogonChannels(DomainOptions.fromProperties(props, joined),
                () -> memberships.load().orElse(m), Clock.systemUTC(), CHANNEL_CONNECTIONS);
        ChannelStatusRecorder recorder = new ChannelStatusRecorder(store, channels);
        PasswordRotation rotation = new PasswordRotation(new TrustPasswordChange(new LiveDomainConnector(), memberships,
                Clock.systemUTC()), memberships, () -> DomainOptions.fromProperties(props, memberships.load()),
                props.getDomain().getMachinePasswordTimeout(), Clock.systemUTC());
        rotation.start();
        // valid-users group lookups bind to the DC as the machine account, with the password stored now
        DirectoryGroups groups = new DirectoryGroups(new LiveDomainConnector(),
                () -> DomainOptions.fromProperties(props, memberships.load()), () -> memberships.load().orElse(m));
        // the domain's accounts, as the machine account reads them, cached (answers survive a DC outage)
        MachineAccountDirectory source = new MachineAccountDirectory(new LiveDomainConnector(),
                () -> DomainOptions.fromProperties(props, memberships.load()), () -> memberships.load().orElse(m));
        CachingDirectory accounts = IdentityWiring.cache(props, source);
        IdMapRouter idmap = IdmapWiring.router(props, store, m,
                name -> name.equalsIgnoreCase(m.netbiosDomain()) ? Optional.of(new DirectoryPosixAttributes(accounts))
                        : Optional.empty());
        TokenFactory tokens = new TokenFactory(idmap);
        Krb5Acceptor kerberos = kerberosAcceptor(props, DomainOptions.fromProperties(props, joined));
        String self = "host/" + m.computer().dnsHostName();
        LogonCheck logons = new DomainLogonCheck(
                (principal, password) -> new LiveDomainConnector().userServiceTicket(
                        DomainOptions.fromProperties(props, memberships.load()), principal, password, self),
                new KerberosMechanism(kerberos), new NetlogonNtlmVerifier(channels, props.getSmb().isAllowGuest()),
                m.realm());
        IdentityWiring identity = IdentityWiring.start(props, m, m.computer().netbiosName(), source, accounts, idmap,
                logons);
        return Optional.of(new MemberWiring(m, channels, tokens, recorder, rotation, props.getSmb().isAllowGuest(), groups,
                kerberos, props.getAuth().isNtlm(), identity,
                source));
    }

    /**
     * The Kerberos acceptor over the machine keytab, re-read whenever it changes (a machine password
     * change adds the new keys and keeps the previous ones, so tickets issued before it still work).
     */
    private static Krb5Acceptor kerberosAcceptor(BossaProperties props, DomainSettings settings) {
        AuthProperties.Kerberos k = props.getAuth().getKerberos();
        AcceptorPolicy policy = AcceptorPolicy.defaults().withClockSkew(k.getClockSkew())
                .withAllowRc4(settings.allowRc4());
        return new Krb5Acceptor(new KeytabServiceKeys(settings.keytab()), new ReplayCache(k.getReplayCacheEntries()),
                policy, Clock.systemUTC(), new SecureRandom());
    }

    /** The server's NetBIOS name: configured, else the computer account's. */
    String netbiosName(String configured) {
        return configured == null || configured.isBlank() ? membership.computer().netbiosName() : configured;
    }

    SecurityContextFactory auth(StateStore store, String netbios, boolean allowAnonymous) {
        return AuthWiring.member(store, netbios, membership,
                recorder.watching(new NetlogonNtlmVerifier(channels, allowGuest)), allowAnonymous,
                new KerberosMechanism(kerberos), ntlm);
    }

    Optional<Token> tokenFor(AuthenticatedUser user) {
        return switch (tokens.tokenFor(user)) {
            case TokenFactory.Issued issued -> Optional.of(issued.token());
            case TokenFactory.Refused refused -> {
                LOG.warn("logon of {} refused: {}", LogSafe.quote(user.toString()), refused.reason());
                yield Optional.empty();
            }
        };
    }

    /** Group names of this host ({@code localName}) and of the joined domain (asked of a DC), uncached. */
    NameResolver names(String localName) {
        return ScopedNameResolver.member(localName, HostGroups.system(), membership.netbiosDomain(), groups::lookup);
    }

    DomainMembership membership() {
        return membership;
    }

    @Override
    public void close() {
        identity.close();
        directory.close();
        rotation.close();
        channels.close();
    }
}
