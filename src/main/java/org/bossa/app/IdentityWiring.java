package org.bossa.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.bossa.domain.AccountDirectory;
import org.bossa.domain.DirectoryLookupException;
import org.bossa.domain.DomainMembership;
import org.bossa.dtyp.Sid;
import org.bossa.identity.CachingDirectory;
import org.bossa.identity.DomainIdentityService;
import org.bossa.identity.IdentityService;
import org.bossa.identity.LogonCheck;
import org.bossa.identity.userdb.UserDbConfig;
import org.bossa.identity.userdb.UserDbServer;
import org.bossa.identity.winbind.WinbindServer;
import org.bossa.idmap.IdMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity service a joined {@code serve} offers the host: the {@link DomainIdentityService}
 * and the two sockets that answer from it, winbindd's (libnss_winbind, pam_winbind, wbinfo,
 * ntlm_auth) and systemd's userdb. A socket that cannot be opened (not root, another winbindd
 * holding it) is logged and left out; file service goes on.
 */
final class IdentityWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityWiring.class);
    private final IdentityService service;
    private WinbindServer winbind;
    private UserDbServer userdb;

    private IdentityWiring(IdentityService service) {
        this.service = service;
    }

    static CachingDirectory cache(BossaProperties props, AccountDirectory source) {
        Duration ttl = props.getIdentity().getCacheTtl();
        CachingDirectory.Settings s = CachingDirectory.Settings.defaults();
        return new CachingDirectory(source, Clock.systemUTC(), s.withTtl(ttl, ttl.compareTo(s.negativeTtl()) < 0 ? ttl
                : s.negativeTtl()));
    }

    static IdentityWiring start(BossaProperties props, DomainMembership m, String netbiosName, AccountDirectory source,
            CachingDirectory cache, IdMapper idmap, LogonCheck logons) {
        IdentityProperties p = props.getIdentity();
        String self = m.computer().samAccountName();
        IdentityService service = new DomainIdentityService(cache, idmap,
                new IdentityService.DomainInfo(m.netbiosDomain(), m.dnsDomain(), Sid.parse(m.domainSid()), netbiosName, '\\'),
                new DomainIdentityService.Templates(p.getTemplateHomedir(), p.getTemplateShell()), p.isUseDefaultDomain(),
                logons).withHealthProbe(() -> probe(source, self));
        IdentityWiring w = new IdentityWiring(service);
        if (!p.isEnabled()) {
            return w;
        }
        Path dir = p.getWinbindSocketDir();
        WinbindServer wb = new WinbindServer(service, dir, WinbindServer.DEFAULT_PRIVILEGED_DIR,
                WinbindServer.DEFAULT_MAX_CLIENTS);
        try {
            wb.start();
            w.winbind = wb;
            LOG.info("identity service: winbindd socket {} (getent, id, wbinfo, pam_winbind)", wb.socket());
        } catch (IOException | RuntimeException e) {
            LOG.warn("identity service: cannot open the winbindd socket in {}: {}", dir, e.toString());
        }
        if (p.getUserdbSocket() != null && !p.getUserdbSocket().toString().isBlank()) {
            UserDbServer ud = new UserDbServer(UserDbConfig.defaults(p.getUserdbSocket()), service);
            try {
                ud.start();
                w.userdb = ud;
                LOG.info("identity service: systemd userdb socket {}", p.getUserdbSocket());
            } catch (IOException | RuntimeException e) {
                LOG.warn("identity service: cannot open the userdb socket {}: {}", p.getUserdbSocket(), e.toString());
            }
        }
        return w;
    }

    /** One uncached directory question (our own computer account): does a DC answer now? */
    private static IdentityService.Health probe(AccountDirectory source, String self) {
        try {
            source.byName(self);
            return new IdentityService.Health(true, source.lastDc(), "");
        } catch (DirectoryLookupException e) {
            return new IdentityService.Health(!e.offline(), source.lastDc(), e.getMessage());
        }
    }

    IdentityService service() {
        return service;
    }

    @Override
    public void close() {
        if (winbind != null) {
            winbind.close();
        }
        if (userdb != null) {
            userdb.close();
        }
    }
}
