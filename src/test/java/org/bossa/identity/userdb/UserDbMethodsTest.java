package org.bossa.identity.userdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDbMethodsTest {
    static final String SVC = "org.bossa.identity";

    /** One answer as the wire would carry it: parameters and continues, or an error name. */
    record Answer(Map<String, Object> parameters, boolean continues, String error) {
    }

    static final class Recorder implements ReplySink {
        final List<Answer> answers = new ArrayList<>();

        @Override
        public void reply(Map<String, Object> parameters, boolean continues) {
            answers.add(new Answer(parameters, continues, null));
        }

        @Override
        public void error(String error, Map<String, Object> parameters) {
            answers.add(new Answer(parameters, false, error));
        }
    }

    private final FakeIdentityService fake = new FakeIdentityService('+');
    private final UserDbMethods methods = new UserDbMethods(fake, SVC, 100);

    private List<Answer> call(String method, boolean more, Object... kv) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        Recorder r = new Recorder();
        methods.handle(new VarlinkCall(method, p, more, false), r);
        return r.answers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Answer a) {
        assertThat(a.error()).isNull();
        assertThat(a.parameters()).containsEntry("incomplete", false);
        return (Map<String, Object>) a.parameters().get("record");
    }

    @Test
    void userByUidIsTheFullRegularRecordInWinbindsNameForm() throws Exception {
        List<Answer> a = call("io.systemd.UserDatabase.GetUserRecord", false, "uid", 10001L, "service", SVC);
        assertThat(a).hasSize(1);
        assertThat(a.get(0).continues()).isFalse();
        assertThat(record(a.get(0))).containsExactly(Map.entry("userName", "EXAMPLE+alice"),
                Map.entry("uid", 10001L), Map.entry("gid", 10513L), Map.entry("realName", "Alice Liddell"),
                Map.entry("homeDirectory", "/home/EXAMPLE/alice"), Map.entry("shell", "/bin/bash"),
                Map.entry("disposition", "regular"), Map.entry("service", SVC));
    }

    @Test
    void anEmptyGecosIsLeftOutNotSentEmpty() throws Exception {
        List<Answer> a = call("io.systemd.UserDatabase.GetUserRecord", false, "uid", 10002L, "service", SVC);
        assertThat(record(a.get(0))).doesNotContainKey("realName");
    }

    @Test
    void aLookupByNameEchoesTheNameAsAsked() throws Exception {
        for (String asked : new String[] {"alice@example.test", "EXAMPLE+ALICE", "alice"}) {
            List<Answer> a = call("io.systemd.UserDatabase.GetUserRecord", false, "userName", asked, "service", SVC);
            assertThat(record(a.get(0))).containsEntry("userName", asked).containsEntry("uid", 10001L);
        }
    }

    @Test
    void nameAndUidMustNameTheSameUser() throws Exception {
        String m = "io.systemd.UserDatabase.GetUserRecord";
        assertThat(record(call(m, false, "userName", "alice", "uid", 10001L, "service", SVC).get(0)))
                .containsEntry("uid", 10001L);
        assertThat(call(m, false, "userName", "alice", "uid", 10002L, "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.CONFLICTING_RECORD_FOUND);
        assertThat(call(m, false, "userName", "carol", "uid", 10002L, "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.CONFLICTING_RECORD_FOUND);
        assertThat(call(m, false, "userName", "carol", "uid", 5L, "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.NO_RECORD_FOUND);
    }

    @Test
    void unknownUsersAndGroupsAreNoRecordFound() throws Exception {
        assertThat(call("io.systemd.UserDatabase.GetUserRecord", false, "uid", 0L, "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.NO_RECORD_FOUND);
        assertThat(call("io.systemd.UserDatabase.GetGroupRecord", false, "groupName", "nope", "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.NO_RECORD_FOUND);
    }

    @Test
    void theServiceParameterMustNameThisService() throws Exception {
        for (String m : new String[] {"GetUserRecord", "GetGroupRecord", "GetMemberships"}) {
            String method = "io.systemd.UserDatabase." + m;
            assertThat(call(method, true, "service", "org.samba.winbind")).extracting(Answer::error)
                    .containsExactly(UserDbErrors.BAD_SERVICE);
            assertThat(call(method, true)).extracting(Answer::error).containsExactly(UserDbErrors.BAD_SERVICE);
            assertThat(call(method, true, "service", 7L)).extracting(Answer::error)
                    .containsExactly(UserDbErrors.BAD_SERVICE);
        }
    }

    @Test
    void enumerationStreamsWithContinuesOnAllButTheLast() throws Exception {
        List<Answer> a = call("io.systemd.UserDatabase.GetUserRecord", true, "service", SVC);
        assertThat(a).hasSize(2);
        assertThat(a).extracting(Answer::continues).containsExactly(true, false);
        assertThat(record(a.get(0))).containsEntry("userName", "EXAMPLE+alice");
        assertThat(record(a.get(1))).containsEntry("userName", "EXAMPLE+bob");

        List<Answer> g = call("io.systemd.UserDatabase.GetGroupRecord", true, "service", SVC);
        assertThat(g).extracting(Answer::continues).containsExactly(true, false);
        assertThat(record(g.get(0))).containsEntry("groupName", "EXAMPLE+domain users")
                .containsEntry("members", List.of("EXAMPLE+alice", "EXAMPLE+bob"));
    }

    @Test
    void enumerationNeedsMoreAndCanBeTurnedOff() throws Exception {
        assertThat(call("io.systemd.UserDatabase.GetUserRecord", false, "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.EXPECTED_MORE);
        UserDbMethods off = new UserDbMethods(fake, SVC, 0);
        Recorder r = new Recorder();
        off.handle(new VarlinkCall("io.systemd.UserDatabase.GetGroupRecord", Map.of("service", SVC), true, false), r);
        assertThat(r.answers).extracting(Answer::error).containsExactly(UserDbErrors.ENUMERATION_NOT_SUPPORTED);
    }

    @Test
    void groupRecordsByGidAndByName() throws Exception {
        Map<String, Object> byGid = record(
                call("io.systemd.UserDatabase.GetGroupRecord", false, "gid", 10600L, "service", SVC).get(0));
        assertThat(byGid).containsEntry("groupName", "EXAMPLE+engineers").containsEntry("gid", 10600L)
                .containsEntry("members", List.of("EXAMPLE+alice")).containsEntry("service", SVC);
        Map<String, Object> byName = record(call("io.systemd.UserDatabase.GetGroupRecord", false,
                "groupName", "engineers@example.test", "gid", 10600L, "service", SVC).get(0));
        assertThat(byName).containsEntry("groupName", "engineers@example.test");
        assertThat(call("io.systemd.UserDatabase.GetGroupRecord", false, "groupName", "engineers", "gid", 10513L,
                "service", SVC)).extracting(Answer::error).containsExactly(UserDbErrors.CONFLICTING_RECORD_FOUND);
    }

    @Test
    void membershipsOfAUserOfAGroupAndTheCheck() throws Exception {
        String m = "io.systemd.UserDatabase.GetMemberships";
        List<Answer> ofUser = call(m, true, "userName", "alice", "service", SVC);
        assertThat(ofUser).extracting(Answer::parameters).containsExactly(
                Map.of("userName", "alice", "groupName", "EXAMPLE+domain users"),
                Map.of("userName", "alice", "groupName", "EXAMPLE+engineers"));
        assertThat(ofUser).extracting(Answer::continues).containsExactly(true, false);

        List<Answer> ofGroup = call(m, true, "groupName", "EXAMPLE+domain users", "service", SVC);
        assertThat(ofGroup).extracting(Answer::parameters).containsExactly(
                Map.of("userName", "EXAMPLE+alice", "groupName", "EXAMPLE+domain users"),
                Map.of("userName", "EXAMPLE+bob", "groupName", "EXAMPLE+domain users"));

        assertThat(call(m, false, "userName", "alice", "groupName", "engineers", "service", SVC))
                .extracting(Answer::parameters).containsExactly(Map.of("userName", "alice", "groupName", "engineers"));
        assertThat(call(m, false, "userName", "bob", "groupName", "engineers", "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.NO_RECORD_FOUND);
        assertThat(call(m, true, "userName", "nobody", "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.NO_RECORD_FOUND);

        List<Answer> all = call(m, true, "service", SVC);
        assertThat(all).hasSize(3);
        assertThat(all).extracting(Answer::continues).containsExactly(true, true, false);
    }

    @Test
    void severalAnswersWithoutMoreAreExpectedMore() throws Exception {
        List<Answer> a = call("io.systemd.UserDatabase.GetMemberships", false, "userName", "alice", "service", SVC);
        assertThat(a).extracting(Answer::error).containsExactly(UserDbErrors.EXPECTED_MORE);
    }

    @Test
    void anUnreachableDomainIsServiceNotAvailable() throws Exception {
        fake.offline = true;
        assertThat(call("io.systemd.UserDatabase.GetUserRecord", false, "userName", "alice", "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.SERVICE_NOT_AVAILABLE);
        assertThat(call("io.systemd.UserDatabase.GetGroupRecord", true, "service", SVC))
                .extracting(Answer::error).containsExactly(UserDbErrors.SERVICE_NOT_AVAILABLE);
    }

    @Test
    void badlyTypedParametersAreInvalidParameter() throws Exception {
        String m = "io.systemd.UserDatabase.GetUserRecord";
        assertThat(call(m, false, "uid", "10001", "service", SVC)).extracting(Answer::parameters)
                .containsExactly(Map.of("parameter", "uid"));
        assertThat(call(m, false, "uid", -5L, "service", SVC)).extracting(Answer::error)
                .containsExactly(UserDbErrors.INVALID_PARAMETER);
        assertThat(call(m, false, "uid", 4294967295L, "service", SVC)).extracting(Answer::error)
                .containsExactly(UserDbErrors.INVALID_PARAMETER);
        assertThat(call(m, false, "uid", 1.5, "service", SVC)).extracting(Answer::error)
                .containsExactly(UserDbErrors.INVALID_PARAMETER);
        assertThat(call(m, false, "userName", List.of(), "service", SVC)).extracting(Answer::error)
                .containsExactly(UserDbErrors.INVALID_PARAMETER);
        // JSON null is "not given": this is the lookup by uid
        assertThat(record(call(m, false, "userName", JsonReader.NULL, "uid", 10002L, "service", SVC).get(0)))
                .containsEntry("userName", "EXAMPLE+bob");
    }

    @Test
    void introspectionAndUnknownMethods() throws Exception {
        List<Answer> info = call("org.varlink.service.GetInfo", false);
        assertThat(info.get(0).parameters()).containsEntry("interfaces",
                List.of("io.systemd.UserDatabase", "org.varlink.service"));
        List<Answer> d = call("org.varlink.service.GetInterfaceDescription", false,
                "interface", "io.systemd.UserDatabase");
        assertThat((String) d.get(0).parameters().get("description")).startsWith("interface io.systemd.UserDatabase")
                .contains("method GetMemberships(");
        assertThat(call("org.varlink.service.GetInterfaceDescription", false, "interface", "x.Y"))
                .extracting(Answer::error).containsExactly(UserDbErrors.INTERFACE_NOT_FOUND);
        assertThat(call("io.systemd.UserDatabase.Frobnicate", false)).extracting(Answer::error)
                .containsExactly(UserDbErrors.METHOD_NOT_FOUND);
        assertThat(call("io.systemd.Other.Thing", false)).extracting(Answer::error)
                .containsExactly(UserDbErrors.INTERFACE_NOT_FOUND);
    }
}
