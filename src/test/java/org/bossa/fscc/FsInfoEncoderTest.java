package org.bossa.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bossa.fscc.FsInformationClass.*;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FsInfoEncoderTest {
    static final FsInfo FS = FsInfo.disk(0x01D0_0000_0000_0000L, 0x12345678, "share", 4096, 1000, 300, 400);

    @Test
    void volumeInformation() {
        byte[] b = FsInfoEncoder.encode(FileFsVolumeInformation, FS);
        assertThat(b).hasSize(18 + 10);
        assertThat(Le.u64(b, 0)).isEqualTo(0x01D0_0000_0000_0000L);
        assertThat(Le.u32(b, 8)).isEqualTo(0x12345678);
        assertThat(Le.u32(b, 12)).isEqualTo(10);
        assertThat(b[16]).isZero();
        assertThat(Le.utf16(b, 18, 10)).isEqualTo("share");
    }

    @Test
    void sizeClasses() {
        byte[] s = FsInfoEncoder.encode(FileFsSizeInformation, FS);
        assertThat(s).hasSize(24);
        assertThat(Le.u64(s, 0)).isEqualTo(1000);
        assertThat(Le.u64(s, 8)).isEqualTo(300);
        assertThat(Le.u32(s, 16)).isEqualTo(8);
        assertThat(Le.u32(s, 20)).isEqualTo(512);
        byte[] f = FsInfoEncoder.encode(FileFsFullSizeInformation, FS);
        assertThat(f).hasSize(32);
        assertThat(Le.u64(f, 8)).isEqualTo(300);
        assertThat(Le.u64(f, 16)).isEqualTo(400);
        assertThat(Le.u32(f, 24)).isEqualTo(8);
        byte[] sec = FsInfoEncoder.encode(FileFsSectorSizeInformation, FS);
        assertThat(sec).hasSize(28);
        assertThat(Le.u32(sec, 0)).isEqualTo(512);
        assertThat(Le.u32(sec, 16)).isEqualTo(3);
    }

    @Test
    void deviceAndAttributes() {
        byte[] d = FsInfoEncoder.encode(FileFsDeviceInformation, FS);
        assertThat(d).containsExactly(7, 0, 0, 0, 0x20, 0, 0, 0);
        byte[] a = FsInfoEncoder.encode(FileFsAttributeInformation, FS);
        assertThat(a).hasSize(12 + 8);
        assertThat(Le.u32(a, 0)).isEqualTo(0x4F); // case sensitive/preserved, unicode, ACLs, sparse
        assertThat(Le.u32(a, 4)).isEqualTo(255);
        assertThat(Le.u32(a, 8)).isEqualTo(8);
        assertThat(Le.utf16(a, 12, 8)).isEqualTo("NTFS");
        assertThat(FileSystemAttributes.BOSSA_DEFAULT & FileSystemAttributes.FILE_NAMED_STREAMS).isZero();
        QueryOutput cut = FsInfoEncoder.encode(FileFsAttributeInformation, FS, 16);
        assertThat(cut.bufferOverflow()).isTrue();
        assertThat(cut.length()).isEqualTo(16);
        assertThatThrownBy(() -> FsInfoEncoder.encode(FileFsAttributeInformation, FS, 15))
                .isInstanceOf(FsccFormatException.class);
    }

    @Test
    void objectId() {
        assertThatThrownBy(() -> FsInfoEncoder.encode(FileFsObjectIdInformation, FS))
                .isInstanceOf(FsccUnsupportedException.class);
        FsInfo withId = new FsInfo(0, 1, "", 1, 1, 1, 1, 512, 7, 0, 0, 255, "NTFS",
                UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        byte[] b = FsInfoEncoder.encode(FileFsObjectIdInformation, withId);
        assertThat(b).hasSize(64);
        assertThat(b).startsWith(0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB);
        assertThat(FsInfoEncoder.encode(FileFsVolumeInformation, withId)[16]).isEqualTo((byte) 1);
    }

    @Test
    void networkInterfaceInfo() throws Exception {
        byte[] b = NetworkInterfaceInfo.encode(List.of(
                new NetworkInterfaceInfo(2, NetworkInterfaceInfo.RSS_CAPABLE, 10_000_000_000L,
                        InetAddress.getByName("192.168.1.10")),
                new NetworkInterfaceInfo(2, 0, 1_000_000_000L, InetAddress.getByName("fe80::1"))));
        assertThat(b).hasSize(304);
        assertThat(Le.u32(b, 0)).isEqualTo(152);
        assertThat(Le.u32(b, 4)).isEqualTo(2);
        assertThat(Le.u32(b, 8)).isEqualTo(1);
        assertThat(Le.u64(b, 16)).isEqualTo(10_000_000_000L);
        assertThat(Le.u16(b, 24)).isEqualTo(2);
        assertThat(b[28] & 0xFF).isEqualTo(192);
        assertThat(b[31]).isEqualTo((byte) 10);
        assertThat(Le.u32(b, 152)).isZero();
        assertThat(Le.u16(b, 152 + 24)).isEqualTo(0x17);
        assertThat(b[152 + 32] & 0xFF).isEqualTo(0xFE);
        assertThat(b[152 + 47]).isEqualTo((byte) 1);
    }

    @Test
    void fsctlNames() {
        assertThat(FsctlCodes.name(0x00140204)).isEqualTo("FSCTL_VALIDATE_NEGOTIATE_INFO");
        assertThat(FsctlCodes.name(0x12345678)).isEqualTo("0x12345678");
        assertThat(FsctlCodes.deviceType(FsctlCodes.FSCTL_SET_SPARSE)).isEqualTo(9);
        assertThat(FsctlCodes.method(FsctlCodes.FSCTL_PIPE_TRANSCEIVE)).isEqualTo(3);
    }
}
