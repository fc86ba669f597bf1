package org.bossa.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which verifier owns a logon: the member's own accounts or the domain's. */
class RoutingNtlmVerifierTest {

    private final Recording local = new Recording(NtStatus.WRONG_PASSWORD);
    private final Recording domain = new Recording(NtStatus.NO_LOGON_SERVERS);
    /** One local user, "localuser", looked up case-insensitively as NtlmAccounts promises. */
    private final NtlmAccounts accounts = (d, user) -> user.toLowerCase(Locale.ROOT).equals("localuser")
            ? Optional.of(new byte[16]) : Optional.empty();
    private final RoutingNtlmVerifier router = new RoutingNtlmVerifier(local, domain, accounts, "Bossa1");

    @ParameterizedTest
    @ValueSource(strings = {"BOSSA1", "bossa1", "Bossa1", "bOsSa1"})
    void theServersOwnNameInAnyCaseIsLocal(String domainName) {
        NtlmAuthenticateMessage auth = auth(domainName, "someone");
        byte[] challenge = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] response = {9, 9, 9};

        NtlmVerification result = router.verify(auth, challenge, response);

        assertThat(result.status()).isEqualTo(local.answer);
        assertThat(local.seen).containsExactly(auth);
        assertThat(local.challenges).containsExactly(challenge);
        assertThat(local.responses).containsExactly(response);
        assertThat(domain.seen).isEmpty();
    }

    @Test
    void noDomainAndAnExistingLocalUserIsLocal() {
        router.verify(auth("", "LocalUser"), new byte[8], new byte[1]);
        assertThat(local.seen).hasSize(1);
        assertThat(domain.seen).isEmpty();
    }

    @Test
    void noDomainAndNoSuchLocalUserGoesToTheDomain() {
        NtlmAuthenticateMessage auth = auth("", "alice");
        assertThat(router.verify(auth, new byte[8], new byte[1]).status()).isEqualTo(domain.answer);
        assertThat(domain.seen).containsExactly(auth);
        assertThat(local.seen).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXAMPLE", "example.test", "TRUSTED", "BOSSA", "BOSSA12"})
    void anyOtherDomainGoesToTheDomainEvenForALocalUsersName(String domainName) {
        router.verify(auth(domainName, "localuser"), new byte[8], new byte[1]);
        assertThat(domain.seen).hasSize(1);
        assertThat(local.seen).isEmpty();
    }

    private static NtlmAuthenticateMessage auth(String domainName, String user) {
        return new NtlmAuthenticateMessage(0, new byte[0], new byte[1], domainName, user, "WS1", new byte[0], null, null);
    }

    /** Answers every logon with one status and remembers what it was given. */
    private static final class Recording implements NtlmVerifier {
        final NtStatus answer;
        final List<NtlmAuthenticateMessage> seen = new ArrayList<>();
        final List<byte[]> challenges = new ArrayList<>();
        final List<byte[]> responses = new ArrayList<>();

        Recording(NtStatus answer) {
            this.answer = answer;
        }

        @Override
        public NtlmVerification verify(NtlmAuthenticateMessage auth, byte[] serverChallenge, byte[] ntlmv2Response) {
            seen.add(auth);
            challenges.add(serverChallenge);
            responses.add(ntlmv2Response);
            return NtlmVerification.failure(answer);
        }
    }
}
