package org.bossa.dtyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecurityDescriptorTest {
    static final Sid OWNER = Sid.parse("S-1-5-21-1-2-3-1000");
    static final Sid GROUP = Sid.parse("S-1-5-21-1-2-3-513");

    static SecurityDescriptor sample() {
        Acl dacl = Acl.of(Ace.allowed(OWNER, AccessMask.FILE_ALL_ACCESS, 0),
                Ace.denied(Sid.EVERYONE, AccessMask.FILE_WRITE_DATA, Ace.OBJECT_INHERIT_ACE),
                Ace.allowed(Sid.BUILTIN_USERS, AccessMask.FILE_GENERIC_READ, Ace.INHERITED_ACE));
        Acl sacl = Acl.of(Ace.of(Ace.SYSTEM_AUDIT_ACE_TYPE, Ace.FAILED_ACCESS_ACE_FLAG, AccessMask.DELETE,
                Sid.EVERYONE));
        return new SecurityDescriptor(SecurityDescriptor.SE_DACL_PROTECTED, OWNER, GROUP, sacl, dacl);
    }

    @Test
    void roundTrip() {
        SecurityDescriptor sd = sample();
        byte[] b = sd.encode();
        assertThat(b[0]).isEqualTo((byte) 1);
        int control = (b[2] & 0xFF) | (b[3] & 0xFF) << 8;
        assertThat(control).isEqualTo(0x8000 | 0x1000 | 0x10 | 0x4);
        assertThat(b).hasSize(sd.encodedLength());
        SecurityDescriptor back = SecurityDescriptor.decode(b);
        assertThat(back).isEqualTo(sd);
        assertThat(back.encode()).isEqualTo(b);
        assertThat(back.dacl().aces()).hasSize(3);
        assertThat(back.dacl().aces().get(1).type()).isEqualTo(Ace.ACCESS_DENIED_ACE_TYPE);
    }

    @Test
    void filteredBySecurityInformation() {
        SecurityDescriptor sd = sample();
        SecurityDescriptor ownerOnly = SecurityDescriptor.decode(
                sd.encode(SecurityInformation.OWNER_SECURITY_INFORMATION));
        assertThat(ownerOnly.owner()).isEqualTo(OWNER);
        assertThat(ownerOnly.group()).isNull();
        assertThat(ownerOnly.dacl()).isNull();
        assertThat(ownerOnly.hasDacl()).isFalse();
        assertThat(ownerOnly.control()).isEqualTo(SecurityDescriptor.SE_SELF_RELATIVE);
        assertThat(ownerOnly.encodedLength()).isEqualTo(20 + OWNER.encodedLength());
        SecurityDescriptor daclOnly = sd.filter(SecurityInformation.DACL_SECURITY_INFORMATION);
        assertThat(daclOnly.owner()).isNull();
        assertThat(daclOnly.sacl()).isNull();
        assertThat(daclOnly.control()).isEqualTo(0x8000 | 0x1000 | 0x4);
    }

    @Test
    void nullDaclIsDistinctFromNoDacl() {
        SecurityDescriptor nullDacl = new SecurityDescriptor(SecurityDescriptor.SE_DACL_PRESENT, OWNER, null,
                null, null);
        SecurityDescriptor back = SecurityDescriptor.decode(nullDacl.encode());
        assertThat(back.isNullDacl()).isTrue();
        SecurityDescriptor none = SecurityDescriptor.decode(SecurityDescriptor.of(OWNER, null, null).encode());
        assertThat(none.hasDacl()).isFalse();
        assertThat(none.isNullDacl()).isFalse();
    }

    @Test
    void lyingOffsetsAreRejected() {
        byte[] b = sample().encode();
        for (int field : new int[] {4, 8, 12, 16}) {
            for (int bad : new int[] {b.length, b.length + 100, 19, 1, 0x7FFFFFFF, -1}) {
                byte[] copy = b.clone();
                copy[field] = (byte) bad;
                copy[field + 1] = (byte) (bad >> 8);
                copy[field + 2] = (byte) (bad >> 16);
                copy[field + 3] = (byte) (bad >> 24);
                assertThatThrownBy(() -> SecurityDescriptor.decode(copy))
                        .as("field %d = %d", field, bad)
                        .isInstanceOfSatisfying(DtypFormatException.class,
                                e -> assertThat(e.kind()).isEqualTo(DtypFormatException.Kind.SECURITY_DESCRIPTOR));
            }
        }
        // the owner offset pointing at the last 4 bytes: SID runs past the end
        byte[] tail = b.clone();
        int off = b.length - 4;
        tail[4] = (byte) off;
        tail[5] = (byte) (off >> 8);
        assertThatThrownBy(() -> SecurityDescriptor.decode(tail)).isInstanceOf(DtypFormatException.class);
    }

    @Test
    void truncatedAndMalformedInputIsRejected() {
        byte[] b = sample().encode();
        for (int cut = 0; cut < b.length; cut++) {
            byte[] shorter = Arrays.copyOf(b, cut);
            // never an unchecked index exception, whatever the cut
            try {
                SecurityDescriptor.decode(shorter);
            } catch (DtypFormatException expected) {
                continue;
            }
        }
        byte[] notSelfRelative = b.clone();
        notSelfRelative[3] &= 0x7F;
        assertThatThrownBy(() -> SecurityDescriptor.decode(notSelfRelative)).isInstanceOf(DtypFormatException.class);
        byte[] rev = b.clone();
        rev[0] = 2;
        assertThatThrownBy(() -> SecurityDescriptor.decode(rev)).isInstanceOf(DtypFormatException.class);
    }

    @Test
    void aclValidation() {
        Acl acl = Acl.of(Ace.allowed(OWNER, 1, 0), Ace.allowed(GROUP, 2, 0));
        byte[] b = acl.encode();
        assertThat(Acl.decode(b)).isEqualTo(acl);
        byte[] bigCount = b.clone();
        bigCount[4] = 3; // AceCount 3, the third ACE reads past AclSize
        assertThatThrownBy(() -> Acl.decode(bigCount)).isInstanceOf(DtypFormatException.class);
        byte[] hugeCount = b.clone();
        hugeCount[5] = (byte) 0xFF;
        assertThatThrownBy(() -> Acl.decode(hugeCount)).isInstanceOf(DtypFormatException.class);
        byte[] bigSize = b.clone();
        bigSize[2] = (byte) (b.length + 4);
        assertThatThrownBy(() -> Acl.decode(bigSize)).isInstanceOf(DtypFormatException.class);
        byte[] aceTooBig = b.clone();
        aceTooBig[8 + 2] = (byte) 0xF0; // first AceSize past the ACL
        assertThatThrownBy(() -> Acl.decode(aceTooBig)).isInstanceOf(DtypFormatException.class);
        byte[] aceTooSmall = b.clone();
        aceTooSmall[8 + 2] = 12; // SID does not fit in AceSize
        assertThatThrownBy(() -> Acl.decode(aceTooSmall)).isInstanceOf(DtypFormatException.class);
        byte[] rev = b.clone();
        rev[0] = 3;
        assertThatThrownBy(() -> Acl.decode(rev)).isInstanceOf(DtypFormatException.class);
    }

    @Test
    void unalignedAceSizesThatCannotBeReencodedAreAnAclError() {
        // 7280 opaque ACEs of AceSize 9 fill an AclSize of 65528; padded to 12 bytes each they no longer fit
        int count = 7280;
        byte[] acl = new byte[8 + count * 9];
        acl[0] = Acl.ACL_REVISION_DS;
        acl[2] = (byte) acl.length;
        acl[3] = (byte) (acl.length >>> 8);
        acl[4] = (byte) count;
        acl[5] = (byte) (count >>> 8);
        for (int i = 0; i < count; i++) {
            acl[8 + i * 9] = Ace.ACCESS_ALLOWED_OBJECT_ACE_TYPE;
            acl[8 + i * 9 + 2] = 9;
        }
        assertThatThrownBy(() -> Acl.decode(acl))
                .isInstanceOfSatisfying(DtypFormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(DtypFormatException.Kind.ACL));
    }

    @Test
    void opaqueAceTypesRoundTrip() {
        byte[] body = new byte[40]; // an object ACE: Mask, Flags, ObjectType GUID, ..., SID as raw bytes
        byte[] ace = new byte[8 + 40];
        ace[0] = Ace.ACCESS_ALLOWED_OBJECT_ACE_TYPE;
        ace[2] = (byte) ace.length;
        ace[4] = 1;
        System.arraycopy(body, 0, ace, 8, body.length);
        byte[] acl = new byte[8 + ace.length];
        acl[0] = Acl.ACL_REVISION_DS;
        acl[2] = (byte) acl.length;
        acl[4] = 1;
        System.arraycopy(ace, 0, acl, 8, ace.length);
        Acl decoded = Acl.decode(acl);
        assertThat(decoded.aces().get(0).sid()).isNull();
        assertThat(decoded.aces().get(0).mask()).isEqualTo(1);
        assertThat(decoded.encode()).isEqualTo(acl);
    }

    @Test
    void genericMapping() {
        assertThat(AccessMask.FILE_ALL_ACCESS).isEqualTo(0x1F01FF);
        assertThat(AccessMask.FILE_GENERIC_READ).isEqualTo(0x120089);
        assertThat(AccessMask.FILE_GENERIC_WRITE).isEqualTo(0x120116);
        assertThat(AccessMask.FILE_GENERIC_EXECUTE).isEqualTo(0x1200A0);
        assertThat(AccessMask.mapGenericForFile(AccessMask.GENERIC_ALL | AccessMask.MAXIMUM_ALLOWED))
                .isEqualTo(0x1F01FF | AccessMask.MAXIMUM_ALLOWED);
        assertThat(AccessMask.mapGenericForFile(AccessMask.GENERIC_READ | AccessMask.GENERIC_EXECUTE))
                .isEqualTo(0x1200A9);
    }
}
